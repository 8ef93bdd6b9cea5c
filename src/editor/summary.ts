/**
 * What `add` prints: a short account of what the parser understood, the facts
 * it could not find (with the flag that supplies each), and its warnings.
 */
import type { ArticleRecord } from '../record.ts';
import { describeDate, describeOutlet, list } from './describe.ts';
import { countsByReason, fields, plural, truncate } from './format.ts';
import type { MissingFact } from './missing.ts';

export const BODY_LINES = 3;
const LINE_WIDTH = 100;

export function bodyPreview(record: ArticleRecord, lines = BODY_LINES): string[] {
  const paragraphs = record.text.split('\n\n').filter((p) => p.trim());
  const out = paragraphs.slice(0, lines).map((p) => truncate(p, LINE_WIDTH));
  if (paragraphs.length > lines) out.push(`… (${plural(paragraphs.length, 'paragraph')} in all)`);
  return out.length ? out : ['(no body text)'];
}

/** Rule ids of the warnings a missing fact already says, with its flag. */
const COVERED: Record<MissingFact['field'], readonly string[]> = {
  date: ['date/missing', 'date/partial'],
  outlet: ['outlet/missing'],
  title: ['title/first-sentence'],
};

export function warningsBeyond(warnings: readonly string[], missing: readonly MissingFact[]): string[] {
  const covered = new Set(missing.flatMap((m) => COVERED[m.field]));
  return warnings.filter((w) => !covered.has(/\[([^\]]+)\]$/.exec(w)?.[1] ?? ''));
}

export function summarize(record: ArticleRecord, missing: readonly MissingFact[]): string[] {
  const [firstBody = '', ...moreBody] = bodyPreview(record);
  const rows: [string, string][] = [
    ['Title', `${record.title}  (from ${record.titleOrigin})`],
    ['Date', describeDate(record.published)],
    ['Outlet', describeOutlet(record.outlet)],
    ['Original', describeOutlet(record.originalOutlet)],
    ['Authors', list(record.authors)],
    ['Agencies', list(record.agencies)],
    ['People', list(record.people)],
    ['Places', list(record.places)],
  ];
  if (record.lede) rows.push(['Lede', truncate(record.lede, LINE_WIDTH)]);
  rows.push(['Body', firstBody]);
  const out = fields(rows);
  const indent = ' '.repeat(out[out.length - 1]!.indexOf(firstBody || '—'));
  for (const line of moreBody) out.push(`${indent}${line}`);
  out.push(
    record.removed.length
      ? `Dropped ${plural(record.removed.length, 'line')} as junk: ${countsByReason(record.removed)}`
      : 'Dropped no lines as junk',
  );
  for (const m of missing) out.push(`! ${m.message}: add ${m.flag}`);
  for (const w of warningsBeyond(record.warnings, missing)) out.push(`warning: ${w}`);
  return out;
}
