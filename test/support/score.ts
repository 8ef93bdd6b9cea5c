/**
 * Field checks of a record against an `*.expect.json` (trafilatura-style: values,
 * must-have and must-not snippets). Used by the golden tests and the scoring report.
 */
import type { ArticleRecord } from '../../src/record.ts';

export interface Expectation {
  title: string;
  date: string | null;
  time: string | null;
  partial?: string | null;
  outletDomain: string | null;
  originalOutletDomain?: string | null;
  authors: string[];
  url: string | null;
  agencies: string[];
  peopleInclude: string[];
  placesInclude?: string[];
  mustHave?: string[];
  mustNot?: string[];
}

export interface Check { field: string; ok: boolean; expected: unknown; actual: unknown }

const norm = (s: string): string => s.normalize('NFC').replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, ' ');
const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

export function scoreRecord(r: ArticleRecord, e: Expectation): Check[] {
  const checks: Check[] = [];
  const eq = (field: string, expected: unknown, actual: unknown, ok = JSON.stringify(expected) === JSON.stringify(actual)): void => {
    checks.push({ field, ok, expected, actual });
  };
  eq('title', e.title, r.title);
  eq('date', e.date, r.published.date);
  eq('time', e.time, r.published.time);
  if (e.partial !== undefined) eq('partial', e.partial, r.published.partial);
  eq('outlet', e.outletDomain, r.outlet?.domain ?? null);
  eq('originalOutlet', e.originalOutletDomain ?? null, r.originalOutlet?.domain ?? null);
  eq('authors', e.authors, r.authors);
  eq('url', e.url, r.url);
  eq('agencies', e.agencies, r.agencies, sameSet(e.agencies, r.agencies));
  for (const p of e.peopleInclude) eq(`people ∋ ${p}`, p, r.people, r.people.includes(p));
  for (const p of e.placesInclude ?? []) eq(`places ∋ ${p}`, p, r.places, r.places.includes(p));
  const content = norm([r.title, r.lede ?? '', r.text].join('\n'));
  const body = norm(r.text);
  for (const m of e.mustHave ?? []) eq(`has "${m.slice(0, 40)}"`, true, content.includes(norm(m)));
  // junk is looked for as written: "&nbsp;" must not survive as text
  for (const m of e.mustNot ?? []) eq(`not "${m.slice(0, 40)}"`, false, r.text.includes(m.normalize('NFC')));
  return checks;
}
