/**
 * `npm run serve` keeps serving and rebuilding while the editor works: a file
 * saved half-written, deleted or renamed never takes the site down.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('serve survives half-written, deleted and renamed files while it watches', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'serve-'));
  const articles = join(dir, 'articles');
  cpSync('articles', articles, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/build.ts', '--serve', '--port=0', `--input=${articles}`, `--output=${join(dir, '_site')}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d: Buffer) => { log += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { log += d.toString(); });
  try {
    const base = await until('the server', async () => /serving (http:\/\/localhost:\d+)/.exec(log)?.[1]);
    const get = async (path: string): Promise<{ status: number; text: string }> => {
      const r = await fetch(base + path);
      return { status: r.status, text: await r.text() };
    };
    assert.equal((await get('/')).status, 200);
    const builds = (): number => (log.match(/\d+ articles, \d+ pages/g) ?? []).length;

    // a half-written file: cut inside a multi-byte letter, so it is not valid UTF-8
    const full = readFileSync(join(articles, '001_a7106049b9dd7f83.txt'));
    let n = builds();
    writeFileSync(join(articles, 'dang-luu.txt'), full.subarray(0, 101));
    await until('a rebuild', async () => (builds() > n ? true : undefined));
    assert.match(log, /dang-luu\.txt:1:1 {2}error/u, 'the broken file is named');
    assert.equal((await get('/')).status, 200, 'the site is still served');

    // deleted
    n = builds();
    rmSync(join(articles, '004_d438f4879cd1b813.txt'));
    await until('a rebuild', async () => (builds() > n ? true : undefined));
    assert.equal((await get('/bai-viet/nga-noi-ve-y-dinh-tien-xa-hon-voi-trieu-tien/')).status, 404);

    // renamed: same article, same page
    n = builds();
    renameSync(join(articles, '000_39d8c5cb103f1b44.txt'), join(articles, 'doi-ten.txt'));
    await until('a rebuild', async () => (builds() > n ? true : undefined));
    assert.equal((await get('/bai-viet/trieu-tien-hop-tac-voi-nga-nham-dam-bao-can-bang-quyen-luc-toan-cau/')).status, 200);
    assert.equal((await get('/')).status, 200);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});
