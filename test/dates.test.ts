import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateFromUrl, findBodyDayMonth, findDates, findGluedDateline, parseDatelineText, toPublished } from '../src/lang/dates.ts';
import { DATE_FORMS } from '../src/lang/dateForms.ts';

function dateline(text: string): [string | null, string | null, string | null] | null {
  const m = parseDatelineText(text);
  if (!m || !m.valid) return null;
  const p = toPublished(m.parts, 'dateline');
  return [p.date, m.parts.hour === null ? null : p.time, p.iso];
}

test('datelines: every form of the grammar, in Vietnam time', () => {
  const cases: [string, string, string | null][] = [
    ['Thứ Tư, 17/01/2024 21:08:30 +07:00', '2024-01-17', '21:08'],
    ['Thứ hai, 5/2/2024, 08:00 (GMT+7)', '2024-02-05', '08:00'],
    ['17-01-2024 - 21:08', '2024-01-17', '21:08'],
    ['17/01/2024 21:08', '2024-01-17', '21:08'],
    ['2024-01-17T21:08:30+07:00', '2024-01-17', '21:08'],
    ['Cập nhật: 19/06/2024 09:15 GMT+7', '2024-06-19', '09:15'],
    ['Đăng lúc 08:30 19/6/2024', '2024-06-19', '08:30'],
    ['Thứ Tư, 07:09, 19/06/2024', '2024-06-19', '07:09'],
    ['Thứ tư, 19/06/2024 - 07:20', '2024-06-19', '07:20'],
    ['Thứ năm, 20/6/2024, 08:00 (GMT+7)', '2024-06-20', '08:00'],
    ['Chủ nhật, 23/6/2024', '2024-06-23', null],
    ['ngày 19 tháng 6 năm 2024', '2024-06-19', null],
    ['Ngày đăng: 20/06/2024 14:32', '2024-06-20', '14:32'],
    ['10:25 05/12/2024', '2024-12-05', '10:25'],
    ['Thứ Ba, ngày 17/06/2025 15:20 PM (GMT+7)', '2025-06-17', '15:20'],
    ['21h08 17/1/2024', '2024-01-17', '21:08'],
    ['06:30 - Thứ Tư, 18/06/2025', '2025-06-18', '06:30'],
    ['Cập nhật: 09:12 Thứ năm, 17/07/2025', '2025-07-17', '09:12'],
    ['2024.05.17', '2024-05-17', null],
    ['Thứ Năm, 5 tháng 6, 2025', '2025-06-05', null],
    // whole pages of 2012: a two-digit year after the weekday, the part of the day after the time
    ['Cập nhật thứ sáu, ngày 30/11/12 04:00 chiều', '2012-11-30', '16:00'],
    ['Cập nhật thứ hai, ngày 24/12/12 11:05 tối', '2012-12-24', '23:05'],
    ['Thứ Hai, 24/12/2012 09:30 sáng', '2012-12-24', '09:30'],
    ['07-03-2026 - 00:01 AM', '2026-03-07', '00:01'],
    ['Thứ năm, 2/11/2023, 19:20 (GMT+7)', '2023-11-02', '19:20'],
  ];
  for (const [text, date, time] of cases) {
    const got = dateline(text);
    assert.ok(got, `no dateline in "${text}"`);
    assert.deepEqual([got[0], got[1]], [date, time], text);
  }
});

test('datelines: another zone is converted to +07:00', () => {
  assert.deepEqual(dateline('2024-01-17T14:08:30Z'), ['2024-01-17', '21:08', '2024-01-17T21:08:30+07:00']);
  assert.deepEqual(dateline('18/01/2024 01:30 (GMT+9)'), ['2024-01-17', '23:30', '2024-01-17T23:30:00+07:00']);
});

