/**
 * The build: articles/ → records → site data → Eleventy → _site/.
 *
 *   tsx src/build.ts [--pathprefix=/sub/] [--input=articles] [--output=_site]
 *   tsx src/build.ts --records=test/fixtures/sample-records.json   (records JSON instead of articles/)
 *   tsx src/build.ts --serve [--port=8080]
 *
 * The site is written to a fresh folder beside the output and swapped in only
 * when the whole build succeeded, so a failed build never destroys the last
 * good site and no stale page survives a rebuild.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArchiveScan, Message } from './archive/load.ts';
import type { ArticleRecord } from './record.ts';
import { normalizePathPrefix, siteConfig } from './site/config.ts';
import { acquireLock, describeHolder, processAlive, type LockHolder } from './lock.ts';
import { readState, sealState, type OnDamaged } from './stateFile.ts';
import { z } from 'zod';
import { emptyTrash, PENDING, pendingPath, readManifest, StagingWriter, swapIn, type StagingMode } from './site/output.ts';
import { finishInterruptedUpdate, updateInPlace } from './site/siteJournal.ts';
import { renderSite } from './site/render.ts';
import type { ReadBodies } from './site/bodies.ts';
import { RecordCache } from './archive/recordCache.ts';
import { versionOf } from './archive/parserVersion.ts';
import pMap from 'p-map';
import { IO_CONCURRENCY } from './concurrency.ts';
import { PageHasher, planPages, type PageHashes } from './site/pageReuse.ts';
import type { SiteData } from './site/data.ts';
import type { SearchIndexResult } from './search/index.ts';
import type { WriteResult } from './site/output.ts';
import { PASSTHROUGH } from '../.eleventy.ts';
import { checkOutput, OutputRefused, SITE_GENERATOR } from './site/outputGuard.ts';
import { failureLine } from './failure.ts';

export interface BuildOptions {
  /** the articles folder (default "articles") */
  input?: string;
  /** the output folder (default "_site") */
  output?: string;
  /** URL path prefix for hosting under a sub-path, e.g. "/sub/" */
  pathPrefix?: string;
  /** SITE_URL and friends (default process.env) */
  env?: Record<string, string | undefined>;
  /** build from these records instead of reading `input` (tests) */
  records?: ArticleRecord[];
  /** the cache folder: parsed records and what the last build of each output wrote (default ".cache"); false for none */
  cache?: string | false;
  /** rebuild even when nothing changed */
  force?: boolean;
  /** paginated pages per Eleventy run (default RENDER_CHUNK; tests make it small) */
  renderChunk?: number;
  /** articles per list page (default 50; tests make it small, to have lists cut by year) */
  perPage?: number;
  /** progress of the long stages */
  onProgress?: (stage: string, done: number, total: number) => void;
  /** how long to wait for another build that holds this output or cache (ms; default LOCK_WAIT_MS) */
  lockWaitMs?: number;
  /** told once when this build waits for another one */
  onLockWait?: (message: string) => void;
  /** told of what the build overcame: a damaged cache entry or state file ignored and made anew (one line each) */
  onNotice?: (message: string) => void;
}

const buildStateSchema = z.object({
  key: z.string(), articles: z.number(), pages: z.number(),
  messages: z.array(z.object({ file: z.string(), line: z.number(), column: z.number(), severity: z.enum(['error', 'warning']), message: z.string(), ruleId: z.string() })),
});
const pageHashesSchema: z.ZodType<PageHashes> = z.object({ context: z.string(), pages: z.record(z.string(), z.string()) });
const recordKeysSchema = z.array(z.string());

/** how long a build waits for another build of the same output or cache before it gives up */
export const LOCK_WAIT_MS = 120_000;

export interface BuildResult {
  articles: number;
  pages: number;
  seconds: number;
  messages: Message[];
  /** inputs read from the parse cache */
  cacheHits: number;
  /** pages written this time; the others were linked unchanged from the last build */
  written: number;
  /** pages Eleventy rendered; the paginated pages whose data did not change were not */
  rendered: number;
  /** nothing changed since the last build: the site was left as it was */
  unchanged: boolean;
}

