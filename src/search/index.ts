/**
 * The search index: one Pagefind custom record per article, built from the
 * records (no HTML is re-read or re-parsed), in shards (src/search/shards.ts):
 *
 *   <site>/pagefind/shards.json           {"shards": [{"name", "pages"}, …]}, newest first
 *   <site>/pagefind/shards/<name>/        one complete Pagefind bundle and index per shard
 *
 * Each shard is its own Pagefind index, built one after the other (createIndex →
 * addCustomRecord → writeFiles → close, so one Pagefind process at a time holds
 * one shard: memory is bounded by the shard size, not the archive's). In the
 * browser (templates/assets/search-index.js) the first shard is the primary
 * index and the others are merged into it with Pagefind's mergeIndex(), so one
 * search covers them all, with the same hits and filter counts as one index.
 *
 * Incremental: a shard whose records' indexed fields (and this code, the aliases and the
 * Pagefind version) did not change since the last build is not indexed again: its
 * files are hard-linked (or copied) from the previous site. The state — each
 * shard's boundary, content hash and files — is kept in the cache folder.
 *
 * Result URLs carry the path prefix ("/sub/bai-viet/x/"); the browser sets
 * Pagefind's baseUrl to "/" so it does not add the prefix a second time.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pMap from 'p-map';
import * as pagefind from 'pagefind';
import { IO_CONCURRENCY } from '../concurrency.ts';
import { versionOf } from '../archive/parserVersion.ts';
import { PATHS } from '../paths.ts';
import { pendingPath } from '../site/output.ts';
import { readState, sealState, type OnDamaged } from '../stateFile.ts';
import { z } from 'zod';
import type { AliasTables, SearchableRecord } from './content.ts';
import { indexedFields, registryAliases, searchRecord, sortKey, type PagefindRecord } from './record.ts';
import { rechunkBundle } from './rechunk.ts';
import { planShards, SHARD_SIZE, type ShardSpec } from './shards.ts';
import type { Knowledge } from '../registry/knowledge.ts';

export { searchRecord, sortKey, type PagefindRecord } from './record.ts';

export interface SearchIndexOptions {
  /** the built site (Eleventy's output, before it is swapped in) */
  siteDir: string;
  records: readonly SearchableRecord[];
  /**
   * whether a record has a page (a result must never lead to a 404); default: its page is
   * in `siteDir` — the build passes its own answer, so the index is made while pages render
   */
  hasPage?: (r: SearchableRecord) => boolean;
  /** "/" or "/sub/" */
  pathPrefix?: string;
  /** registry aliases (default: the people and places of the registries, with the archive's `knowledge`) */
  aliases?: AliasTables;
  /** the archive's knowledge: the people and places it adds to the built-in registries */
  knowledge?: Knowledge;
  /** the articles' language, a BCP 47 tag (default "vi") */
  language?: string;
  /** the last built site: unchanged shards are taken from its pagefind/shards/ */
  previous?: string | null;
  /**
   * the last site is updated in place (src/site/siteJournal.ts): its unchanged shards stay
   * where they are, `siteDir` gets only the shards indexed now and the shards' manifest
   * (`replaced`), and the shards that are gone are listed (`removed`)
   */
  inPlace?: boolean;
  /** a folder for the shards' state between builds (without it, every shard is indexed) */
  cache?: string | null;
  /**
   * write the new state beside the last one (pendingPath), for the caller to move in once the
   * site it describes is in place (the build does, with the site): a build that fails after the
   * index leaves the state of the site that is still there
   */
  statePending?: boolean;
  /** records per shard (default SHARD_SIZE; Infinity: one index) */
  shardSize?: number;
  /** words of each body that are indexed (default Infinity: the whole body; the bench can ask for the old 150) */
  bodyWords?: number;
  /** what the index is made by (default: a hash of src/search/ and the Pagefind version); tests change it */
  version?: string;
  /** records indexed so far, of all to index */
  onProgress?: (done: number, total: number) => void;
}

