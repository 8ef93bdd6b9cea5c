/** /tim-kiem/ten.json: the names the search page knows, with their pages (src/site/searchNames.ts). */
import { jsonForScript } from '../src/site/escape.ts';
import { searchNames } from '../src/site/searchNames.ts';
import type { Ctx, Data } from './_includes/types.ts';

export const data = { permalink: '/tim-kiem/ten.json', eleventyExcludeFromCollections: true };

export function render(this: Ctx, d: Data): string {
  const entries = (kind: 'person' | 'place') => d.archive.entityLinks[kind].map((e) => ({ name: e.name, url: this.url(e.url) }));
  // "<" and ">" escaped as in every JSON file of the site: a name is never markup anywhere
  return `${jsonForScript(searchNames(
    d.archive.registryNames,
    { person: entries('person'), place: entries('place') },
  ))}\n`;
}
