import { absoluteUrl } from '../src/site/config.ts';
import type { Ctx, Data } from './_includes/types.ts';

export const data = { permalink: '/robots.txt', eleventyExcludeFromCollections: true };

export function render(this: Ctx, d: Data): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(d.site, this.url('/sitemap.xml'))}\n`;
}
