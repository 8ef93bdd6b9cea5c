/**
 * The sitemap (templates/sitemap.11ty.ts): every HTML page's URL, in PAGE_KINDS order (`pageUrls`,
 * gathered from the kinds' `urls` by buildSiteData), with the articles' dates as lastmod.
 */
import type { PageKind } from './kind.ts';

export const sitemap: PageKind = {
  name: 'sitemap',
  data(_model, made) {
    const lastmod: Record<string, string> = {};
    for (const a of made.articles ?? []) if (a.iso) lastmod[a.url] = a.iso;
    return { lastmod };
  },
  urls: () => [],
  unpaginatedOnly: { pageUrls: [], lastmod: {} },
};
