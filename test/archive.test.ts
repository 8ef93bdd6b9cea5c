import { test } from 'node:test';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { recordId } from '../src/parse.ts';
import { loadArchive, assignUniqueSlugs } from '../src/archive/load.ts';
import { ParsePool } from '../src/archive/parsePool.ts';
import { parseFile } from '../src/archive/parseFile.ts';
import { madeParseWorkerBundle } from '../src/archive/parserBundle.ts';
import { RecordCache } from '../src/archive/recordCache.ts';
import type { ArticleRecord } from '../src/record.ts';

function tempArticles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'arch-'));
  cpSync('articles', join(dir, 'articles'), { recursive: true });
  return dir;
}

test('parse cache: a second load reads every record from the cache, identical', async () => {
  const dir = tempArticles();
  const cache = join(dir, 'cache');
  const cold = await loadArchive(join(dir, 'articles'), { cache });
  const warm = await loadArchive(join(dir, 'articles'), { cache });
  assert.equal(cold.cacheHits, 0);
  assert.equal(warm.cacheHits, 5);
  assert.deepEqual(warm.records, cold.records);
  assert.deepEqual(warm.messages, cold.messages);
  rmSync(dir, { recursive: true });
});

test('parse cache: a changed file is parsed again, the others are not; a deleted file is gone', async () => {
  const dir = tempArticles();
  const cache = join(dir, 'cache');
  await loadArchive(join(dir, 'articles'), { cache });
  const file = join(dir, 'articles', '002_43dc0896c6e506a4.txt');
  writeFileSync(file, '---\ndate: 2022-08-16\n---\nNga thực hiện bước đi mới đối với Triều Tiên\n\nNội dung mới của bài báo về quan hệ hai nước, đủ dài để là một đoạn văn.\n');
  rmSync(join(dir, 'articles', '004_d438f4879cd1b813.txt'));
  const again = await loadArchive(join(dir, 'articles'), { cache });
  assert.equal(again.cacheHits, 3);
  assert.equal(again.records.length, 4);
  assert.equal(again.records.find((r) => r.sourceFile === '002_43dc0896c6e506a4.txt')?.published.date, '2022-08-16');
  rmSync(dir, { recursive: true });
});

test('worker pool gives the same records as parsing in this thread (the parser bundled by esbuild, or through tsx)', async () => {
  // the bundled worker: made for this code, and used by the pool below
  assert.ok(await madeParseWorkerBundle(), 'the parse worker bundle is made');
  const files = readdirSync('test/fixtures/outlets').filter((n) => n.endsWith('.txt'))
    .map((n) => ({ rel: n, bytes: new Uint8Array(readFileSync(join('test/fixtures/outlets', n))) }));
  const many = Array.from({ length: 420 }, (_, i) => files[i % files.length]!);
  const pool = new ParsePool(many.length);
  const viaWorkers = await pool.parse(many);
  await pool.close();
  const here = many.slice(0, files.length).map((f) => structuredClone(parseFile(f)));
  assert.deepEqual(viaWorkers.slice(0, files.length), here);
});

test('folder listing: sorted, nested folders read, a directory named x.txt and a link outside are not articles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arch-'));
  const articles = join(dir, 'articles');
  mkdirSync(join(articles, '2024'), { recursive: true });
  cpSync('articles/001_a7106049b9dd7f83.txt', join(articles, '2024', 'b.txt'));
  cpSync('articles/000_39d8c5cb103f1b44.txt', join(articles, 'a b ..đ.txt'));
  mkdirSync(join(articles, 'x.txt'));
  writeFileSync(join(dir, 'outside.txt'), 'Bí mật bên ngoài thư mục bài viết.');
  symlinkSync(join(dir, 'outside.txt'), join(articles, 'link.txt'));
  const r = await loadArchive(articles, { cache: false });
  assert.deepEqual(r.files.map((f) => f.file), ['2024/b.txt', 'a b ..đ.txt']);
  assert.ok(r.messages.some((m) => m.file === 'link.txt' && m.severity === 'error' && /outside/.test(m.message)));
  rmSync(dir, { recursive: true });
});

test('unique slugs: the earliest published keeps the slug, the others get a stable suffix', () => {
  const base = { slug: 'nga-va-trieu-tien', published: { iso: null } } as unknown as ArticleRecord;
  const a = { ...base, id: 'bbbbbb11', sourceFile: 'b.txt', published: { iso: '2024-01-01T00:00:00+07:00' } } as ArticleRecord;
  const b = { ...base, id: 'aaaaaa22', sourceFile: 'a.txt', published: { iso: '2024-02-01T00:00:00+07:00' } } as ArticleRecord;
  const records = [b, a];
  assignUniqueSlugs(records);
  assert.deepEqual(records.map((r) => r.slug), ['nga-va-trieu-tien-aaaaaa', 'nga-va-trieu-tien']);
});

