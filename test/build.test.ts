/**
 * The build as a whole: what a rebuild redoes, the build report, a killed build,
 * and output that does not depend on the machine's time zone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as buildModule from '../src/build.ts';
import { buildSite } from '../src/build.ts';
import { generateArchive } from '../src/generate/index.ts';
import { pendingPath } from '../src/site/output.ts';
import { sealState } from '../src/stateFile.ts';

function workspace(): { dir: string; articles: string; out: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'build-'));
  cpSync('articles', join(dir, 'articles'), { recursive: true });
  return { dir, articles: join(dir, 'articles'), out: join(dir, '_site'), cache: join(dir, 'cache') };
}

function listFiles(root: string, sub = ''): string[] {
  return readdirSync(join(root, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(root, join(sub, e.name)) : [join(sub, e.name)]).sort();
}

test('rebuilds redo only what changed; a deleted article leaves no stale page', async () => {
  const w = workspace();
  const opts = { input: w.articles, output: w.out, cache: w.cache, env: {} };
  const cold = await buildSite(opts);
  assert.equal(cold.unchanged, false);
  assert.ok(cold.written > cold.pages, 'every page, the feeds and the build report written');

  const warm = await buildSite(opts);
  assert.equal(warm.unchanged, true);
  assert.equal(warm.written, 0);

  const forced = await buildSite({ ...opts, force: true });
  assert.equal(forced.written, 0, 'a forced rebuild of the same input rewrites nothing');

  // one article edited: its page (and the lists that show its title) change, nothing else
  const file = join(w.articles, '001_a7106049b9dd7f83.txt');
  writeFileSync(file, readFileSync(file, 'utf8').replace("Điện Kremlin: Nga hợp tác mọi lĩnh vực với Triều Tiên, kể cả 'nhạy cảm'", 'Điện Kremlin: Nga hợp tác với Triều Tiên trên mọi lĩnh vực'));
  const edited = await buildSite(opts);
  assert.equal(edited.cacheHits, 4);
  assert.ok(edited.written > 0 && edited.written < edited.pages / 2, `${edited.written} of ${edited.pages} pages written`);
  assert.ok(existsSync(join(w.out, 'bai-viet', 'dien-kremlin-nga-hop-tac-voi-trieu-tien-tren-moi-linh-vuc', 'index.html')));
  assert.ok(!existsSync(join(w.out, 'bai-viet', 'dien-kremlin-nga-hop-tac-moi-linh-vuc-voi-trieu-tien-ke-ca-nhay-cam')), 'the old page is gone');

  rmSync(join(w.articles, '004_d438f4879cd1b813.txt'));
  await buildSite(opts);
  assert.ok(!existsSync(join(w.out, 'bai-viet', 'nga-noi-ve-y-dinh-tien-xa-hon-voi-trieu-tien')), 'a deleted article has no page');
  const home = readFileSync(join(w.out, 'index.html'), 'utf8');
  assert.ok(!home.includes('tiến xa hơn'), 'and no list links to it');
  rmSync(w.dir, { recursive: true });
});

test('the record cache keeps what the last build of each output read; the entries of edited and deleted files go', async () => {
  const w = workspace();
  const entries = () => listFiles(join(w.cache, 'records'));
  const opts = { input: w.articles, output: w.out, cache: w.cache, env: {} };
  await buildSite(opts);
  const articles = readdirSync(w.articles).length;
  assert.equal(entries().length, articles, 'one entry per article');

  // another output from another folder, sharing the cache
  const other = join(w.dir, 'other');
  mkdirSync(other);
  cpSync(join(w.articles, '002_43dc0896c6e506a4.txt'), join(other, 'x.txt'));
  await buildSite({ ...opts, input: other, output: join(w.dir, '_other') });
  assert.equal(entries().length, articles + 1);

  const file = join(w.articles, '001_a7106049b9dd7f83.txt');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nMột dòng mới ở cuối bài.\n`);
  rmSync(join(w.articles, '004_d438f4879cd1b813.txt'));
  // a half-written entry of a build killed long ago, and a file the cache does not know
  const stray = join(w.cache, 'records', 'ab', `${'ab'.repeat(32)}.json.12345.tmp`);
  mkdirSync(join(w.cache, 'records', 'ab'), { recursive: true });
  writeFileSync(stray, '{');
  utimesSync(stray, new Date('2020-01-01'), new Date('2020-01-01'));
  writeFileSync(join(w.cache, 'records', 'ab', 'GHI-CHU.txt'), 'của người dùng');
  const edited = await buildSite(opts);
  assert.equal(edited.cacheHits, articles - 2);
  const left = entries();
  assert.equal(left.filter((f) => f.endsWith('.json')).length, articles - 1 + 1, 'the edited article\'s old entry and the deleted one\'s went; the other output\'s stayed');
  assert.ok(!left.some((f) => f.endsWith('.tmp')), 'the half-written entry went');
  assert.ok(left.includes(join('ab', 'GHI-CHU.txt')), 'a file that is no entry stays');

  // the next build reads everything from the cache again
  assert.equal((await buildSite({ ...opts, force: true })).cacheHits, articles - 1);
  rmSync(w.dir, { recursive: true });
});

/** Every file of a site with its bytes; but its search index (whose shard layout depends on the builds before) unless asked. */
function siteFiles(root: string, withSearch = false): Map<string, string> {
  return new Map(listFiles(root).filter((f) => withSearch || !f.startsWith('pagefind')).map((f) => [f, readFileSync(join(root, f), 'latin1')]));
}

