/**
 * Properties (fast-check): any text, front matter or bytes parse without throwing,
 * the record validates, and every non-blank input line is accounted for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArticle } from '../src/parse.ts';
import { articleRecordSchema } from '../src/record.ts';
import { REMOVED_ROLES } from '../src/classify/types.ts';

const WORDS = ['Triều Tiên', 'Nga', 'ông Putin', 'Kim Jong-un', 'Ảnh: Reuters', '(Nguồn: Reuters)', 'Theo', 'TTXVN', 'Tin liên quan |', 'Bình luận',
  'Thứ Tư, 17/01/2024 21:08', 'ngày 15-8', '&nbsp;', '<script>alert(1)</script>', '<b>', '|', '(VTC News) -', 'https://vnexpress.net/a-b-c-4761234.html',
  'Chia sẻ', 'hợp tác', 'Moskva', 'Bình Nhưỡng', '.', ',', '“', '”', 'Phạm Nghĩa', 'BẢO ANH', '© Copyright', 'Email: a@soha.vn', '- Ảnh 2.', 'javascript:alert(1)'];

const articleText = fc.array(
  fc.oneof(
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 25 }).map((w) => w.join(' ')),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.constant(''),
  ),
  { maxLength: 30 },
).chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)));

function accountFor(text: string): void {
  const { record, segments, findings } = parseArticle({ sourceFile: 'prop.txt', bytes: new TextEncoder().encode(text) });
  assert.ok(findings.every((f) => f.file === 'prop.txt' && f.line >= 1 && f.column >= 1));
  if (!record) {
    assert.ok(findings.some((f) => f.severity === 'error'), 'no record and no error');
    return;
  }
  assert.ok(articleRecordSchema.safeParse(record).success);
  assert.ok(!/<script|(?:href|src)\s*=\s*["']?\s*javascript:|<[^>]+\son\w+=/iu.test(record.html), `unsafe html: ${record.html}`);
  const removedTexts = new Set(record.removed.map((r) => r.text));
  const captionTexts = new Set(record.captions.map((c) => c.text));
  for (const s of segments) {
    switch (s.role) {
      case 'body': assert.ok(record.text.includes(s.text), `body line lost: ${s.text}`); break;
      case 'lede': assert.equal(record.lede, s.text); break;
      case 'caption': assert.ok(captionTexts.has(s.captionText ?? s.text)); break;
      case 'title': break;
      case 'dateline': case 'byline': case 'credit': case 'source': case 'outlet-tag': case 'outlet-name': break;
      default:
        assert.ok(REMOVED_ROLES.has(s.role as never), `segment without a role: ${s.role}`);
        assert.ok(removedTexts.has(s.text), `removed line not recorded: ${s.text}`);
    }
  }
  // every non-blank line is covered by its segments, character for character (white space aside)
  const squash = (t: string): string => t.replace(/\s+/gu, '');
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // front matter lines are metadata, not body lines
  const fence = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && l.trim() === '---') : -1;
  if (fence > 0) lines.fill('', 0, fence + 1);
  const byLine = new Map<number, string>();
  for (const s of segments) byLine.set(s.line, (byLine.get(s.line) ?? '') + squash(s.text));
  lines.forEach((line, i) => {
    const visible = squash(line.normalize('NFC').replace(/<[^>]*>/g, '').replace(/&[a-z]+;|&#\d+;/giu, '').replace(/[\u00a0\u200b-\u200d\u2060\ufeff]/gu, ''));
    if (!visible || line.includes('<script') || line.includes('</script')) return;
    assert.ok(byLine.has(i + 1), `line ${i + 1} has no segment: ${JSON.stringify(line)}`);
  });
}

test('any article text parses, validates and loses no line', () => {
  fc.assert(fc.property(articleText, accountFor), { numRuns: 300, seed: 20261126 });
});

test('any front matter parses without throwing; bad values are errors, not crashes', () => {
  const value = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), fc.constant(null));
  const key = fc.constantFrom('title', 'date', 'outlet', 'authors', 'url', 'agencies', 'tags', 'nguon', 'x');
  fc.assert(fc.property(fc.dictionary(key, value, { maxKeys: 5 }), fc.string({ maxLength: 30 }), (fm, junk) => {
    const yaml = Object.entries(fm).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n');
    accountFor(`---\n${yaml}\n${junk.replace(/---/g, '')}\n---\nTiêu đề bài viết về Nga và Triều Tiên\nNội dung bài viết đủ dài để là một đoạn văn của bài báo này.`);
  }), { numRuns: 200, seed: 7 });
});

test('any bytes give a record or a clear error, never a throw', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
    const { record, findings } = parseArticle({ sourceFile: 'bytes.txt', bytes });
    assert.ok(record || findings.some((f) => f.severity === 'error' && f.message.length > 0));
  }), { numRuns: 300, seed: 42 });
});

test('the same input gives byte-identical output', () => {
  fc.assert(fc.property(articleText, (text) => {
    const bytes = new TextEncoder().encode(text);
    const a = JSON.stringify(parseArticle({ sourceFile: 'a.txt', bytes }).record);
    const b = JSON.stringify(parseArticle({ sourceFile: 'a.txt', bytes }).record);
    assert.equal(a, b);
  }), { numRuns: 50, seed: 3 });
});

test('parsing time stays linear on long lines and many lines', () => {
  const time = (text: string): number => {
    const t0 = performance.now();
    parseArticle({ sourceFile: 'big.txt', bytes: new TextEncoder().encode(text) });
    return performance.now() - t0;
  };
  const unit = 'Ông Putin và ông Kim Jong-un gặp nhau tại Bình Nhưỡng ngày 19/6, (Nguồn: Reuters) Theo TTXVN | ';
  const small = time(unit.repeat(1_000));
  const large = time(unit.repeat(8_000));
  assert.ok(large < small * 8 * 4 + 200, `one long line: 8× input took ${(large / small).toFixed(1)}× time`);
  const lines = Array.from({ length: 10_000 }, (_, i) => `Dòng ngắn số ${i} (Ảnh: Reuters)`).join('\n');
  assert.ok(time(lines) < 20_000);
});
