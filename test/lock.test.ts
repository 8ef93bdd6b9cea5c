/** One process at a time on a site, a cache, an articles folder: the lock, its takeover, and what it protects. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, LockBusy, processAlive } from '../src/lock.ts';
import { removeLeftovers } from '../src/build.ts';
import { updateInPlace, type SiteUpdate } from '../src/site/siteJournal.ts';

/** the pid of a process that has ended */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(r.stdout);
  assert.ok(!processAlive(pid));
  return pid;
}

test('a held lock refuses a second holder, naming the first; released, it is free again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'));
  const file = join(dir, 'lock');
  const release = await acquireLock(file, { what: 'build of _site' });
  const holder = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; host: string };
  assert.equal(holder.pid, process.pid);
  assert.equal(holder.host, hostname());
  await assert.rejects(acquireLock(file, { what: 'build of _site', waitMs: 50, pollMs: 10 }),
    (e: unknown) => e instanceof LockBusy && e.message.includes(`pid ${process.pid}`) && e.message.includes('build of _site'));
  await release();
  assert.ok(!existsSync(file));
  await (await acquireLock(file, { what: 'again' }))();
});

test('a second holder waits for the first to release, and is told once who it waits for', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'));
  const file = join(dir, 'lock');
  const release = await acquireLock(file, { what: 'first' });
  const told: string[] = [];
  const second = acquireLock(file, { what: 'second', waitMs: 10_000, pollMs: 5, onWait: (h) => told.push(h.what) });
  await new Promise((r) => setTimeout(r, 30));
  await release();
  await (await second)();
  assert.deepEqual(told, ['first']);
});

test('the lock of a dead process is taken over; of a live one, or of another host, it is not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'));
  const file = join(dir, 'lock');
  writeFileSync(file, JSON.stringify({ pid: deadPid(), host: hostname(), started: '2026-01-01T00:00:00Z', what: 'killed build' }));
  await (await acquireLock(file, { what: 'next build' }))();
  // a live process (this test's parent) on this host: not stale
  writeFileSync(file, JSON.stringify({ pid: process.ppid, host: hostname(), started: '2026-01-01T00:00:00Z', what: 'live build' }));
  await assert.rejects(acquireLock(file, { what: 'x' }), LockBusy);
  // another host: its pid cannot be checked from here
  writeFileSync(file, JSON.stringify({ pid: deadPid(), host: `${hostname()}-other`, started: '2026-01-01T00:00:00Z', what: 'remote build' }));
  await assert.rejects(acquireLock(file, { what: 'x' }), LockBusy);
});

test('many holders at once, a stale lock among them: never two inside at the same time', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'));
  const file = join(dir, 'lock');
  writeFileSync(file, JSON.stringify({ pid: deadPid(), host: hostname(), started: '2026-01-01T00:00:00Z', what: 'killed build' }));
  let inside = 0;
  let most = 0;
  await Promise.all(Array.from({ length: 12 }, async (_, i) => {
    const release = await acquireLock(file, { what: `holder ${i}`, waitMs: 20_000, pollMs: 2 });
    most = Math.max(most, ++inside);
    await new Promise((r) => setImmediate(r));
    inside--;
    await release();
  }));
  assert.equal(most, 1);
});

test('leftover staging folders: a dead build\'s are removed, a live build\'s are not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'));
  const out = join(dir, '_site');
  const dead = deadPid();
  for (const name of [`_site.building-${dead}`, `_site.old-${dead}`, `_site.building-${process.ppid}`, '_site.building-notes', 'other.building-1']) mkdirSync(join(dir, name));
  await removeLeftovers(out);
  assert.ok(!existsSync(join(dir, `_site.building-${dead}`)));
  assert.ok(!existsSync(join(dir, `_site.old-${dead}`)));
  assert.ok(existsSync(join(dir, `_site.building-${process.ppid}`)), 'a live build\'s staging folder stays');
  assert.ok(existsSync(join(dir, '_site.building-notes')));
  assert.ok(existsSync(join(dir, 'other.building-1')));
});

test('an update whose staged files are gone (another process removed them) fails, it does not take them as moved', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'));
  const output = join(dir, '_site');
  const staging = join(dir, '_site.building-1');
  await mkdir(join(output, 'bai-viet', 'a'), { recursive: true });
  await writeFile(join(output, 'bai-viet', 'a', 'index.html'), 'bài A cũ');
  await mkdir(join(staging, 'bai-viet', 'b'), { recursive: true });
  await writeFile(join(staging, 'bai-viet', 'b', 'index.html'), 'bài B mới');
  const update: SiteUpdate = { output, staging, trash: null, moves: ['bai-viet/a/index.html', 'bai-viet/b/index.html'], removes: [], pending: [] };
  await assert.rejects(updateInPlace(update, join(dir, 'journal.json')), /staged bai-viet\/a\/index\.html is missing/u);
});