test('datelines: a sentence that mentions a date is not a dateline', () => {
  for (const text of [
    'Ngày 19/6/2024, ông Putin tới Bình Nhưỡng.',
    'Hãng tin KCNA ngày 15-8 đưa tin',
    'Bình Nhưỡng hy vọng sẽ đưa hơn 1.000 lao động',
    'Chiến tranh Triều Tiên 1950-1953',
    'tháng 9/2023',
    // a two-digit year is read only after a weekday or "ngày"
    '30/11/12 04:00',
    'Tỷ số 1/2/12 04:00 chiều nay',
  ]) assert.equal(parseDatelineText(text), null, text);
});

test('datelines: a date that does not exist is found but marked invalid', () => {
  const m = parseDatelineText('31/02/2024 10:00');
  assert.equal(m?.valid, false);
  assert.equal(parseDatelineText('29/02/2024')?.valid, true);
  assert.equal(parseDatelineText('29/02/2023')?.valid, false);
  assert.equal(parseDatelineText('17/01/2024 25:61')?.valid, false);
});

test('glued dateline inside a short line, but not in running text', () => {
  const m = findGluedDateline('Thời sự quốc tếThứ Tư, 17/01/2024 21:08:30 +07:00Google News');
  assert.ok(m);
  assert.equal(m.parts.day, 17);
  assert.equal(findGluedDateline('Ngày 19/6/2024, hai nhà lãnh đạo ký hiệp ước'), null);
});

test('URL dates: 17-digit ids, /yyyy/mm/dd/ paths, -yyyymmdd- parts', () => {
  const id = dateFromUrl('https://baotintuc.vn/the-gioi/trieu-tien-hop-tac-voi-nga-20241219101002248.htm');
  assert.deepEqual(id && toPublished(id.parts, 'url'), { date: '2024-12-19', time: '10:10', iso: '2024-12-19T10:10:02+07:00', partial: null, origin: 'url' });
  assert.deepEqual(dateFromUrl('https://example.vn/2023/09/13/kim-putin/')?.parts.day, 13);
  assert.deepEqual(dateFromUrl('https://example.vn/the-gioi-20230913-kim-putin.html')?.parts.month, 9);
  assert.equal(dateFromUrl('https://baophapluat.vn/nga-noi-ve-y-dinh-post489189.html'), null);
  assert.equal(dateFromUrl('https://vnexpress.net/putin-kim-4761234.html'), null);
  assert.equal(dateFromUrl('not a url'), null);
});

test('body: "ngày 15-8" is a partial date; a day with a year is not', () => {
  assert.deepEqual(findBodyDayMonth('Hãng tin KCNA ngày 15-8 đưa tin')?.partial, '--08-15');
  assert.deepEqual(findBodyDayMonth('Hôm 20/9, ông Kim')?.partial, '--09-20');
  assert.equal(findBodyDayMonth('lễ ký ngày 19/6/2024 ở Bình Nhưỡng'), null);
  assert.equal(findBodyDayMonth('ngày 31/2 không có'), null);
  assert.equal(findBodyDayMonth('tỷ lệ 15/8 phần'), null);
});

test('glued dateline: the section before it goes, the prefix stays with it', async () => {
  const { segmentLine } = await import('../src/classify/segment.ts');
  assert.deepEqual(segmentLine({ text: 'Sống trẻ Giáo dục | Cập nhật thứ sáu, ngày 30/11/12 04:00 chiều', line: 1, column: 1 }).map((s) => s.text),
    ['Sống trẻ Giáo dục |', 'Cập nhật thứ sáu, ngày 30/11/12 04:00 chiều']);
});

test('findDates: every date form reads its own example (the year hint that skips date-free lines lets each through)', () => {
  for (const form of DATE_FORMS) {
    const found = findDates(form.example);
    assert.ok(found.length > 0 && found[0]!.index === 0, `${form.id}: ${form.example}`);
  }
  // lines without a year of four digits or a d/m/yy date are not tried
  assert.deepEqual(findDates('Thứ Tư, 17/01 lúc 21:08'), []);
  assert.deepEqual(findDates('Tổng thống Nga Vladimir Putin tới Bình Nhưỡng'), []);
  assert.equal(findDates('thứ sáu, ngày 30/11/12 04:00 chiều')[0]?.parts.year, 2012);
});
