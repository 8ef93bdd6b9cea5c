import type { ArchiveConfig } from '../archiveConfig.ts';

/** Site-wide settings that are not in the records: the templates' `site` data, from the archive's config. */
export interface SiteConfig {
  /** absolute origin (and path, if any) of the public site, no trailing slash */
  url: string;
  name: string;
  tagline: string;
  description: string;
  /** <html lang>, the feeds' language */
  language: string;
  /** what the archive is about ("quan hệ Nga – Triều Tiên") */
  subject: string;
  /** the header's mark ("NT") */
  mark: string;
  /** the search page's example of a query without diacritics */
  searchExample: { folded: string; written: string };
}

/** The templates' settings from the archive's config; SITE_URL (env) overrides its site URL. */
export function siteConfig(config: ArchiveConfig, env: Record<string, string | undefined> = {}): SiteConfig {
  const url = (env.SITE_URL?.trim() || config.siteUrl).replace(/\/+$/, '');
  return {
    url,
    name: config.name,
    tagline: config.tagline,
    description: config.description,
    language: config.language,
    subject: config.phrases.subject,
    mark: config.phrases.mark,
    searchExample: config.phrases.searchExample,
  };
}

/** Absolute URL from a prefixed site path ("/sub/bai-viet/x/"). */
export function absoluteUrl(site: SiteConfig, prefixedPath: string): string {
  const base = new URL(site.url);
  const path = prefixedPath.startsWith('/') ? prefixedPath : `/${prefixedPath}`;
  // SITE_URL may carry a path of its own; keep it unless the path prefix already gives it.
  const basePath = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${basePath && !path.startsWith(`${basePath}/`) ? basePath : ''}${path}`;
}

/** "sub", "/sub", "/sub/" → "/sub/"; nothing → "/". */
export function normalizePathPrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
