/** /tim-kiem/ten.json: the names the search page knows, with their pages (src/search/names.ts). */
import { personRegistry, placeRegistry } from '../src/registry/index.ts';
import { searchNames } from '../src/search/names.ts';
import type { Ctx, Data } from './_includes/types.ts';

export const data = { permalink: '/tim-kiem/ten.json', eleventyExcludeFromCollections: true };

export function render(this: Ctx, d: Data): string {
  const entries = (kind: 'person' | 'place') => d.archive.entityLinks[kind].map((e) => ({ name: e.name, url: this.url(e.url) }));
  return `${JSON.stringify(searchNames(
    { person: personRegistry.all, place: placeRegistry.all },
    { person: entries('person'), place: entries('place') },
  ))}\n`;
}
