/**
 * The build: articles/ → records → site data → Eleventy → _site/. The command line is
 * src/build.ts (`npm run build`); this module is the build alone, a short list of stages.
 *
 * The site is written to a staging folder beside the output and put in place only when the
 * whole build succeeded (swapped in whole, or its changed files moved in from a journal), so a
 * failed build never destroys the last good site and no stale page survives a rebuild.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pMap from 'p-map';
import type { ArchiveScan, Message } from '../archive/load.ts';
import type { ArticleRecord } from '../record.ts';
import { normalizePathPrefix, siteConfig, type SiteConfig } from '../site/config.ts';
import { loadArchiveConfig, parserOptions, type ArchiveConfig } from '../archiveConfig.ts';
import { acquireLock, describeHolder, type LockHolder } from '../lock.ts';
import type { OnDamaged } from '../stateFile.ts';
import { emptyTrash, StagingWriter, type StagingMode, type WriteResult } from '../site/output.ts';
import type { ReadBodies } from '../site/bodies.ts';
import { RecordCache } from '../archive/recordCache.ts';
import { IO_CONCURRENCY } from '../concurrency.ts';
import { PageHasher, planPages, type PageHashes } from '../site/pageReuse.ts';
import type { SiteData } from '../site/data.ts';
import type { SearchIndexResult } from '../search/index.ts';
import { PASSTHROUGH } from '../../.eleventy.ts';
import { checkOutput } from '../site/outputGuard.ts';
import { ARTICLE_URL_RE, PATHS } from '../paths.ts';
import { buildKeyOf, renderContextOf } from './key.ts';
import { SiteState } from './siteState.ts';
import { buildReport, previousSlugs, reportJson, type BuildReportEntry } from './report.ts';
import { removeLeftovers } from './leftovers.ts';
import { StageTimes, type OnProgress } from './timings.ts';
import { SearchRun } from './searchRun.ts';


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
  /** the archive's config (default: ./archive.config.json, read by loadArchiveConfig) */
  config?: ArchiveConfig;
  /** articles per list page (default: the config's perPage; tests make it small, to have lists cut by year) */
  perPage?: number;
  /** progress of the long stages */
  onProgress?: OnProgress;
  /** how long to wait for another build that holds this output or cache (ms; default LOCK_WAIT_MS) */
  lockWaitMs?: number;
  /** told once when this build waits for another one */
  onLockWait?: (message: string) => void;
  /** told of what the build overcame: a damaged cache entry or state file ignored and made anew (one line each) */
  onNotice?: (message: string) => void;
}

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

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

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

/** What every stage of one build reads: its folders, settings, keys and the output's state. */
interface Build {
  options: BuildOptions;
  started: number;
  startedAt: Date;
  output: string;
  pathPrefix: string;
  config: ArchiveConfig;
  site: SiteConfig;
  perPage: number;
  cacheRoot: string | null;
  /** the parse cache, which also keeps the article bodies the render reads back */
  recordsDir: string | null;
  /** the parser's module, loaded lazily: a build from given records (tests) does not need it */
  load: typeof import('../archive/load.ts') | null;
  scan: ArchiveScan | null;
  renderContext: string;
  key: string;
  state: SiteState;
  damaged: OnDamaged;
  times: StageTimes;
}

