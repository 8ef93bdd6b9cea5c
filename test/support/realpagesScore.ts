/**
 * The field checks for whole real pages (test/fixtures/realpages/expected.json), the same as the
 * project's judge for them: title, date, time, outlet name and domain, authors (a set, any case),
 * url, agencies (a set, aliases folded), body sentences kept (in the lede, body or captions), junk
 * left out (of the lede and body), people found, and one precision check: no capitalised phrase that
 * is not a person among the people.
 */
import type { ArticleRecord } from '../../src/record.ts';

export interface RealPageExpectation {
  file: string;
  title: string;
  date: string | null;
  time: string | null;
  outlet: string | null;
  outlet_domain: string | null;
  authors: string[];
  url: string | null;
  agencies: string[];
  must_contain: string[];
  must_not_contain: string[];
  exactly_once?: string[];
  people?: string[];
  not_people?: string[];
  skip_url?: boolean;
  /** the page's canonical link, where its HTML has one: what a saved page's url is checked against */
  canonical_url?: string | null;
}

export interface RealPageCheck { field: string; ok: boolean; got: unknown; want: unknown }

const AGENCY_ALIASES: Record<string, string> = {
  reuters: 'Reuters', afp: 'AFP', ap: 'AP', 'associated press': 'AP', tass: 'TASS', 'ria novosti': 'RIA Novosti',
  ria: 'RIA Novosti', interfax: 'Interfax', kcna: 'KCNA', yonhap: 'Yonhap', ttxvn: 'TTXVN',
};

const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFC').replace(/\u00a0/g, ' ').replace(/\s+/gu, ' ').trim();
const outletKey = (s: string | null | undefined): string => norm(s).toLowerCase().replace(/^báo\s+/u, '');
const agencySet = (xs: readonly string[]): Set<string> => new Set(xs.map((x) => AGENCY_ALIASES[norm(x).toLowerCase()] ?? norm(x)));
const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));
const count = (hay: string, needle: string): number => (needle ? hay.split(needle).length - 1 : 0);

/** The checks of one record: of a copied page ("text", url against `url`) or of a saved one ("html",
 *  url against the canonical link, where the page has one). */
export function scoreRealPage(r: ArticleRecord, e: RealPageExpectation, mode: 'text' | 'html' = 'text'): RealPageCheck[] {
  const rows: RealPageCheck[] = [];
  const row = (field: string, ok: boolean, got: unknown, want: unknown): void => { rows.push({ field, ok, got, want }); };
  const caps = r.captions.map((c) => c.text ?? '').join(' ');
  const text = norm([r.lede ?? '', r.text ?? '', caps].join(' '));
  const prose = norm([r.lede ?? '', r.text ?? ''].join(' '));
  row('title', norm(r.title) === norm(e.title), r.title, e.title);
  row('date', r.published.date === e.date, r.published.date, e.date);
  row('time', r.published.time === e.time, r.published.time, e.time);
  row('outlet', outletKey(r.outlet?.name) === outletKey(e.outlet), r.outlet?.name ?? null, e.outlet);
  const dom = (r.outlet?.domain ?? '').toLowerCase().replace(/^www\./u, '');
  row('outlet_domain', dom === (e.outlet_domain ?? ''), dom, e.outlet_domain);
  const gotAuthors = new Set(r.authors.map((a) => norm(a).toLowerCase()));
  row('authors', sameSet(gotAuthors, new Set(e.authors.map((a) => norm(a).toLowerCase()))), [...gotAuthors], e.authors);
  if (mode === 'text' && !e.skip_url) row('url', r.url === e.url, r.url, e.url);
  if (mode === 'html' && e.canonical_url) row('url', r.url === e.canonical_url, r.url, e.canonical_url);
  row('agencies', sameSet(agencySet(r.agencies), agencySet(e.agencies)), r.agencies, e.agencies);
  e.must_contain.forEach((s, i) => row(`contains[${i}]`, text.includes(norm(s)), '', s));
  e.must_not_contain.forEach((s, i) => row(`junk_free[${i}]`, !prose.includes(norm(s)), '', s));
  (e.exactly_once ?? []).forEach((s, i) => row(`once[${i}]`, count(text, norm(s)) === 1, count(text, norm(s)), s));
  const people = new Set(r.people.map(norm));
  for (const p of e.people ?? []) row(`person:${p}`, people.has(norm(p)), '', p);
  if (e.not_people?.length) {
    const wrong = e.not_people.map(norm).filter((p) => people.has(p)).sort();
    row('not_people', wrong.length === 0, wrong, []);
  }
  return rows;
}

/** "contains[2]" → "contains", "person:X" → "person" */
export const fieldOf = (check: string): string => check.replace(/\[.*|:.*/u, '');