/** What the last build of an output was made from, and what it said. */
interface BuildState {
  key: string;
  articles: number;
  pages: number;
  messages: Message[];
}

/** One entry per input file: what became of it (the build report in _site/build-report.json). */
export interface BuildReportEntry {
  file: string;
  outcome: 'page' | 'merged' | 'error';
  url?: string;
  into?: string;
  errors?: string[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The code the pages' HTML depends on (a change renders every page again). */
export const RENDER_PARTS = ['templates', 'src/site', 'src/stories', 'src/topics', 'src/timeline', '.eleventy.ts', 'src/build.ts'];
/** The code only the search index depends on (a change rebuilds it, and no page). */
export const SEARCH_PARTS = ['src/search'];

/** One line for the terminal: "2 errors, 5 warnings" plus one line per error, naming file:line. */
export function summarizeMessages(messages: readonly Message[]): string {
  const errors = messages.filter((m) => m.severity === 'error');
  const warnings = messages.length - errors.length;
  const lines = [`${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`];
  for (const m of errors) lines.push(`  ${m.file}:${m.line}:${m.column}  error  ${m.message}  [${m.ruleId}]`);
  return lines.join('\n');
}

/** Files and folders copied into the site as they are (fonts, CSS, the search script). */
async function passthroughFiles(): Promise<{ from: string; to: string }[]> {
  const out: { from: string; to: string }[] = [];
  for (const [from, to] of Object.entries(PASSTHROUGH)) {
    const abs = path.join(ROOT, from);
    if ((await stat(abs)).isDirectory()) {
      for (const name of (await readdir(abs, { recursive: true })).sort()) {
        const file = path.join(abs, name);
        if ((await stat(file)).isFile()) out.push({ from: file, to: path.posix.join(to, name.split(path.sep).join('/')) });
      }
    } else out.push({ from: abs, to });
  }
  return out;
}

function buildReport(
  records: readonly ArticleRecord[], files: readonly { file: string; outcome: string }[], messages: readonly Message[],
  merged: readonly { file: string; into: string; url: string }[], urlOf: (r: ArticleRecord) => string, prefixed: (url: string) => string,
): BuildReportEntry[] {
  const bySource = new Map(records.map((r) => [r.sourceFile, r]));
  const mergedInto = new Map(merged.map((m) => [m.file, m]));
  return files.map((f) => {
    const m = mergedInto.get(f.file);
    if (m) return { file: f.file, outcome: 'merged' as const, into: m.into, url: prefixed(m.url) };
    const r = bySource.get(f.file);
    if (r) return { file: f.file, outcome: 'page' as const, url: urlOf(r) };
    const errors = messages.filter((m) => m.file === f.file && m.severity === 'error').map((m) => `${m.line}:${m.column} ${m.message} [${m.ruleId}]`);
    return { file: f.file, outcome: 'error' as const, errors };
  });
}

/**
 * Source file → slug of every page of the last build, from its build report (it lives with
 * the site, so URLs stay stable even without the cache folder).
 */
async function previousSlugs(output: string): Promise<Map<string, string>> {
  const slugs = new Map<string, string>();
  try {
    const report = JSON.parse(await readFile(path.join(output, 'build-report.json'), 'utf8')) as { files?: BuildReportEntry[] };
    for (const e of report.files ?? []) {
      const slug = e.outcome === 'page' ? /\/bai-viet\/([^/]+)\/$/u.exec(e.url ?? '')?.[1] : undefined;
      if (slug) slugs.set(e.file, slug);
    }
  } catch {
    // no last build, or a report from elsewhere: slugs as a first build gives them
  }
  return slugs;
}

/**
 * Folders that a killed build left beside the output ("_site.building-123", "_site.old-123"):
 * only those of a process that is dead (the output's lock is held, so a live one is not a build of it).
 */
export async function removeLeftovers(output: string): Promise<void> {
  const dir = path.dirname(output);
  const base = path.basename(output);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = /^\.(?:building|old)-(\d+)$/u.exec(name.slice(base.length));
    if (!name.startsWith(base) || !m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && processAlive(pid)) continue;
    await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

/** The state files a killed build wrote for a site it never put in place (no journal left to finish): never trusted. */
async function removePendingState(stateDir: string): Promise<void> {
  const names = await readdir(stateDir, { recursive: true }).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.endsWith(PENDING)).map((n) => rm(path.join(stateDir, n), { force: true })));
}

/** The build report with its counts: inputs = pages + merged + errors. */
function reportJson(report: readonly BuildReportEntry[]): string {
  const count = (outcome: BuildReportEntry['outcome']): number => report.filter((e) => e.outcome === outcome).length;
  const summary = { generator: SITE_GENERATOR, inputs: report.length, pages: count('page'), merged: count('merged'), errors: count('error'), files: report };
  return `${JSON.stringify(summary, null, 1)}\n`;
}

/** Reads back the bodies the load left in the record cache; a missing entry (the cache deleted mid-build) is an error that says so. */
function bodyReader(dir: string): ReadBodies {
  const cache = new RecordCache(dir);
  return (refs) => pMap(refs, async (ref) => {
    const html = await cache.html(ref);
    if (html === undefined) throw new Error(`the record cache lost an entry during the build (${path.join(dir, ref.slice(0, 2), ref)}.json); build again`);
    return html;
  }, { concurrency: IO_CONCURRENCY });
}

/**
 * The record cache keeps what the last build of every output read (each output's keys in
 * its state folder, `record-keys.json`); the entries of edited, renamed and deleted files go.
 */
async function pruneRecordCache(recordsDir: string, statesDir: string, stateDir: string, scan: ArchiveScan, startedAt: Date, onDamaged: OnDamaged): Promise<void> {
  const ours = scan.entries.flatMap((e) => ('key' in e ? [e.key] : []));
  await writeFile(path.join(stateDir, 'record-keys.json'), sealState(ours));
  const keep = new Set<string>();
  for (const dir of await readdir(statesDir).catch(() => [] as string[])) {
    const keys = await readState(path.join(statesDir, dir, 'record-keys.json'), recordKeysSchema, onDamaged) ?? [];
    for (const key of keys) keep.add(key);
  }
  await new RecordCache(recordsDir).prune(keep, startedAt);
}

/**
 * Builds the site, holding the cache's lock and then the output's (always in that order, so two
 * builds never wait for each other's second lock): a second build of the same output or with the
 * same cache waits for the first (LOCK_WAIT_MS), then says who holds it (LockBusy).
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const output = path.resolve(options.output ?? '_site');
  const cacheRoot = options.cache === false ? null : path.resolve(options.cache ?? '.cache');
  // --output must be new, empty or a site this tool built, and never the articles, the project or the cache
  await checkOutput({ output, input: options.records ? undefined : (options.input ?? 'articles'), cache: cacheRoot, root: ROOT });
  const what = `build of ${output}`;
  const lockOptions = {
    what, waitMs: options.lockWaitMs ?? LOCK_WAIT_MS,
    onWait: (h: LockHolder) => options.onLockWait?.(`waiting for another build (${describeHolder(h)})…`),
  };
  const releases: (() => Promise<void>)[] = [];
  try {
    if (cacheRoot) releases.push(await acquireLock(path.join(cacheRoot, 'lock'), lockOptions));
    releases.push(await acquireLock(`${output}.lock`, lockOptions));
    return await buildLocked(options);
  } finally {
    for (const release of releases.reverse()) await release();
  }
}

async function buildLocked(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const startedAt = new Date();
  const input = options.input ?? 'articles';
  const output = path.resolve(options.output ?? '_site');
  const pathPrefix = normalizePathPrefix(options.pathPrefix);
  const cacheRoot = options.cache === false ? null : path.resolve(options.cache ?? '.cache');
  // the parse cache, which also keeps the article bodies the render reads back
  const recordsDir = cacheRoot ? path.join(cacheRoot, 'records') : null;
  const stageTimes: [string, number, number, number | null][] = [];
  const onProgress = options.onProgress ?? (() => {});
  // BUILD_TIMINGS=heap under node --expose-gc: also the live heap of this thread at each stage's start (after a full GC)
  const liveHeap = (): number | null => {
    if (process.env.BUILD_TIMINGS !== 'heap' || typeof globalThis.gc !== 'function') return null;
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  };
  const progress = (stage: string, done: number, total: number): void => {
    if (stageTimes.at(-1)?.[0] !== stage) stageTimes.push([stage, performance.now(), process.memoryUsage.rss(), liveHeap()]);
    onProgress(stage, done, total);
  };

  // Imported lazily: a build from given records (tests) does not need the parser.
  const load = options.records ? null : await import('./archive/load.ts');
  const scan = load ? await load.scanArchive(input) : null;
  const inputKey = scan?.inputKey ?? createHash('sha256').update(JSON.stringify(options.records)).digest('hex');
  const site = siteConfig(options.env ?? process.env);

  // Nothing changed since the last build of this output: the site stays as it is.
  const stateDir = cacheRoot ? path.join(cacheRoot, 'site', createHash('sha1').update(output).digest('hex').slice(0, 16)) : null;
  // what every page depends on besides its own data: a change renders every page again
  const renderContext = createHash('sha256')
    .update(versionOf(RENDER_PARTS, ROOT)).update('\0').update(pathPrefix).update('\0').update(JSON.stringify(site))
    .update('\0').update(String(options.perPage ?? '')).digest('hex');
  const buildKey = createHash('sha256').update(inputKey).update('\0').update(renderContext).update('\0').update(versionOf(SEARCH_PARTS, ROOT)).digest('hex');
  const stateFile = stateDir ? path.join(stateDir, 'state.json') : null;
  const pagesFile = stateDir ? path.join(stateDir, 'pages.json') : null;
  const manifestFile = stateDir ? path.join(stateDir, 'manifest.json') : null;
  const journalFile = stateDir ? path.join(stateDir, 'journal.json') : null;
  // a damaged state file is told of and ignored: the work it would have saved is done again
  const damaged: OnDamaged = (file, reason) => options.onNotice?.(`${file}: ${reason}; ignored`);
  // a build killed while it updated the site in place left its journal: that update is finished
  // first (one that cannot be is dropped with the site's state, and a whole site is made)
  if (journalFile && stateDir) {
    await finishInterruptedUpdate(journalFile, damaged, [stateFile!, pagesFile!, manifestFile!, path.join(stateDir, 'search', 'search-shards.json')]);
  }
  // what a killed build wrote for a site it never put in place
  if (stateDir) await removePendingState(stateDir);
  if (!options.force && stateFile && existsSync(output)) {
    const last = await readState(stateFile, buildStateSchema, damaged);
    if (last?.key === buildKey) {
      return { articles: last.articles, pages: last.pages, seconds: (performance.now() - started) / 1000, messages: last.messages, cacheHits: 0, written: 0, rendered: 0, unchanged: true };
    }
  }

  // the sites earlier builds replaced are removed while this one parses and renders
  const trash = cacheRoot ? path.join(cacheRoot, 'trash') : null;
  const trashEmptied = trash ? emptyTrash(trash).catch(() => {}) : Promise.resolve();
  const [{ buildSiteData, foldCopies, isSharedRef, PATHS }, { startSearchWorker, searchable, textStart }] = await Promise.all([
    import('./site/data.ts'), import('./search/worker.ts'),
  ]);
  const staging = `${output}.building-${process.pid}`;
  await removeLeftovers(output);
  // Over a last site whose state is known, only what changed is written (into the staging folder)
  // and then moved into the site (src/site/siteJournal.ts); a first or forced build makes a whole
  // site and swaps it in (swapIn).
  // (the manifest must be whole: a path of the last site it does not list would never be removed)
  // (a forced build reads it too: the files whose bytes did not change are linked from the last site)
  const lastManifest = manifestFile && existsSync(output) ? await readManifest(manifestFile, damaged) : null;
  const mode: StagingMode = !options.force && lastManifest && pagesFile && existsSync(pagesFile) ? 'in place' : 'swap';
  // Search (src/search/): the Pagefind index from the records, into the staging folder. It needs no
  // rendered page, only the records and which of them have one (near-duplicates fold into one
  // article), so it starts as soon as the records are grouped, in a worker thread
  // (src/search/worker.ts) that feeds Pagefind, a process of its own, while the site data is made
  // and the pages render. Its progress shows once the pages are written.
  let pagesDone = false;
  let rendered = 0;
  let searchSeconds = 0;
  let searchProgress: [number, number] = [0, 0];
  let search: Promise<SearchIndexResult> | undefined;
  // started now, it loads its code while the archive is read
  const searchWorker = startSearchWorker();
  const abandon = async (error: unknown): Promise<never> => {
    if (search) await search.catch(() => {});
    else await searchWorker.stop();
    await rm(staging, { recursive: true, force: true });
    throw error;
  };
  // The records are needed only in here: the site data keeps what the pages show, the search
  // job what the index reads (the indexed start of each text), the report their files and URLs,
  // so the records' full text is not held while the pages render. No function made in here may
  // outlive it: a closure keeps its whole scope, records included (the worker holds the two below).
  const onSearchProgress = (done: number, total: number): void => {
    searchProgress = [done, total];
    if (pagesDone) progress('chỉ mục tìm kiếm', done, total);
  };
  const ignoreHere = (): void => {};
  const prepared = await (async () => {
    const loaded = load && scan
      ? await load.loadScanned(scan, {
        now: new Date(),
        previousSlugs: await previousSlugs(output),
        cache: recordsDir ?? false,
        // the bodies stay in the record cache; each render run reads back its own (readBodies below)
        bodiesInCache: true,
        onNotice: options.onNotice,
        onProgress: (done, total) => progress('đọc bài', done, total),
      })
      : { records: options.records ?? [], derived: undefined, bodyRefs: undefined, messages: [] as Message[], files: (options.records ?? []).map((r) => ({ file: r.sourceFile, outcome: 'record' as const })), cacheHits: 0 };
    progress('dữ liệu trang', 0, loaded.records.length);
    const folded = foldCopies(loaded.records, loaded.derived);
    const searchRecords = loaded.records.map(searchable);
    // Folded, and the whole texts sent to the search: from here on the site reads only the start of
    // each text (summaries, textStart) and the derived part (topics, key events). At 100,000 articles
    // the whole texts are a gigabyte.
    if (loaded.derived) loaded.records.forEach((r) => { r.text = textStart(r.text); });
    search = searchWorker.run({
      siteDir: staging, records: searchRecords, pathPrefix,
      pageUrls: folded.all.filter((_, i) => folded.stories.canonicalOf[i] === i).map((r) => PATHS.article(r.slug)),
      // unchanged shards are left in (or linked from) the last site; their state is kept beside this output's cache
      previous: output, inPlace: mode === 'in place', cache: stateDir ? path.join(stateDir, 'search') : null, statePending: true,
    }, onSearchProgress);
    // a failure there is awaited (and reported) below, after the pages
    search.catch(ignoreHere);
    const archive = buildSiteData(loaded.records, { derived: loaded.derived, bodyRefs: loaded.bodyRefs, folded, perPage: options.perPage });
    const prefixed = (url: string): string => `${pathPrefix}${url.slice(1)}`;
    const report = buildReport(loaded.records, loaded.files, loaded.messages, archive.merged, (r) => prefixed(PATHS.article(r.slug)), prefixed);
    return { archive, report, messages: loaded.messages, cacheHits: loaded.cacheHits };
  })().catch(abandon);
  const { archive, messages } = prepared;
  // Paginated pages whose data did not change are kept from the last site, not rendered again.
  const lastPages = options.force || !pagesFile ? null : await readState(pagesFile, pageHashesSchema, damaged);
  // one after the other: the last site's folders are in the page cache (15,000 pages: 0.06 s against 0.17 s)
  const present = new Set(lastPages ? Object.keys(lastPages.pages).filter((p) => existsSync(path.join(output, p))) : []);
  // the menu of every page lists "Chưa rõ ngày" only when some article is undated (templates/_includes/layout.ts)
  const pageHashes: PageHashes = { context: `${renderContext}${archive.undated.count ? '+undated' : ''}`, pages: {} };
  const hasher = new PageHasher(isSharedRef);
  const plan = <T extends { url: string }>(items: readonly T[]) => planPages(items, lastPages, pageHashes, (p) => present.has(p), hasher);
  const plans = { articles: plan(archive.articles), listPages: plan(archive.listPages), indexPages: plan(archive.indexPages), topicPages: plan(archive.topicPages) };
  const toRender: SiteData = { ...archive, articles: plans.articles.render, listPages: plans.listPages.render, indexPages: plans.indexPages.render, topicPages: plans.topicPages.render };
  const kept = Object.values(plans).flatMap((p) => p.keep);
  let pages: WriteResult | undefined;
  let searched: SearchIndexResult | undefined;
  try {
    // rendered in memory, in chunks; each chunk written (or linked, when unchanged) as it comes
    progress('dựng trang', 0, archive.counts.pages);
    const writer = await StagingWriter.open(staging, output, manifestFile, mode, lastManifest);
    let done = 0;
    rendered = await renderSite({
      root: ROOT, outDir: staging, archive: toRender, site, pathPrefix, chunk: options.renderChunk,
      readBodies: recordsDir ? bodyReader(recordsDir) : undefined,
      onFiles: async (files) => {
        await writer.write(files);
        progress('dựng trang', (done += files.length), archive.counts.pages);
      },
    });
    progress('ghi trang', 0, kept.length);
    await writer.keep(kept);
    await writer.write([{ path: 'build-report.json', content: reportJson(prepared.report) }]);
    // fonts, CSS, the search script: written, never linked to their sources
    await writer.write(await Promise.all((await passthroughFiles()).map(async (f) => ({ path: f.to, content: await readFile(f.from) }))));
    pages = await writer.close();
    pagesDone = true;
    progress('chỉ mục tìm kiếm', ...searchProgress);
    if (!search) throw new Error('the search index was not started');
    searched = await search;
    searchSeconds = searched.seconds;
    for (const notice of searched.notices ?? []) options.onNotice?.(notice);
  } catch (error) {
    await abandon(error);
  }
  if (pagesFile) {
    await mkdir(path.dirname(pagesFile), { recursive: true });
    await writeFile(pendingPath(pagesFile), sealState(pageHashes));
  }
  await trashEmptied;
  // the state files that describe the site (its pages' data hashes, its files' hashes, the search
  // shards) are moved in with it
  const pending = [
    ...(pagesFile && manifestFile ? [pendingPath(pagesFile), pendingPath(manifestFile)] : []),
    ...(searched?.stateFile ? [searched.stateFile] : []),
  ];
  if (mode === 'in place') {
    // a staging folder that holds only the changes must never be swapped in for the site
    if (!journalFile || !pages || !searched) throw new Error('build: an update in place without its state');
    await updateInPlace({
      output, staging, trash,
      moves: [...pages.changed, ...searched.replaced],
      removes: [...pages.gone, ...searched.removed],
      pending,
    }, journalFile);
  } else {
    await swapIn(staging, output, trash, pending);
  }
  progress('xong', 1, 1);
  if (process.env.BUILD_TIMINGS) {
    // the time of each stage, and this process's memory when the next began
    const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
    const rows = stageTimes.slice(0, -1).map(([name, at, , live], i) => {
      const heap = live === null ? '' : `, live heap at start ${mb(live)} MB`;
      return `${name} ${((stageTimes[i + 1]![1] - at) / 1000).toFixed(1)} s (→ ${mb(stageTimes[i + 1]![2])} MB${heap})`;
    });
    process.stderr.write(`stages: ${rows.join(' · ')} (search index in all: ${searchSeconds.toFixed(1)} s, beside the pages)\n`);
  }
  if (stateFile) {
    await mkdir(path.dirname(stateFile), { recursive: true });
    const state: BuildState = { key: buildKey, articles: archive.counts.articles, pages: archive.counts.pages, messages };
    await writeFile(stateFile, sealState(state));
  }
  // housekeeping: a cache that cannot be pruned now is pruned by a later build, the site is built
  if (recordsDir && cacheRoot && stateDir && scan) await pruneRecordCache(recordsDir, path.join(cacheRoot, 'site'), stateDir, scan, startedAt, damaged).catch(() => {});

  return {
    articles: archive.counts.articles,
    pages: archive.counts.pages,
    seconds: (performance.now() - started) / 1000,
    messages,
    cacheHits: prepared.cacheHits,
    written: pages?.written ?? 0,
    rendered,
    unchanged: false,
  };
}

interface Cli {
  /** build from a JSON array of records (as `archive records` prints) instead of articles/ */
  recordsFile?: string;
  serve: boolean;
  quiet: boolean;
  port: number;
  options: BuildOptions;
}

