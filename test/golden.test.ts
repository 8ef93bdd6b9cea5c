/**
 * Golden records for every file in articles/ and test/fixtures/: the whole record,
 * compared field by field. A missing golden is written (and fails under CI);
 * UPDATE=1 rewrites them all — do that only when you mean the change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../src/parse.ts';
import { assertGolden } from './support/golden.ts';
import { scoreRecord, type Expectation } from './support/score.ts';
import { fieldOf, scoreRealPage, type RealPageExpectation } from './support/realpagesScore.ts';

const INPUT_DIRS = ['articles', 'test/fixtures/seeds', 'test/fixtures/outlets', 'test/fixtures/holdout', 'test/fixtures/blind', 'test/fixtures/blind2', 'test/fixtures/blind3', 'test/fixtures/realpages'];

function inputs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => /\.(?:txt|md)$/.test(n) && n !== 'README.md').sort().map((n) => `${dir}/${n}`);
}

for (const dir of INPUT_DIRS) {
  for (const file of inputs(dir)) {
    test(`golden record: ${file}`, () => {
      const { record, findings } = parseArticle({ sourceFile: file, bytes: readFileSync(file) });
      assert.ok(record, `no record: ${findings.map((f) => f.message).join('; ')}`);
      assertGolden(join('test/golden', `${file.replace(/^test\/fixtures\//, '')}.json`), record, file);
    });
  }
}

test('the raw five give exactly the fields of the records issue', () => {
  const table: Record<string, Partial<{ title: string; date: string | null; partial: string | null; time: string | null; outlet: string | null; original: string | null; authors: string[]; url: string | null; agencies: string[]; people: string[] }>> = {
    '000': { title: 'Triều Tiên hợp tác với Nga nhằm đảm bảo cân bằng quyền lực toàn cầu', date: '2024-12-19', time: '10:10', outlet: 'baotintuc.vn', original: null, authors: ['Bình Thanh'], url: 'https://baotintuc.vn/the-gioi/trieu-tien-hop-tac-voi-nga-nham-dam-bao-can-bang-quyen-luc-toan-cau-20241219101002248.htm', agencies: ['Reuters', 'AFP'], people: ['Vladimir Putin', 'Kim Jong-un'] },
    '001': { title: "Điện Kremlin: Nga hợp tác mọi lĩnh vực với Triều Tiên, kể cả 'nhạy cảm'", date: '2024-01-17', time: '21:08', outlet: 'vtcnews.vn', original: null, authors: ['Kông Anh'], url: null, agencies: ['Reuters'], people: ['Dmitry Peskov', 'Choe Son-hui', 'Vladimir Putin', 'Sergei Lavrov', 'Kim Jong-un'] },
    '002': { title: 'Nga thực hiện bước đi mới đối với Triều Tiên', date: null, partial: '--08-15', time: null, outlet: 'soha.vn', original: 'nld.com.vn', authors: ['Phạm Nghĩa'], url: null, agencies: ['KCNA', 'Reuters'], people: ['Vladimir Putin', 'Kim Jong-un'] },
    '003': { title: 'Triều Tiên, Nga cam kết tăng cường quan hệ song phương', date: null, time: null, outlet: null, original: null, authors: [], url: null, agencies: ['KCNA'], people: ['Vladimir Putin', 'Kim Jong-un', 'Sergei Shoigu'] },
    '004': { title: "Nga nói về ý định 'tiến xa hơn' với Triều Tiên", date: null, partial: '--09-22', time: null, outlet: 'baophapluat.vn', original: 'baoquocte.vn', authors: ['Hạnh Lê'], url: 'https://baophapluat.vn/nga-noi-ve-y-dinh-tien-xa-hon-voi-trieu-tien-post489189.html', agencies: ['KCNA'], people: ['Vladimir Putin', 'Kim Jong-un', 'Dmitry Peskov'] },
  };
  for (const file of inputs('test/fixtures/seeds')) {
    const want = table[file.split('/').pop()!.slice(0, 3)]!;
    const r = parseArticle({ sourceFile: file, bytes: readFileSync(file) }).record!;
    assert.equal(r.title, want.title, file);
    assert.equal(r.published.date, want.date, file);
    if (want.partial !== undefined) assert.equal(r.published.partial, want.partial, file);
    assert.equal(r.published.time, want.time, file);
    assert.equal(r.outlet?.domain ?? null, want.outlet, file);
    assert.equal(r.originalOutlet?.domain ?? null, want.original, file);
    assert.deepEqual(r.authors, want.authors, file);
    assert.equal(r.url, want.url, file);
    assert.deepEqual(r.agencies, want.agencies, file);
    for (const p of want.people!) assert.ok(r.people.includes(p), `${file}: people lack ${p}`);
  }
});

test('articles/ carry the editor\'s dates from front matter', () => {
  const dates = inputs('articles').map((f) => parseArticle({ sourceFile: f, bytes: readFileSync(f) }).record!.published);
  assert.deepEqual(dates.map((d) => [d.date, d.origin]), [
    ['2024-12-19', 'url'], ['2024-01-17', 'dateline'], ['2022-08-15', 'front-matter'], ['2023-08-15', 'front-matter'], ['2023-09-22', 'front-matter'],
  ]);
});

/** The extraction score per fixture folder may only go up: raise a floor when it does. */
const SCORE_FLOORS: Record<string, number> = {
  'test/fixtures/seeds': 1.0,
  'test/fixtures/outlets': 1.0,
  'test/fixtures/holdout': 1.0,
  // first measured blind at 88.6% (312/352); after general fixes 351/352
  'test/fixtures/blind': 0.99,
  // first measured blind at 89.1% (254/285); after general fixes 274/285 (the newsletter e-mail is most of the rest)
  'test/fixtures/blind2': 0.96,
  // first measured blind at 98.0% (199/203): typical pages of mainstream outlets; after two fixes 202/203
  'test/fixtures/blind3': 0.99,
};

