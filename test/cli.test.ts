import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function archive(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FINDING_LINE = /^(?<file>[^:\s]+):(?<line>\d+):(?<column>\d+) {2}(?:error|warning) {2}.+ {2}\[[a-z-]+\/[a-z-]+\]$/u;

test('records: one JSON array, one record per file, in input order', () => {
  const files = ['articles/004_d438f4879cd1b813.txt', 'articles/000_39d8c5cb103f1b44.txt'];
  const r = archive('records', ...files);
  assert.equal(r.code, 0, r.stderr);
  const records = JSON.parse(r.stdout) as { sourceFile: string }[];
  assert.deepEqual(records.map((x) => x.sourceFile), files);
});

test('records: warnings go to stderr in the file:line:column format', () => {
  const r = archive('records', 'test/fixtures/seeds/003_9c03b17d219507ef.txt');
  assert.equal(r.code, 0);
  const lines = r.stderr.trim().split('\n');
  assert.ok(lines.length >= 1);
  for (const l of lines) assert.match(l, FINDING_LINE);
});

test('records: a missing file is an error that names it; the other files still print', () => {
  const r = archive('records', 'articles/000_39d8c5cb103f1b44.txt', 'articles/nope.txt');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^articles\/nope\.txt:1:1 {2}error {2}no such file {2}\[read\/io\]$/mu);
  assert.equal((JSON.parse(r.stdout) as unknown[]).length, 1);
});

test('usage errors exit 2', () => {
  assert.equal(archive().code, 2);
  assert.equal(archive('records').code, 2);
  assert.equal(archive('frobnicate').code, 2);
  assert.equal(archive('check', 'no-such-dir').code, 2);
});

test('check: clean folder exits 0 with a summary', () => {
  const r = archive('check');
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /^5 files: 0 errors, \d+ warnings?$/mu);
});

test('check: a broken file is one clear error line, the rest is still read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'articles-'));
  copyFileSync('articles/001_a7106049b9dd7f83.txt', join(dir, 'good.txt'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x54, 0x72, 0x69, 0xea, 0x75, 0x20]));
  writeFileSync(join(dir, 'bad-fm.txt'), '---\ndate: hôm qua\nfoo: 1\n---\nTiêu đề bài viết về Nga và Triều Tiên\n');
  mkdirSync(join(dir, 'x.txt'));
  const r = archive('check', dir);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  const findings = lines.slice(0, -1);
  for (const l of findings) assert.match(l, FINDING_LINE);
  assert.match(r.stdout, /^empty\.txt:1:1 {2}error {2}the file is empty {2}\[read\/empty\]$/mu);
  assert.match(r.stdout, /^image\.txt:1:1 {2}error .*\[read\/(?:binary|encoding)\]$/mu);
  assert.match(r.stdout, /^latin1\.txt:1:1 {2}error {2}not valid UTF-8/mu);
  assert.match(r.stdout, /^bad-fm\.txt:2:\d+ {2}error {2}front matter "date"/mu);
  assert.match(r.stdout, /^bad-fm\.txt:3:1 {2}warning {2}unknown front matter key "foo"/mu);
  assert.doesNotMatch(r.stdout, /^good\.txt:\d+:\d+ {2}error/mu);
  assert.match(lines.at(-1)!, /^5 files: 4 errors, \d+ warnings?$/u);
});
