/**
 * One hostile input file neither stops nor stalls the others: each is parsed under the read
 * budget (src/read/budget.ts) and, when refused, is one line naming it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile } from '../src/archive/parseFile.ts';
import { parseArticle } from '../src/parse.ts';
import { cutToLength, markdownOverBudget, quoted, READ_BUDGET } from '../src/read/budget.ts';

const BODY = 'Nga và Triều Tiên ký hiệp ước đối tác chiến lược toàn diện\n\nBÌNH NHƯỠNG, ngày 19/6/2024 — Tổng thống Nga Vladimir Putin và nhà lãnh đạo Triều Tiên Kim Jong-un đã ký hiệp ước tại Bình Nhưỡng.\n';
const laughs = (key: string): string => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const [k, prev] of ['ba', 'cb', 'dc', 'ed', 'fe', 'gf', 'hg', 'ih'].map((p) => [p[0]!, p[1]!])) lines.push(`${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`);
  return `---\n${lines.join('\n')}\n${key}: *i\n---\n${BODY}`;
};

/** name → content: every file here once ended a build, hung it, or bloated its output */
export const HOSTILE: Record<string, string> = {
  'trich-dan-long-nhau.md': `${BODY}${'>'.repeat(10_000)} trích dẫn\n`,
  'ngoac-vuong.md': `${BODY}${'['.repeat(50_000)}\n`,
  'danh-sach-long-nhau.md': BODY + Array.from({ length: 600 }, (_, i) => `${'  '.repeat(i)}- mục ${i}\n`).join(''),
  // 80,000 nested <div> (880 KB, under the size limit): their cut once overflowed the stack
  'the-div-long-nhau.txt': `${BODY}${'<div>'.repeat(80_000)}chữ${'</div>'.repeat(80_000)}\n`,
  'bom-yaml-title.md': laughs('title'),
  'bom-yaml-url.md': laughs('url'),
  'tieu-de-6mb.md': `---\ntitle: ${'Tiêu đề dài '.repeat(20_000)}\n---\n${BODY}`,
  'tieu-de-dai.txt': `${'Nga và Triều Tiên '.repeat(40)}\n\n${BODY}`,
  'qua-lon.txt': BODY + 'Đoạn văn rất dài. '.repeat(70_000),
  'bidi.txt': `Nga và \u202eTriều Tiên\u202c ký hiệp ước\n\nBÌNH NHƯỠNG, ngày 19/6/2024 (TTXVN) — Tác giả: \u2066Minh Anh\u2069. Tổng thống Nga Vladimir Putin và nhà lãnh đạo Kim Jong-un ký hiệp ước tại Bình Nhưỡng.\n`,
};

test('markdownOverBudget fires on deep nesting, bracket runs and huge lines, and not on real Markdown lines', () => {
  assert.match(markdownOverBudget(`${'> '.repeat(40)}trích`) ?? '', /nested/u);
  assert.match(markdownOverBudget(`${'- '.repeat(40)}mục`) ?? '', /nested/u);
  assert.match(markdownOverBudget('['.repeat(1000)) ?? '', /brackets/u);
  assert.match(markdownOverBudget('Nga '.repeat(10_000)) ?? '', /characters/u);
  for (const line of [
    '> Ông Putin nói: "Hiệp ước mở ra giai đoạn mới".',
    '- [Nga phê chuẩn hiệp ước](https://vov.vn/the-gioi/nga-phe-chuan.html) · **Facebook**',
    '> > - 1. Trích dẫn lồng nhau vừa phải',
    '![Mảnh vỡ tên lửa](https://example.org/anh.jpg)',
  ]) assert.equal(markdownOverBudget(line), null, line);
});

test('quoted() cuts a huge value for a message', () => {
  assert.ok(quoted('x'.repeat(1_000_000)).length < 200);
  assert.equal(quoted(['Nga']), '["Nga"]');
});