async function buildLocked(options: BuildOptions): Promise<BuildResult> {
  const build = await scanAndKey(options);
  // what killed builds left: their journal finished, their pending state and staging folders removed
  // (before the key is compared: a build that finds nothing to do clears them too)
  await build.state.recover();
  await removeLeftovers(build.output);
  const unchanged = await unchangedResult(build);
  if (unchanged) return unchanged;
  const staging = await openStaging(build);
  const search = new SearchRun(build);
  let done: { prepared: Prepared; plan: RenderPlan; pages: WriteResult & { rendered: number }; searched: SearchIndexResult };
  try {
    const prepared = await prepareSite(build, staging, search);
    const plan = await planRender(build, prepared.archive);
    const pages = await renderPages(build, staging, prepared, plan);
    done = { prepared, plan, pages, searched: await search.finish() };
  } catch (error) {
    await search.abandon();
    await rm(staging.dir, { recursive: true, force: true });
    throw error;
  }
  const { prepared, plan, pages, searched } = done;
  await build.state.stagePages(plan.pageHashes);
  await staging.trashEmptied;
  // the state files that describe the site (its pages' data hashes, its files' hashes, the search
  // shards) are moved in with it
  await build.state.moveIn({
    output: build.output, staging: staging.dir, trash: staging.trash, mode: staging.mode,
    moves: [...pages.changed, ...searched.replaced], removes: [...pages.gone, ...searched.removed], searchState: searched.stateFile ?? undefined,
  });
  build.times.progress('xong', 1, 1);
  build.times.report(search.seconds);
  const { counts } = prepared.archive;
  await build.state.commitBuild({ key: build.key, articles: counts.articles, pages: counts.pages, messages: prepared.messages });
  // housekeeping: a cache that cannot be pruned now is pruned by a later build, the site is built
  await pruneRecordCache(build).catch(() => {});
  return {
    articles: counts.articles, pages: counts.pages, seconds: (performance.now() - build.started) / 1000, messages: prepared.messages,
    cacheHits: prepared.cacheHits, written: pages.written, rendered: pages.rendered, unchanged: false,
  };
}

/** The stage before any work: the inputs scanned and hashed, the build's key. */
async function scanAndKey(options: BuildOptions): Promise<Build> {
  const started = performance.now();
  const startedAt = new Date();
  const output = path.resolve(options.output ?? '_site');
  const pathPrefix = normalizePathPrefix(options.pathPrefix);
  const cacheRoot = options.cache === false ? null : path.resolve(options.cache ?? '.cache');
  const load = options.records ? null : await import('../archive/load.ts');
  const config = options.config ?? loadArchiveConfig();
  // the cache keys cover the archive's knowledge (its registry entries): scanned with it
  const scan = load ? await load.scanArchive(options.input ?? 'articles', parserOptions(config)) : null;
  const inputKey = scan?.inputKey ?? createHash('sha256').update(JSON.stringify(options.records)).digest('hex');
  const site = siteConfig(config, options.env ?? process.env);
  const perPage = options.perPage ?? config.perPage;
  // what decides the pages besides the code: the site settings, the page size, the topics and key events
  const renderContext = renderContextOf(ROOT, pathPrefix, { site, topics: config.topics, events: config.events }, perPage);
  // a damaged state file is told of and ignored: the work it would have saved is done again
  const damaged: OnDamaged = (file, reason) => options.onNotice?.(`${file}: ${reason}; ignored`);
  return {
    options, started, startedAt, output, pathPrefix, config, site, perPage, cacheRoot, load, scan, renderContext, damaged,
    recordsDir: cacheRoot ? path.join(cacheRoot, 'records') : null,
    // the config's knowledge decides the records and the search (its names)
    key: buildKeyOf(ROOT, `${inputKey}\0${JSON.stringify(config.knowledge)}`, renderContext),
    state: new SiteState(cacheRoot, output, damaged),
    times: new StageTimes(options.onProgress),
  };
}

/** Nothing changed since the last build of this output: the site stays as it is. */
async function unchangedResult(build: Build): Promise<BuildResult | null> {
  if (build.options.force || !existsSync(build.output)) return null;
  const last = await build.state.lastBuild();
  if (last?.key !== build.key) return null;
  return { articles: last.articles, pages: last.pages, seconds: (performance.now() - build.started) / 1000, messages: last.messages, cacheHits: 0, written: 0, rendered: 0, unchanged: true };
}

interface Staging {
  dir: string;
  mode: StagingMode;
  trash: string | null;
  /** the sites earlier builds replaced, removed while this one parses and renders */
  trashEmptied: Promise<void>;
  writer: () => Promise<StagingWriter>;
}

