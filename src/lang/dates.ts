/**
 * Publication dates in Vietnam time (Asia/Ho_Chi_Minh, +07:00), read with the
 * grammar in dateForms.ts and built and checked with date-fns.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { isExists } from 'date-fns/isExists';
import type { Published } from '../record.ts';
import { BODY_DAY_MONTH, DATE_FORMS, DATELINE_PREFIXES, URL_DATE_FORMS } from './dateForms.ts';

export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number | null;
  minute: number | null;
  second: number | null;
  /** offset east of UTC in minutes, when the source names a zone */
  offsetMinutes: number | null;
}

export interface DateMatch {
  formId: string;
  index: number;
  end: number;
  parts: DateParts;
  /** false for 31/02/2024 or 25:61 */
  valid: boolean;
}

const compiledForms = DATE_FORMS.map((f) => ({ id: f.id, re: new RegExp(f.pattern, 'gu') }));
const compiledUrlForms = URL_DATE_FORMS.map((f) => ({ id: f.id, re: new RegExp(f.pattern, 'u') }));
const BODY_DM_RE = new RegExp(BODY_DAY_MONTH, 'gu');

function num(v: string | undefined): number | null {
  return v === undefined ? null : Number.parseInt(v, 10);
}

function partsFromGroups(g: Record<string, string | undefined>): DateParts {
  const clock = num(g.hh);
  // "04:00 chiều" → 16:00, "11:05 tối" → 23:05, "01:00 trưa" → 13:00, "10:00 đêm" → 22:00
  const pm = g.ampm !== undefined && (/^(?:pm|ch|chiều|tối)$/iu.test(g.ampm)
    || (g.ampm === 'trưa' && clock !== null && clock < 11) || (g.ampm === 'đêm' && clock !== null && clock >= 6));
  const am = g.ampm !== undefined && /^(?:am|sa|sáng)$/iu.test(g.ampm);
  // "03:20 PM" → 15:20; "15:20 PM" stays 15:20; "12:05 AM" → 00:05
  const hour = clock === null ? null : pm && clock < 12 ? clock + 12 : am && clock === 12 ? 0 : clock;
  const minute = num(g.mi);
  const sign = g.zs ?? g.zs2;
  const zh = num(g.zh ?? g.zh2);
  const zm = num(g.zm ?? g.zm2) ?? 0;
  const offsetMinutes = g.z ? 0 : sign && zh !== null ? (sign === '-' ? -1 : 1) * (zh * 60 + zm) : null;
  return { year: g.yy !== undefined ? 2000 + num(g.yy)! : num(g.y)!, month: num(g.m)!, day: num(g.d)!, hour, minute, second: hour === null ? null : num(g.ss), offsetMinutes };
}

function isValidParts(p: DateParts): boolean {
  if (!isExists(p.year, p.month - 1, p.day)) return false;
  if (p.hour !== null && (p.hour > 23 || p.minute === null || p.minute > 59 || (p.second ?? 0) > 59)) return false;
  return true;
}

/** Every date expression in a line, leftmost first, longest at a position. */
/**
 * What every date form holds: a year of four digits (19xx, 20xx) or a day/month/two-digit year
 * ("30/11/12"). A text without it has no date: the forms are not tried (most short lines).
 */
const ANY_DATE_HINT_RE = /(?:19|20)\d\d|\d\/\d{1,2}\/\d\d/;

export function findDates(text: string): DateMatch[] {
  if (!ANY_DATE_HINT_RE.test(text)) return [];
  const candidates: DateMatch[] = [];
  for (const form of compiledForms) {
    form.re.lastIndex = 0;
    for (const m of text.matchAll(form.re)) {
      // a date glued to a number on its left ("123/4/2024") is not a date
      if (m.index > 0 && /\d/.test(text[m.index - 1]!)) continue;
      const parts = partsFromGroups(m.groups ?? {});
      candidates.push({ formId: form.id, index: m.index, end: m.index + m[0].length, parts, valid: isValidParts(parts) });
    }
  }
  candidates.sort((a, b) => a.index - b.index || b.end - a.end);
  const out: DateMatch[] = [];
  for (const c of candidates) {
    const last = out[out.length - 1];
    if (last && c.index < last.end) continue;
    out.push(c);
  }
  return out;
}

