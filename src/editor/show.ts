/**
 * `archive show ID|SLUG|FILE`: one record in full, readable (every field, the
 * removed lines with their reasons, the warnings), or as JSON.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { ParsePool, parseUnderBudget } from '../archive/parsePool.ts';
import type { Knowledge } from '../registry/knowledge.ts';
import { readArticleFile } from '../archive/readArticleFile.ts';
import { formatFinding } from '../report.ts';
import { openArchive } from './archive.ts';
import type { Output } from './output.ts';
import type { ArticleRecord } from '../record.ts';
import { describeDate, describeOutlet, list, pagePath } from './describe.ts';
import { fields, plural } from './format.ts';

/** By id, slug, path relative to the articles folder, path from here, or file name. */
export function findRecord(records: readonly ArticleRecord[], query: string, dir: string): ArticleRecord | undefined {
  const rel = relative(resolve(dir), resolve(query)).split('\\').join('/');
  return records.find((r) => r.id === query || r.slug === query)
    ?? records.find((r) => r.sourceFile === query || r.sourceFile === rel)
    ?? records.find((r) => basename(r.sourceFile) === query);
}

function block(title: string, lines: readonly string[]): string[] {
  return ['', `${title}:`, ...(lines.length ? lines.map((l) => `  ${l}`) : ['  —'])];
}

export function formatRecord(r: ArticleRecord, page: string): string[] {
  const p = r.published;
  const out = fields([
    ['id', r.id],
    ['slug', r.slug],
    ['page', page],
    ['file', r.sourceFile],
    ['title', `${r.title}  (from ${r.titleOrigin})`],
    ['date', describeDate(p)],
    ['iso', p.iso ?? (p.partial ? `${p.partial} (partial)` : '')],
    ['outlet', describeOutlet(r.outlet)],
    ['original outlet', describeOutlet(r.originalOutlet)],
    ['url', r.url ?? ''],
    ['authors', list(r.authors)],
    ['agencies', list(r.agencies)],
    ['people', list(r.people)],
    ['places', list(r.places)],
    ['tags', list(r.tags)],
    ['html', `${r.html.length} characters (--json shows it)`],
  ]);
  out.push(...block('lede', r.lede ? [r.lede] : []));
  out.push(...block('text', r.text ? r.text.split('\n\n') : []));
  out.push(...block(`captions (${r.captions.length})`, r.captions.map((c) => `${c.text}${c.credit ? `  [credit: ${c.credit}]` : ''}`)));
  out.push(...block(`removed (${plural(r.removed.length, 'line')})`, r.removed.map((x) => `[${x.reason}] ${x.text}`)));
  out.push(...block(`warnings (${r.warnings.length})`, r.warnings));
  return out;
}

/** Find the record (or parse a file outside the archive) and print it. */
/** `knowledge`: the archive's config's, for the records parsed here */
export async function runShow(query: string, options: { json: boolean; dir: string; knowledge?: Knowledge }, io: Output): Promise<number> {
  const archive = await openArchive(options.dir, io, options.knowledge);
  if (!archive) return 1;
  let record = findRecord(archive.records, query, options.dir);
  if (!record && existsSync(query) && statSync(query).isFile()) {
    // within the read and parse budgets (size; time, heap), as every file of a build
    const read = readArticleFile(query, query);
    const result = 'error' in read ? { record: null, findings: [read.error] } : (await parseUnderBudget([{ rel: query, bytes: read.bytes, now: Date.now(), derive: false }], new ParsePool(1, { knowledge: options.knowledge })))[0]!;
    const errors = result.findings.filter((f) => f.severity === 'error');
    for (const f of errors) io.err(formatFinding(f));
    if (!result.record) return 1;
    record = result.record;
  }
  if (!record) {
    io.err(`${query}: no article with this id, slug or file in ${options.dir}/ (npm run -s archive -- list shows them)`);
    return 1;
  }
  if (options.json) io.out(JSON.stringify(record, null, 2));
  else for (const line of formatRecord(record, pagePath(record))) io.out(line);
  return 0;
}