/**
 * Over a last site whose state is known, only what changed is written (into the staging folder)
 * and then moved into the site (src/site/siteJournal.ts); a first or forced build makes a whole
 * site and swaps it in (swapIn). (A forced build reads the manifest too: the files whose bytes did
 * not change are linked from the last site.)
 */
async function openStaging(build: Build): Promise<Staging> {
  const trash = build.cacheRoot ? path.join(build.cacheRoot, 'trash') : null;
  const trashEmptied = trash ? emptyTrash(trash).catch(() => {}) : Promise.resolve();
  const dir = `${build.output}.building-${process.pid}`;
  const lastManifest = await build.state.lastManifest(build.output);
  const mode: StagingMode = !build.options.force && lastManifest && build.state.hasPages() ? 'in place' : 'swap';
  return { dir, mode, trash, trashEmptied, writer: () => StagingWriter.open(dir, build.output, build.state.manifestFile, mode, lastManifest) };
}

interface Prepared {
  archive: SiteData;
  report: BuildReportEntry[];
  messages: Message[];
  cacheHits: number;
}

/**
 * The records (read, or parsed), folded, sent to the search, made into the site data. The records
 * are needed only in here: the site data keeps what the pages show, the search job what the index
 * reads (the indexed start of each text), the report their files and URLs, so the records' full
 * text is not held while the pages render. No function made in here may outlive it: a closure
 * keeps its whole scope, records included.
 */
async function prepareSite(build: Build, staging: Staging, search: SearchRun): Promise<Prepared> {
  const { options, pathPrefix } = build;
  const [{ buildSiteData, foldCopies, withArchiveTopics }, { searchable, textStart }] = await Promise.all([import('../site/data.ts'), import('../search/worker.ts')]);
  const { config } = build;
  const loaded = build.load && build.scan
    ? await build.load.loadScanned(build.scan, {
      // the archive's own outlets, people, places…: parsed with the scan's knowledge (the same)
      ...parserOptions(config),
      now: new Date(),
      previousSlugs: await previousSlugs(build.output, ARTICLE_URL_RE),
      cache: build.recordsDir ?? false,
      // the bodies stay in the record cache; each render run reads back its own (readBodies)
      bodiesInCache: true,
      onNotice: options.onNotice,
      onProgress: (done, total) => build.times.progress('đọc bài', done, total),
    })
    : { records: options.records ?? [], derived: undefined, bodyRefs: undefined, messages: [] as Message[], files: (options.records ?? []).map((r) => ({ file: r.sourceFile, outcome: 'record' as const })), cacheHits: 0 };
  build.times.progress('dữ liệu trang', 0, loaded.records.length);
  // the registries with the archive's knowledge: the search page's names
  const { createRegistries } = await import('../registry/index.ts');
  const { people, places } = createRegistries(config.knowledge);
  const archiveSettings = { subject: config.phrases.subject, topics: config.topics, events: config.events, names: { person: people.all, place: places.all } };
  // the config's topics and key events, when they are not those the parse workers used: from the whole texts
  const derived = withArchiveTopics(loaded.records, loaded.derived, archiveSettings);
  const folded = foldCopies(loaded.records, derived);
  const searchRecords = loaded.records.map(searchable);
  // Folded, and the whole texts sent to the search: from here on the site reads only the start of
  // each text (summaries, textStart) and the derived part (topics, key events). At 100,000 articles
  // the whole texts are a gigabyte.
  if (loaded.derived) loaded.records.forEach((r) => { r.text = textStart(r.text); });
  await search.run({
    siteDir: staging.dir, records: searchRecords, pathPrefix, language: config.language, knowledge: config.knowledge,
    pageUrls: folded.all.filter((_, i) => folded.stories.canonicalOf[i] === i).map((r) => PATHS.article(r.slug)),
    // unchanged shards are left in (or linked from) the last site; their state is kept beside this output's cache
    previous: build.output, inPlace: staging.mode === 'in place', cache: build.state.searchDir, statePending: true,
  });
  const archive = buildSiteData(loaded.records, { archive: archiveSettings, derived, bodyRefs: loaded.bodyRefs, folded, perPage: build.perPage });
  const prefixed = (url: string): string => `${pathPrefix}${url.slice(1)}`;
  const report = buildReport(loaded.records, loaded.files, loaded.messages, archive.merged, (r) => prefixed(PATHS.article(r.slug)), prefixed);
  return { archive, report, messages: loaded.messages, cacheHits: loaded.cacheHits };
}

