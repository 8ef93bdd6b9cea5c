/**
 * Bad input: each file gives a record or one clear message naming the file, the
 * line and the reason — never a crash — and the rest of the folder still builds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArticle } from '../src/parse.ts';
import { loadArchive } from '../src/archive/load.ts';
import { READ_BUDGET } from '../src/read/budget.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const parse = (name: string, bytes: Uint8Array) => parseArticle({ sourceFile: name, bytes, now: new Date('2026-11-26T00:00:00Z') });
const PARA = 'Tổng thống Nga Vladimir Putin và nhà lãnh đạo Triều Tiên Kim Jong-un đã hội đàm tại Bình Nhưỡng về hợp tác song phương. ';

/** name → bytes → what must come out */
const CASES: { name: string; bytes: () => Uint8Array; expect: 'record' | RegExp; warn?: RegExp }[] = [
  { name: 'empty.txt', bytes: () => new Uint8Array(), expect: /read\/empty/ },
  { name: 'whitespace.txt', bytes: () => utf8(' \n\t \r\n  '), expect: /read\/empty/ },
  { name: 'image.txt', bytes: () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]), expect: /read\/(?:binary|encoding)/ },
  { name: 'latin1.txt', bytes: () => new Uint8Array([0x54, 0x72, 0x69, 0xea, 0x75, 0x20, 0x54, 0x69, 0xea, 0x6e]), expect: /read\/encoding/ },
  { name: 'utf16.txt', bytes: () => new Uint8Array([0xff, 0xfe, ...Buffer.from(`Nga và Triều Tiên ký hiệp ước mới\n\n${PARA}`, 'utf16le')]), expect: 'record' },
  { name: 'yaml-broken.txt', bytes: () => utf8('---\ntitle: [không đóng\n---\nNội dung'), expect: /front-matter\/yaml/ },
  { name: 'yaml-types.txt', bytes: () => utf8('---\ndate: hôm qua\nauthors: 42\n---\nNội dung'), expect: /front-matter\/value/ },
  { name: 'yaml-unknown-key.txt', bytes: () => utf8(`---\nnguon: VnExpress\n---\nNga và Triều Tiên ký hiệp ước mới\n\n${PARA}`), expect: 'record', warn: /unknown front matter key "nguon"/ },
  { name: 'date-31-02.txt', bytes: () => utf8(`Nga và Triều Tiên ký hiệp ước mới\n31/02/2024 10:00\n${PARA}`), expect: 'record', warn: /not a date that exists/ },
  { name: 'date-future.txt', bytes: () => utf8(`Nga và Triều Tiên ký hiệp ước mới\n19/06/2031 10:00\n${PARA}`), expect: 'record', warn: /in the future/ },
  { name: 'one-long-line.txt', bytes: () => utf8(PARA.repeat(6_500)), expect: 'record' },
  { name: 'too-large.txt', bytes: () => utf8(PARA.repeat(7_000)), expect: /read\/too-large/ },
  { name: 'many-short-lines.txt', bytes: () => utf8(Array.from({ length: 10_000 }, (_, i) => `Dòng ${i}.`).join('\n')), expect: 'record' },
];

for (const c of CASES) {
  test(`bad input: ${c.name}`, () => {
    const t0 = performance.now();
    const { record, findings } = parse(c.name, c.bytes());
    assert.ok(performance.now() - t0 < 30_000, 'parsed in reasonable time');
    for (const f of findings) {
      assert.equal(f.file, c.name);
      assert.ok(f.line >= 1 && f.column >= 1 && f.message.length > 0 && /^[a-z-]+\/[a-z-]+$/.test(f.ruleId));
    }
    if (c.expect === 'record') {
      assert.ok(record, findings.map((f) => f.message).join('; '));
      if (c.warn) assert.ok(findings.some((f) => f.severity === 'warning' && c.warn!.test(f.message)), `no warning ${c.warn}`);
    } else {
      assert.equal(record, null);
      const errors = findings.filter((f) => f.severity === 'error');
      assert.ok(errors.length >= 1 && errors.every((e) => !/\bat\s+\S+:\d+:\d+/.test(e.message)), 'an error, no stack trace');
      assert.ok(errors.some((e) => c.expect instanceof RegExp && c.expect.test(e.ruleId)), `${errors.map((e) => e.ruleId)}`);
    }
  });
}

test('bad input: a file just under the size limit (1 MB) parses in under 2 s; a 20 MB one is refused at once', () => {
  const near = utf8(`Nga và Triều Tiên ký hiệp ước mới\n\n${`${PARA}\n\n`.repeat(6_400)}`);
  assert.ok(near.length > 900_000 && near.length <= READ_BUDGET.maxFileBytes);
  let t0 = performance.now();
  assert.ok(parse('near.txt', near).record);
  assert.ok(performance.now() - t0 < 2_000);
  const big = utf8(`Nga và Triều Tiên ký hiệp ước mới\n\n${`${PARA}\n\n`.repeat(130_000)}`);
  assert.ok(big.length > 20_000_000);
  t0 = performance.now();
  const { record, findings } = parse('big.txt', big);
  assert.equal(record, null);
  assert.equal(findings[0]?.ruleId, 'read/too-large');
  assert.ok(performance.now() - t0 < 100);
});

test('bad input: a folder of them still loads every good file, and names every bad one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bad-'));
  for (const c of CASES) writeFileSync(join(dir, c.name), c.bytes());
  writeFileSync(join(dir, 'tên có dấu cách và ..chấm.txt'), `Nga và Triều Tiên ký hiệp ước mới\n\n${PARA}`);
  writeFileSync(join(dir, 'giống hệt 1.txt'), `Nga và Triều Tiên ký hiệp ước mới\n\n${PARA}`);
  writeFileSync(join(dir, 'giống hệt 2.txt'), `Nga và Triều Tiên ký hiệp ước mới\n\n${PARA}`);
  mkdirSync(join(dir, 'thư mục.txt'));
  writeFileSync(join(dir, '..', 'ngoai.txt'), 'bên ngoài');
  symlinkSync(join(dir, '..', 'ngoai.txt'), join(dir, 'lien-ket.txt'));
  const { records, messages, files } = await loadArchive(dir, { cache: false, now: new Date('2026-11-26T00:00:00Z') });
  const bad = CASES.filter((c) => c.expect !== 'record').map((c) => c.name);
  for (const name of bad) assert.ok(messages.some((m) => m.file === name && m.severity === 'error'), `${name} named`);
  assert.ok(messages.some((m) => m.file === 'lien-ket.txt' && /outside/.test(m.message)));
  assert.equal(files.length, CASES.length + 3);
  assert.equal(records.length, files.filter((f) => f.outcome === 'record').length);
  assert.equal(records.length, CASES.length - bad.length + 3);
  // the same title three times: three different, stable slugs
  const slugs = records.filter((r) => r.title === 'Nga và Triều Tiên ký hiệp ước mới').map((r) => r.slug);
  assert.equal(new Set(slugs).size, slugs.length);
  rmSync(dir, { recursive: true });
});
