/**
 * The sharded search index: the same archive (the five articles and 200
 * generated ones) indexed once as a single Pagefind index and once in shards of
 * 40, queried in chromium through templates/assets/search-index.js (the page's
 * own loader: the first shard is the primary index, the others are merged into
 * it). Same hits, same totals, same filter counts, and "newest first" in date order.
 *
 * Then the incremental build: a second build after adding one article indexes
 * exactly one shard and links the others from the previous site; a changed
 * search code version indexes them all.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { seedAndGeneratedRecords } from './support/records.ts';
import { buildSite } from '../src/build.ts';
import { generateArchive } from '../src/generate/index.ts';
import type { ArticleRecord } from '../src/record.ts';
import { aliasTable, matchKey, type AliasTables } from '../src/search/content.ts';
import { buildSearchIndex, searchRecord, type ShardManifest } from '../src/search/index.ts';
import { personRegistry, placeRegistry } from '../src/registry/index.ts';
import { createStaticServer } from '../src/site/serve.ts';
import { updateInPlace } from '../src/site/siteJournal.ts';
/** the JSON of a sealed state file (src/stateFile.ts): the line after the seal */
const unseal = (text: string): Record<string, unknown> => JSON.parse(text.slice(text.indexOf('\n') + 1)) as Record<string, unknown>;

const PREFIX = '/sub/';
const ALIASES: AliasTables = { people: aliasTable(personRegistry.all), places: aliasTable(placeRegistry.all) };

let tmp: string;
let records: ArticleRecord[];
const single = () => path.join(tmp, 'single');
const sharded = () => path.join(tmp, 'sharded');

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'search-shards-'));
  const { own, generated: more } = await seedAndGeneratedRecords(tmp, 200, 11);
  const slugs = new Set(own.map((r) => r.slug));
  records = [...own, ...more.filter((r) => !slugs.has(r.slug))];
  // The pages (and a one-shard index: the archive is smaller than a shard), then the same site re-indexed in shards of 40.
  await buildSite({ records, output: single(), pathPrefix: PREFIX, cache: false, env: { SITE_URL: 'https://example.org' } });
  cpSync(single(), sharded(), { recursive: true });
  await buildSearchIndex({ siteDir: sharded(), records, pathPrefix: PREFIX, shardSize: 40 });
});

after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const manifest = async (site: string): Promise<ShardManifest> => JSON.parse(await readFile(path.join(site, 'pagefind/shards.json'), 'utf8')) as ShardManifest;

test('the layout: one shard, or several of at most 1.5 × 40 pages, newest first, each a Pagefind bundle', async () => {
  const one = await manifest(single());
  assert.equal(one.shards.length, 1);
  const many = await manifest(sharded());
  assert.ok(many.shards.length >= 4, JSON.stringify(many));
  assert.equal(many.shards.reduce((n, s) => n + s.pages, 0), one.shards[0]!.pages);
  for (const s of many.shards) {
    assert.ok(s.pages > 0 && s.pages <= 60, JSON.stringify(s));
    for (const f of ['pagefind.js', 'pagefind-entry.json', 'wasm.unknown.pagefind']) {
      assert.ok(existsSync(path.join(sharded(), 'pagefind/shards', s.name, f)), `${s.name}/${f}`);
    }
  }
  assert.ok(!existsSync(path.join(sharded(), 'pagefind/shards', many.shards[0]!.name, 'pagefind-ui.js')));
});

interface Query {
  q: string | null;
  filters?: Record<string, string>;
  newest?: boolean;
  oldest?: boolean;
}
interface Outcome {
  total: number;
  filters: Record<string, Record<string, number>>;
  urls: string[];
}

const QUERIES: Query[] = [
  { q: 'trieu tien' },
  { q: 'Triều Tiên' },
  { q: 'kim jong un' },
  { q: 'moskva' },
  { q: 'moscow' },
  { q: 'putin' },
  { q: 'hiệp ước' },
  { q: 'nga', filters: { year: '2023' } },
  { q: 'lavrov', filters: { outlet: 'VnExpress' } },
  { q: 'trieu tien', newest: true },
  { q: null, filters: { place: 'Moskva' }, newest: true },
  { q: 'trieu tien', oldest: true },
];

