/** The archive generator: deterministic, realistic enough for the parser, fast. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { generateArchive, makeArticle } from '../src/generate/index.ts';
import { makeRng, mixSeed } from '../src/generate/prng.ts';
import { parseArticle } from '../src/parse.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'gen-test-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)));
  }
  return out.sort();
}

const N = 400;

describe('generate', () => {
  const a = path.join(tmp, 'a');
  const b = path.join(tmp, 'b');
  const c = path.join(tmp, 'c');
  const sa = generateArchive({ articles: N, out: a, seed: 7 });
  generateArchive({ articles: N, out: b, seed: 7 });
  generateArchive({ articles: N, out: c, seed: 8 });
  const files = listFiles(a);

  test('writes N files as DIR/<yyyy>/<name>.txt', () => {
    assert.equal(files.length, N);
    assert.equal(sa.articles, N);
    for (const f of files) assert.match(f, /^(20\d\d)\/\1-\d\d-\d\d-[a-z0-9-]+-\d{6}\.txt$/u);
  });

  test('the same seed gives byte-identical files', () => {
    assert.deepEqual(listFiles(b), files);
    for (const f of files) assert.ok(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), f);
  });

  test('another seed gives another archive', () => {
    const other = listFiles(c);
    const same = files.filter((f) => other.includes(f) && readFileSync(path.join(a, f)).equals(readFileSync(path.join(c, f))));
    assert.equal(same.length, 0);
  });

  test('article i is a pure function of (seed, i): appending with --from changes nothing before', () => {
    const d = path.join(tmp, 'd');
    generateArchive({ articles: 10, out: d, seed: 7 });
    generateArchive({ articles: 5, out: d, seed: 7, from: 10 });
    const first15 = listFiles(d);
    assert.equal(first15.length, 15);
    for (const f of first15) assert.ok(readFileSync(path.join(d, f)).equals(readFileSync(path.join(a, f))), f);
  });

  test('has the junk of real files: CRLF, NFD, front matter, duplicates, several outlets, 2000–2025', () => {
    assert.ok(sa.crlf > 0 && sa.crlf < N * 0.08, `CRLF ${sa.crlf}`);
    assert.ok(sa.nfd > 0 && sa.nfd < N * 0.06, `NFD ${sa.nfd}`);
    assert.ok(sa.frontMatter > N * 0.05 && sa.frontMatter < N * 0.16, `front matter ${sa.frontMatter}`);
    assert.ok(sa.duplicates > 0 && sa.duplicates < N * 0.07, `duplicates ${sa.duplicates}`);
    assert.ok(sa.outlets >= 6, `outlets ${sa.outlets}`);
    assert.ok(sa.years[0] <= 2002 && sa.years[1] >= 2024, `years ${sa.years.join('–')}`);
    const texts = files.map((f) => readFileSync(path.join(a, f), 'utf8'));
    assert.ok(texts.some((t) => t.includes('\r\n')));
    assert.ok(texts.some((t) => t !== t.normalize('NFC')));
    assert.ok(texts.some((t) => t.startsWith('---\n') || t.startsWith('---\r\n')));
    for (const needle of ['(Dân trí) -', 'TTO - ', '(VTC News) -', 'Tin liên quan |', 'Ảnh: Reuters', '(Theo ', 'Vladimir Putin', 'Bình Nhưỡng']) {
      assert.ok(texts.some((t) => t.normalize('NFC').includes(needle)), needle);
    }
    assert.ok(texts.some((t) => /Nguồn [^:\n]+ ?: https:\/\/[a-z.]+\/[a-z0-9/-]+-\d{17}\.htm/u.test(t)), 'source URL line');
    const avg = sa.bytes / N;
    assert.ok(avg > 5000 && avg < 9000, `average ${avg} bytes`);
  });

  test('a republished duplicate is the same story under another outlet', () => {
    let i = 10;
    while (makeArticle(i, { seed: 7 }).duplicateOf === null) i++;
    const dup = makeArticle(i, { seed: 7 });
    const orig = makeArticle(dup.duplicateOf as number, { seed: 7 });
    assert.notEqual(dup.outlet, orig.outlet);
    const line = (t: string) => t.normalize('NFC').split(/\r?\n/u).filter((l) => l.length > 200);
    const shared = line(dup.text).filter((l) => line(orig.text).includes(l));
    assert.ok(shared.length >= 3, `shared paragraphs: ${shared.length}`);
  });

  test('the PRNG is seeded: same seed, same sequence; no Math.random', () => {
    const r1 = makeRng(mixSeed(1, 2));
    const r2 = makeRng(mixSeed(1, 2));
    for (let i = 0; i < 100; i++) assert.equal(r1.next(), r2.next());
    assert.notEqual(mixSeed(1, 2), mixSeed(2, 1));
    for (const f of readdirSync('src/generate')) {
      const src = readFileSync(path.join('src/generate', f), 'utf8');
      assert.ok(!/Math\.random\(|Date\.now\(|new Date\(\)/u.test(src), `${f} reads a clock or an unseeded random source`);
    }
  });

  test('≥ 95% of generated files parse into a record with a title, an outlet and a date', (t) => {
    const sample = files.slice(0, 200);
    let good = 0;
    let rightOutletAndDate = 0;
    for (const f of sample) {
      const { record } = parseArticle({ sourceFile: f, bytes: readFileSync(path.join(a, f)) });
      if (record?.title && record.outlet && record.published.date) good++;
      const [, date, outlet] = /^\d{4}\/(\d{4}-\d\d-\d\d)-([a-z0-9]+)-/u.exec(f) ?? [];
      if (record?.outlet?.id === outlet && record?.published.date === date) rightOutletAndDate++;
    }
    const share = good / sample.length;
    t.diagnostic(`parsed with title, outlet and date: ${good}/${sample.length} (${(share * 100).toFixed(1)}%); outlet and date as generated: ${rightOutletAndDate}/${sample.length}`);
    assert.ok(share >= 0.95, `only ${(share * 100).toFixed(1)}%`);
  });

  test('CLI: one-line summary; usage errors exit 2', () => {
    const out = path.join(tmp, 'cli');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/generate/index.ts', '--articles', '3', '--out', out, '--seed', '5'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout.trim(), /^3 articles \(.*\) → .* \(seed 5\) in [\d.]+ s$/u);
    assert.equal(r.stdout.trim().split('\n').length, 1);
    assert.equal(listFiles(out).length, 3);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/generate/index.ts', '--out', out], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--articles N is required/u);
  });

  test('fast: 2,000 articles generated in memory in well under a second per 1,000', () => {
    const started = performance.now();
    let bytes = 0;
    for (let i = 0; i < 2000; i++) bytes += makeArticle(i, { seed: 3 }).text.length;
    const seconds = (performance.now() - started) / 1000;
    assert.ok(bytes > 2000 * 4000);
    assert.ok(seconds < 5, `${seconds.toFixed(2)} s`); // ~0.2 s on an idle core; generous for a loaded CI machine
  });
});