test('a rebuild renders only the pages whose data changed, and its site is the site a full build makes', async () => {
  const w = workspace();
  generateArchive({ articles: 120, out: join(w.articles, 'gen'), seed: 7 });
  const opts = { input: w.articles, output: w.out, cache: w.cache, env: {} };
  const cold = await buildSite(opts);
  assert.ok(cold.rendered > cold.pages, 'every page, the feeds, the sitemap and robots.txt rendered');

  // one article added in the middle of the archive's dates
  generateArchive({ articles: 1, out: join(w.articles, 'them'), seed: 7, from: 500 });
  const added = await buildSite(opts);
  // a full build in a fresh folder, knowing only the last build's URLs (its build report)
  const fresh = join(w.dir, 'fresh');
  mkdirSync(fresh);
  cpSync(join(w.out, 'build-report.json'), join(fresh, 'build-report.json'));
  // and the full build renders in chunks of 25 pages: the same site as in one run
  const full = await buildSite({ ...opts, output: fresh, cache: join(w.dir, 'cache2'), renderChunk: 25 });
  assert.equal(added.pages, full.pages);
  assert.ok(added.rendered < full.rendered / 2, `${added.rendered} of ${full.rendered} pages rendered`);
  // updated in place, the site equals a full build of the same articles; at this size the search
  // index is one shard, so it is the same too, byte for byte
  assert.deepEqual(siteFiles(w.out, true), siteFiles(fresh, true), 'the rebuilt site equals a full build of the same articles');

  // the site settings change every page: all rendered again
  const moved = await buildSite({ ...opts, env: { SITE_URL: 'https://example.org/tin/' } });
  assert.equal(moved.rendered, full.rendered);
  rmSync(w.dir, { recursive: true });
});

test('a build that fails after its pages are written leaves no record of them: the next build writes the pages anew', async () => {
  const w = workspace();
  const opts = { input: w.articles, output: w.out, cache: w.cache, env: {} };
  await buildSite(opts);
  // an article's text edited: its page changes
  const file = join(w.articles, '001_a7106049b9dd7f83.txt');
  const edited = readFileSync(file, 'utf8').replace('Chia sẻ thêm về hội đàm', 'Chia sẻ thêm (đã sửa) về hội đàm');
  writeFileSync(file, edited);
  // the search index cannot save its state (a folder where its file goes): the build fails after the pages
  const [siteState] = readdirSync(join(w.cache, 'site'));
  const searchState = pendingPath(join(w.cache, 'site', siteState!, 'search', 'search-shards.json'));
  rmSync(searchState, { force: true });
  mkdirSync(searchState, { recursive: true });
  await assert.rejects(buildSite(opts), /EISDIR|illegal operation on a directory/);
  const report = JSON.parse(readFileSync(join(w.out, 'build-report.json'), 'utf8')) as { files: { file: string; url?: string }[] };
  const page = join(w.out, report.files.find((f) => f.file === '001_a7106049b9dd7f83.txt')!.url!, 'index.html');
  assert.ok(!readFileSync(page, 'utf8').includes('(đã sửa)'), 'the failed build left the last site');
  rmSync(searchState, { recursive: true });
  await buildSite(opts);
  assert.match(readFileSync(page, 'utf8'), /\(đã sửa\)/, 'the edited page, not the last site\'s');
  rmSync(w.dir, { recursive: true });
});

