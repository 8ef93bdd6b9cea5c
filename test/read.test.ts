import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeArticleBytes } from '../src/read/decode.ts';
import { cleanHtmlLines, decodeEntities } from '../src/read/htmlClean.ts';
import { readFrontMatter } from '../src/read/frontMatter.ts';
import { foldAscii, normaliseLineEnds, slugify } from '../src/read/text.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

test('decode: UTF-8 with and without BOM', () => {
  const plain = decodeArticleBytes(utf8('Triều Tiên'));
  const bom = decodeArticleBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Triều Tiên')]));
  assert.deepEqual(plain, { ok: true, text: 'Triều Tiên', encoding: 'utf-8' });
  assert.equal(bom.ok && bom.text, 'Triều Tiên');
});

test('decode: UTF-16 with a BOM is read, not rejected', () => {
  const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('Nga và Triều Tiên', 'utf16le')]);
  const r = decodeArticleBytes(le);
  assert.equal(r.ok && r.text, 'Nga và Triều Tiên');
});

test('decode: empty, white space, binary and invalid UTF-8 are errors with a reason', () => {
  const cases: [Uint8Array, string][] = [
    [new Uint8Array([]), 'read/empty'],
    [utf8('  \n\t\n'), 'read/empty'],
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'read/encoding'],
    [new Uint8Array([...utf8('GIF89a'), 0, 1, 2, 3, 0, 0]), 'read/binary'],
    [new Uint8Array([...utf8('Tiêu đề '), 0xc3, 0x28]), 'read/encoding'],
  ];
  for (const [bytes, ruleId] of cases) {
    const r = decodeArticleBytes(bytes);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.ruleId, ruleId);
  }
  const bad = decodeArticleBytes(new Uint8Array([...utf8('abc'), 0xff]));
  assert.match(!bad.ok ? bad.reason : '', /offset 3/);
});

test('line ends: CRLF and CR become LF', () => {
  assert.equal(normaliseLineEnds('a\r\nb\rc\nd'), 'a\nb\nc\nd');
});

test('entities: named, decimal and hex; unknown ones stay', () => {
  assert.equal(decodeEntities('Nga&nbsp;&amp;&#32;Triều&#x20;Tiên &quot;x&quot; &bogus;'), 'Nga & Triều Tiên "x" &bogus;');
  assert.equal(decodeEntities('&#0; &#xD800;'), '&#0; &#xD800;');
});

test('HTML: tags removed, text kept, script blocks across lines removed and recorded', () => {
  const out = cleanHtmlLines([
    '<p>Ông <strong>Putin</strong> nói.</p>',
    'Trước <script type="text/javascript">var a = 1;',
    'alert(1)</script> sau',
    '&lt;img src=x onerror=alert(1)&gt;Ảnh',
    'Giá 5 < 7 và 9 > 3',
    'Nga\u00a0và\u2009Triều Tiên',
  ]);
  assert.deepEqual(out.map((l) => l.text), ['Ông Putin nói.', 'Trước', 'sau', 'Ảnh', 'Giá 5 < 7 và 9 > 3', 'Nga và Triều Tiên']);
  assert.ok(out[1]!.cut.join('').includes('<script'));
  assert.ok(out[2]!.cut.join('').includes('alert(1)</script>'));
  assert.ok(out[3]!.cut.join('').includes('onerror'));
});

test('front matter: keys read, date kept as written, unknown key warned with its line', () => {
  const r = readFrontMatter('---\ntitle: "Tiêu đề"\ndate: 2024-06-19 08:30\nauthors: [Bảo Anh, Minh Thu]\nnguon: x\n---\nThân bài\n');
  assert.deepEqual(r.data, { title: 'Tiêu đề', date: '2024-06-19 08:30', authors: ['Bảo Anh', 'Minh Thu'] });
  assert.equal(r.lineOffset, 6);
  assert.equal(r.body, 'Thân bài\n');
  assert.deepEqual(r.findings.map((f) => [f.line, f.severity, f.ruleId]), [[5, 'warning', 'front-matter/unknown-key']]);
});

