/**
 * Every file is parsed under the budget (time, heap), whatever the command and however few the
 * files: `records`, `check`, `add`, `show` and a build of two files. The parse worker is swapped
 * for one that never finishes a file named "treo-*" (TIN_PARSE_WORKER), with a 2 s budget: that
 * file is one line naming it, the other is read, nothing hangs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BODY = 'Nga và Triều Tiên ký hiệp ước đối tác chiến lược toàn diện\n\nBÌNH NHƯỠNG, ngày 19/6/2024 (TTXVN) — Tổng thống Nga Vladimir Putin và nhà lãnh đạo Triều Tiên Kim Jong-un đã ký hiệp ước tại Bình Nhưỡng.\n';
const HANGING = fileURLToPath(new URL('./support/slowParseWorker.ts', import.meta.url));
const env = { ...process.env, TIN_PARSE_WORKER: HANGING, TIN_PARSE_BUDGET_MS: '2000' };

function archive(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), fileURLToPath(new URL('../src/cli.ts', import.meta.url)), ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function folder(): { dir: string; articles: string } {
  const dir = mkdtempSync(join(tmpdir(), 'parse-budget-'));
  const articles = join(dir, 'articles');
  mkdirSync(articles);
  writeFileSync(join(articles, 'treo-1.txt'), BODY);
  writeFileSync(join(articles, 'hiep-uoc.txt'), BODY);
  return { dir, articles };
}

const refused = /treo-1\.txt:1:1 +error +parsing took more than 2 s; the file is not read .*\[read\/time-budget\]/u;

test('records: a file whose parse hangs is refused by the budget, the other is output', { timeout: 90_000 }, () => {
  const { dir, articles } = folder();
  const r = archive(['records', join(articles, 'treo-1.txt'), join(articles, 'hiep-uoc.txt')], dir);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, refused);
  const out = JSON.parse(r.stdout) as { sourceFile: string }[];
  assert.deepEqual(out.map((x) => x.sourceFile), [join(articles, 'hiep-uoc.txt')]);
});

test('check over two files: the hanging one is one error, the other is checked', { timeout: 90_000 }, () => {
  const { dir } = folder();
  const r = archive(['check', 'articles'], dir);
  assert.equal(r.status, 1, r.stderr + r.stdout);
  assert.match(r.stderr + r.stdout, /treo-1\.txt.*read\/time-budget/u);
});

test('add of a file whose parse hangs: refused with one line, nothing saved', { timeout: 90_000 }, () => {
  const { dir } = folder();
  const file = join(dir, 'bai-moi.txt');
  writeFileSync(file, BODY.replace('tại Bình Nhưỡng.', 'tại Bình Nhưỡng (treo).'));
  const r = archive(['add', file, '--dir', 'articles', '--no-build'], dir);
  assert.equal(r.status, 1, r.stderr + r.stdout);
  assert.match(r.stderr, /parsing took more than 2 s.*\[read\/time-budget\]/u);
  assert.doesNotMatch(r.stdout, /Saved/u);
});

test('show of a file outside the archive whose parse hangs: one error, exit 1', { timeout: 90_000 }, () => {
  const { dir } = folder();
  const file = join(dir, 'treo-ngoai.txt');
  writeFileSync(file, BODY);
  const r = archive(['show', file, '--dir', 'articles'], dir);
  assert.equal(r.status, 1, r.stderr + r.stdout);
  assert.match(r.stderr, /read\/time-budget/u);
});
