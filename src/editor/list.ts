/**
 * `archive list`: the archive as a table, newest first, undated last;
 * filters by year, outlet and person, and `--warnings` for the records the
 * parser was unsure about.
 */
import { outletFromText } from '../extract/outlet.ts';
import { createRegistries, defaultRegistries, type Registries } from '../registry/index.ts';
import type { Knowledge } from '../registry/knowledge.ts';
import { foldAscii } from '../read/text.ts';
import type { ArticleRecord } from '../record.ts';
import { dateColumn } from './describe.ts';
import { openArchive } from './archive.ts';
import type { Output } from './output.ts';
import { padEnd, plural, truncate, width } from './format.ts';

export interface ListFilter {
  year?: string;
  outlet?: string;
  person?: string;
  warnings?: boolean;
}

const TITLE_WIDTH = 70;

/** Lower-case ASCII words: "Kim Jong Un", "kim jong-un" and "Kim Jông Un" all fold to "kim jong un". */
export function foldName(text: string): string {
  return foldAscii(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

export function matchesOutlet(record: ArticleRecord, query: string, registries: Registries = defaultRegistries()): boolean {
  const o = record.outlet;
  if (!o) return false;
  const q = query.trim().toLowerCase().replace(/^www\./, '');
  const known = outletFromText(query, registries);
  return o.id === q || o.domain === q || foldName(o.name) === foldName(q) || known?.id === o.id;
}

export function matchesPerson(record: ArticleRecord, query: string): boolean {
  const q = foldName(query);
  return q !== '' && record.people.some((p) => foldName(p).includes(q));
}

export function filterRecords(records: readonly ArticleRecord[], filter: ListFilter, registries?: Registries): ArticleRecord[] {
  return records.filter((r) =>
    (!filter.year || r.published.date?.startsWith(`${filter.year}-`) === true)
    && (!filter.outlet || matchesOutlet(r, filter.outlet, registries))
    && (!filter.person || matchesPerson(r, filter.person))
    && (!filter.warnings || r.warnings.length > 0));
}

/** Newest first by date and time; undated last; ties by file name. */
export function newestFirst(records: readonly ArticleRecord[]): ArticleRecord[] {
  const key = (r: ArticleRecord): string => (r.published.date ? `${r.published.date} ${r.published.time ?? ''}` : '');
  return [...records].sort((a, b) => key(b).localeCompare(key(a)) || a.sourceFile.localeCompare(b.sourceFile));
}

export function formatTable(records: readonly ArticleRecord[], options: { warnings?: boolean } = {}): string[] {
  const header = ['date', 'outlet', ...(options.warnings ? ['warnings'] : []), 'title', 'file'];
  const rows = records.map((r) => [
    dateColumn(r),
    r.outlet?.id ?? '—',
    ...(options.warnings ? [String(r.warnings.length)] : []),
    truncate(r.title, TITLE_WIDTH),
    r.sourceFile,
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i] ?? ''))));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : padEnd(c, widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

/** `registries`: the archive's (its config's knowledge), for an outlet named by an alias */
export function listReport(all: readonly ArticleRecord[], filter: ListFilter, registries?: Registries): string[] {
  const shown = newestFirst(filterRecords(all, filter, registries));
  if (shown.length === 0) return [`no article matches (of ${plural(all.length, 'article')})`];
  const total = shown.length === all.length ? plural(all.length, 'article') : `${shown.length} of ${plural(all.length, 'article')}`;
  const warnings = filter.warnings ? `, ${plural(shown.reduce((n, r) => n + r.warnings.length, 0), 'warning')}` : '';
  return [...formatTable(shown, { warnings: filter.warnings ?? false }), '', `${total}${warnings}`];
}

/** Load the folder and print the table; a broken file is counted, `check` names it. */
export async function runList(dir: string, filter: ListFilter, io: Output, knowledge?: Knowledge): Promise<number> {
  const archive = await openArchive(dir, io, knowledge);
  if (!archive) return 1;
  for (const line of listReport(archive.records, filter, createRegistries(knowledge))) io.out(line);
  if (archive.unreadable) io.err(`${plural(archive.unreadable, 'file')} could not be read (npm run -s archive -- check ${dir})`);
  return 0;
}