test('front matter: wrong types and bad values are errors naming the line', () => {
  const r = readFrontMatter('---\ndate: hôm qua\nauthors: 42\nurl: javascript:alert(1)\n---\nx');
  assert.deepEqual(r.findings.map((f) => [f.line, f.severity]), [[2, 'error'], [3, 'error'], [4, 'error']]);
  assert.match(r.findings[1]!.message, /authors.*wrong type/);
});

test('front matter: malformed YAML is one error; no front matter is no finding', () => {
  const bad = readFrontMatter('---\ntitle: [unclosed\n---\nx');
  assert.equal(bad.findings.length, 1);
  assert.equal(bad.findings[0]!.ruleId, 'front-matter/yaml');
  const none = readFrontMatter('Tiêu đề\n---\nkhông phải front matter');
  assert.deepEqual(none, { data: {}, body: 'Tiêu đề\n---\nkhông phải front matter', lineOffset: 0, findings: [] });
});

test('slugify and foldAscii: Vietnamese to ASCII, đ → d', () => {
  assert.equal(slugify("Điện Kremlin: Nga hợp tác mọi lĩnh vực với Triều Tiên, kể cả 'nhạy cảm'"), 'dien-kremlin-nga-hop-tac-moi-linh-vuc-voi-trieu-tien-ke-ca-nhay-cam');
  assert.equal(foldAscii('Đường dây NÓNG'), 'duong day nong');
  assert.equal(slugify('a'.repeat(30) + ' ' + 'b'.repeat(60)).length <= 80, true);
});

test('front matter: markup in free text is removed, not kept raw', () => {
  const r = readFrontMatter('---\ntitle: "<script>alert(1)</script>Nga &amp; Triều Tiên <b>ký</b> hiệp ước"\nauthors: ["<img src=x onerror=alert(1)>Bảo Anh"]\n---\nx');
  assert.equal(r.data.title, 'Nga & Triều Tiên ký hiệp ước');
  assert.deepEqual(r.data.authors, ['Bảo Anh']);
  assert.equal(readFrontMatter('---\ntitle: "<b></b>"\n---\nx').findings[0]?.severity, 'error');
});

test('HTML: a tag that opens on one line and closes on the next is removed whole', () => {
  const out = cleanHtmlLines(['Trước <iframe src="https://www.youtube.com/embed/x" width="560"', ' height="315" allowfullscreen></iframe>Sau', 'Tiếp']);
  assert.deepEqual(out.map((l) => l.text), ['Trước', 'Sau', 'Tiếp']);
  assert.ok(out[1]!.cut.join(' ').includes('allowfullscreen'));
});

test('front matter: the same broken YAML read twice is an error both times', () => {
  const text = '---\ntitle: [x\n---\nNội dung';
  assert.equal(readFrontMatter(text).findings[0]?.ruleId, 'front-matter/yaml');
  assert.equal(readFrontMatter(text).findings[0]?.ruleId, 'front-matter/yaml');
});

test('wordCount counts what /[\\p{L}\\p{N}]+/gu finds, on any text', async () => {
  const { default: fc } = await import('fast-check');
  const { wordCount } = await import('../src/read/text.ts');
  const byRegex = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  for (const line of [
    'HÀ NỘI, ngày 19/6/2024 - Tổng thống Nga Vladimir Putin đến Bình Nhưỡng.',
    'Triều Tiên (NFD): Trie\u0300u Tie\u0302n',
    'Ảnh: Reuters · 😀 𝐀𝐁 ١٢٣ 三十 ½ ² x\uD800y \uDC00z',
    '', '   ', '--', '2024', 'Kim Jong-un',
  ]) assert.equal(wordCount(line), byRegex(line), JSON.stringify(line));
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => wordCount(s) === byRegex(s)), { numRuns: 3000 });
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'ạ', ' ', '-', '9', '\u0300', '😀', '\uD800', '\uDC00', 'Đ', '.'), maxLength: 40 }), (s) => wordCount(s) === byRegex(s)), { numRuns: 3000 });
});
