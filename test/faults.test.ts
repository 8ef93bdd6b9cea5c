/**
 * Fault injection, seeded (FAULT_SEED) and bounded in time: builds killed (SIGKILL) at seeded
 * moments of a full, an incremental and a --force build, then a normal build, compared byte for
 * byte with a clean build of the same articles, and checked for leftover folders, state and
 * processes; overlapping builds and adds; a full disk (a real tmpfs under the site and under the
 * cache, where one can be mounted; and Pagefind's binary replaced by one that fails as Pagefind
 * does on ENOSPC); damaged cache entries and state files. The table of trials
 * is printed at the end (tried / passed / failed per kind of fault).
 */
import { after, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../src/build.ts';
import { generateArchive } from '../src/generate/index.ts';
import { mulberry32 } from '../src/generate/prng.ts';
import { processAlive } from '../src/lock.ts';

const SEED = Number(process.env.FAULT_SEED ?? 20261206);
const ARTICLES = 20;
const KILLS_PER_KIND = Number(process.env.FAULT_KILLS ?? 3);
const TSX = import.meta.resolve('tsx');
const BUILD = join(process.cwd(), 'src/build.ts');
const CLI = join(process.cwd(), 'src/cli.ts');
const random = mulberry32(SEED);

/** kind of fault → [tried, passed] */
const table = new Map<string, [number, number]>();
function count(kind: string, passed: boolean): void {
  const row = table.get(kind) ?? [0, 0];
  table.set(kind, [row[0] + 1, row[1] + (passed ? 1 : 0)]);
}
after(() => {
  const lines = [`${"fault kind".padEnd(48)} tried  passed  failed`];
  for (const [kind, [tried, passed]] of table) lines.push(`${kind.padEnd(48)} ${String(tried).padStart(5)} ${String(passed).padStart(7)} ${String(tried - passed).padStart(7)}`);
  process.stdout.write(`fault suite (seed ${SEED})\n${lines.join('\n')}\n`);
});

/** path → sha1 of every file of a site */
function snapshot(root: string, sub = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(join(root, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, snapshot(root, rel));
    else out[rel] = createHash('sha1').update(readFileSync(join(root, rel))).digest('hex');
  }
  return out;
}

function sameSite(actual: string, expected: Record<string, string>): string | null {
  const got = snapshot(actual);
  const missing = Object.keys(expected).filter((p) => !(p in got));
  const extra = Object.keys(got).filter((p) => !(p in expected));
  const changed = Object.keys(expected).filter((p) => p in got && got[p] !== expected[p]);
  if (!missing.length && !extra.length && !changed.length) return null;
  return `${missing.length} missing (${missing.slice(0, 3).join(', ')}), ${extra.length} extra (${extra.slice(0, 3).join(', ')}), ${changed.length} changed (${changed.slice(0, 3).join(', ')})`;
}

/** What a dead build may not leave: staging and old folders, pending state, locks. */
function leftovers(dir: string, out: string, cache: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) if (/\.(?:building|old)-\d+$|\.lock$/u.test(name)) found.push(name);
  if (existsSync(join(cache, 'lock'))) found.push('cache/lock');
  for (const name of readdirSync(cache, { recursive: true }).map(String)) if (name.endsWith('.next') || name.endsWith('.tmp') || name.endsWith('journal.json')) found.push(`cache/${name}`);
  void out;
  return found;
}

/** Descendants of a process (from /proc), to check none outlives a killed build. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/u.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number): void => { for (const c of children.get(p) ?? []) { out.push(c); walk(c); } };
  walk(pid);
  return out;
}

async function waitGone(pids: readonly number[]): Promise<number[]> {
  // bounded: the guard looks for its parent every 250 ms; a zombie child of init is reaped at once
  for (let i = 0; i < 100; i++) {
    const alive = pids.filter((p) => processAlive(p) && !/\bZ\b/u.test(readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.slice(0, 1) ?? ''));
    if (!alive.length) return [];
    await new Promise((r) => setTimeout(r, 100));
  }
  return pids.filter((p) => processAlive(p));
}

function buildChild(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const clean = { ...process.env, ...env };
  delete clean.SITE_URL;
  return spawn(process.execPath, ['--import', TSX, BUILD, '--quiet', ...args], { env: clean, stdio: ['ignore', 'pipe', 'pipe'] });
}

function done(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

interface Space { dir: string; articles: string; out: string; cache: string; opts: { input: string; output: string; cache: string; env: Record<string, string> } }
function space(articles = ARTICLES): Space {
  const dir = mkdtempSync(join(tmpdir(), 'faults-'));
  const a = join(dir, 'articles');
  generateArchive({ articles, out: a, seed: 7 });
  const out = join(dir, '_site');
  const cache = join(dir, 'cache');
  return { dir, articles: a, out, cache, opts: { input: a, output: out, cache, env: {} } };
}

/** A clean build of these articles, elsewhere: the site every recovery must equal. */
async function reference(articles: string): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'faults-ref-'));
  // the same output path relative to nothing: the site does not depend on where it is built
  await buildSite({ input: articles, output: join(dir, '_site'), cache: join(dir, 'cache'), env: {} });
  const snap = snapshot(join(dir, '_site'));
  rmSync(dir, { recursive: true });
  return snap;
}

