/**
 * Vietnamese dates. Records carry the day and time in Vietnam time (Asia/Ho_Chi_Minh)
 * as strings; they are written as that wall-clock time, with calendar arithmetic in
 * UTC, so nothing depends on the machine's time zone.
 */
import type { Day } from 'date-fns';
import { vi } from 'date-fns/locale/vi';
import type { Published } from '../record.ts';

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

/** "Thứ Tư": the weekday of a calendar day (in any time zone), named by date-fns's Vietnamese locale */
function weekdayName(y: number, m: number, d: number): string {
  return vi.localize.day(new Date(Date.UTC(y, m - 1, d)).getUTCDay() as Day, { width: 'wide', context: 'formatting' });
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * "Thứ Tư, 17 tháng 1, 2024 lúc 21:08"; without a time "Thứ Tư, 17 tháng 1, 2024"; undated "15 tháng 8, năm chưa rõ".
 * The record's day and time are already Vietnam's wall clock, so they are written as they are
 * (what date-fns's format() of a TZDate in Asia/Ho_Chi_Minh writes; a test holds it to that, for
 * every day of several years), without a time-zone object per article.
 */
export function formatLong(p: Published): string {
  if (p.date) {
    const [y, m, d] = parts(p.date);
    const day = `${weekdayName(y, m, d)}, ${d} tháng ${m}, ${String(y).padStart(4, '0')}`;
    if (!p.time) return day;
    const [hh, mm] = p.time.split(':').map(Number);
    return `${day} lúc ${two(hh ?? 0)}:${two(mm ?? 0)}`;
  }
  return formatPartial(p.partial);
}

/** "17/01/2024" for lists; the partial text for undated articles. */
export function formatShort(p: Published): string {
  if (p.date) {
    const [y, m, d] = parts(p.date);
    return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  }
  return formatPartial(p.partial);
}

/** "--08-15" → "15 tháng 8, năm chưa rõ"; nothing → "Chưa rõ ngày đăng". */
export function formatPartial(partial: string | null): string {
  const m = partial ? /^--(\d{2})-(\d{2})$/.exec(partial) : null;
  if (!m) return 'Chưa rõ ngày đăng';
  return `${Number(m[2])} tháng ${Number(m[1])}, năm chưa rõ`;
}

/** ISO 8601 with +07:00, or null when the year is unknown. */
export function isoWithZone(p: Published): string | null {
  if (p.iso) return p.iso;
  if (!p.date) return null;
  return `${p.date}T${p.time ?? '00:00'}:00+07:00`;
}

/** "Tháng 1, 2024" */
export function monthLabel(year: number, month: number): string {
  return `Tháng ${month}, ${year}`;
}

/** Days since the epoch for a "YYYY-MM-DD" day (calendar arithmetic, no time zone). */
export function dayNumber(date: string): number {
  const [y, m, d] = parts(date);
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}
