/**
 * The search index: one Pagefind custom record per article, built from the
 * records (no HTML is re-read or re-parsed), written to <siteDir>/pagefind/.
 * The browser side is templates/assets/search.js on /tim-kiem/.
 *
 * Result URLs carry the path prefix ("/sub/bai-viet/x/"); search.js sets
 * Pagefind's baseUrl to "/" so it does not add the prefix a second time.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { ArticleRecord } from '../record.ts';
import { PATHS } from '../site/data.ts';
import { formatShort } from '../site/dates.ts';
import { aliasTable, searchContent, type AliasTables } from './content.ts';

export interface SearchIndexOptions {
  /** the built site (Eleventy's output, before it is swapped in) */
  siteDir: string;
  records: readonly ArticleRecord[];
  /** "/" or "/sub/" */
  pathPrefix?: string;
  /** registry aliases (default: src/registry people and places) */
  aliases?: AliasTables;
}

export interface SearchIndexResult {
  /** articles indexed */
  records: number;
  /** records skipped because the site has no page for them */
  skipped: number;
  seconds: number;
}

/** Pagefind's ready-made UI bundles: this site has its own small page, so they are not shipped. */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** How many records are in flight to the Pagefind service at once. */
const BATCH = 200;

export type PagefindRecord = Parameters<pagefind.PagefindIndex['addCustomRecord']>[0];

/** One article as Pagefind receives it. Pure. */
export function searchRecord(r: ArticleRecord, aliases: AliasTables, pathPrefix = '/'): PagefindRecord {
  const prefix = pathPrefix.replace(/\/+$/, '');
  const meta: Record<string, string> = { title: r.title, date: formatShort(r.published) };
  if (r.published.date) meta.day = r.published.date;
  if (r.outlet) meta.outlet = r.outlet.name;
  const filters: Record<string, string[]> = {};
  if (r.outlet) filters.outlet = [r.outlet.name];
  if (r.published.date) filters.year = [r.published.date.slice(0, 4)];
  if (r.people.length) filters.person = [...new Set(r.people)];
  if (r.places.length) filters.place = [...new Set(r.places)];
  // Every record gets a sort key (Pagefind drops records without one from a sorted search):
  // undated ones sort as year 0000, so "newest first" lists them last, as the site does.
  const p = r.published;
  const sort = { date: p.date ? `${p.date}T${p.time ?? '00:00'}` : `0000${(p.partial ?? '--00-00').slice(1)}T00:00` };
  return {
    url: `${prefix}${PATHS.article(r.slug)}`,
    content: searchContent(r, aliases),
    language: 'vi',
    meta,
    filters,
    sort,
  };
}

let defaultAliases: AliasTables | undefined;
async function registryAliases(): Promise<AliasTables> {
  if (!defaultAliases) {
    const { personRegistry, placeRegistry } = await import('../registry/index.ts');
    defaultAliases = { people: aliasTable(personRegistry.all), places: aliasTable(placeRegistry.all) };
  }
  return defaultAliases;
}

function fail(what: string, errors: readonly string[]): never {
  throw new Error(`search index: ${what}: ${errors.join('; ')}`);
}

export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const started = performance.now();
  const aliases = options.aliases ?? (await registryAliases());
  const outputPath = path.join(options.siteDir, 'pagefind');
  // Only articles that have a page: a result must never lead to a 404.
  const records = options.records.filter((r) => existsSync(path.join(options.siteDir, 'bai-viet', r.slug, 'index.html')));

  const created = await pagefind.createIndex({ forceLanguage: 'vi' });
  try {
    if (!created.index) fail('cannot start Pagefind', created.errors);
    const index = created.index;
    for (let i = 0; i < records.length; i += BATCH) {
      const batch = records.slice(i, i + BATCH);
      const responses = await Promise.all(batch.map((r) => index.addCustomRecord(searchRecord(r, aliases, options.pathPrefix))));
      const errors = responses.flatMap((res) => res.errors);
      if (errors.length) fail('cannot add a record', errors);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) fail('cannot write the index', written.errors);
  } finally {
    await pagefind.close();
  }
  await Promise.all(UNUSED.map((f) => rm(path.join(outputPath, f), { force: true })));
  return {
    records: records.length,
    skipped: options.records.length - records.length,
    seconds: (performance.now() - started) / 1000,
  };
}