for (const [dir, floor] of Object.entries(SCORE_FLOORS)) {
  test(`extraction score of ${dir} stays at or above ${floor * 100}%`, (t) => {
    const files = readdirSync(dir).filter((n) => n.endsWith('.expect.json')).sort();
    if (files.length === 0) { t.skip('no fixtures'); return; }
    let ok = 0;
    let total = 0;
    const misses: string[] = [];
    for (const f of files) {
      const base = f.replace(/\.expect\.json$/, '');
      const input = [`${dir}/${base}.txt`, `${dir}/${base}.md`].find(existsSync)!;
      const { record } = parseArticle({ sourceFile: input, bytes: readFileSync(input) });
      assert.ok(record, `${input}: no record`);
      const checks = scoreRecord(record, JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Expectation);
      ok += checks.filter((c) => c.ok).length;
      total += checks.length;
      for (const c of checks.filter((x) => !x.ok)) misses.push(`${base}: ${c.field} expected ${JSON.stringify(c.expected)} got ${JSON.stringify(c.actual)}`);
    }
    t.diagnostic(`${dir}: ${ok}/${total} field checks = ${((100 * ok) / total).toFixed(1)}%`);
    assert.ok(ok / total >= floor, `score ${ok}/${total} fell below ${floor}:\n${misses.join('\n')}`);
  });
}

/**
 * Whole real pages (select-all + copy of 14 pages, 2012–2023): the share of field checks passed, and the
 * titles. First measured at 67.3% (191/284), titles 2/14; after the story locator, people, outlet and date rules 97.9% (278/284). The floors may only go up.
 */
const REALPAGES_FLOOR = 0.975;
const REALPAGES_TITLE_FLOOR = 14;

test(`extraction score of test/fixtures/realpages stays at or above ${REALPAGES_FLOOR * 100}%, titles ${REALPAGES_TITLE_FLOOR}/14`, (t) => {
  const dir = 'test/fixtures/realpages';
  const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as RealPageExpectation[];
  let ok = 0;
  let total = 0;
  let titles = 0;
  const byField = new Map<string, [number, number]>();
  const misses: string[] = [];
  for (const e of expected) {
    const input = `${dir}/${e.file}`;
    const { record } = parseArticle({ sourceFile: input, bytes: readFileSync(input) });
    assert.ok(record, `${input}: no record`);
    for (const c of scoreRealPage(record, e)) {
      const f = byField.get(fieldOf(c.field)) ?? [0, 0];
      byField.set(fieldOf(c.field), [f[0] + (c.ok ? 1 : 0), f[1] + 1]);
      ok += c.ok ? 1 : 0;
      total += 1;
      if (c.field === 'title' && c.ok) titles++;
      if (!c.ok) misses.push(`${e.file}: ${c.field} got ${JSON.stringify(c.got)} want ${JSON.stringify(c.want)}`);
    }
  }
  t.diagnostic(`${dir}: ${ok}/${total} field checks = ${((100 * ok) / total).toFixed(1)}%; ${[...byField].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', ')}`);
  assert.ok(ok / total >= REALPAGES_FLOOR, `score ${ok}/${total} fell below ${REALPAGES_FLOOR}:\n${misses.join('\n')}`);
  assert.ok(titles >= REALPAGES_TITLE_FLOOR, `titles ${titles}/14 fell below ${REALPAGES_TITLE_FLOOR}:\n${misses.join('\n')}`);
});