function parseArgs(argv: string[]): Cli {
  const cli: Cli = { serve: false, quiet: false, port: Number(process.env.PORT) || 8080, options: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--serve':
        cli.serve = true;
        break;
      case '--quiet':
        cli.quiet = true;
        break;
      case '--force':
        cli.options.force = true;
        break;
      case '--no-cache':
        cli.options.cache = false;
        break;
      case '--cache':
        cli.options.cache = value();
        break;
      case '--pathprefix':
      case '--path-prefix':
        cli.options.pathPrefix = value();
        break;
      case '--input':
        cli.options.input = value();
        break;
      case '--output':
        cli.options.output = value();
        break;
      case '--records':
        cli.recordsFile = value();
        break;
      case '--port':
        cli.port = Number(value());
        if (!Number.isInteger(cli.port) || cli.port < 0 || cli.port > 65535) throw new UsageError('--port needs a port number');
        break;
      default:
        throw new UsageError(`unknown option: ${arg}`);
    }
  }
  return cli;
}

class UsageError extends Error {}

/** "10 000" — Vietnamese digit grouping */
const grouped = (n: number): string => n.toLocaleString('vi-VN').replace(/\./g, '\u202f');

/** Progress on a terminal: stage, count, rate and time left, on one rewritten line. */
function terminalProgress(): (stage: string, done: number, total: number) => void {
  let stageStart = performance.now();
  let current = '';
  let lastDraw = 0;
  return (stage, done, total) => {
    const now = performance.now();
    if (stage !== current) { current = stage; stageStart = now; }
    if (now - lastDraw < 100 && done < total) return;
    lastDraw = now;
    const rate = done / Math.max(0.001, (now - stageStart) / 1000);
    const left = rate > 0 && done > 0 ? Math.max(0, (total - done) / rate) : 0;
    const line = done > 0
      ? `${stage}: ${grouped(done)}/${grouped(total)} · ${grouped(Math.round(rate))}/s · còn ${left.toFixed(0)} s`
      : `${stage}…`;
    process.stderr.write(`\r\x1b[K${line}`);
  };
}

