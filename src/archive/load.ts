/**
 * The articles folder → records: read every .txt/.md file (sorted, so the
 * result never depends on the file system's order), parse, give unique slugs.
 */
import { createHash } from 'node:crypto';
import { readArticleFile } from './readArticleFile.ts';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../parse.ts';
import { ARTICLE_FILE_RE, isHidden } from './articleFile.ts';
import { recordVersion } from './parserVersion.ts';
import { knowledgeFingerprint } from '../registry/extend.ts';
import type { Knowledge } from '../registry/knowledge.ts';
import { cacheKey, RecordCache, type CachedParse } from './recordCache.ts';
import { ParsePool } from './parsePool.ts';
import { deriveRecord, derivedVersion, restoreDerived, storeDerived, type RecordDerived } from './derived.ts';
import pMap from 'p-map';
import { IO_CONCURRENCY } from '../concurrency.ts';
import type { ArticleRecord } from '../record.ts';

export type Message = Finding;

export interface LoadResult {
  records: ArticleRecord[];
  /** per record, its signatures and topics (from the cache when it had them) */
  derived: Map<ArticleRecord, RecordDerived>;
  /**
   * With `bodiesInCache`: per record whose `html` was left in the record cache (its `html`
   * is then ""), the cache key to read it back with (RecordCache.html). Empty otherwise.
   */
  bodyRefs: Map<ArticleRecord, string>;
  messages: Message[];
  /** every input file and what became of it */
  files: { file: string; outcome: 'record' | 'error' }[];
  /** how many files came from the parse cache */
  cacheHits: number;
  /** changes when any input file, its path or the parser changes */
  inputKey: string;
}

export interface ListedFile { path: string; rel: string }

interface FileKind { isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }
const specialKind = (e: FileKind): string =>
  e.isFIFO() ? 'a named pipe' : e.isSocket() ? 'a socket' : e.isBlockDevice() || e.isCharacterDevice() ? 'a device' : 'not a file';

/** Article files under dir, sorted by their path relative to it. Problems become messages. */
export async function listArticleFiles(dir: string, messages: Message[]): Promise<ListedFile[]> {
  const root = await realpath(dir);
  const out: ListedFile[] = [];
  async function walk(d: string): Promise<void> {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (isHidden(e.name)) continue;
      const full = join(d, e.name);
      const rel = relative(root, full).split(sep).join('/');
      if (e.isDirectory()) { await walk(full); continue; }
      if (!ARTICLE_FILE_RE.test(e.name)) continue;
      if (!e.isFile() && !e.isSymbolicLink()) {
        // a FIFO would block the read forever, a device never end it
        messages.push({ file: rel, line: 1, column: 1, severity: 'warning', message: `not a regular file (${specialKind(e)}); skipped`, ruleId: 'read/not-a-file' });
        continue;
      }
      if (e.isSymbolicLink()) {
        let target: string;
        try { target = await realpath(full); } catch {
          messages.push({ file: rel, line: 1, column: 1, severity: 'error', message: 'broken symbolic link', ruleId: 'read/symlink' });
          continue;
        }
        if (!target.startsWith(root + sep)) {
          messages.push({ file: rel, line: 1, column: 1, severity: 'error', message: 'symbolic link points outside the articles folder; not read', ruleId: 'read/symlink' });
          continue;
        }
        const st = await stat(target);
        if (st.isDirectory()) continue;
        if (!st.isFile()) {
          messages.push({ file: rel, line: 1, column: 1, severity: 'warning', message: `symbolic link to something that is not a regular file (${specialKind(st)}); skipped`, ruleId: 'read/not-a-file' });
          continue;
        }
      }
      out.push({ path: full, rel });
    }
  }
  await walk(root);
  return out;
}

/** Code point order (never the locale's): the same on every machine. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order that decides who has a slug first: the earliest published, then undated, then by path. */
export const slugOrder = (a: ArticleRecord, b: ArticleRecord): number =>
  (a.published.iso ?? '9999').localeCompare(b.published.iso ?? '9999') || byCodePoint(a.sourceFile, b.sourceFile);

/**
 * Same title, same slug: the first in slugOrder (the earliest published, then the path) keeps the
 * slug, each other takes "-" and the start of its id (6 hex digits, more when those are taken;
 * ids come from the whole path, so they are unique). A slug is a function of the articles
 * folder alone, so a fresh build (the Pages workflow) and an incremental one give every article
 * the same URL. The price: an article added later with an older date and the same title takes the
 * plain slug, and the one that had it moves to its suffixed URL (the build warns, slug/moved).
 */