const PREFIX_RE = new RegExp(`^(?:${DATELINE_PREFIXES.join('|')})\\s?:?\\s?`, 'iu');
/** what may be left around a date on a dateline: punctuation, "GMT+7", "|" */
const LEFTOVER_RE = /^[\s,.|:;()\-–—]*(?:\(?(?:GMT|UTC)\s?[+-]?\s?\d{0,2}(?::?\d{2})?\)?)?[\s,.|:;()\-–—]*$/u;

/** A line that is only a dateline ("Cập nhật: Thứ Tư, 17/01/2024 21:08"). */
export function parseDatelineText(text: string): DateMatch | null {
  const t = text.trim().replace(PREFIX_RE, '');
  const found = findDates(t);
  if (found.length !== 1) return null;
  const m = found[0]!;
  const before = t.slice(0, m.index);
  const after = t.slice(m.end);
  if (!LEFTOVER_RE.test(before) || !LEFTOVER_RE.test(after)) return null;
  return m;
}

/** A dateline glued inside a short line: "Thời sự quốc tếThứ Tư, 17/01/2024 21:08:30 +07:00Google News". */
export function findGluedDateline(text: string): DateMatch | null {
  for (const m of findDates(text)) {
    const hasTimeOrWeekday = m.parts.hour !== null || /Thứ|Chủ|CN/u.test(text.slice(m.index, m.end));
    if (hasTimeOrWeekday) return m;
  }
  return null;
}

/** Vietnam-time fields of a publication date. An explicit zone is converted to +07:00. */
export function toPublished(parts: DateParts, origin: Published['origin']): Published {
  const { year, month, day, hour, minute, second } = parts;
  const local = parts.offsetMinutes !== null && hour !== null && minute !== null
    ? new TZDate(Date.UTC(year, month - 1, day, hour, minute, second ?? 0) - parts.offsetMinutes * 60_000, VIETNAM_TZ)
    : new TZDate(year, month - 1, day, hour ?? 0, minute ?? 0, second ?? 0, VIETNAM_TZ);
  return {
    date: format(local, 'yyyy-MM-dd'),
    time: hour !== null ? format(local, 'HH:mm') : null,
    iso: format(local, "yyyy-MM-dd'T'HH:mm:ssXXX"),
    partial: null,
    origin,
  };
}

export function noDate(): Published {
  return { date: null, time: null, iso: null, partial: null, origin: 'none' };
}

/** The date in an article URL (ids with a timestamp, /yyyy/mm/dd/ paths). */
export function dateFromUrl(url: string): DateMatch | null {
  let path: string;
  try {
    const u = new URL(url);
    path = u.pathname + u.search;
  } catch {
    return null;
  }
  for (const form of compiledUrlForms) {
    const m = form.re.exec(path);
    if (!m) continue;
    const parts = partsFromGroups(m.groups ?? {});
    if (isValidParts(parts)) return { formId: form.id, index: m.index, end: m.index + m[0].length, parts, valid: true };
  }
  return null;
}

/** The first "ngày 15-8" in running text: a day and month without a year. */
export function findBodyDayMonth(text: string): { partial: string; index: number } | null {
  BODY_DM_RE.lastIndex = 0;
  for (const m of text.matchAll(BODY_DM_RE)) {
    const d = Number(m.groups!.d);
    const mo = Number(m.groups!.m);
    if (!isExists(2024, mo - 1, d)) continue; // 2024 is a leap year: 29/2 exists
    return { partial: `--${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, index: m.index };
  }
  return null;
}
