/** Atom 1.0 feed of the latest articles, full text. */
import { escapeXml as x, safeExternalUrl } from '../src/site/escape.ts';
import { absoluteUrl } from '../src/site/config.ts';
import type { Ctx, Data } from './_includes/types.ts';

export const data = { permalink: '/feed.xml', eleventyExcludeFromCollections: true };

export function render(this: Ctx, d: Data): string {
  const { site, archive } = d;
  const abs = (p: string) => absoluteUrl(site, this.url(p));
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(site.language)}">`,
    `<title>${x(site.name)}</title>`,
    `<subtitle>${x(site.tagline)}</subtitle>`,
    `<id>${x(abs('/'))}</id>`,
    `<link rel="self" type="application/atom+xml" href="${x(abs('/feed.xml'))}"/>`,
    `<link rel="alternate" type="text/html" href="${x(abs('/'))}"/>`,
    `<updated>${x(archive.updated ?? '1970-01-01T00:00:00+07:00')}</updated>`,
    `<author><name>${x(site.name)}</name></author>`,
  ];
  for (const a of archive.feed) {
    const original = safeExternalUrl(a.originalUrl);
    const content = `${a.lede ? `<p><strong>${x(a.lede)}</strong></p>\n` : ''}${a.html}`;
    out.push(
      '<entry>',
      `<title>${x(a.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${x(abs(a.url))}"/>`,
      ...(original ? [`<link rel="via" href="${x(original)}"/>`] : []),
      `<id>${x(abs(a.url))}</id>`,
      `<published>${x(a.iso)}</published>`,
      `<updated>${x(a.iso)}</updated>`,
      ...a.authors.map((n) => `<author><name>${x(n)}</name></author>`),
      ...(a.outletLink ? [`<source><title>${x(a.outletLink.name)}</title><id>https://${x(a.outletLink.domain)}/</id><updated>${x(a.iso)}</updated></source>`] : []),
      `<summary>${x(a.description)}</summary>`,
      `<content type="html">${x(content)}</content>`,
      '</entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