/** Builds and prints the outcome; the exit code: 0, 1 (a failed build, or inputs with errors), 2 (a refused --output). */
export async function runBuild(options: BuildOptions, quiet = false): Promise<number> {
  const tty = !quiet && process.stderr.isTTY;
  try {
    const onLockWait = (message: string): void => { if (!quiet) process.stderr.write(`${tty ? '\r\x1b[K' : ''}${message}\n`); };
    const onNotice = (message: string): void => { process.stderr.write(`${tty ? '\r\x1b[K' : ''}warning: ${message}\n`); };
    const result = await buildSite(tty ? { ...options, onProgress: terminalProgress(), onLockWait, onNotice } : { ...options, onLockWait, onNotice });
    if (tty) process.stderr.write('\r\x1b[K');
    const errors = result.messages.filter((m) => m.severity === 'error');
    for (const m of errors) process.stderr.write(`${m.file}:${m.line}:${m.column}  error  ${m.message}  [${m.ruleId}]\n`);
    const warnings = result.messages.length - errors.length;
    const parts = [
      `${grouped(result.articles)} articles`, `${grouped(result.pages)} pages`,
      ...(errors.length ? [`${grouped(errors.length)} errors`] : []), `${grouped(warnings)} warnings`,
    ];
    const detail = result.unchanged ? 'nothing changed' : `cache: ${grouped(result.cacheHits)} hits, ${grouped(result.written)} pages written`;
    console.log(`${parts.join(', ')} in ${result.seconds.toFixed(1)} s (${detail})`);
    // the site of the other files is written; the inputs with errors still need fixing (contract: exit 1)
    return errors.length ? 1 : 0;
  } catch (error) {
    if (tty) process.stderr.write('\r\x1b[K');
    // one line, never a stack trace or a child's backtrace
    process.stderr.write(`build failed: ${failureLine(error)}\n`);
    return error instanceof OutputRefused ? error.exitCode : 1;
  }
}