/** How long a child build of this space takes (ms), to spread the kills over it. */
async function timed(args: string[]): Promise<number> {
  const t = performance.now();
  const r = await done(buildChild(args));
  assert.equal(r.code, 0, r.stderr);
  return performance.now() - t;
}

async function killTrial(kind: string, s: Space, args: string[], span: number, expected: Record<string, string>, prepare: () => Promise<void>): Promise<void> {
  await prepare();
  const child = buildChild(args);
  const exited = done(child);
  const at = Math.floor(random() * span);
  await new Promise((r) => setTimeout(r, at));
  const family = descendants(child.pid!);
  child.kill('SIGKILL');
  await exited;
  const orphans = await waitGone(family);
  // then a normal build
  let problem: string | null = null;
  try {
    await buildSite(s.opts);
    problem = sameSite(s.out, expected);
    const left = leftovers(s.dir, s.out, s.cache);
    if (!problem && left.length) problem = `leftovers: ${left.join(', ')}`;
    if (!problem && orphans.length) problem = `processes left: ${orphans.join(', ')}`;
  } catch (error) {
    problem = `the next build failed: ${(error as Error).message}`;
  }
  count(kind, problem === null);
  assert.equal(problem, null, `${kind}, killed at ${at} ms: ${problem}`);
}

test('kill -9 during a full build, then a normal build: the clean site, nothing left behind', { timeout: 240_000 }, async () => {
  const s = space();
  const expected = await reference(s.articles);
  const args = [`--input=${s.articles}`, `--output=${s.out}`, `--cache=${s.cache}`];
  const span = await timed(args);
  for (let i = 0; i < KILLS_PER_KIND; i++) {
    await killTrial('kill -9, full build', s, args, span, expected, async () => {
      rmSync(s.out, { recursive: true, force: true });
      rmSync(s.cache, { recursive: true, force: true });
    });
  }
  rmSync(s.dir, { recursive: true });
});

test('kill -9 during an incremental build (articles added and one edited), then a normal build', { timeout: 240_000 }, async () => {
  const s = space();
  const base = join(s.dir, 'base');
  cpSync(s.articles, base, { recursive: true });
  const more = (): void => {
    rmSync(s.articles, { recursive: true, force: true });
    cpSync(base, s.articles, { recursive: true });
    generateArchive({ articles: 3, out: join(s.articles, 'them'), seed: 7, from: 500 });
  };
  more();
  const expected = await reference(s.articles);
  const args = [`--input=${s.articles}`, `--output=${s.out}`, `--cache=${s.cache}`];
  // the build to kill: from the base site to the base + 3
  rmSync(s.articles, { recursive: true });
  cpSync(base, s.articles, { recursive: true });
  await buildSite(s.opts);
  more();
  const span = await timed(args);
  for (let i = 0; i < KILLS_PER_KIND; i++) {
    await killTrial('kill -9, incremental build', s, args, span, expected, async () => {
      rmSync(s.articles, { recursive: true });
      cpSync(base, s.articles, { recursive: true });
      await buildSite(s.opts);
      more();
    });
  }
  rmSync(s.dir, { recursive: true });
});

test('kill -9 during a --force build, then a normal build', { timeout: 240_000 }, async () => {
  const s = space();
  const expected = await reference(s.articles);
  const args = [`--input=${s.articles}`, `--output=${s.out}`, `--cache=${s.cache}`, '--force'];
  await buildSite(s.opts);
  const span = await timed(args);
  for (let i = 0; i < KILLS_PER_KIND; i++) await killTrial('kill -9, --force build', s, args, span, expected, async () => {});
  rmSync(s.dir, { recursive: true });
});