test('unique slugs: the same whatever the order of the records and whatever the last build (fresh = incremental)', () => {
  const rec = (id: string, sourceFile: string, iso: string | null): ArticleRecord =>
    ({ slug: 'nga-va-trieu-tien', id, sourceFile, published: { iso } }) as unknown as ArticleRecord;
  const make = (): ArticleRecord[] => [rec('bbbbbb11', '2024/b.txt', '2024-02-01T00:00:00+07:00'), rec('aaaaaa22', '2019/a.txt', '2019-01-01T00:00:00+07:00'), rec('cccccc33', 'chua-ro-ngay/c.txt', null), rec('dddddd44', '2019/0.txt', '2019-01-01T00:00:00+07:00')];
  const one = make();
  assignUniqueSlugs(one);
  const two = make().reverse();
  assignUniqueSlugs(two);
  const slugOf = (rs: ArticleRecord[]) => Object.fromEntries(rs.map((r) => [r.sourceFile, r.slug]));
  assert.deepEqual(slugOf(one), slugOf(two));
  // the earliest, then by path: 2019/0.txt before 2019/a.txt; the undated last
  assert.equal(slugOf(one)['2019/0.txt'], 'nga-va-trieu-tien');
  assert.equal(slugOf(one)['2019/a.txt'], 'nga-va-trieu-tien-aaaaaa');
  assert.equal(slugOf(one)['chua-ro-ngay/c.txt'], 'nga-va-trieu-tien-cccccc');
});

test('unique slugs: ids sharing their first 6 hex digits, and a title that looks like a suffixed slug, still give unique slugs', () => {
  const rec = (slug: string, id: string, sourceFile: string): ArticleRecord =>
    ({ slug, id, sourceFile, published: { iso: '2024-06-19T08:30:00+07:00' } }) as unknown as ArticleRecord;
  const records = [rec('nga', '0000000000000001', 'a.txt'), rec('nga', 'abcdef0000000002', 'b.txt'), rec('nga', 'abcdef1100000003', 'c.txt'), rec('nga-abcdef', '9999999999999999', 'd.txt')];
  assignUniqueSlugs(records);
  assert.deepEqual(records.map((r) => r.slug), ['nga', 'nga-abcdef00', 'nga-abcdef11', 'nga-abcdef']);
  // 5,000 articles with one title: 5,000 slugs
  const many = Array.from({ length: 5000 }, (_, i) => rec('tin-nong', createHash('sha256').update(`f${i}.txt`).digest('hex').slice(0, 16), `f${i}.txt`));
  assignUniqueSlugs(many);
  assert.equal(new Set(many.map((r) => r.slug)).size, 5000);
});

test('signatures and topics come with the cached record; another version of them is computed again, not re-parsed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'derived-'));
  cpSync('articles', join(dir, 'articles'), { recursive: true });
  const cache = join(dir, 'cache');
  const first = await loadArchive(join(dir, 'articles'), { cache });
  assert.equal(first.derived.size, first.records.length);
  const topics = first.records.map((r) => first.derived.get(r)!.topics);
  assert.ok(topics.some((t) => t.length > 0), 'the seeds have topics');

  // every cached entry as if made by older stories/topics code; the first one also in the
  // format of earlier builds (one JSON text, body included)
  const store = new RecordCache(cache);
  const entries = readdirSync(cache, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).map((f) => join(cache, f));
  const keyOf = (f: string) => basename(f, '.json');
  for (const [i, f] of entries.entries()) {
    const entry = store.get(keyOf(f))!;
    assert.ok(entry.record!.html.length > 0, 'an entry holds its body');
    entry.derived!.version = 'old';
    entry.derived!.topics = ['sai'];
    if (i === 0) writeFileSync(f, JSON.stringify(entry));
    else await store.set(keyOf(f), entry);
  }
  const second = await loadArchive(join(dir, 'articles'), { cache, now: new Date('2000-01-01'), bodiesInCache: true });
  // the entry in the format of earlier builds (no checksum line) is a miss: parsed again
  assert.equal(second.cacheHits, second.records.length - 1, 'no re-parse but of the entry of an earlier format');
  assert.deepEqual(second.records.map((r) => second.derived.get(r)!.topics), topics, 'computed again');
  for (const f of entries) {
    const entry = store.get(keyOf(f))!;
    assert.notEqual(entry.derived!.version, 'old', 'and written back');
    assert.ok(!JSON.stringify(entry.record!.warnings).includes('date/future'), 'without the clock-dependent warning');
    assert.equal(entry.record!.html, first.records.find((r) => r.sourceFile === entry.record!.sourceFile)!.html, 'with its body');
    assert.equal(await store.html(keyOf(f)), entry.record!.html, 'which html() reads alone');
    assert.equal(store.get(keyOf(f), { body: false })!.record!.html, '', 'and get() can leave out');
  }
  // the bodies stay in the cache, whether the derived part was written back or read as it was
  const third = await loadArchive(join(dir, 'articles'), { cache, bodiesInCache: true });
  for (const loaded of [second, third]) {
    assert.equal(loaded.bodyRefs.size, loaded.records.length);
    assert.ok(loaded.records.every((r) => r.html === ''), 'no body held');
  }
  rmSync(dir, { recursive: true });
});

test('ids come from the whole path: the same file name in two folders, or with two extensions, gives two ids', () => {
  const ids = ['2024/x.txt', '2025/x.txt', '2024/x.md', 'x.txt'].map(recordId);
  assert.equal(new Set(ids).size, ids.length);
  // stable: NFC and "/" whatever the platform wrote
  assert.equal(recordId('2024/Triều Tiên.txt'.normalize('NFD')), recordId('2024/Triều Tiên.txt'));
  assert.equal(recordId('2024\\x.txt'), recordId('2024/x.txt'));
});
