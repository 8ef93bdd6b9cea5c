/** sitemap.xml: every HTML page (not the 404). */
import { escapeXml } from '../src/site/escape.ts';
import { absoluteUrl } from '../src/site/config.ts';
import type { Ctx, Data } from './_includes/types.ts';

export const data = { permalink: '/sitemap.xml', eleventyExcludeFromCollections: true };

export function render(this: Ctx, d: Data): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const url of d.archive.pageUrls) {
    const lastmod = d.archive.lastmod[url];
    out.push(
      `<url><loc>${escapeXml(absoluteUrl(d.site, this.url(url)))}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</url>`,
    );
  }
  out.push('</urlset>', '');
  return out.join('\n');
}