describe('single index and shards in a browser: the same hits and counts', () => {
  let browser: Browser;
  const servers: http.Server[] = [];

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    for (const s of servers) await new Promise((resolve) => s.close(resolve));
  });

  async function run(site: string): Promise<Outcome[]> {
    const server = createStaticServer(site, PREFIX);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
    });
    try {
      await page.goto(`${base}${PREFIX}tim-kiem/`);
      const out = await page.evaluate(async ({ queries, prefix }) => {
        const { openIndex } = await import(`${prefix}assets/search-index.js`);
        const index = await openIndex(new URL(`${prefix}pagefind/`, location.href));
        // Filter counts come with a search once the filters are loaded (the page loads them when opened).
        await index.filters();
        const outcomes = [];
        for (const query of queries) {
          const filters = Object.fromEntries(Object.entries(query.filters ?? {}).map(([k, v]) => [k, { any: [v] }]));
          const found = await index.search(query.q, { filters, order: query.newest ? 'desc' : query.oldest ? 'asc' : null });
          const results = await found.slice(0, found.total);
          const data = await Promise.all(results.map((r: { data: () => Promise<{ url: string }> }) => r.data()));
          outcomes.push({ total: found.total, filters: found.filters, urls: data.map((d) => d.url) });
        }
        return outcomes;
      }, { queries: QUERIES, prefix: PREFIX });
      assert.deepEqual(problems, []);
      return out as Outcome[];
    } finally {
      await context.close();
    }
  }

  test('every query: same totals, same result URLs (same order when sorted by date), same filter counts', async (t) => {
    const [a, b] = [await run(single()), await run(sharded())];
    const byUrl = new Map(records.map((r) => [searchRecord(r, ALIASES, PREFIX).url, searchRecord(r, ALIASES, PREFIX)]));
    for (const [i, query] of QUERIES.entries()) {
      const one = a[i]!;
      const many = b[i]!;
      const what = JSON.stringify(query);
      assert.ok(one.total > 0, `${what}: no results`);
      assert.equal(new Set(many.urls).size, many.urls.length, `${what}: a result twice`);
      // Pagefind extends every query word to the words it prefixes ("un" → "united"), but only within
      // the index chunk it loads for that word, and chunks end elsewhere in a shard than in one
      // index. A page that matches only through such an extension may be found by one and not the
      // other; any other difference is a bug.
      const setA = new Set(one.urls);
      const setB = new Set(many.urls);
      const differ = [...one.urls.filter((u) => !setB.has(u)), ...many.urls.filter((u) => !setA.has(u))];
      const terms = (query.q ?? '').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean).map(matchKey);
      for (const url of differ) {
        const words = new Set((byUrl.get(url)!.content.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(matchKey));
        assert.ok(terms.some((t) => !words.has(t)), `${what}: ${url} has every word, yet only one index finds it`);
      }
      t.diagnostic(`${what}: ${one.total} results, ${differ.length} found by one index only (prefix extensions)`);
      assert.ok(differ.length <= Math.max(2, one.total * 0.05), `${what}: ${differ.length} of ${one.total} differ`);
      assert.equal(many.total - one.total, many.urls.filter((u) => !setA.has(u)).length - one.urls.filter((u) => !setB.has(u)).length);
      // Filter counts: the same, once the pages found by one side only are taken out.
      const expected = structuredClone(one.filters);
      for (const url of differ) {
        const sign = setB.has(url) ? 1 : -1;
        for (const [key, values] of Object.entries(byUrl.get(url)!.filters ?? {})) {
          for (const v of values) {
            expected[key] ??= {};
            expected[key]![v] = (expected[key]![v] ?? 0) + sign;
          }
        }
      }
      const nonZero = (f: Record<string, Record<string, number>>) =>
        Object.fromEntries(Object.entries(f).map(([k, vs]) => [k, Object.fromEntries(Object.entries(vs).filter(([, n]) => n > 0).sort())]));
      assert.deepEqual(nonZero(many.filters), nonZero(expected), `${what}: filter counts`);
      assert.deepEqual(Object.keys(many.filters).sort(), ['month', 'outlet', 'person', 'place', 'year'], `${what}: the shard filter is hidden`);
      if (query.newest || query.oldest) {
        // Newest (oldest) first across shards: the dates in the same order as the single index gives them.
        const keys = (urls: string[]) => urls.map((u) => byUrl.get(u)!.sort!.date!);
        const k = keys(many.urls);
        for (let j = 1; j < k.length; j++) assert.ok(query.oldest ? k[j - 1]! <= k[j]! : k[j - 1]! >= k[j]!, `${what}: ${k[j - 1]} before ${k[j]}`);
        if (!differ.length) assert.deepEqual(k, keys(one.urls), what);
      }
    }
    // The comparison is not vacuous: most queries have no difference at all.
    const same = QUERIES.filter((_, i) => new Set(a[i]!.urls).size === new Set(b[i]!.urls).size && a[i]!.urls.every((u) => b[i]!.urls.includes(u)));
    assert.ok(same.length >= QUERIES.length - 2, `${QUERIES.length - same.length} queries differ`);
  });
});