test('the replaced site goes to the cache\'s trash and the next build removes it', async () => {
  const w = workspace();
  const opts = { input: w.articles, output: w.out, cache: w.cache, env: {} };
  const trash = join(w.cache, 'trash');
  await buildSite(opts);
  assert.ok(!existsSync(trash) || readdirSync(trash).length === 0, 'a first build replaces nothing');
  await buildSite({ ...opts, force: true });
  const first = readdirSync(trash);
  assert.equal(first.length, 1, 'the last site is in the trash');
  assert.ok(readdirSync(w.dir).every((name) => !name.startsWith('_site.')), 'nothing left beside the output');
  await buildSite({ ...opts, force: true });
  const second = readdirSync(trash);
  assert.equal(second.length, 1, 'the one before is gone');
  assert.notDeepEqual(second, first);
  rmSync(w.dir, { recursive: true });
});

test('a rebuild updates the last site in place: the same folder, unchanged pages untouched, no whole site in the trash', async () => {
  const w = workspace();
  const opts = { input: w.articles, output: w.out, cache: w.cache, env: {} };
  await buildSite(opts);
  const unchangedPage = join(w.out, 'tim-kiem', 'index.html');
  const before = { site: statSync(w.out).ino, page: statSync(unchangedPage) };
  const file = join(w.articles, '001_a7106049b9dd7f83.txt');
  writeFileSync(file, readFileSync(file, 'utf8').replace('Chia sẻ thêm về hội đàm', 'Chia sẻ thêm (đã sửa) về hội đàm'));
  const edited = await buildSite(opts);
  assert.ok(edited.written > 0);
  assert.equal(statSync(w.out).ino, before.site, 'the site folder is not replaced');
  const page = statSync(unchangedPage);
  assert.deepEqual([page.ino, page.mtimeMs], [before.page.ino, before.page.mtimeMs], 'an unchanged page is neither written nor linked');
  const trash = readdirSync(join(w.cache, 'trash'));
  assert.ok(trash.every((name) => name.startsWith('replaced-')), `only replaced folders (the search shard) in the trash: ${trash.join(', ')}`);
  assert.deepEqual(readdirSync(w.dir).filter((n) => n.startsWith('_site.')), [], 'nothing left beside the site');
  rmSync(w.dir, { recursive: true });
});

test('the journal of a build killed while it updated the site is finished first, even by a build that finds nothing changed', async () => {
  const w = workspace();
  const opts = { input: w.articles, output: w.out, cache: w.cache, env: {} };
  await buildSite(opts);
  // what a build killed between its journal and its last move leaves: the journal, and a staged page not yet moved
  const [siteState] = readdirSync(join(w.cache, 'site'));
  const journal = join(w.cache, 'site', siteState!, 'journal.json');
  const staging = `${w.out}.building-4242`;
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, '404.html'), 'trang đã dựng lại');
  writeFileSync(journal, sealState({ output: w.out, staging, moves: ['404.html'], removes: [], pending: [], trash: null }));
  const again = await buildSite(opts);
  assert.equal(again.unchanged, true);
  assert.equal(readFileSync(join(w.out, '404.html'), 'utf8'), 'trang đã dựng lại');
  assert.ok(!existsSync(journal) && !existsSync(staging));
  rmSync(w.dir, { recursive: true });
});

