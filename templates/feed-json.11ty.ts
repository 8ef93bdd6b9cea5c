/** JSON Feed 1.1 of the latest articles, full text. */
import { jsonForScript, safeExternalUrl } from '../src/site/escape.ts';
import { absoluteUrl } from '../src/site/config.ts';
import type { Ctx, Data } from './_includes/types.ts';

export const data = { permalink: '/feed.json', eleventyExcludeFromCollections: true };

export function render(this: Ctx, d: Data): string {
  const { site, archive } = d;
  const abs = (p: string) => absoluteUrl(site, this.url(p));
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.name,
    description: site.tagline,
    home_page_url: abs('/'),
    feed_url: abs('/feed.json'),
    language: site.language,
    authors: [{ name: site.name }],
    items: archive.feed.map((a) => {
      const original = safeExternalUrl(a.originalUrl);
      return {
        id: abs(a.url),
        url: abs(a.url),
        ...(original ? { external_url: original } : {}),
        title: a.title,
        content_html: a.html,
        summary: a.description,
        ...(a.iso ? { date_published: a.iso } : {}),
        ...(a.authors.length ? { authors: a.authors.map((name) => ({ name })) } : {}),
        ...(a.people.length || a.places.length ? { tags: [...a.people, ...a.places].map((t) => t.name) } : {}),
        language: site.language,
      };
    }),
  };
  // markup in titles and bodies stays inert even where a reader treats the JSON as text
  return `${jsonForScript(feed, 2)}\n`;
}