test('two builds of one output at once: the second waits, both succeed, the site is the clean one', { timeout: 240_000 }, async () => {
  const s = space(20);
  const expected = await reference(s.articles);
  const args = [`--input=${s.articles}`, `--output=${s.out}`, `--cache=${s.cache}`];
  const [a, b] = await Promise.all([done(buildChild(args)), done(buildChild(['--force', ...args]))]);
  const ok = a.code === 0 && b.code === 0 && sameSite(s.out, expected) === null && leftovers(s.dir, s.out, s.cache).length === 0;
  count('overlapping builds', ok);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  assert.equal(sameSite(s.out, expected), null);
  assert.deepEqual(leftovers(s.dir, s.out, s.cache), []);
  // one output, two caches: the output's lock still orders them
  const other = join(s.dir, 'cache-2');
  const [c, d] = await Promise.all([done(buildChild(['--force', ...args])), done(buildChild([`--input=${s.articles}`, `--output=${s.out}`, `--cache=${other}`]))]);
  const ok2 = c.code === 0 && d.code === 0 && sameSite(s.out, expected) === null;
  count('overlapping builds', ok2);
  assert.ok(ok2, `${c.stderr} ${d.stderr}`);
  rmSync(s.dir, { recursive: true });
});

test('two adds of one article at once: one saves it, the other finds it already there', { timeout: 120_000 }, async () => {
  const s = space(5);
  const file = join(s.dir, 'bai-moi.txt');
  writeFileSync(file, 'Nga và Triều Tiên ký thỏa thuận mở tuyến đường sắt mới qua cầu Tumen\n\nBÌNH NHƯỠNG, ngày 12/3/2025 (TTXVN) — Nga và Triều Tiên đã ký thỏa thuận mở tuyến đường sắt chở khách mới qua cầu Hữu nghị trên sông Tumen, theo hãng thông tấn KCNA.\n\nTuyến đường sắt dự kiến đi vào hoạt động từ mùa hè năm nay, nối Rajin với Vladivostok.\n');
  const add = () => done(spawn(process.execPath, ['--import', TSX, CLI, 'add', file, '--no-build', '--dir', s.articles, '--outlet', 'vov.vn'], { stdio: ['ignore', 'pipe', 'pipe'] }));
  const before = readdirSync(s.articles, { recursive: true }).length;
  const results = await Promise.all([add(), add(), add()]);
  const saved = readdirSync(s.articles, { recursive: true }).length - before;
  // the article's year folder may be new: one file and at most one folder more
  const files = readdirSync(s.articles, { recursive: true }).map(String).filter((n) => n.includes('duong-sat'));
  const ok = files.length === 1 && results.filter((r) => r.code === 0).length === 1 && results.filter((r) => /already in the archive/u.test(r.stderr)).length === 2;
  count('overlapping adds', ok);
  assert.ok(ok, `${files.join(', ')} (${saved} new entries): ${results.map((r) => `${r.code} ${r.stderr.trim()}`).join(' | ')}`);
  assert.ok(!existsSync(join(s.articles, '.add.lock')));
  rmSync(s.dir, { recursive: true });
});

test('a full disk while the search index is written: one line, exit 1, the last site whole, the next build good', { timeout: 120_000 }, async () => {
  const s = space(10);
  await buildSite(s.opts);
  const last = snapshot(s.out);
  // one article more: its search shard must be written
  generateArchive({ articles: 1, out: join(s.articles, 'them'), seed: 7, from: 500 });
  const expected = await reference(s.articles);
  // Pagefind's binary replaced by one that fails as Pagefind 1.x does on a full disk
  const fake = join(s.dir, 'pagefind-enospc.sh');
  writeFileSync(fake, `#!/bin/sh\necho "thread 'main' panicked at pagefind/src/output/mod.rs:123:45:" >&2\necho 'called \`Result::unwrap()\` on an \`Err\` value: Os { code: 28, kind: StorageFull, message: "No space left on device" }' >&2\necho 'stack backtrace:' >&2\necho '   0: rust_begin_unwind' >&2\nexit 101\n`);
  chmodSync(fake, 0o755);
  const r = await done(buildChild([`--input=${s.articles}`, `--output=${s.out}`, `--cache=${s.cache}`], { TIN_PAGEFIND_REAL: fake }));
  const lines = r.stderr.trim().split('\n');
  const ok = r.code === 1 && lines.length === 1 && /disk full \(ENOSPC\)/u.test(lines[0]!) && !/panicked|backtrace/u.test(r.stderr) && sameSite(s.out, last) === null;
  count('full disk (ENOSPC, search index)', ok);
  assert.ok(ok, `${r.code}: ${r.stderr}`);
  await buildSite(s.opts);
  assert.equal(sameSite(s.out, expected), null);
  assert.deepEqual(leftovers(s.dir, s.out, s.cache), []);
  rmSync(s.dir, { recursive: true });
});