test('build report: every input is a page, merged into another, or an error — none lost', async () => {
  const w = workspace();
  writeFileSync(join(w.articles, 'empty.txt'), '');
  writeFileSync(join(w.articles, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
  writeFileSync(join(w.articles, 'bad-yaml.txt'), '---\ntitle: [x\n---\nTiêu đề\n');
  // the same article saved twice: one page, the copy merged into it
  cpSync(join(w.articles, '001_a7106049b9dd7f83.txt'), join(w.articles, 'zz-copy-of-001.txt'));
  const r = await buildSite({ input: w.articles, output: w.out, cache: w.cache, env: {} });
  const report = JSON.parse(readFileSync(join(w.out, 'build-report.json'), 'utf8')) as { inputs: number; pages: number; merged: number; errors: number; files: { file: string; outcome: string; url?: string; errors?: string[] }[] };
  assert.equal(report.inputs, 9);
  assert.equal(report.inputs, report.pages + report.merged + report.errors);
  assert.equal(report.errors, 3);
  assert.equal(report.merged, 1);
  const merged = report.files.find((f) => f.outcome === 'merged')!;
  assert.ok(['001_a7106049b9dd7f83.txt', 'zz-copy-of-001.txt'].includes(merged.file));
  assert.ok(existsSync(join(w.out, merged.url!, 'index.html')), 'a merged copy points to the page it was merged into');
  assert.equal(r.articles, report.pages);
  assert.equal(report.files.filter((f) => f.outcome === 'page').length, report.pages);
  for (const f of report.files.filter((x) => x.outcome === 'page')) assert.ok(existsSync(join(w.out, f.url!, 'index.html')), f.url);
  assert.match(report.files.find((f) => f.file === 'empty.txt')!.errors!.join(), /empty/);
  rmSync(w.dir, { recursive: true });
});

test('a build killed midway leaves the previous site whole', async () => {
  const w = workspace();
  await buildSite({ input: w.articles, output: w.out, cache: w.cache, env: {} });
  const before = listFiles(w.out);
  const home = readFileSync(join(w.out, 'index.html'), 'utf8');
  // a larger archive, so that the build is still running when it is killed
  spawnSync(process.execPath, ['--import', 'tsx', 'src/generate/index.ts', '--articles', '600', '--out', w.articles], { encoding: 'utf8' });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/build.ts', `--input=${w.articles}`, `--output=${w.out}`, `--cache=${w.cache}`, '--quiet'], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 2500));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.on('exit', resolve));
  assert.deepEqual(listFiles(w.out), before);
  assert.equal(readFileSync(join(w.out, 'index.html'), 'utf8'), home);
  // the next build clears what the killed one left beside the site
  await buildSite({ input: w.articles, output: w.out, cache: w.cache, env: {} });
  assert.deepEqual(readdirSync(w.dir).filter((n) => n.startsWith('_site.')), []);
  rmSync(w.dir, { recursive: true });
});

test('two builds in different folders and time zones are byte-identical', () => {
  const w = workspace();
  const build = (out: string, tz: string): void => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/build.ts', `--input=${w.articles}`, `--output=${out}`, '--no-cache', '--quiet'], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
    assert.equal(r.status, 0, r.stderr);
  };
  build(join(w.dir, 'a'), 'UTC');
  build(join(w.dir, 'b'), 'America/Los_Angeles');
  const a = listFiles(join(w.dir, 'a'));
  assert.deepEqual(listFiles(join(w.dir, 'b')), a);
  for (const f of a) assert.ok(readFileSync(join(w.dir, 'a', f)).equals(readFileSync(join(w.dir, 'b', f))), `${f} differs`);
  rmSync(w.dir, { recursive: true });
});

test('the pages do not depend on the search code: a change there rebuilds the search index and renders no page', () => {
  const { RENDER_PARTS: render, SEARCH_PARTS: search } = buildModule;
  assert.ok(search.every((part) => !render.includes(part)));
  // no module the pages are made from imports the search code
  const sources = render.flatMap((part) => (existsSync(part) && !part.endsWith('.ts') ? listFiles(part).map((f) => join(part, f)) : [part]))
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && f !== 'src/build.ts');
  assert.ok(sources.length > 10, sources.join(' '));
  for (const file of sources) {
    const imports = [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((m) => join(file, '..', m[1]!));
    for (const target of imports) assert.ok(!search.some((part) => target.startsWith(part)), `${file} imports ${target}`);
  }
});

test('the bodies left in the record cache: the same site as a build that holds them; an edited body is rendered again', async () => {
  const w = workspace();
  generateArchive({ articles: 40, out: join(w.articles, 'gen'), seed: 11 });
  const lean = await buildSite({ input: w.articles, output: w.out, cache: w.cache, env: {}, renderChunk: 15 });
  const held = join(w.dir, 'held');
  const full = await buildSite({ input: w.articles, output: held, cache: false, env: {} });
  assert.equal(lean.pages, full.pages);
  assert.deepEqual(siteFiles(w.out), siteFiles(held), 'byte for byte');
  const page = join(w.out, 'bai-viet', 'nga-noi-ve-y-dinh-tien-xa-hon-voi-trieu-tien', 'index.html');
  assert.match(readFileSync(page, 'utf8'), /<p>/);

  // only the body of one article changes (same title, same date): its page shows the new body
  const file = join(w.articles, '004_d438f4879cd1b813.txt');
  const text = readFileSync(file, 'utf8');
  const sentence = text.split('\n').find((l) => l.length > 120)!;
  writeFileSync(file, text.replace(sentence, `${sentence} Câu này được thêm vào để kiểm tra.`));
  const edited = await buildSite({ input: w.articles, output: w.out, cache: w.cache, env: {} });
  assert.ok(edited.rendered >= 1 && edited.rendered < lean.rendered / 2, `${edited.rendered} rendered`);
  assert.match(readFileSync(page, 'utf8'), /Câu này được thêm vào để kiểm tra\./);
  rmSync(w.dir, { recursive: true });
});

test('no article\'s full text is held while the pages render (a closure kept the records alive once)', async () => {
  const { writeHeapSnapshot } = await import('node:v8');
  const w = workspace();
  // The third paragraph holds a tag made at run time (no string of this test holds it while the
  // heap is written), past the summary (the first 180 characters), and within the first 1,024
  // characters of the text, which is what a heap snapshot keeps of a string.
  const writeArticle = (): void => {
    const tag = ['qwxzv', 7000 + 731].join('');
    const filler = 'Hai bên nhất trí tăng cường hợp tác kinh tế, thương mại và giao lưu nhân dân trong thời gian tới.';
    writeFileSync(join(w.articles, 'kiem-tra-bo-nho.txt'), [
      'Nga và Triều Tiên ký thêm thỏa thuận hợp tác kinh tế',
      `HÀ NỘI, ngày 3/5/2024 - Hai nước ký thêm một thỏa thuận hợp tác kinh tế tại Moskva. ${filler} ${filler}`,
      `${filler} (APEC).`,
      `Moskva ${tag} là dấu để kiểm tra bộ nhớ. ${filler}`,
      ...Array.from({ length: 6 }, (_, i) => `${filler} Đoạn thứ ${i + 3} nói thêm về quan hệ Nga – Triều Tiên.`),
    ].join('\n\n'));
  };
  writeArticle();
  const snapshots: Record<string, string> = {};
  const at = (stage: string): void => {
    if (snapshots[stage]) return;
    snapshots[stage] = writeHeapSnapshot(join(w.dir, `${Object.keys(snapshots).length}.heapsnapshot`));
  };
  await buildSite({
    input: w.articles, output: w.out, cache: w.cache, env: {},
    onProgress: (stage) => { if (stage === 'dữ liệu trang' || stage === 'dựng trang') at(stage); },
  });
  const tag = ['qwxzv', 7000 + 731].join('');
  assert.match(readFileSync(join(w.out, 'bai-viet', 'nga-va-trieu-tien-ky-them-thoa-thuan-hop-tac-kinh-te', 'index.html'), 'utf8'), new RegExp(tag), 'the article is on its page');
  // two paragraphs as the text of a record joins them ("\n\n", escaped in the heap's JSON)
  const holds = (file: string): boolean => readFileSync(file, 'latin1').includes(`(APEC).\\n\\nMoskva ${tag}`);
  assert.ok(holds(snapshots['dữ liệu trang']!), 'the records are in the heap while the site data is made (the check can see them)');
  assert.ok(!holds(snapshots['dựng trang']!), 'and gone when the pages render');
  rmSync(w.dir, { recursive: true });
});

test('a build that finds nothing changed still removes what a dead build left beside the site', async () => {
  const w = workspace();
  await buildSite({ input: w.articles, output: w.out, cache: w.cache, env: {} });
  // a staging folder of a build killed with -9 (its pid is no live process's)
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  mkdirSync(`${w.out}.building-${dead}`);
  writeFileSync(join(`${w.out}.building-${dead}`, 'index.html'), 'half a site');
  const again = await buildSite({ input: w.articles, output: w.out, cache: w.cache, env: {} });
  assert.ok(again.unchanged);
  assert.ok(!existsSync(`${w.out}.building-${dead}`), 'the dead build\'s staging folder is gone');
  rmSync(w.dir, { recursive: true });
});
