/**
 * The checks of the project's external scorer (score_records.py) for the saved real pages
 * (test/fixtures/realpages-html/expected.json), in TypeScript: title, date, time, outlet and
 * domain, authors, url (the canonical link, where the page has one), agencies, must-contain,
 * junk-free, exactly-once, people, not-people. One check each, as the scorer counts them.
 */
import type { ArticleRecord } from '../../src/record.ts';

export interface RealPageExpectation {
  file: string;
  title: string;
  date: string | null;
  time: string | null;
  outlet: string;
  outlet_domain: string | null;
  authors: string[];
  agencies: string[];
  must_contain: string[];
  must_not_contain: string[];
  exactly_once?: string[];
  people?: string[];
  not_people?: string[];
  canonical_url?: string | null;
}

export interface RealPageCheck { field: string; ok: boolean; got: unknown; want: unknown }

const AGENCY_ALIASES: Record<string, string> = {
  reuters: 'Reuters', afp: 'AFP', ap: 'AP', 'associated press': 'AP', tass: 'TASS', 'ria novosti': 'RIA Novosti', ria: 'RIA Novosti',
  interfax: 'Interfax', kcna: 'KCNA', yonhap: 'Yonhap', ttxvn: 'TTXVN',
};
const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFC').replace(/\u00a0/gu, ' ').replace(/\s+/gu, ' ').trim();
const outletKey = (s: string | null | undefined): string => norm(s).toLowerCase().replace(/^báo\s+/u, '');
const agencySet = (xs: readonly string[]): string[] => [...new Set(xs.map((x) => AGENCY_ALIASES[norm(x).toLowerCase()] ?? norm(x)))].sort();
const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export function judgeRealPage(e: RealPageExpectation, r: ArticleRecord): RealPageCheck[] {
  const rows: RealPageCheck[] = [];
  const row = (field: string, ok: boolean, got: unknown, want: unknown): void => void rows.push({ field, ok, got, want });
  const caps = r.captions.map((c) => c.text).join(' ');
  const text = norm([r.lede ?? '', r.text, caps].join(' '));
  const prose = norm([r.lede ?? '', r.text].join(' '));
  row('title', norm(r.title) === norm(e.title), r.title, e.title);
  row('date', r.published.date === e.date, r.published.date, e.date);
  row('time', r.published.time === e.time, r.published.time, e.time);
  row('outlet', outletKey(r.outlet?.name) === outletKey(e.outlet), r.outlet?.name, e.outlet);
  const dom = (r.outlet?.domain ?? '').toLowerCase().replace(/^www\./u, '');
  row('outlet_domain', dom === (e.outlet_domain ?? ''), dom, e.outlet_domain);
  const got = [...new Set(r.authors.map((a) => norm(a).toLowerCase()))].sort();
  const want = [...new Set(e.authors.map((a) => norm(a).toLowerCase()))].sort();
  row('authors', sameList(got, want), got, want);
  if (e.canonical_url) row('url', r.url === e.canonical_url, r.url, e.canonical_url);
  row('agencies', sameList(agencySet(r.agencies), agencySet(e.agencies)), r.agencies, e.agencies);
  e.must_contain.forEach((s, i) => row(`contains[${i}]`, text.includes(norm(s)), '', s));
  e.must_not_contain.forEach((s, i) => row(`junk_free[${i}]`, !prose.includes(norm(s)), '', s));
  (e.exactly_once ?? []).forEach((s, i) => row(`once[${i}]`, text.split(norm(s)).length === 2, '', s));
  const people = new Set(r.people.map(norm));
  for (const p of e.people ?? []) row(`person:${p}`, people.has(norm(p)), '', p);
  if (e.not_people?.length) {
    const wrong = e.not_people.map(norm).filter((p) => people.has(p));
    row('not_people', wrong.length === 0, wrong, []);
  }
  return rows;
}
