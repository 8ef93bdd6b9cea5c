/**
 * `npm run serve` keeps serving and rebuilding while the editor works: a file
 * saved half-written, deleted or renamed never takes the site down.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { watchTree } from '../src/site/watchTree.ts';
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

    // saved by rename, twice (sed -i, an editor's atomic save): each save is seen
    for (const word of ['hàn gắn', 'nối lại']) {
      const file = join(articles, '001_a7106049b9dd7f83.txt');
      const text = readFileSync(file, 'utf8').replace(/(khôi phục|hàn gắn|nối lại) mối quan hệ với Triều Tiên/u, `${word} mối quan hệ với Triều Tiên`);
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
      // (the .tmp file may start a rebuild of its own first: the page is awaited, not a count)
      await until(`the page after a save by rename (${word})`, async () =>
        ((await get('/bai-viet/dien-kremlin-nga-hop-tac-moi-linh-vuc-voi-trieu-tien-ke-ca-nhay-cam/')).text.includes(`${word} mối quan hệ với Triều Tiên`) ? true : undefined));
      assert.ok(builds() > n);
    }

    // a folder created later, and a file saved into it
    mkdirSync(join(articles, '2025'));
    writeFileSync(join(articles, '2025', 'moi.txt'), [
      '---', 'date: 2025-01-05', 'outlet: vov.vn', '---',
      'Nga và Triều Tiên mở đường bay mới', '',
      'Hãng hàng không quốc gia Nga ngày 5/1 cho biết sẽ mở đường bay thẳng từ Moskva đến Bình Nhưỡng, hai chuyến mỗi tuần.', '',
      'Theo thông báo, những chuyến bay đầu tiên cất cánh từ tháng 2, giá vé chưa được công bố.', '',
    ].join('\n'));
    await until('a rebuild for the new folder', async () => ((await get('/bai-viet/nga-va-trieu-tien-mo-duong-bay-moi/')).status === 200 ? true : undefined));
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('watchTree: a file replaced by a rename, a folder created later and a file in it are all seen', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'watch-'));
  writeFileSync(join(dir, 'a.txt'), 'một');
  const seen: string[] = [];
  const w = watchTree([dir], (p) => seen.push(p));
  try {
    const saw = (p: string) => until(p, async () => (seen.includes(p) ? true : undefined), 10_000);
    for (let i = 0; i < 3; i++) {
      writeFileSync(join(dir, 'a.txt.tmp'), `lần ${i}`);
      renameSync(join(dir, 'a.txt.tmp'), join(dir, 'a.txt'));
      await saw(join(dir, 'a.txt'));
      seen.length = 0;
    }
    mkdirSync(join(dir, '2025'));
    await until('the new folder watched', async () => (w.folders().includes(join(dir, '2025')) ? true : undefined), 10_000);
    writeFileSync(join(dir, '2025', 'b.txt'), 'hai');
    await saw(join(dir, '2025', 'b.txt'));
    rmSync(join(dir, '2025'), { recursive: true });
    await until('the removed folder let go', async () => (w.folders().includes(join(dir, '2025')) ? undefined : true), 10_000);
  } finally {
    w.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve on a busy port: one line naming --port, exit 1, no stack trace', async () => {
  const blocker = http.createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  const port = (blocker.address() as AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), 'serve-busy-'));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/build.ts', '--serve', `--port=${port}`, '--input=articles', `--output=${join(dir, '_site')}`, `--cache=${join(dir, 'cache')}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const code = await new Promise((r) => child.on('exit', r));
    assert.equal(code, 1);
    const lines = err.trim().split('\n');
    assert.equal(lines.length, 1, err);
    assert.match(lines[0]!, new RegExp(`port ${port} is already in use.*--port=`));
  } finally {
    blocker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
