/**
 * What the parser could not find that a page needs — the year, the outlet, a
 * real title — and the `add` flag that supplies it.
 */
import type { ArticleRecord } from '../record.ts';

export interface MissingFact {
  field: 'date' | 'outlet' | 'title';
  flag: string;
  message: string;
}

export function missingFacts(record: ArticleRecord): MissingFact[] {
  const out: MissingFact[] = [];
  if (record.published.date === null) {
    const partial = record.published.partial;
    out.push({
      field: 'date',
      flag: partial ? `--date YYYY${partial.slice(1)}` : '--date YYYY-MM-DD',
      message: partial ? `no year: only the day and month (${partial.slice(5)}/${partial.slice(2, 4)}) are in the text` : 'no publication date found',
    });
  }
  if (record.outlet === null) out.push({ field: 'outlet', flag: '--outlet ID|DOMAIN (or --url URL)', message: 'no outlet found' });
  if (record.titleOrigin === 'first-sentence') {
    out.push({ field: 'title', flag: '--title "…"', message: 'no title line: the first sentence stands in as the title' });
  }
  return out;
}