describe('incremental: only the shards whose records changed are indexed again', () => {
  test('adding one article indexes one shard; the others are linked from the previous site', async () => {
    const cache = path.join(tmp, 'inc-cache');
    const first = path.join(tmp, 'inc-1');
    const second = path.join(tmp, 'inc-2');
    cpSync(single(), first, { recursive: true });
    const base = records.slice(0, -1);
    const added = records.at(-1)!;
    const r1 = await buildSearchIndex({ siteDir: first, records: base, pathPrefix: PREFIX, shardSize: 40, cache, previous: null });
    assert.ok(r1.shards.length >= 4);
    assert.equal(r1.indexed.length, r1.shards.length);

    // The same records again: nothing indexed, every file a hard link to the previous one.
    cpSync(single(), second, { recursive: true });
    const again = await buildSearchIndex({ siteDir: second, records: base, pathPrefix: PREFIX, shardSize: 40, cache, previous: first });
    assert.deepEqual(again.indexed, []);
    assert.equal(again.reused.length, r1.shards.length);
    const entry = (site: string, name: string) => path.join(site, 'pagefind/shards', name, 'pagefind-entry.json');
    assert.equal(statSync(entry(second, again.shards[0]!.name)).ino, statSync(entry(first, again.shards[0]!.name)).ino);

    // One article more: one shard indexed.
    const third = path.join(tmp, 'inc-3');
    cpSync(single(), third, { recursive: true });
    const r3 = await buildSearchIndex({ siteDir: third, records: [...base, added], pathPrefix: PREFIX, shardSize: 40, cache, previous: second });
    assert.equal(r3.indexed.length, 1, JSON.stringify(r3));
    assert.equal(r3.reused.length, r3.shards.length - 1);
    assert.equal(r3.records, r1.records + 1);
    // The added article is in the shard that was indexed, and only there.
    const addedUrl = searchRecord(added, ALIASES, PREFIX).url;
    const state = unseal(await readFile(path.join(cache, 'search-shards.json'), 'utf8')) as { shards: { name: string; from: string }[] };
    const key = `${searchRecord(added, ALIASES, PREFIX).sort!.date}\u0000${addedUrl}`;
    const home = state.shards.filter((s) => s.from <= key).at(-1)!;
    assert.deepEqual(r3.indexed, [home.name]);

    // A shard missing from the previous site is indexed again, not linked half-way.
    const fourth = path.join(tmp, 'inc-4');
    cpSync(single(), fourth, { recursive: true });
    await rm(path.join(third, 'pagefind/shards', r3.shards.at(-1)!.name, 'pagefind-entry.json'));
    const r4 = await buildSearchIndex({ siteDir: fourth, records: [...base, added], pathPrefix: PREFIX, shardSize: 40, cache, previous: third });
    assert.deepEqual(r4.indexed, [r3.shards.at(-1)!.name]);

    // Another version of the search code: every shard.
    const fifth = path.join(tmp, 'inc-5');
    cpSync(single(), fifth, { recursive: true });
    const r5 = await buildSearchIndex({ siteDir: fifth, records: [...base, added], pathPrefix: PREFIX, shardSize: 40, cache, previous: fourth, version: 'another' });
    assert.equal(r5.indexed.length, r5.shards.length);
  });

  test('in place: only the indexed shard and the manifest are written; applied, the index equals one made the other way', async () => {
    const cache = path.join(tmp, 'ip-cache');
    const live = path.join(tmp, 'ip-live');
    const hasPage = () => true;
    const base = records.slice(0, -1);
    const added = records.at(-1)!;
    const opts = { records: base, pathPrefix: PREFIX, shardSize: 40, hasPage, statePending: true };
    const apply = async (r: { replaced: string[]; removed: string[]; stateFile: string | null }, staging: string) => {
      await updateInPlace({ output: live, staging, moves: r.replaced, removes: r.removed, pending: r.stateFile ? [r.stateFile] : [], trash: path.join(tmp, 'ip-trash') }, path.join(cache, 'journal.json'));
    };
    // the first index: made whole, applied as the replacement of the whole folder
    const r1 = await buildSearchIndex({ ...opts, siteDir: path.join(tmp, 'ip-s1'), cache, previous: null, inPlace: true });
    assert.deepEqual(r1.replaced, ['pagefind'], 'no last state: the whole index');
    await apply(r1, path.join(tmp, 'ip-s1'));
    const shardNames = async () => (await readdir(path.join(live, 'pagefind/shards'))).sort();
    assert.deepEqual(await shardNames(), (await manifest(live)).shards.map((s) => s.name).sort());

    // one article more, in place; the same made the other way (all linked into a new folder), from the same state
    cpSync(cache, path.join(tmp, 'ip-cache-b'), { recursive: true });
    const other = path.join(tmp, 'ip-other');
    const rb = await buildSearchIndex({ ...opts, records: [...base, added], siteDir: other, cache: path.join(tmp, 'ip-cache-b'), previous: live, statePending: false });
    const staging = path.join(tmp, 'ip-s2');
    const r2 = await buildSearchIndex({ ...opts, records: [...base, added], siteDir: staging, cache, previous: live, inPlace: true });
    assert.deepEqual(r2.indexed, rb.indexed);
    assert.equal(r2.indexed.length, 1);
    assert.deepEqual(r2.replaced, ['pagefind/shards.json', `pagefind/shards/${r2.indexed[0]}`]);
    assert.deepEqual(r2.removed, []);
    assert.deepEqual((await readdir(path.join(staging, 'pagefind/shards'))), r2.indexed, 'only the indexed shard is written');
    await apply(r2, staging);
    assert.ok(!existsSync(staging));
    const files = async (root: string) => {
      const names = (await readdir(path.join(root, 'pagefind'), { recursive: true })).sort();
      return Promise.all(names.map(async (n) => [n, statSync(path.join(root, 'pagefind', n)).isFile() ? (await readFile(path.join(root, 'pagefind', n))).toString('base64') : 'dir']));
    };
    assert.deepEqual(await files(live), await files(other), 'the same index, byte for byte');
    assert.equal(await readFile(path.join(cache, 'search-shards.json'), 'utf8'), await readFile(path.join(tmp, 'ip-cache-b', 'search-shards.json'), 'utf8'));

    // most articles gone: shards merge; the ones that went are removed from the site
    const r3 = await buildSearchIndex({ ...opts, records: base.slice(0, 50), siteDir: path.join(tmp, 'ip-s3'), cache, previous: live, inPlace: true });
    assert.ok(r3.removed.length > 0, JSON.stringify(r3));
    await apply(r3, path.join(tmp, 'ip-s3'));
    assert.deepEqual(await shardNames(), (await manifest(live)).shards.map((s) => s.name).sort(), 'no shard folder left that the manifest does not name');
  });

  test('through the build: adding one article re-indexes one shard; nothing changed, nothing indexed', async () => {
    const input = path.join(tmp, 'build-in');
    const output = path.join(tmp, 'build-out');
    const cache = path.join(tmp, 'build-cache');
    cpSync('articles', input, { recursive: true });
    await buildSite({ input, output, cache, env: { SITE_URL: 'https://example.org' } });
    const before = statSync(path.join(output, 'pagefind/shards.json')).mtimeMs;
    const one = await manifest(output);
    assert.equal(one.shards.length, 1);
    // One article more (a generated one): the one shard is indexed again.
    generateArchive({ articles: 1, out: path.join(input, 'them'), seed: 11, from: 900 });
    const result = await buildSite({ input, output, cache, env: { SITE_URL: 'https://example.org' } });
    assert.equal(result.unchanged, false);
    const two = await manifest(output);
    assert.equal(two.shards[0]!.pages, one.shards[0]!.pages + 1);
    assert.ok(statSync(path.join(output, 'pagefind/shards.json')).mtimeMs >= before);
  });
});