export function assignUniqueSlugs(records: ArticleRecord[]): void {
  const bySlug = new Map<string, ArticleRecord[]>();
  for (const r of records) {
    const list = bySlug.get(r.slug);
    if (list) list.push(r); else bySlug.set(r.slug, [r]);
  }
  // every plain slug first: a title whose slug looks like another's suffixed one keeps it
  const taken = new Set(bySlug.keys());
  for (const base of [...bySlug.keys()].sort(byCodePoint)) {
    const list = bySlug.get(base)!;
    if (list.length < 2) continue;
    list.sort(slugOrder);
    for (const r of list.slice(1)) {
      let slug = '';
      for (let digits = 6; digits <= r.id.length && (!slug || taken.has(slug)); digits += 2) slug = `${base}-${r.id.slice(0, digits)}`;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${r.id}-${n}`;
      taken.add(slug);
      r.slug = slug;
    }
  }
}

/** A warning per article whose URL is not the one the last build gave it (an older article with its title was added). */
function movedSlugs(records: readonly ArticleRecord[], previous: ReadonlyMap<string, string> | undefined): Finding[] {
  if (!previous) return [];
  return records.flatMap((r) => {
    const last = previous.get(r.sourceFile);
    if (!last || last === r.slug) return [];
    return [{ file: r.sourceFile, line: 1, column: 1, severity: 'warning' as const, message: `its page moved from /bai-viet/${last}/ to /bai-viet/${r.slug}/ (the slug goes to the earliest article with the title)`, ruleId: 'slug/moved' }];
  });
}

export interface LoadOptions {
  /** source file → slug in the last build (an article whose URL moved is warned about; see assignUniqueSlugs) */
  previousSlugs?: ReadonlyMap<string, string>;
  /** for the future-date warning */
  now?: Date;
  /** the parse cache folder; false for none (default ".cache/records") */
  cache?: string | false;
  /**
   * Leave each record's body HTML in the record cache instead of in memory (`html` is ""; see
   * LoadResult.bodyRefs): the build reads it back page by page, so an archive's bodies are
   * never all in memory at once. Without a cache, the HTML stays in the records.
   */
  bodiesInCache?: boolean;
  /** told of what the load overcame (damaged cache entries, parsed again), one line each */
  onNotice?: (message: string) => void;
  /** called as files are parsed: how many are done, of how many, and how many came from the cache */
  onProgress?: (done: number, total: number, cached: number) => void;
  /** a parse pool the caller has warmed already (its worker has loaded the parser); the caller closes it */
  pool?: ParsePool;
  /**
   * the archive's knowledge (its config's extra outlets, agencies, people, places, junk): the records are
   * parsed with createRegistries(knowledge), and cached under keys that cover it. loadArchive scans with it;
   * loadScanned parses with the knowledge its scan was made with (scanArchive's option), and refuses
   * another.
   */
  knowledge?: Knowledge;
}

export interface ScanOptions {
  /** the archive's knowledge: part of every cache key (see LoadOptions.knowledge) */
  knowledge?: Knowledge;
}

export const DEFAULT_CACHE_DIR = '.cache/records';
const DAY_MS = 86_400_000;

/** The future is a matter of the clock, not of the text: checked here, never cached. */
function futureDateFinding(r: ArticleRecord, now: Date | undefined): Finding | null {
  if (!now || !r.published.iso || Date.parse(r.published.iso) <= now.getTime() + DAY_MS) return null;
  return { file: r.sourceFile, line: 1, column: 1, severity: 'warning', message: `publication date ${r.published.date} is in the future`, ruleId: 'date/future' };
}

/** records whose derived part is recomputed, written back per batch (bounds the bodies held) */
const STALE_BATCH = 500;
/** files parsed per batch: bounds the bytes held in memory at once */
const PARSE_BATCH = 2000;

/** What is in the folder, read and hashed, before anything is parsed. */
export interface ArchiveScan {
  files: ListedFile[];
  /** per file: its cache key, or an error finding when it could not be read */
  entries: ({ key: string; bytes?: Uint8Array } | { error: Finding })[];
  /** changes when any input file, its path, the parser or the knowledge changes */
  inputKey: string;
  messages: Message[];
  /** the knowledge the keys were made for, and the records are parsed with */
  knowledge?: Knowledge;
}

/** keep the bytes read while scanning for the parse, up to this much in all (else read again) */
const KEEP_SCANNED_BYTES = 256 * 1024 * 1024;

export async function scanArchive(dir: string, options: ScanOptions = {}): Promise<ArchiveScan> {
  const messages: Message[] = [];
  const files = await listArticleFiles(resolve(dir), messages);
  const version = recordVersion(options.knowledge);
  const inputHash = createHash('sha256').update(version);
  // bytes are kept for the parse up to KEEP_SCANNED_BYTES in all (which ones does not matter)
  let kept = 0;
  // One file after the other: in a rebuild the files are in the page cache, and a synchronous read
  // costs a third of an asynchronous one's round trip (10,000 files: 0.13 against 0.4 s).
  const read = files.map((f): { key: string; bytes?: Uint8Array } | { code: string } | { error: Finding } => {
    try {
      // a file replaced by a FIFO since the listing, or one too large, is not read
      const read = readArticleFile(f.path, f.rel);
      if ('error' in read) return read;
      const { bytes } = read;
      const key = cacheKey(version, f.rel, bytes);
      kept += bytes.length;
      return kept <= KEEP_SCANNED_BYTES ? { key, bytes } : { key };
    } catch (error) {
      return { code: (error as NodeJS.ErrnoException).code ?? 'error' };
    }
  });
  const entries: ArchiveScan['entries'] = [];
  read.forEach((r, i) => {
    const f = files[i]!;
    if ('error' in r) {
      inputHash.update(`refused:${f.rel}:${r.error.ruleId}`);
      entries.push(r);
      return;
    }
    if ('code' in r) {
      inputHash.update(`unreadable:${f.rel}`);
      entries.push({ error: { file: f.rel, line: 1, column: 1, severity: 'error', message: `cannot read the file (${r.code})`, ruleId: 'read/io' } });
      return;
    }
    inputHash.update(r.key);
    entries.push(r);
  });
  return { files, entries, inputKey: inputHash.digest('hex'), messages, ...(options.knowledge ? { knowledge: options.knowledge } : {}) };
}

export async function loadArchive(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  return loadScanned(await scanArchive(dir, { ...(options.knowledge ? { knowledge: options.knowledge } : {}) }), options);
}

/** Records for a scanned folder: from the cache, or parsed (in worker threads when many). Releases the scan's bytes. */
export async function loadScanned(scan: ArchiveScan, options: LoadOptions = {}): Promise<LoadResult> {
  if (options.knowledge && knowledgeFingerprint(options.knowledge) !== knowledgeFingerprint(scan.knowledge)) {
    throw new Error('loadScanned: the scan was made for other knowledge (pass LoadOptions.knowledge to scanArchive too)');
  }
  const messages: Message[] = [...scan.messages];
  const listed = scan.files;
  const cache = options.cache === false ? null : new RecordCache(options.cache ?? DEFAULT_CACHE_DIR);
  const results: CachedParse[] = new Array(listed.length);
  let done = 0;
  let hits = 0;
  // With bodiesInCache, a cached body is not read at all, and a parsed one is let go as soon as
  // its record is safe in the cache (a record whose derived part is stale keeps it until that is
  // written back, below).
  const leaveBody = (r: CachedParse | undefined): CachedParse | undefined => {
    if (r?.record && cache && options.bodiesInCache && r.derived?.version === derivedVersion()) r.record.html = '';
    return r;
  };
  // Every parse runs in a worker (the budget): at the first file not in the cache, one starts and
  // loads the parser while the rest of the cache is read.
  const lent = options.pool;
  // a lent pool is the caller's: made with the same knowledge (LoadOptions.knowledge)
  const pool = lent ?? new ParsePool(scan.entries.length, scan.knowledge ? { knowledge: scan.knowledge } : {});
  // A batch's entries are written to the cache while the next batch parses: the workers do not
  // wait for the writes (one batch of writes at a time, so the bodies held stay bounded).
  let writing: Promise<void> = Promise.resolve();
  try {
    // The cache first, read one entry after the other as the scan read the files (see there).
    const cached = scan.entries.map((entry) => {
      if ('error' in entry) return undefined;
      const hit = cache ? leaveBody(cache.get(entry.key, { body: !options.bodiesInCache })) : undefined;
      if (!hit) pool.warm();
      return hit;
    });
    if (cache?.damaged.length) {
      const [first] = cache.damaged;
      options.onNotice?.(`${cache.damaged.length} damaged record cache entr${cache.damaged.length === 1 ? 'y' : 'ies'} ignored and parsed again (${first!.file}: ${first!.reason}${cache.damaged.length > 1 ? ', …' : ''})`);
    }
    const misses: number[] = [];
    scan.entries.forEach((entry, i) => {
      if ('error' in entry) results[i] = { record: null, findings: [entry.error] };
      else if (cached[i]) {
        results[i] = cached[i];
        hits++;
      } else {
        misses.push(i);
        return;
      }
      options.onProgress?.(++done, listed.length, hits);
    });
    for (let start = 0; start < misses.length; start += PARSE_BATCH) {
      const batch = await Promise.all(misses.slice(start, start + PARSE_BATCH).map(async (i) => {
        const entry = scan.entries[i] as { key: string; bytes?: Uint8Array };
        const bytes = entry.bytes ?? await readFile(listed[i]!.path).catch(() => new Uint8Array());
        return { i, key: entry.key, file: { rel: listed[i]!.rel, bytes } };
      }));
      const [parsed] = await Promise.all([
        pool.parse(batch.map((b) => b.file), () => options.onProgress?.(++done, listed.length, hits)),
        writing,
      ]);
      batch.forEach((b, k) => { results[b.i] = parsed[k]!; });
      writing = (cache ? pMap(batch, (b, k) => cache.set(b.key, parsed[k]!), { concurrency: IO_CONCURRENCY }) : Promise.resolve([]))
        .then(() => { parsed.forEach(leaveBody); });
    }
    await writing;
  } finally {
    // a failed write is the build's error; the one still in flight, if any, is awaited first
    await writing.catch(() => {});
    if (!lent) await pool.close();
  }
  // parsed: the bytes kept from the scan are not needed any more (up to 256 MB)
  for (const entry of scan.entries) if ('bytes' in entry) delete entry.bytes;
  const records: ArticleRecord[] = [];
  const derived = new Map<ArticleRecord, RecordDerived>();
  const bodyRefs = new Map<ArticleRecord, string>();
  const files: LoadResult['files'] = [];
  // Records whose derived part was cached by another version of the stories/topics code get it
  // computed again (no re-parse) and are written back a few hundred at a time, so that after such
  // a change a large archive's bodies are not all held until the end.
  let stale: { key: string; value: CachedParse; record: ArticleRecord }[] = [];
  const writeBack = async (): Promise<void> => {
    if (cache) {
      await pMap(stale, async (s) => {
        // with bodiesInCache the cache read above left the body in the entry: it goes back with it
        const record = s.value.record!;
        if (options.bodiesInCache && !record.html) record.html = (await cache.html(s.key)) ?? '';
        await cache.set(s.key, s.value);
      }, { concurrency: IO_CONCURRENCY });
    }
    if (cache && options.bodiesInCache) for (const s of stale) s.record.html = '';
    stale = [];
  };
  for (const [i, f] of listed.entries()) {
    const r = results[i]!;
    messages.push(...r.findings);
    files.push({ file: f.rel, outcome: r.record ? 'record' : 'error' });
    if (!r.record) continue;
    let d = restoreDerived(r.derived);
    const key = (scan.entries[i] as { key: string }).key;
    if (!d) {
      d = deriveRecord(r.record);
      r.derived = storeDerived(d);
      // written as parsed: the future-date warning below is of the clock, never cached
      stale.push({ key, value: { ...r, record: { ...r.record, warnings: [...r.record.warnings] } }, record: r.record });
      if (stale.length >= STALE_BATCH) await writeBack();
    }
    derived.set(r.record, d);
    if (cache && options.bodiesInCache) bodyRefs.set(r.record, key);
    const future = futureDateFinding(r.record, options.now);
    if (future) {
      messages.push(future);
      r.record.warnings.push(`line 1: ${future.message} [${future.ruleId}]`);
    }
    records.push(r.record);
  }
  await writeBack();
  assignUniqueSlugs(records);
  messages.push(...movedSlugs(records, options.previousSlugs));
  return { records, derived, bodyRefs, messages, files, cacheHits: hits, inputKey: scan.inputKey };
}
