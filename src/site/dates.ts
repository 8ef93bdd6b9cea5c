/**
 * Vietnamese dates. Records carry the day and time in Vietnam time as strings;
 * they are read as wall-clock time in Asia/Ho_Chi_Minh, so nothing depends on
 * the machine's time zone.
 */
import { format } from 'date-fns';
import { vi } from 'date-fns/locale';
import { TZDate } from '@date-fns/tz';
import type { Published } from '../record.ts';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

function tzDate(date: string, time: string | null): TZDate {
  const [y, m, d] = parts(date);
  const [hh, mm] = (time ?? '00:00').split(':').map(Number);
  return new TZDate(y, m - 1, d, hh ?? 0, mm ?? 0, TIME_ZONE);
}

/** "Thứ Tư, 17 tháng 1, 2024 lúc 21:08"; without a time "Thứ Tư, 17 tháng 1, 2024"; undated "15 tháng 8, năm chưa rõ". */
export function formatLong(p: Published): string {
  if (p.date) {
    const d = tzDate(p.date, p.time);
    return p.time
      ? format(d, "EEEE, d 'tháng' M, yyyy 'lúc' HH:mm", { locale: vi })
      : format(d, "EEEE, d 'tháng' M, yyyy", { locale: vi });
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
