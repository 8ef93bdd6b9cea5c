import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capitalisedRuns } from '../src/lang/capitalisedRuns.ts';

/** what the scan stands in for */
const RUN_RE = /[\p{Lu}][\p{L}\p{M}-]*(?: [\p{Lu}][\p{L}\p{M}-]*)+/gu;
const byRegex = (text: string): string[] => [...text.matchAll(RUN_RE)].map((m) => `${m.index}:${m[0]}`);
const byScan = (text: string): string[] => capitalisedRuns(text).map((r) => `${r.index}:${r.text}`);

const LINES = [
  'Trao đổi với PV Dân trí chiều 27/3, ông Đỗ Quang Hiển - Chủ tịch HĐQT Ngân hàng SHB cho biết.',
  'Bộ trưởng Quốc phòng Mỹ Lloyd Austin đã hủy các thỏa thuận.',
  'Ngoại trưởng Triều Tiên Choe Son-hui gặp ông Sergei Lavrov tại Bình Nhưỡng.',
  'Tổng thống Nga Vladimir Vladimirovich Putin ký sắc lệnh.',
  'TP.HCM Hà Nội',
  'McDonald, Ghi và AbcD2Ef Gh',
  'Ab  Cd Ef (hai dấu cách)',
  'Ông Ho\u0300ng Văn A\u0301nh (dấu rời NFD)',
  'Ab -Cd và Ab C- D',
  'x\u{1D400}\u{1D401} \u{1D402}d-e Ee (chữ hoa ngoài BMP)',
  '\uD800Abc Def Ghi (nửa cặp thay thế)',
  'Nga',
  '',
];

test('capitalisedRuns finds what the run expression finds, at the same places', () => {
  for (const line of LINES) assert.deepEqual(byScan(line), byRegex(line), line);
});

test('capitalisedRuns: a single capitalised word is no run', () => {
  assert.deepEqual(byScan('Nga và Mỹ hôm nay.'), []);
  assert.deepEqual(byScan('Hôm nay, ông Kim Jong-un tới.'), ['13:Kim Jong-un']);
});
