/**
 * The articles folder → records: read every .txt/.md file (sorted, so the
 * result never depends on the file system's order), parse, give unique slugs.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parseArticle, type Finding } from '../parse.ts';
import type { ArticleRecord } from '../record.ts';

export type Message = Finding;

export interface LoadResult {
  records: ArticleRecord[];
  messages: Message[];
  /** every input file and what became of it */
  files: { file: string; outcome: 'record' | 'error' }[];
}

const ARTICLE_FILE_RE = /\.(?:txt|md|markdown)$/iu;

export interface ListedFile { path: string; rel: string }

/** Article files under dir, sorted by their path relative to it. Problems become messages. */
export async function listArticleFiles(dir: string, messages: Message[]): Promise<ListedFile[]> {
  const root = await realpath(dir);
  const out: ListedFile[] = [];
  async function walk(d: string): Promise<void> {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith('.')) continue;
      const full = join(d, e.name);
      const rel = relative(root, full).split(sep).join('/');
      if (e.isDirectory()) { await walk(full); continue; }
      if (!ARTICLE_FILE_RE.test(e.name)) continue;
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
        if ((await stat(target)).isDirectory()) continue;
      }
      out.push({ path: full, rel });
    }
  }
  await walk(root);
  return out;
}

/** Same title, same slug: the oldest keeps it, the others get a suffix from their stable id. */
export function assignUniqueSlugs(records: ArticleRecord[]): void {
  const bySlug = new Map<string, ArticleRecord[]>();
  for (const r of records) {
    const list = bySlug.get(r.slug);
    if (list) list.push(r); else bySlug.set(r.slug, [r]);
  }
  for (const list of bySlug.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => (a.published.iso ?? '9999').localeCompare(b.published.iso ?? '9999') || a.id.localeCompare(b.id));
    for (const r of list.slice(1)) r.slug = `${r.slug}-${r.id.slice(0, 6)}`;
  }
}

export async function loadArchive(dir: string, options: { now?: Date } = {}): Promise<LoadResult> {
  const messages: Message[] = [];
  const records: ArticleRecord[] = [];
  const files: LoadResult['files'] = [];
  for (const f of await listArticleFiles(resolve(dir), messages)) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(f.path);
    } catch (error) {
      messages.push({ file: f.rel, line: 1, column: 1, severity: 'error', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, ruleId: 'read/io' });
      files.push({ file: f.rel, outcome: 'error' });
      continue;
    }
    const result = parseArticle({ sourceFile: f.rel, bytes, ...(options.now ? { now: options.now } : {}) });
    messages.push(...result.findings);
    files.push({ file: f.rel, outcome: result.record ? 'record' : 'error' });
    if (result.record) records.push(result.record);
  }
  assignUniqueSlugs(records);
  return { records, messages, files };
}
