/**
 * `archive add`: one article into the archive, safely.
 *
 *   read (file or pasted stdin) → flags as front matter → parse → summary
 *   → refuse when --strict and a fact is missing → refuse a duplicate (unless --force)
 *   → save under a readable, never-overwritten name → rebuild the site → the page's path
 */
import { existsSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { loadArchive } from '../archive/load.ts';
import { ParsePool } from '../archive/parsePool.ts';
import type { CachedParse } from '../archive/recordCache.ts';
import { parserOptions, type ArchiveConfig } from '../archiveConfig.ts';
import { decodeArticleBytes } from '../read/decode.ts';
import { formatFinding } from '../report.ts';
import { pagePath } from './describe.ts';
import { flagProblem, withFrontMatter, type FrontMatterFlags } from './frontMatter.ts';
import { missingFacts } from './missing.ts';
import { articleFileName, firstFreeName } from './naming.ts';
import { readRequest, type Output } from './output.ts';
import { findDuplicate } from './similarity.ts';
import { summarize } from './summary.ts';
import { UsageError } from './args.ts';
import { fetchPage, isPageUrl, savedPageBytes } from './fetchPage.ts';
import { decodeHtmlBytes, isHtmlFile } from '../read/html/index.ts';
import { acquireLock, LockBusy } from '../lock.ts';

/** the lock of an articles folder while an add checks for duplicates and saves (hidden: never read as an article) */
export const ADD_LOCK = '.add.lock';
const ADD_LOCK_WAIT_MS = 60_000;

export interface AddOptions {
  /** a file path, "-" for standard input, or the http(s) URL of a page to download */
  source: string;
  flags: FrontMatterFlags;
  strict: boolean;
  force: boolean;
  build: boolean;
  /** the articles folder */
  dir: string;
  /** the archive's config: its knowledge for the parse, its settings for the rebuild (default ./archive.config.json) */
  config?: ArchiveConfig;
  /** the site folder the rebuild writes */
  output: string;
  now: Date;
  /** reads all of standard input */
  stdin: () => Promise<Uint8Array>;
}

const PROVISIONAL_NAME = 'bai-moi';

function display(path: string): string {
  return path.split('\\').join('/');
}

export function articleExtension(source: string): '.txt' | '.md' | '.html' {
  if (isPageUrl(source) || isHtmlFile(source)) return '.html';
  return /^\.(?:md|markdown)$/i.test(extname(source)) ? '.md' : '.txt';
}

/** Write without ever replacing a file: the first free -2, -3, … name wins. */
async function saveNew(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  let candidate = firstFreeName(name, (c) => existsSync(join(dir, c)));
  for (;;) {
    await mkdir(dirname(join(dir, candidate)), { recursive: true });
    try {
      await writeFile(join(dir, candidate), bytes, { flag: 'wx' });
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      candidate = firstFreeName(name, (c) => existsSync(join(dir, c)));
    }
  }
}

export async function addArticle(options: AddOptions, io: Output): Promise<number> {
  // the parse worker loads the parser while the page is read or downloaded
  const pool = new ParsePool(2, parserOptions(options.config)).warm();
  try {
    return await addWith(pool, options, io);
  } finally {
    await pool.close();
  }
}

async function addWith(pool: ParsePool, options: AddOptions, io: Output): Promise<number> {
  for (const [key, value] of Object.entries(options.flags) as [keyof FrontMatterFlags, string][]) {
    const problem = flagProblem(key, value);
    if (problem) throw new UsageError(problem);
  }
  const label = options.source === '-' ? '<stdin>' : isPageUrl(options.source) ? options.source : display(options.source);
  const fail = (message: string): number => (io.err(`${label}: ${message}`), 1);

  const fromUrl = isPageUrl(options.source);
  const fetched = fromUrl ? await fetchPage(options.source) : await readRequest(options.source, options.stdin);
  if (!fetched.ok) return fail(fetched.reason);
  // a saved page is kept as UTF-8 (its charset declaration rewritten), so front matter can go on top
  const read = !fromUrl && isHtmlFile(options.source) && Object.keys(options.flags).length ? savedPageBytes(fetched.bytes, null, null) : fetched;
  if (!read.ok) return fail(read.reason);
  const isPage = fromUrl || isHtmlFile(options.source);
  const decoded = isPage ? decodeHtmlBytes(read.bytes) : decodeArticleBytes(read.bytes);
  if (!decoded.ok) return fail(decoded.reason);
  const hasFlags = Object.keys(options.flags).length > 0;
  const bytes = hasFlags ? Buffer.from(withFrontMatter(decoded.text, options.flags), 'utf8') : read.bytes;

  try {
    if (!(await stat(options.dir)).isDirectory()) return fail(`the articles folder ${display(options.dir)} is not a folder`);
  } catch {
    return fail(`the articles folder ${display(options.dir)} does not exist`);
  }

  const ext = articleExtension(options.source);
  // under the parse budget (time, heap), as every file of a build
  const parse = async (sourceFile: string): Promise<CachedParse> => (await pool.parse([{ rel: sourceFile, bytes, now: options.now.getTime(), derive: false }]))[0]!;
  const first = await parse(`${PROVISIONAL_NAME}${ext}`);
  const errors = first.findings.filter((f) => f.severity === 'error');
  if (!first.record || errors.length) {
    for (const f of errors) io.err(formatFinding({ ...f, file: label }));
    return errors.length ? 1 : fail('could not be read as an article');
  }
  if (!first.record.text.trim() && !first.record.lede) return fail('no article text found');

  const name = articleFileName(first.record, ext);
  const missing = missingFacts(first.record);
  // one add at a time in a folder, from the duplicate check to the save: two adds of one article
  // at once must not both find no duplicate and both save it
  let release: () => Promise<void>;
  try {
    release = await acquireLock(join(options.dir, ADD_LOCK), { what: `add of ${label}`, waitMs: ADD_LOCK_WAIT_MS });
  } catch (error) {
    if (error instanceof LockBusy) return fail(`not added: another add is running in ${display(options.dir)} (${error.message})`);
    throw error;
  }
  let rel: string;
  let duplicate: ReturnType<typeof findDuplicate>;
  try {
    const { records: existing } = await loadArchive(options.dir, { ...parserOptions(options.config), now: options.now, pool });
    duplicate = findDuplicate(first.record, existing);
    if (options.strict && missing.length) {
      for (const line of summarize(first.record, missing)) io.out(line);
      return fail(`not added (--strict): ${missing.map((m) => `${m.message} — give ${m.flag}`).join('; ')}`);
    }
    if (duplicate && !options.force) {
      const how = duplicate.kind === 'identical' ? 'identical text' : `near-identical text, ${Math.round(duplicate.similarity * 100)}% shared`;
      const lacking = missingFacts(duplicate.record).map((m) => m.field).filter((f) => f in options.flags);
      const fix = lacking.length ? `; to give that file ${lacking.map((f) => `"${f}:"`).join(', ')}, write it in its front matter` : '';
      return fail(`already in the archive as ${display(join(options.dir, duplicate.record.sourceFile))} (${how}); not added (--force adds it as a republication${fix})`);
    }
    rel = await saveNew(options.dir, name, bytes);
  } finally {
    await release();
  }

  const saved = (await parse(rel)).record ?? first.record;
  io.out(`Saved ${display(join(options.dir, rel))}`);
  for (const line of summarize(saved, missing)) io.out(`  ${line}`);
  if (missing.length) {
    io.out(`  Saved anyway. To fill in ${missing.map((m) => `"${m.field}:"`).join(', ')}, write it in the front matter of the saved file,`);
    io.out('  or remove the file and add it again with the flags (--strict refuses instead of saving).');
  }
  if (duplicate) io.out(`Republication of ${display(join(options.dir, duplicate.record.sourceFile))} (added with --force)`);

  const { records } = await loadArchive(options.dir, { ...parserOptions(options.config), now: options.now, pool });
  const page = pagePath(records.find((r) => r.sourceFile === rel) ?? saved);
  if (!options.build) {
    io.out(`Page (after the next build): ${page}`);
    return 0;
  }
  try {
    const { buildSite } = await import('../build/buildSite.ts');
    const result = await buildSite({ input: options.dir, output: options.output, ...(options.config ? { config: options.config } : {}) });
    io.out(`Site rebuilt into ${display(options.output)}/: ${result.articles} articles, ${result.pages} pages in ${result.seconds.toFixed(1)} s`);
  } catch (error) {
    return fail(`saved as ${display(join(options.dir, rel))}, but the site build failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  io.out(`New page: ${page}  (${display(join(options.output, page, 'index.html'))})`);
  return 0;
}
