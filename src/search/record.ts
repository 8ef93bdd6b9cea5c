/**
 * One article as Pagefind receives it (searchRecord: its text with the registry's aliases, its
 * meta, filters and sort keys), and the aliases of the registries an archive's knowledge makes.
 * Pure, but for loading the registries once.
 */
import type * as pagefind from 'pagefind';
import { PATHS } from '../paths.ts';
import type { Knowledge } from '../registry/knowledge.ts';
import { formatShort } from '../site/dates.ts';
import { aliasTable, indexedText, searchDocument, type AliasTables, type SearchableRecord } from './content.ts';

export type PagefindRecord = Parameters<pagefind.PagefindIndex['addCustomRecord']>[0];

/** The sort key of an article: its date and time; undated ones as year 0000, so "newest first" lists them last. */
export function sortKey(r: SearchableRecord): string {
  const p = r.published;
  return p.date ? `${p.date}T${p.time ?? '00:00'}` : `0000${(p.partial ?? '--00-00').slice(1)}T00:00`;
}

/** One article as Pagefind receives it. Pure. */
export function searchRecord(r: SearchableRecord, aliases: AliasTables, pathPrefix = '/', bodyWords?: number, language = 'vi'): PagefindRecord {
  const prefix = pathPrefix.replace(/\/+$/, '');
  const doc = searchDocument(r, aliases, bodyWords);
  // The title as Pagefind indexes it (indexedText, as the content) and the marks that give it back as written.
  const title = indexedText(r.title);
  const meta: Record<string, string> = { title: title.text, date: formatShort(r.published), w: String(doc.words) };
  if (r.published.date) meta.day = r.published.date;
  for (const [key, marks] of [['td', title.d], ['th', title.h], ['d', doc.d], ['h', doc.h]] as const) if (marks) meta[key] = marks;
  if (r.outlet) meta.outlet = r.outlet.name;
  const filters: Record<string, string[]> = {};
  if (r.outlet) filters.outlet = [r.outlet.name];
  if (r.published.date) filters.year = [r.published.date.slice(0, 4)];
  // the search page's date range (from–to month) is the months in it
  if (r.published.date) filters.month = [r.published.date.slice(0, 7)];
  if (r.people.length) filters.person = [...new Set(r.people)];
  if (r.places.length) filters.place = [...new Set(r.places)];
  // Every record gets both sort keys (Pagefind drops records without one from a sorted search):
  // `date` for newest first (the undated last, as 0000), `oldest` for oldest first (the undated last, as 9999).
  const key = sortKey(r);
  return {
    url: `${prefix}${PATHS.article(r.slug)}`,
    content: doc.content,
    language,
    meta,
    filters,
    sort: { date: key, oldest: r.published.date ? key : `9999${key.slice(4)}` },
  };
}

/** The fields of a record that searchRecord() and searchContent() read. */
export function indexedFields(r: SearchableRecord): unknown[] {
  return [r.slug, r.title, r.lede, r.text, r.captions, r.published, r.outlet?.name ?? null, r.originalOutlet?.name ?? null, r.people, r.places];
}

const aliasesByKnowledge = new Map<string, AliasTables>();
/** The names' aliases of the registries an archive's knowledge makes (built once per knowledge). */
export async function registryAliases(knowledge: Knowledge = {}): Promise<AliasTables> {
  const key = JSON.stringify(knowledge);
  let aliases = aliasesByKnowledge.get(key);
  if (!aliases) {
    const { createRegistries } = await import('../registry/index.ts');
    const { people, places } = createRegistries(knowledge);
    aliasesByKnowledge.set(key, (aliases = { people: aliasTable(people.all), places: aliasTable(places.all) }));
  }
  return aliases;
}