export interface SearchIndexResult {
  /** articles in the index */
  records: number;
  /** records skipped because the site has no page for them */
  skipped: number;
  seconds: number;
  /** every shard, newest first */
  shards: { name: string; pages: number }[];
  /** shards indexed by this build */
  indexed: string[];
  /** shards taken unchanged from the previous site */
  reused: string[];
  /** paths inside the site ("pagefind/…") written now: with `inPlace`, they replace the last site's */
  replaced: string[];
  /** paths inside the last site ("pagefind/shards/…") of the shards this index no longer has */
  removed: string[];
  /** the file the shards' state was written to (with `statePending`, beside the last one) */
  stateFile: string | null;
  /** what the build should tell (a damaged state file ignored) */
  notices?: string[];
}

/** The shards' manifest the browser reads (pagefind/shards.json). */
export interface ShardManifest {
  shards: { name: string; pages: number }[];
}

/** What the last build left: kept in the cache folder. */
interface ShardState extends ShardSpec {
  hash: string;
  pages: number;
  /** path inside the shard folder → size */
  files: Record<string, number>;
}
interface IndexState {
  shards: ShardState[];
}

const STATE_FILE = 'search-shards.json';
export const SHARDS_DIR = 'shards';
export const MANIFEST = 'shards.json';

/** Pagefind's ready-made UI bundles and its web worker: this site has its own small page, so they are not shipped. */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  // the page searches on the main thread (noWorker in templates/assets/search-index.js)
  'pagefind-worker.js',
];

/** How many records are in flight to the Pagefind service at once. */
const BATCH = 200;

