/**
 * The staging writer (src/site/output.ts): unchanged files linked from the last site, the
 * changed ones written without touching the last site, the gone ones left out.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sealState } from '../src/stateFile.ts';
import { createHash } from 'node:crypto';
import { pendingPath, StagingWriter } from '../src/site/output.ts';
/** the JSON of a sealed state file (src/stateFile.ts): the line after the seal */
const unseal = (text: string): Record<string, unknown> => JSON.parse(text.slice(text.indexOf('\n') + 1)) as Record<string, unknown>;

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

/** The last site's pages, and its manifest. */
const LAST: Record<string, string> = {
  'index.html': 'trang chủ',
  'bai-viet/a/index.html': 'bài A',
  'bai-viet/b/index.html': 'bài B',
  'bai-viet/c/index.html': 'bài C, gỡ khỏi kho',
  'dia-danh/nga/index.html': 'Nga',
};
async function lastSite(previous: string, manifestFile: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(previous, file)), { recursive: true });
    await writeFile(path.join(previous, file), content);
  }
  await writeFile(manifestFile, sealState(Object.fromEntries(Object.entries(files).map(([f, c]) => [f, sha1(c)]))));
}

test('staging writer: unchanged files are linked to the last site, changed ones written apart, gone ones left out', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'staging-'));
  const previous = path.join(dir, 'site');
  const staging = path.join(dir, 'site.building');
  const manifestFile = path.join(dir, 'manifest.json');
  await lastSite(previous, manifestFile, LAST);

  const writer = await StagingWriter.open(staging, previous, manifestFile);
  await writer.write([
    { path: 'index.html', content: 'trang chủ' },
    { path: 'bai-viet/b/index.html', content: 'bài B, đã sửa' },
    { path: 'bai-viet/d/index.html', content: 'bài D, mới' },
  ]);
  await writer.keep(['bai-viet/a/index.html', 'dia-danh/nga/index.html']);
  const result = await writer.close();

  const ino = async (root: string, file: string) => (await stat(path.join(root, file))).ino;
  for (const file of ['index.html', 'bai-viet/a/index.html', 'dia-danh/nga/index.html']) {
    assert.equal(await ino(staging, file), await ino(previous, file), `${file}: linked, not copied`);
  }
  assert.equal(await readFile(path.join(staging, 'bai-viet/b/index.html'), 'utf8'), 'bài B, đã sửa');
  assert.equal(await readFile(path.join(previous, 'bai-viet/b/index.html'), 'utf8'), 'bài B', 'the last site is not written through a link');
  assert.notEqual(await ino(staging, 'bai-viet/b/index.html'), await ino(previous, 'bai-viet/b/index.html'));
  assert.equal(await readFile(path.join(staging, 'bai-viet/d/index.html'), 'utf8'), 'bài D, mới');
  assert.ok(!existsSync(path.join(staging, 'bai-viet/c')), 'a page the build did not make is gone, with its folder');
  assert.ok(existsSync(path.join(previous, 'bai-viet/c/index.html')), 'from the staging folder only');
  assert.deepEqual(result, { written: 2, reused: 3, changed: [], gone: [] });
  // beside the last site's, until the build swaps this site in
  assert.equal(unseal(await readFile(manifestFile, 'utf8'))['bai-viet/b/index.html'], sha1('bài B'));
  const manifest = unseal(await readFile(pendingPath(manifestFile), 'utf8')) as Record<string, string>;
  assert.deepEqual(Object.keys(manifest), ['bai-viet/a/index.html', 'bai-viet/b/index.html', 'bai-viet/d/index.html', 'dia-danh/nga/index.html', 'index.html']);
  assert.equal(manifest['bai-viet/b/index.html'], sha1('bài B, đã sửa'));
  await rm(dir, { recursive: true });
});

test('staging writer: a page kept though it left the last site during the build is one clear error', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'staging-'));
  const previous = path.join(dir, 'site');
  await mkdir(path.join(previous, 'x'), { recursive: true });
  const manifestFile = path.join(dir, 'manifest.json');
  await writeFile(manifestFile, JSON.stringify({ 'x/index.html': sha1('x') }));
  // the manifest names it, the last site no longer has it
  const writer = await StagingWriter.open(path.join(dir, 'staging'), previous, manifestFile);
  await assert.rejects(writer.keep(['x/index.html']), /x\/index\.html left the last site during the build .*--force/);
  await rm(dir, { recursive: true });
});

test('staging writer, in place: only the changed files are written apart, unchanged ones left where they are, gone ones listed', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'staging-'));
  const previous = path.join(dir, 'site');
  const staging = path.join(dir, 'site.building');
  const manifestFile = path.join(dir, 'manifest.json');
  await lastSite(previous, manifestFile, { ...LAST, 'bai-viet/e/index.html': 'bài E, xóa tay khỏi trang' });
  await rm(path.join(previous, 'bai-viet/e/index.html'));

  const writer = await StagingWriter.open(staging, previous, manifestFile, 'in place');
  await writer.write([
    { path: 'index.html', content: 'trang chủ' },
    { path: 'bai-viet/b/index.html', content: 'bài B, đã sửa' },
    { path: 'bai-viet/d/index.html', content: 'bài D, mới' },
    // the manifest has it, the site no longer: written again
    { path: 'bai-viet/e/index.html', content: 'bài E, xóa tay khỏi trang' },
  ]);
  await writer.keep(['bai-viet/a/index.html', 'dia-danh/nga/index.html']);
  const result = await writer.close();
  assert.deepEqual(result, { written: 3, reused: 3, changed: ['bai-viet/b/index.html', 'bai-viet/d/index.html', 'bai-viet/e/index.html'], gone: ['bai-viet/c/index.html'] });
  assert.ok(!existsSync(path.join(staging, 'index.html')) && !existsSync(path.join(staging, 'bai-viet/a')), 'nothing unchanged in the staging folder');
  assert.equal(await readFile(path.join(staging, 'bai-viet/b/index.html'), 'utf8'), 'bài B, đã sửa');
  assert.equal(await readFile(path.join(previous, 'bai-viet/b/index.html'), 'utf8'), 'bài B', 'the site is not touched before the update');
  const manifest = unseal(await readFile(pendingPath(manifestFile), 'utf8')) as Record<string, string>;
  assert.deepEqual(Object.keys(manifest), ['bai-viet/a/index.html', 'bai-viet/b/index.html', 'bai-viet/d/index.html', 'bai-viet/e/index.html', 'dia-danh/nga/index.html', 'index.html']);
  await rm(dir, { recursive: true });
});