/** `npm run build -- --help` */
const BUILD_HELP = `npm run build -- [flags]    (tsx src/build.ts [flags]): articles/ → the static site in _site/

  --input=DIR          the articles folder (default articles)
  --records=FILE.json  build from a JSON array of records (as \`archive records\` prints) instead
  --output=DIR         the site folder (default _site)
  --pathprefix=/sub/   the site is served under a sub-path (every link starts with it)
  --force              rebuild although nothing changed, into a whole new site swapped in
  --cache=DIR          the cache folder (default .cache); --no-cache: none
  --quiet              no progress and no summary
  --serve              build, serve on localhost and rebuild on changes (npm run serve -- --help)
  --port=N             with --serve: the port (default 8080, or PORT; 0: any free one)
  -h, --help           this text

Environment: SITE_URL (the public address, default https://example.org), BUILD_TIMINGS=1|heap, PORT.
Exit: 0 done, 1 an input error or a failed build, 2 a usage error.
`;

/** \`npm run serve -- --help\` */
const SERVE_HELP = `npm run serve -- [flags]    (tsx src/build.ts --serve [flags]): build, serve the site on
localhost and rebuild when articles/, templates/ or src/ change (files saved by rename and folders
created later included); a failed rebuild keeps the last good site.

  --port=N             the port (default 8080, or PORT; 0: any free one); a busy port is an error
  --input=DIR          the articles folder (default articles)
  --output=DIR         the site folder (default _site)
  --pathprefix=/sub/   serve (and build) the site under a sub-path
  -h, --help           this text
`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(argv.includes('--serve') ? SERVE_HELP : BUILD_HELP);
    return;
  }
  let cli: Cli;
  try {
    cli = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `${error.message}\nusage: tsx src/build.ts [--pathprefix=/sub/] [--input=articles | --records=FILE.json] [--output=_site] [--force] [--cache=.cache | --no-cache] [--quiet] [--serve] [--port=8080] [--help]\n`,
      );
      process.exit(2);
    }
    throw error;
  }
  if (cli.serve) {
    const { serve } = await import('./site/serve.ts');
    await serve({ ...cli.options, port: cli.port });
    return;
  }
  if (cli.recordsFile) {
    const { readFile } = await import('node:fs/promises');
    const { z } = await import('zod');
    const { articleRecordSchema } = await import('./record.ts');
    try {
      cli.options.records = z.array(articleRecordSchema).parse(JSON.parse(await readFile(cli.recordsFile, 'utf8')));
    } catch (error) {
      process.stderr.write(`${cli.recordsFile}: not a JSON array of article records: ${(error as Error).message}\n`);
      process.exit(1);
    }
  } else {
    // a large archive is built in a child process with a heap sized to it (src/heapLimit.ts)
    const { buildInSizedHeap, countArticleFiles } = await import('./heapLimit.ts');
    const code = buildInSizedHeap(countArticleFiles(cli.options.input ?? 'articles'));
    if (code !== null) {
      process.exitCode = code;
      return;
    }
  }
  process.exitCode = await runBuild(cli.options, cli.quiet);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