let codeVersion: string | undefined;
/** This folder's code and the Pagefind version: a change of either re-indexes every shard. */
export function searchVersion(): string {
  if (!codeVersion) {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    let pagefindVersion = 'unknown';
    try {
      const main = fileURLToPath(import.meta.resolve('pagefind'));
      pagefindVersion = (JSON.parse(readFileSync(path.join(path.dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // the code hash still changes with the code
    }
    codeVersion = `${versionOf(['src/search'], root)}-${pagefindVersion}`;
  }
  return codeVersion;
}

function fail(what: string, errors: readonly string[]): never {
  throw new Error(`search index: ${what}: ${errors.join('; ')}`);
}

const indexStateSchema: z.ZodType<IndexState> = z.object({
  shards: z.array(z.object({ name: z.string(), from: z.string(), hash: z.string(), pages: z.number(), files: z.record(z.string(), z.number()) })),
});

/** The shards' state of the last build; null when there is none, or it is damaged (then every shard is made again). */
async function readIndexState(cache: string | null | undefined, onDamaged: OnDamaged = () => {}): Promise<IndexState | null> {
  if (!cache) return null;
  return readState(path.join(cache, STATE_FILE), indexStateSchema, onDamaged);
}

/** Every file under `dir` (relative, "/" separators) with its size. */
async function filesOf(dir: string): Promise<Record<string, number>> {
  const names = (await readdir(dir, { recursive: true })).sort();
  const stats = await pMap(names, (name) => stat(path.join(dir, name)), { concurrency: IO_CONCURRENCY });
  const out: Record<string, number> = {};
  names.forEach((name, i) => {
    if (stats[i]!.isFile()) out[name.split(path.sep).join('/')] = stats[i]!.size;
  });
  return out;
}

/**
 * Whether every file of a shard is in `dir`, of the size the state says. One after the other:
 * the last site's folders are in the page cache (2,000 files: 10 ms, against 100–200 ms in parallel).
 */
function shardIntact(dir: string, files: Record<string, number>): boolean {
  for (const [rel, size] of Object.entries(files)) {
    if (statSync(path.join(dir, rel), { throwIfNoEntry: false })?.size !== size) return false;
  }
  return true;
}

/**
 * Links (or copies) a shard's files from the previous site into `to`. False, and
 * nothing left behind, when any file is missing or not the size the state says.
 */
async function reuseShard(from: string, to: string, files: Record<string, number>): Promise<boolean> {
  if (!shardIntact(from, files)) return false;
  const entries = Object.entries(files);
  try {
    const dirs = [...new Set(entries.map(([rel]) => path.dirname(path.join(to, rel))))].sort();
    for (const dir of dirs) await mkdir(dir, { recursive: true });
    await pMap(entries, ([rel]) => {
      const target = path.join(to, rel);
      return link(path.join(from, rel), target).catch(() => copyFile(path.join(from, rel), target));
    }, { concurrency: IO_CONCURRENCY });
    return true;
  } catch {
    await rm(to, { recursive: true, force: true });
    return false;
  }
}

/**
 * Starts one Pagefind index over `records` and adds them; resolves once they are added, with
 * the promise of the index written to `outputPath` (the Pagefind process is closed after).
 * Between the two, the caller has the thread: Pagefind writes on its own.
 */
async function indexShard(records: readonly PagefindRecord[], outputPath: string, onAdded: (n: number) => void): Promise<{ written: Promise<void> }> {
  const created = await pagefind.createIndex({ forceLanguage: records[0]?.language ?? 'vi' });
  const write = async (index: pagefind.PagefindIndex): Promise<void> => {
    try {
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) fail('cannot write the index', written.errors);
    } finally {
      // The process ends: the next shard starts from an empty one.
      await pagefind.close();
    }
  };
  try {
    if (!created.index) fail('cannot start Pagefind', created.errors);
    const index = created.index;
    for (let i = 0; i < records.length; i += BATCH) {
      const batch = records.slice(i, i + BATCH);
      const responses = await Promise.all(batch.map((r) => index.addCustomRecord(r)));
      const errors = responses.flatMap((res) => res.errors);
      if (errors.length) fail('cannot add a record', errors);
      onAdded(batch.length);
    }
    const written = write(index);
    // awaited by the caller; handled here so that a failure while the caller works is not unhandled
    written.catch(() => {});
    return { written };
  } catch (error) {
    await pagefind.close();
    throw error;
  }
}

/** What follows Pagefind's writing of a shard: unused files out, smaller chunks; returns the shard's files. */
async function finishShard(outputPath: string): Promise<Record<string, number>> {
  await Promise.all(UNUSED.map((f) => rm(path.join(outputPath, f), { force: true })));
  // Smaller index chunks than Pagefind writes: a search downloads less (src/search/rechunk.ts).
  const rechunked = await rechunkBundle(outputPath);
  if (!rechunked.done && !warnedRechunk) {
    warnedRechunk = true;
    process.emitWarning(`search index: chunks left as Pagefind wrote them (${rechunked.reason})`);
  }
  return filesOf(outputPath);
}
let warnedRechunk = false;

export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const started = performance.now();
  const aliases = options.aliases ?? (await registryAliases(options.knowledge));
  const language = options.language ?? 'vi';
  const version = options.version ?? searchVersion();
  const outputPath = path.join(options.siteDir, 'pagefind');
  // Only articles that have a page: a result must never lead to a 404.
  const hasPage = options.hasPage ?? ((r: SearchableRecord) => existsSync(path.join(options.siteDir, 'bai-viet', r.slug, 'index.html')));
  const withPages = options.records.filter(hasPage);

  // The records in date order (then URL): the order the shards cut.
  const prefix = (options.pathPrefix ?? '/').replace(/\/+$/, '');
  const items = withPages
    .map((r) => ({ key: `${sortKey(r)}\u0000${prefix}${PATHS.article(r.slug)}`, r }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 1; i < items.length; i++) {
    if (items[i - 1]!.key === items[i]!.key) fail('two records with one URL', [items[i]!.key]);
  }
  // What a shard's files depend on besides its records' fields: the code, the aliases, the options.
  const context = createHash('sha256')
    .update(JSON.stringify([version, prefix, options.bodyWords ?? null, [...aliases.people], [...aliases.places], ...(language === 'vi' ? [] : [language])]))
    .digest('hex');

  const notices: string[] = [];
  const last = await readIndexState(options.cache, (file, reason) => notices.push(`${file}: ${reason}; ignored, the search index is made anew`));
  const plan = planShards(
    items.map((i) => i.key),
    last?.shards,
    options.shardSize ?? SHARD_SIZE,
  );
  const lastByName = new Map((last?.shards ?? []).map((s) => [s.name, s]));
  const toIndex = plan.reduce((n, s) => n + s.end - s.start, 0);
  let done = 0;
  const indexed: string[] = [];
  const reused: string[] = [];
  const state: IndexState = { shards: [] };
  await rm(outputPath, { recursive: true, force: true });
  // First the shards that did not change, taken from the last site; then the others.
  const toWrite: { state: ShardState; slice: typeof items; dir: string }[] = [];
  for (const shard of plan) {
    const slice = items.slice(shard.start, shard.end);
    // The hash of what the records give the index (searchRecord reads only these fields), so an
    // unchanged shard costs no content extraction at all.
    const hash = createHash('sha256').update(context).update('\0').update(shard.name);
    for (const { r } of slice) hash.update('\0').update(JSON.stringify(indexedFields(r)));
    const pages = slice.length;
    const entry: ShardState = { name: shard.name, from: shard.from, hash: hash.digest('hex'), pages, files: {} };
    state.shards.push(entry);
    const dir = path.join(outputPath, SHARDS_DIR, shard.name);
    const before = lastByName.get(shard.name);
    const lastDir = options.previous ? path.join(options.previous, 'pagefind', SHARDS_DIR, shard.name) : null;
    if (before && before.hash === entry.hash && lastDir
      && await (options.inPlace ? shardIntact(lastDir, before.files) : reuseShard(lastDir, dir, before.files))) {
      entry.files = before.files;
      reused.push(shard.name);
      done += pages;
      options.onProgress?.(done, toIndex);
    } else {
      toWrite.push({ state: entry, slice, dir });
    }
  }
  // A pipeline, one Pagefind process at a time: while Pagefind writes shard k, this thread makes
  // the records of shard k + 1; while Pagefind takes those, it re-cuts the chunks of shard k.
  const recordsOf = ({ state: { name }, slice }: (typeof toWrite)[number]): PagefindRecord[] => slice.map(({ r }) => {
    const rec = searchRecord(r, aliases, options.pathPrefix, options.bodyWords, language);
    return { ...rec, filters: { ...rec.filters, shard: [name] } };
  });
  let finishing: Promise<void> = Promise.resolve();
  let next = toWrite.length ? recordsOf(toWrite[0]!) : [];
  for (let k = 0; k < toWrite.length; k++) {
    const job = toWrite[k]!;
    const { written } = await indexShard(next, job.dir, (n) => {
      done += n;
      options.onProgress?.(done, toIndex);
    });
    next = k + 1 < toWrite.length ? recordsOf(toWrite[k + 1]!) : [];
    await Promise.all([written, finishing]);
    finishing = finishShard(job.dir).then((files) => {
      job.state.files = files;
      indexed.push(job.state.name);
    });
    // awaited with the next shard, or after the last; handled here so a failure meanwhile is not unhandled
    finishing.catch(() => {});
  }
  await finishing;

  // Newest first: the browser takes the first as its primary index, and "newest first" walks them in order.
  const manifest: ShardManifest = { shards: state.shards.map((s) => ({ name: s.name, pages: s.pages })).reverse() };
  await mkdir(outputPath, { recursive: true });
  await writeFile(path.join(outputPath, MANIFEST), `${JSON.stringify(manifest)}\n`);
  let stateFile: string | null = null;
  if (options.cache) {
    await mkdir(options.cache, { recursive: true });
    stateFile = path.join(options.cache, STATE_FILE);
    if (options.statePending) stateFile = pendingPath(stateFile);
    await writeFile(stateFile, sealState(state));
  }
  const shardPath = (name: string): string => `pagefind/${SHARDS_DIR}/${name}`;
  const kept = new Set(state.shards.map((s) => s.name));
  return {
    records: items.length,
    skipped: options.records.length - withPages.length,
    seconds: (performance.now() - started) / 1000,
    shards: manifest.shards,
    indexed,
    reused,
    // without the last state, what the last site's index holds is not known: it is replaced whole
    replaced: last ? [`pagefind/${MANIFEST}`, ...indexed.map(shardPath)] : ['pagefind'],
    removed: (last?.shards ?? []).filter((s) => !kept.has(s.name)).map((s) => shardPath(s.name)),
    stateFile,
    notices,
  };
}
