import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { countArticleFiles, heapLimitMb, LARGE_ARCHIVE, SIZED_HEAP_ENV, sizedHeapArgs } from '../src/heapLimit.ts';

test('heap limit: V8\'s default under LARGE_ARCHIVE articles; above, sized to the archive, never under the floor', () => {
  assert.equal(heapLimitMb(0), null);
  assert.equal(heapLimitMb(10_000), null);
  assert.equal(heapLimitMb(LARGE_ARCHIVE - 1), null);
  assert.equal(heapLimitMb(LARGE_ARCHIVE), 1536);
  assert.equal(heapLimitMb(100_000), 2400);
  assert.equal(heapLimitMb(200_000), 4800, 'past V8\'s default of about 4 GB');
});

test('sized heap args: only for a large archive, once, and never over a limit given by hand', () => {
  assert.equal(sizedHeapArgs(['--import', 'tsx'], {}, 10_000), null);
  assert.deepEqual(sizedHeapArgs(['--import', 'tsx'], {}, 100_000), ['--max-old-space-size=2400', '--import', 'tsx']);
  assert.equal(sizedHeapArgs(['--import', 'tsx'], { [SIZED_HEAP_ENV]: '2400' }, 100_000), null, 'in the child');
  assert.equal(sizedHeapArgs(['--max-old-space-size=8000', '--import', 'tsx'], {}, 100_000), null);
});

test('a large archive\'s build runs again in a child with the sized heap, its arguments and its exit code', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/sized-heap.ts', '--quiet'], { encoding: 'utf8', env: { ...process.env, [SIZED_HEAP_ENV]: '' } });
  assert.equal(run.status, 0, run.stderr);
  const child = /child: ARCHIVE_SIZED_HEAP=(\d+) heap limit (\d+) MB args (.*)/.exec(run.stdout);
  assert.ok(child, run.stdout);
  assert.equal(child[1], '1536');
  // V8's limit is the old space plus the young generation
  assert.ok(Number(child[2]) >= 1536 && Number(child[2]) < 1700, `${child[2]} MB`);
  assert.equal(child[3], '--quiet');
  assert.match(run.stdout, /parent: child exited 0/);
});

test('counting article files for the sizing: .txt, .md and .markdown in every folder; 0 for a folder that is not there', () => {
  assert.equal(countArticleFiles('test/fixtures/seeds'), readdirSync('test/fixtures/seeds').filter((f) => /\.(txt|md)$/.test(f)).length);
  assert.ok(countArticleFiles('test/fixtures') > countArticleFiles('test/fixtures/seeds'), 'subfolders counted');
  assert.equal(countArticleFiles('no/such/folder'), 0);
});