/** A site and its cache of S0 (saved), the articles then changed to S1: each damage is done to a copy of S0's state. */
/** A small tmpfs at `dir` (root only; false where it cannot be mounted). */
function mountTmpfs(dir: string, size: string): boolean {
  mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status === 0;
}
const resizeTmpfs = (dir: string, size: string): void => assert.equal(spawnSync('mount', ['-o', `remount,size=${size}`, dir]).status, 0, `remount ${dir}`);
const unmount = (dir: string): void => { spawnSync('umount', ['-l', dir]); };
/** bytes in use on the file system of `dir` */
function usedBytes(dir: string): number {
  const fs = statfsSync(dir);
  return (fs.blocks - fs.bfree) * fs.bsize;
}

/** Runs a trial with a tmpfs of `size` at `<space>/<name>`, unmounted and removed after; skipped where none can be mounted. */
async function onTmpfs(t: TestContext, name: string, size: string, trial: (s: Space, disk: string) => Promise<void>): Promise<void> {
  const s = space(10);
  const disk = join(s.dir, name);
  try {
    if (!mountTmpfs(disk, size)) {
      t.skip('no tmpfs can be mounted here (not root): the simulated ENOSPC of the search index stands for it');
      return;
    }
    try {
      await trial(s, disk);
    } finally {
      unmount(disk);
    }
  } finally {
    rmSync(s.dir, { recursive: true });
  }
}

test('a full disk (a real tmpfs) while pages are written: one line, exit 1, the last site whole, nothing left, the next build good', { timeout: 180_000 }, (t) => onTmpfs(t, 'disk', '64m', async (s, disk) => {
  const out = join(disk, '_site');
  await buildSite({ ...s.opts, output: out });
  const last = snapshot(out);
  // the disk now holds the site and 64 KB more: four new articles do not fit
  resizeTmpfs(disk, `${Math.ceil(usedBytes(disk) / 1024) + 64}k`);
  generateArchive({ articles: 4, out: join(s.articles, 'them'), seed: 7, from: 500 });
  const expected = await reference(s.articles);
  const r = await done(buildChild([`--input=${s.articles}`, `--output=${out}`, `--cache=${s.cache}`]));
  const lines = r.stderr.trim().split('\n');
  const ok = r.code === 1 && lines.length === 1 && /disk full \(ENOSPC\)/u.test(lines[0]!) && !/\n\s+at /u.test(r.stderr) && sameSite(out, last) === null
    && leftovers(disk, out, s.cache).length === 0;
  count('full disk (tmpfs, site pages)', ok);
  assert.ok(ok, `${r.code}: ${r.stderr} ${sameSite(out, last)} ${leftovers(disk, out, s.cache).join(', ')}`);
  resizeTmpfs(disk, '64m');
  await buildSite({ ...s.opts, output: out });
  assert.equal(sameSite(out, expected), null);
  assert.deepEqual(leftovers(disk, out, s.cache), []);
}));

test('a full disk (a real tmpfs) under the cache: one line, exit 1, nothing published, no half entry, the next build good', { timeout: 180_000 }, (t) => onTmpfs(t, 'cachedisk', '96k', async (s, disk) => {
  const cache = join(disk, 'cache');
  const expected = await reference(s.articles);
  const r = await done(buildChild([`--input=${s.articles}`, `--output=${s.out}`, `--cache=${cache}`]));
  const lines = r.stderr.trim().split('\n');
  const halves = readdirSync(disk, { recursive: true }).map(String).filter((n) => n.endsWith('.tmp'));
  const ok = r.code === 1 && lines.length === 1 && /disk full \(ENOSPC\)/u.test(lines[0]!) && !existsSync(s.out) && halves.length === 0;
  count('full disk (tmpfs, record cache)', ok);
  assert.ok(ok, `${r.code}: ${r.stderr} site: ${existsSync(s.out)}, half entries: ${halves.join(', ')}`);
  resizeTmpfs(disk, '64m');
  const again = await done(buildChild([`--input=${s.articles}`, `--output=${s.out}`, `--cache=${cache}`]));
  assert.equal(again.code, 0, again.stderr);
  assert.doesNotMatch(again.stderr, /damaged/u);
  assert.equal(sameSite(s.out, expected), null);
  assert.deepEqual(leftovers(s.dir, s.out, cache), []);
}));