interface RenderPlan {
  /** what Eleventy renders: the paginated pages whose data or render context changed, and the rest */
  toRender: SiteData;
  /** the site paths of the pages kept from the last site */
  kept: string[];
  /** the hash of every paginated page's data, for the next build */
  pageHashes: PageHashes;
}

/** Paginated pages whose data did not change are kept from the last site, not rendered again. */
async function planRender(build: Build, archive: SiteData): Promise<RenderPlan> {
  const [{ isSharedRef }, { PAGINATED }] = await Promise.all([import('../site/data.ts'), import('../site/pages/index.ts')]);
  const lastPages = build.options.force ? null : await build.state.lastPages();
  // one after the other: the last site's folders are in the page cache (15,000 pages: 0.06 s against 0.17 s)
  const present = new Set(lastPages ? Object.keys(lastPages.pages).filter((p) => existsSync(path.join(build.output, p))) : []);
  // the menu of every page lists "Chưa rõ ngày" only when some article is undated (templates/_includes/layout.ts)
  const pageHashes: PageHashes = { context: `${build.renderContext}${archive.undated.count ? '+undated' : ''}`, pages: {} };
  const hasher = new PageHasher(isSharedRef);
  const toRender: SiteData = { ...archive };
  const kept: string[] = [];
  for (const key of PAGINATED) {
    const { render, keep } = planPages<{ url: string }>(archive[key], lastPages, pageHashes, (p) => present.has(p), hasher);
    (toRender as unknown as Record<string, unknown>)[key] = render;
    for (const path of keep) kept.push(path);
  }
  return { toRender, kept, pageHashes };
}

/** Rendered in memory, in chunks; each chunk written (or linked, when unchanged) as it comes; then the kept pages, the report and the assets. */
async function renderPages(build: Build, staging: Staging, prepared: Prepared, plan: RenderPlan): Promise<WriteResult & { rendered: number }> {
  const { progress } = build.times;
  const total = prepared.archive.counts.pages;
  progress('dựng trang', 0, total);
  const { renderSite } = await import('../site/render.ts');
  const writer = await staging.writer();
  let done = 0;
  const rendered = await renderSite({
    root: ROOT, outDir: staging.dir, archive: plan.toRender, site: build.site, pathPrefix: build.pathPrefix, chunk: build.options.renderChunk,
    readBodies: build.recordsDir ? bodyReader(build.recordsDir) : undefined,
    onFiles: async (files) => {
      await writer.write(files);
      progress('dựng trang', (done += files.length), total);
    },
  });
  progress('ghi trang', 0, plan.kept.length);
  await writer.keep(plan.kept);
  await writer.write([{ path: 'build-report.json', content: reportJson(prepared.report) }]);
  // fonts, CSS, the search script: written, never linked to their sources
  await writer.write(await Promise.all((await passthroughFiles()).map(async (f) => ({ path: f.to, content: await readFile(f.from) }))));
  return { ...(await writer.close()), rendered };
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
async function pruneRecordCache(build: Build): Promise<void> {
  if (!build.recordsDir || !build.cacheRoot || !build.scan) return;
  await build.state.saveRecordKeys(build.scan.entries.flatMap((e) => ('key' in e ? [e.key] : [])));
  const keep = await SiteState.recordKeysOfAll(build.cacheRoot, build.damaged);
  await new RecordCache(build.recordsDir).prune(keep, build.startedAt);
}
