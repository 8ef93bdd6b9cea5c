/** Site-wide settings that are not in the records. */
export interface SiteConfig {
  /** absolute origin (and path, if any) of the public site, no trailing slash */
  url: string;
  name: string;
  tagline: string;
  description: string;
}

export function siteConfig(env: Record<string, string | undefined> = {}): SiteConfig {
  const url = (env.SITE_URL?.trim() || 'https://example.org').replace(/\/+$/, '');
  return {
    url,
    name: 'Nga – Triều Tiên qua báo chí',
    tagline: 'Kho lưu trữ tin bài báo chí Việt Nam về quan hệ Nga – Triều Tiên',
    description:
      'Kho lưu trữ các bài báo tiếng Việt về quan hệ Nga – Triều Tiên: tra cứu theo ngày, theo báo, theo nhân vật và địa danh.',
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