test('damaged cache entries and state files: told of, ignored, rebuilt; the site equals a clean build', { timeout: 240_000 }, async () => {
  const s = space(20);
  const s0 = join(s.dir, 's0');
  cpSync(s.articles, s0, { recursive: true });
  await buildSite(s.opts);
  const pristine = { out: join(s.dir, 'out0'), cache: join(s.dir, 'cache0') };
  cpSync(s.out, pristine.out, { recursive: true });
  cpSync(s.cache, pristine.cache, { recursive: true });
  // S1: one article deleted, one edited
  const files = readdirSync(s.articles, { recursive: true }).map(String).filter((n) => n.endsWith('.txt') || n.endsWith('.md')).sort();
  rmSync(join(s.articles, files[0]!));
  const edited = join(s.articles, files[1]!);
  writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\n\n/u, '\n\nĐoạn mới thêm vào bài (đã sửa).\n\n'));
  const expected = await reference(s.articles);
  const stateDir = (): string => join(s.cache, 'site', readdirSync(join(s.cache, 'site'))[0]!);
  const entries = (): string[] => readdirSync(join(s.cache, 'records'), { recursive: true }).map(String).filter((n) => n.endsWith('.json')).map((n) => join(s.cache, 'records', n));
  const damages: [string, () => void, boolean?][] = [
    ['record cache entry cut in half', () => { for (const f of entries().slice(0, 3)) writeFileSync(f, readFileSync(f).subarray(0, statSync(f).size >> 1)); }],
    ['record cache entry of another shape', () => { for (const f of entries().slice(0, 3)) writeFileSync(f, '{"record":{"title":1},"findings":[]}\n<p>x</p>'); }],
    ['record cache entry: body changed', () => { const f = entries()[0]!; writeFileSync(f, readFileSync(f, 'utf8').replace(/<\/p>/u, 'THÊM</p>')); }],
    ['state.json garbage', () => writeFileSync(join(stateDir(), 'state.json'), '\u0000\u0001không phải JSON')],
    ['pages.json of another shape', () => writeFileSync(join(stateDir(), 'pages.json'), '{"pages": 5}')],
    ['manifest.json cut', () => { const f = join(stateDir(), 'manifest.json'); writeFileSync(f, readFileSync(f, 'utf8').slice(0, 200)); }],
    ['journal.json garbage', () => writeFileSync(join(stateDir(), 'journal.json'), '{"output": ')],
    ['search state garbage', () => writeFileSync(join(stateDir(), 'search', 'search-shards.json'), '[]')],
    ['a file where a site folder belongs', () => { rmSync(join(s.out, 'bai-viet'), { recursive: true }); writeFileSync(join(s.out, 'bai-viet'), 'không phải thư mục'); }],
    ['record cache entry of another shape, --force', () => { for (const f of entries().slice(0, 3)) writeFileSync(f, 'tin-cache-1 0000000000000000000000000000000000000000\n{}'); }, true],
  ];
  for (const [name, damage, force] of damages) {
    rmSync(s.out, { recursive: true, force: true });
    rmSync(s.cache, { recursive: true, force: true });
    cpSync(pristine.out, s.out, { recursive: true });
    cpSync(pristine.cache, s.cache, { recursive: true });
    damage();
    const notices: string[] = [];
    let problem: string | null = null;
    try {
      await buildSite({ ...s.opts, force, onNotice: (m) => notices.push(m) });
      problem = sameSite(s.out, expected);
      if (!problem && notices.some((n) => n.length > 400)) problem = 'a notice longer than a line';
    } catch (error) {
      problem = `the build failed: ${(error as Error).message}`;
    }
    count(`damaged: ${name}`, problem === null);
    assert.equal(problem, null, `${name}: ${problem}`);
  }
  rmSync(s.dir, { recursive: true });
});

test('--output at the articles, the project or a file: refused, nothing moved (and a site of this tool is accepted)', { timeout: 60_000 }, async () => {
  const s = space(3);
  writeFileSync(join(s.dir, 'notes.txt'), 'ghi chú');
  for (const out of [s.articles, s.dir, join(s.dir, 'notes.txt'), process.cwd()]) {
    const before = snapshot(s.dir);
    const r = spawnSync(process.execPath, ['--import', TSX, BUILD, '--quiet', `--input=${s.articles}`, `--output=${out}`, `--cache=${s.cache}`], { encoding: 'utf8' });
    const ok = r.status === 2 && r.stderr.trim().split('\n').length === 1 && sameSite(s.dir, before) === null;
    count('dangerous --output', ok);
    assert.ok(ok, `${out}: ${r.status} ${r.stderr}`);
  }
  rmSync(s.dir, { recursive: true });
});