test('every hostile file is parsed in under 2 s, and a refused one is one short error naming it', () => {
  for (const [name, content] of Object.entries(HOSTILE)) {
    const t = performance.now();
    const r = parseFile({ rel: name, bytes: Buffer.from(content) });
    const seconds = (performance.now() - t) / 1000;
    assert.ok(seconds < 2, `${name}: ${seconds.toFixed(2)} s`);
    for (const f of r.findings) {
      assert.equal(f.file, name);
      assert.ok(f.message.length < 300, `${name}: a message of ${f.message.length} characters`);
    }
    if (r.record) {
      assert.ok(r.record.title.length <= READ_BUDGET.maxLineFieldChars, `${name}: a title of ${r.record.title.length}`);
      assert.ok(JSON.stringify(r.record).length < 2 * content.length + 10_000, `${name}: the record is larger than its input`);
    }
  }
});

test('what each hostile file gives: refused, read as plain text, cut, or cleaned', () => {
  const parse = (name: string) => parseArticle({ sourceFile: name, bytes: Buffer.from(HOSTILE[name]!) });
  const rules = (name: string) => parse(name).findings.map((f) => f.ruleId);
  assert.ok(rules('bom-yaml-title.md').includes('front-matter/yaml'));
  assert.match(parse('bom-yaml-url.md').findings[0]!.message, /YAML alias/u);
  assert.ok(rules('tieu-de-6mb.md').includes('front-matter/yaml'));
  assert.ok(rules('qua-lon.txt').includes('read/too-large'));
  assert.ok(rules('trich-dan-long-nhau.md').includes('read/markdown-budget'));
  assert.ok(rules('ngoac-vuong.md').includes('read/markdown-budget'));
  // no text lost: the line read as plain text is in the body or among the removed lines
  const quote = parse('trich-dan-long-nhau.md').record!;
  assert.ok([quote.text, ...quote.removed.map((r) => r.text)].some((t) => t.includes('trích dẫn')));
  assert.ok(parse('tieu-de-dai.txt').record!.title.length <= READ_BUDGET.maxLineFieldChars);
  const cut = cutToLength('Nga và Triều Tiên '.repeat(40), 100)!;
  assert.ok(cut.length <= 100 && cut.endsWith(' và…'), cut);
  assert.equal(cutToLength('Nga và Triều Tiên', 100), null);
  const bidi = parse('bidi.txt').record!;
  assert.doesNotMatch(JSON.stringify(bidi), /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/u);
  assert.equal(bidi.title, 'Nga và Triều Tiên ký hiệp ước');
  assert.ok(bidi.warnings.some((w) => w.includes('[read/bidi]')));
  // must not fire: a clean article has no read/* finding
  assert.deepEqual(parseArticle({ sourceFile: 'sach.txt', bytes: Buffer.from(BODY) }).findings.filter((f) => f.ruleId.startsWith('read/')), []);
});

test('a build over hostile files, a FIFO among them: the other articles are built, one line per bad file, exit 1, a small report', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-files-'));
  const articles = join(dir, 'articles');
  cpSync('articles', articles, { recursive: true });
  for (const [name, content] of Object.entries(HOSTILE)) writeFileSync(join(articles, name), content);
  const fifo = spawnSync('mkfifo', [join(articles, 'ong-dan.txt')]);
  const out = join(dir, 'site');
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/build.ts', `--input=${articles}`, `--output=${out}`, `--cache=${join(dir, 'cache')}`, '--quiet'], { encoding: 'utf8', timeout: 110_000 });
  assert.ok((performance.now() - t) / 1000 < 60);
  assert.equal(r.status, 1, r.stderr);
  const errorLines = r.stderr.trim().split('\n');
  assert.ok(errorLines.every((l) => l.length < 300), 'every line short');
  for (const name of ['bom-yaml-title.md', 'bom-yaml-url.md', 'tieu-de-6mb.md', 'qua-lon.txt']) assert.ok(errorLines.some((l) => l.startsWith(`${name}:`)), `${name} named`);
  assert.ok(statSync(join(out, 'build-report.json')).size < 50_000);
  const report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')) as { files: { file: string; outcome: string }[] };
  for (const f of report.files.filter((e) => /^\d{3}_/u.test(e.file))) assert.notEqual(f.outcome, 'error', f.file);
  if (fifo.status === 0) assert.ok(!report.files.some((f) => f.file === 'ong-dan.txt'), 'the FIFO is skipped');
});
