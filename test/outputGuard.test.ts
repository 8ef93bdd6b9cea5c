/** --output: never the articles, the project, the cache, a file, or a folder that is not a site of this tool. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOutput, isSiteReport, OutputRefused } from '../src/site/outputGuard.ts';

const ROOT = process.cwd();
const ARTICLE = 'Nga và Triều Tiên ký hiệp ước đối tác chiến lược toàn diện\n\nBÌNH NHƯỠNG, ngày 19/6/2024 — Tổng thống Nga Vladimir Putin và nhà lãnh đạo Kim Jong-un ký hiệp ước.\n';

function place(): { dir: string; articles: string } {
  const dir = mkdtempSync(join(tmpdir(), 'guard-'));
  const articles = join(dir, 'articles');
  mkdirSync(articles);
  writeFileSync(join(articles, 'a.txt'), ARTICLE);
  return { dir, articles };
}

const refused = async (p: Parameters<typeof checkOutput>[0], why: RegExp): Promise<void> => {
  await assert.rejects(checkOutput(p), (e: unknown) => e instanceof OutputRefused && why.test(e.message));
};

test('the articles folder, a folder that holds it, or one inside it is refused', async () => {
  const { dir, articles } = place();
  await refused({ output: articles, input: articles, root: ROOT }, /it is the articles folder/u);
  await refused({ output: dir, input: articles, root: ROOT }, /holds the articles folder/u);
  await refused({ output: join(articles, 'site'), input: articles, root: ROOT }, /inside the articles folder/u);
});

test('the project, the working folder, the cache and the file system root are refused', async () => {
  const { dir, articles } = place();
  await refused({ output: ROOT, input: articles, root: ROOT }, /the project folder/u);
  await refused({ output: '.', input: articles, root: ROOT }, /project folder|working folder/u);
  await refused({ output: '/', input: articles, root: ROOT }, /holds/u);
  await refused({ output: join(dir, 'c'), input: articles, cache: join(dir, 'c'), root: ROOT }, /the cache folder/u);
  await refused({ output: dir, cache: join(dir, 'c'), root: ROOT }, /holds the cache folder/u);
});

test('a file, and a folder with other things in it, are refused; new, empty and our own sites are not', async () => {
  const { dir, articles } = place();
  writeFileSync(join(dir, 'notes.txt'), 'ghi chép');
  await refused({ output: join(dir, 'notes.txt'), input: articles, root: ROOT }, /a file, not a folder/u);
  const other = join(dir, 'other');
  mkdirSync(other);
  writeFileSync(join(other, 'index.html'), '<p>trang của người khác</p>');
  await refused({ output: other, input: articles, root: ROOT }, /not empty/u);
  // a build-report.json that is not ours does not make a folder a site of this tool
  writeFileSync(join(other, 'build-report.json'), '{"hello": 1}');
  await refused({ output: other, input: articles, root: ROOT }, /not empty/u);
  // must not fire: a new folder, an empty one, a site of this version, a site of an older version
  await checkOutput({ output: join(dir, 'new', 'site'), input: articles, root: ROOT });
  mkdirSync(join(dir, 'empty'));
  await checkOutput({ output: join(dir, 'empty'), input: articles, root: ROOT });
  writeFileSync(join(other, 'build-report.json'), '{"inputs": 1, "pages": 1, "merged": 0, "errors": 0, "files": []}');
  await checkOutput({ output: other, input: articles, root: ROOT });
  assert.ok(isSiteReport('{"generator": "tin-nga-trieu", "files": []}'));
  assert.ok(!isSiteReport('not json'));
});

test('build --output=ARTICLES exits 2 with one line and leaves every file where it was', () => {
  const { dir, articles } = place();
  writeFileSync(join(dir, 'ghi-chu.md'), 'ghi chú của biên tập viên');
  const run = (out: string) => spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'src/build.ts'), `--input=${articles}`, `--output=${out}`, `--cache=${join(dir, '.cache')}`, '--quiet'], { encoding: 'utf8', cwd: dir });
  for (const out of [articles, dir, '.', join(dir, 'ghi-chu.md')]) {
    const r = run(out);
    assert.equal(r.status, 2, `${out}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /refused/u);
  }
  assert.deepEqual(readdirSync(articles), ['a.txt']);
  assert.equal(readFileSync(join(articles, 'a.txt'), 'utf8'), ARTICLE);
  assert.deepEqual(readdirSync(dir).sort(), ['articles', 'ghi-chu.md']);
});