test('add of an older article with an existing title prints the page the build gives it, the same in a fresh build', { timeout: 120_000 }, async () => {
  const { addArticle } = await import('../src/editor/add.ts');
  const s = space(3);
  const title = 'Nga và Triều Tiên ký hiệp ước đối tác chiến lược toàn diện';
  const body = (day: string, extra: string): string => `${title}\n\nBÌNH NHƯỠNG, ngày ${day} (TTXVN) — Tổng thống Nga Vladimir Putin và nhà lãnh đạo Triều Tiên Kim Jong-un ${extra}.\n\nHiệp ước gồm 23 điều, trong đó có điều khoản hỗ trợ lẫn nhau khi một bên bị tấn công.\n`;
  const out: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
  const add = async (name: string, text: string, date: string): Promise<string> => {
    const file = join(s.dir, name);
    writeFileSync(file, text);
    out.length = 0;
    const code = await addArticle({ source: file, flags: { date, outlet: 'vov.vn' }, strict: false, force: false, build: false, dir: s.articles, output: s.out, now: new Date('2026-12-01T00:00:00Z'), stdin: async () => new Uint8Array() }, io);
    assert.equal(code, 0, out.join('\n'));
    return /Page \(after the next build\): (\S+)/u.exec(out.join('\n'))![1]!;
  };
  const newer = await add('moi.txt', body('19/6/2024', 'đã ký hiệp ước tại Bình Nhưỡng'), '2024-06-19');
  await buildSite(s.opts);
  const older = await add('cu.txt', body('12/9/2023', 'đã hội đàm tại sân bay vũ trụ Vostochny về một văn kiện mới'), '2023-09-12');
  await buildSite(s.opts);
  const report = JSON.parse(readFileSync(join(s.out, 'build-report.json'), 'utf8')) as { files: { file: string; url?: string }[] };
  const urlOf = (needle: string): string => report.files.find((f) => f.file.includes(needle))!.url!;
  // the earliest published has the plain slug: the newcomer, here
  assert.equal(urlOf('2023-09-12'), older);
  assert.notEqual(urlOf('2024-06-19'), newer, 'the newer one moved to its suffixed URL (and the build warned)');
  // a fresh build gives every article the URL the incremental one gave
  const fresh = join(s.dir, 'fresh');
  await buildSite({ ...s.opts, output: fresh, cache: join(s.dir, 'cache-fresh') });
  assert.equal(sameSite(fresh, snapshot(s.out)), null);
  rmSync(s.dir, { recursive: true });
});

test('kill -9 of a build while Pagefind runs: Pagefind dies with it', { timeout: 120_000 }, async () => {
  const s = space(5);
  // a Pagefind that never answers: the build waits on it until it is killed
  const fake = join(s.dir, 'pagefind-hang.sh');
  writeFileSync(fake, '#!/bin/sh\nexec sleep 600\n');
  chmodSync(fake, 0o755);
  const child = buildChild([`--input=${s.articles}`, `--output=${s.out}`, `--cache=${s.cache}`], { TIN_PAGEFIND_REAL: fake });
  const exited = done(child);
  // bounded wait for the fake Pagefind to start (a descendant running sleep)
  let sleeper: number | undefined;
  for (let i = 0; i < 600 && sleeper === undefined; i++) {
    sleeper = descendants(child.pid!).find((p) => { try { return readFileSync(`/proc/${p}/cmdline`, 'utf8').startsWith('sleep'); } catch { return false; } });
    if (sleeper === undefined) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(sleeper, 'Pagefind started');
  const family = descendants(child.pid!);
  child.kill('SIGKILL');
  await exited;
  const left = await waitGone(family);
  count('kill -9 while Pagefind runs (orphans)', left.length === 0);
  assert.deepEqual(left, [], 'no process of the build outlives it');
  // the next build (the real Pagefind) takes over the dead build's lock and cleans up
  await buildSite(s.opts);
  assert.deepEqual(leftovers(s.dir, s.out, s.cache), []);
  rmSync(s.dir, { recursive: true });
});
