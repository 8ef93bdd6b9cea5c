/**
 * Search, without a browser: what each article gives the index (the readable
 * text first, then the variants and folded words Pagefind cannot derive), and
 * the pagefind/ folder of a build of articles/ at the root and under /sub/.
 * The searches themselves run in chromium: test/search-e2e.test.ts.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { buildSite } from '../src/build.ts';
import { articleRecord } from './support/records.ts';
import { aliasTable, entityTerms, extraTerms, foldAscii, indexedBody, indexedText, matchKey, searchContent, searchDocument, type AliasTables } from '../src/search/content.ts';
import { excerptParts, nameOf, pagefindQuery, resultTitle, shownWords } from './support/searchText.ts';
import { searchRecord } from '../src/search/index.ts';
import { planShards } from '../src/search/shards.ts';

const ALIASES: AliasTables = {
  people: aliasTable([{ name: 'Kim Jong-un', variants: ['Kim Jong Un', 'Kim Châng-un'] }]),
  places: aliasTable([
    { name: 'Moskva', variants: ['Moscow', 'Mát-xcơ-va'] },
    { name: 'Kiev', variants: ['Kyiv', 'Ki-ép'] },
    { name: 'Đà Nẵng', variants: ['Da Nang'] },
    { name: 'Triều Tiên', variants: ['CHDCND Triều Tiên', 'North Korea'] },
  ]),
};

const record = articleRecord;

describe('what an article gives the index', () => {
  test('foldAscii: tones, marks and đ dropped, hyphens are spaces', () => {
    assert.equal(foldAscii('Kim Jong-un'), 'kim jong un');
    assert.equal(foldAscii('Đà Nẵng'), 'da nang');
    assert.equal(foldAscii('Triều Tiên'), 'trieu tien');
    assert.equal(foldAscii('Mát-xcơ-va'), 'mat xco va');
    assert.equal(foldAscii('ĐIỆN Kremlin'.normalize('NFD')), 'dien kremlin');
  });

  test('matchKey folds "đ" as the indexed text does (Pagefind folds the tones itself)', () => {
    assert.equal(matchKey('Triều'), 'trieu');
    assert.equal(matchKey('Điện'), 'dien');
  });

  test('entityTerms: every variant of each entity, then the folded forms, each once', () => {
    assert.deepEqual(entityTerms(['Kim Jong-un'], ALIASES.people), ['Kim Jong-un', 'Kim Jong Un', 'Kim Châng-un', 'kim jong un', 'kim chang un']);
    assert.deepEqual(entityTerms(['Someone Unknown'], ALIASES.people), ['Someone Unknown', 'someone unknown']);
  });

  test('indexedText: "đ" as "d" and inner hyphens as spaces; the marks give the words back as written', () => {
    const text = 'Ông Kim Jong-un đến Điện Kremlin hôm 15-8.\n\nHiệp ước Đối tác Chiến lược; Mát-xcơ-va.';
    const t = indexedText(text);
    assert.equal(t.text, 'Ông Kim Jong un dến Diện Kremlin hôm 15 8. Hiệp ước Dối tác Chiến lược; Mát xcơ va.');
    assert.equal(t.words, t.text.split(' ').length);
    const { words, hyphen } = shownWords(t.text, t.d, t.h);
    const shown = words.map((w: string, i: number) => `${w}${i + 1 < words.length ? (hyphen[i] ? '-' : ' ') : ''}`).join('');
    assert.equal(shown, text.replace(/\s+/g, ' '));
    // no "đ", no hyphen: no marks
    assert.deepEqual(indexedText('Nga và Triều Tiên'), { text: 'Nga và Triều Tiên', words: 4, d: '', h: '' });
    // a hyphen that is not between letters stays ("– ", "-5")
    assert.equal(indexedText('Nga – Triều Tiên, -5 độ').text, 'Nga – Triều Tiên, -5 dộ');
  });

  test('a variant the article does not write is added (folded as the text); what it writes is not repeated', () => {
    const r = record({
      title: 'Ông Kim Jong-un đến Moskva',
      text: 'Triều Tiên và Nga ký hiệp ước tại Điện Kremlin. Sau đó ông tới Kiev và Đà Nẵng.',
      people: ['Kim Jong-un'],
      places: ['Moskva', 'Kiev', 'Đà Nẵng', 'Triều Tiên'],
    });
    const extra = extraTerms(r, ALIASES);
    for (const term of ['Moscow', 'Kyiv', 'Ki ép', 'North Korea', 'VOV']) assert.ok(extra.includes(term), `${term} in ${JSON.stringify(extra)}`);
    const words = extra.join(' ').split(/[^\p{L}\p{N}]+/u).map(matchKey);
    for (const w of ['chang', 'mat', 'xco', 'chdcnd', 'vov']) assert.ok(words.includes(w), `${w} in ${JSON.stringify(extra)}`);
    // Words the article has are not added again, "đ" or not ("Đà Nẵng" is in the text).
    for (const w of ['kim', 'jong', 'un', 'trieu', 'tien', 'moskva', 'kiev', 'nang', 'da', 'dien']) assert.ok(!words.includes(w), `${w} repeated`);
    assert.ok(!/[đĐ]/.test(extra.join(' ')), 'written as the indexed text');
    assert.equal(new Set(words).size, words.length, 'each word once');
  });

  test('content: every word of lede, body and captions (not the title), then the extra terms; `words` counts only the article\'s own', () => {
    const long = Array.from({ length: 400 }, (_, i) => `từ${i}`).join(' ');
    const r = record({
      title: 'Tiêu đề',
      lede: 'Sa pô.',
      text: `Đoạn một.\n\n${long}\n\nĐoạn cuối ở Moskva: khôi phục mối quan hệ.`,
      captions: [{ text: 'Lễ duyệt binh ở Bình Nhưỡng.', credit: null }],
      places: ['Moskva'],
    });
    const doc = searchDocument(r, ALIASES);
    assert.ok(doc.content.startsWith('Sa pô. Doạn một. từ0 từ1'), doc.content.slice(0, 40));
    assert.ok(doc.content.includes('từ399 Doạn cuối ở Moskva: khôi phục mối quan hệ. Lễ duyệt binh ở Bình Nhưỡng.'), 'the end of the body and the caption');
    assert.ok(!doc.content.includes('Tiêu'), 'the title is the meta field');
    const own = doc.content.split(/\s+/).slice(0, doc.words).join(' ');
    assert.ok(own.endsWith('Bình Nhưỡng.'), own.slice(-30));
    assert.match(doc.content.slice(own.length), /Moscow · Mát xcơ va · VOV$/);
    // the old limit, for the bench
    assert.ok(!searchContent(r, ALIASES, 150).includes('Doạn cuối'));
  });

  test('searchRecord: prefixed URL, meta, filters, a sort key for every record', () => {
    const r = record({ slug: 'x', people: ['Kim Jong-un'], places: ['Moskva', 'Moskva'] });
    const pf = searchRecord(r, ALIASES, '/sub/');
    assert.equal(pf.url, '/sub/bai-viet/x/');
    assert.equal(pf.language, 'vi');
    const { w, ...meta } = pf.meta ?? {};
    assert.deepEqual(meta, { title: 'Bài thử', date: '19/06/2024', day: '2024-06-19', outlet: 'VOV' });
    assert.match(w ?? '', /^\d+$/, 'the number of the article\'s own words');
    assert.deepEqual(pf.filters, { outlet: ['VOV'], year: ['2024'], month: ['2024-06'], person: ['Kim Jong-un'], place: ['Moskva'] });
    assert.deepEqual(pf.sort, { date: '2024-06-19T09:30', oldest: '2024-06-19T09:30' });
    assert.equal(searchRecord(r, ALIASES).url, '/bai-viet/x/');

    const undated = searchRecord(
      record({ outlet: null, published: { date: null, time: null, iso: null, partial: '--08-15', origin: 'body' } }),
      ALIASES,
    );
    assert.deepEqual(undated.filters, {});
    // newest first: last as year 0000; oldest first: last as year 9999
    assert.deepEqual(undated.sort, { date: '0000-08-15T00:00', oldest: '9999-08-15T00:00' });
    assert.equal(undated.meta?.date, '15 tháng 8, năm chưa rõ');
    assert.equal(undated.meta?.day, undefined);
  });
});

describe('the start of the body (what the site keeps for its summaries)', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `từ${i}`).join(' ');
  test('short bodies whole; long ones to the end of the sentence after the limit, or cut with …', () => {
    assert.equal(indexedBody('Một câu. Hai câu.', 150), 'Một câu. Hai câu.');
    assert.equal(indexedBody(`${words(10)}. ${words(5)}. Sau.`, 12), `${words(10)}. ${words(5)}.`);
    assert.equal(indexedBody(`${words(10)}\n\n${words(5)}\n\nSau.`, 12), `${words(10)}\n\n${words(5)}`);
    assert.equal(indexedBody(words(100), 10), `${words(50)} …`);
    assert.equal(indexedBody(words(100), Infinity), words(100));
  });
});

describe('the search page\'s text rules (templates/assets/search-text.js)', () => {
  test('pagefindQuery: "đ" folded, inner hyphens spaces, quotes kept', () => {
    assert.equal(pagefindQuery('hiệp ước đối tác'), 'hiệp ước dối tác');
    assert.equal(pagefindQuery('"hiep uoc doi tac"'), '"hiep uoc doi tac"');
    assert.equal(pagefindQuery('"Hiệp ước Đối tác"'), '"Hiệp ước Dối tác"');
    assert.equal(pagefindQuery('Mát-xcơ-va'), 'Mát xcơ va');
    assert.equal(pagefindQuery('  '), '');
  });

  test('nameOf: a full name in any form, not quoted, is that person or place; its first or part of more words is not', () => {
    const row = (key: string, name: string) => [key, 'person', name, null] as const;
    const byKey = new Map([row('kim jong il', 'Kim Jong-il'), row('kim jong un', 'Kim Jong-un'), row('kim chang un', 'Kim Jong-un'), ['nga', 'place', 'Nga', null] as const].map((r) => [r[0], r]));
    assert.equal(nameOf('kim jong il', byKey)?.[2], 'Kim Jong-il');
    assert.equal(nameOf('Kim Jong-il', byKey)?.[2], 'Kim Jong-il');
    assert.equal(nameOf('  KIM CHÂNG-ƯN ', byKey)?.[2], 'Kim Jong-un');
    for (const q of ['kim jong', 'kim jong un ha noi', '"kim jong il"', 'nga', '']) assert.equal(nameOf(q, byKey), null, q);
  });

  test('excerptParts: only the article\'s own words, the hits marked, "đ" and hyphens back; never the extra terms', () => {
    const own = indexedText('Người phát ngôn Điện Kremlin nói về ông Kim Jong-un.');
    const content = `${own.text}\n\nMoscow · Mát xcơ va · Vla đi mia`;
    const data = { content, locations: [3, 4, 11], meta: { w: String(own.words), d: own.d, h: own.h } };
    const parts = excerptParts(data, 28);
    assert.equal(parts.map((p: { text: string }) => p.text).join(''), 'Người phát ngôn Điện Kremlin nói về ông Kim Jong-un.');
    // location 11 is "Moscow" in the extra line: not shown, not marked
    assert.deepEqual(parts.filter((p: { mark: boolean }) => p.mark).map((p: { text: string }) => p.text), ['Điện', 'Kremlin']);
    // found only by a variant (location in the extra line): the start of the article, nothing marked
    const byVariant = excerptParts({ ...data, locations: [12] }, 5);
    assert.deepEqual(byVariant, [{ text: 'Người phát ngôn Điện Kremlin …', mark: false }]);
    // a window around the hits of a long text
    const long = indexedText(`${Array.from({ length: 60 }, (_, i) => `a${i}`).join(' ')} khôi phục quan hệ đối tác.`);
    const at = long.text.split(' ').indexOf('khôi');
    const window = excerptParts({ content: long.text, locations: [at, at + 1], meta: { w: String(long.words), d: long.d, h: long.h } }, 10);
    const text = window.map((p: { text: string }) => p.text).join('');
    assert.ok(text.startsWith('… ') && text.includes('khôi phục quan hệ đối tác.'), text);
    assert.deepEqual(window.filter((p: { mark: boolean }) => p.mark).map((p: { text: string }) => p.text), ['khôi', 'phục']);
  });

  test('resultTitle: the title as written', () => {
    const t = indexedText('Điện Kremlin: Nga hợp tác với ông Kim Jong-un');
    assert.equal(resultTitle({ url: '/x/', meta: { title: t.text, td: t.d, th: t.h } }), 'Điện Kremlin: Nga hợp tác với ông Kim Jong-un');
    assert.equal(resultTitle({ url: '/x/', meta: {} }), '/x/');
  });
});

describe('shards', () => {
  const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `${String(2000 + Math.floor((i + from) / 10)).padStart(4, '0')}-01-01T00:00\u0000/bai-viet/${String(i + from).padStart(5, '0')}/`);
  const sizes = (plan: { start: number; end: number }[]) => plan.map((s) => s.end - s.start);

  test('cold: equal shards of at most the size, contiguous, the first from the start', () => {
    const plan = planShards(keys(1000), null, 300);
    assert.deepEqual(sizes(plan), [250, 250, 250, 250]);
    assert.equal(plan[0]!.from, '');
    assert.equal(plan[0]!.name, '0');
    for (let i = 1; i < plan.length; i++) assert.equal(plan[i]!.start, plan[i - 1]!.end);
    assert.deepEqual(sizes(planShards(keys(10), null, Infinity)), [10]);
    assert.deepEqual(planShards([], null, 300).map((s) => s.end - s.start), [0]);
  });

  test('kept while they fit: one record more changes one shard; past 1.5 × size one is split; below a quarter merged', () => {
    const all = keys(1001);
    const first = planShards(all.slice(0, 1000), null, 300);
    // one more record, in the middle: the same boundaries and names
    const one = [...all.slice(0, 1000), `2050-01-01T00:00\u0000/bai-viet/x/`].sort();
    const next = planShards(one, first, 300);
    assert.deepEqual(next.map((s) => [s.name, s.from]), first.map((s) => [s.name, s.from]));
    assert.deepEqual(sizes(next), [250, 250, 251, 250]);
    // the last shard grows past 450: split in two; the others kept
    const grown = planShards(keys(1201), first, 300);
    assert.deepEqual(grown.slice(0, 3).map((s) => s.name), first.slice(0, 3).map((s) => s.name));
    assert.deepEqual(sizes(grown), [250, 250, 250, 226, 225]);
    // the second shard loses most of its records: merged with its smaller neighbour
    const shrunk = all.slice(0, 1000).filter((_, i) => i < 250 || i >= 460);
    const merged = planShards(shrunk, first, 300);
    assert.equal(merged.length, 3);
    assert.deepEqual(sizes(merged), [290, 250, 250]);
  });
});

describe('the built index', () => {
  let tmp: string;
  const root = () => path.join(tmp, 'root');
  const sub = () => path.join(tmp, 'sub');
  let articles = 0;

  before(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'search-test-'));
    const env = { SITE_URL: 'https://example.org' };
    articles = (await buildSite({ input: 'articles', output: root(), env })).articles;
    await buildSite({ input: 'articles', output: sub(), pathPrefix: '/sub/', env });
  });

  after(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  /** The one shard of a small archive. */
  async function shardDir(dir: string): Promise<string> {
    const manifest = JSON.parse(await readFile(path.join(dir, 'pagefind/shards.json'), 'utf8')) as { shards: { name: string; pages: number }[] };
    assert.equal(manifest.shards.length, 1);
    assert.equal(manifest.shards[0]?.pages, articles);
    return path.join(dir, 'pagefind/shards', manifest.shards[0]!.name);
  }

  async function fragments(dir: string): Promise<{ url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> }[]> {
    const folder = path.join(await shardDir(dir), 'fragment');
    const out = [];
    for (const f of (await readdir(folder)).sort()) {
      const text = gunzipSync(await readFile(path.join(folder, f))).toString('utf8');
      assert.ok(text.startsWith('pagefind_dcd'), f);
      out.push(JSON.parse(text.slice('pagefind_dcd'.length)));
    }
    return out;
  }

  test('pagefind/: shards.json and one shard with its script, entry, wasm, index, filters and one fragment per article', async () => {
    const pf = await shardDir(root());
    for (const f of ['pagefind.js', 'pagefind-entry.json', 'wasm.unknown.pagefind']) assert.ok(existsSync(path.join(pf, f)), f);
    const entry = JSON.parse(await readFile(path.join(pf, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    assert.deepEqual(Object.keys(entry.languages), ['vi']);
    assert.equal(entry.languages.vi?.page_count, articles);
    assert.ok((await readdir(path.join(pf, 'index'))).some((f) => f.endsWith('.pf_index')));
    assert.equal((await readdir(path.join(pf, 'filter'))).filter((f) => f.endsWith('.pf_filter')).length, 6, 'outlet, year, month, person, place, shard');
    assert.equal((await readdir(path.join(pf, 'fragment'))).length, articles);
    // Pagefind's own UI bundles are not shipped: the site has its own page; nor its web worker: the page searches without it.
    for (const f of ['pagefind-ui.js', 'pagefind-component-ui.js', 'pagefind-modular-ui.js', 'pagefind-worker.js']) assert.ok(!existsSync(path.join(pf, f)), f);
  });

  test('every fragment is an article with a page; URLs carry the path prefix', async () => {
    for (const [dir, prefix] of [
      [root(), '/'],
      [sub(), '/sub/'],
    ] as const) {
      const all = await fragments(dir);
      assert.equal(all.length, articles);
      for (const f of all) {
        assert.ok(f.url.startsWith(`${prefix}bai-viet/`), f.url);
        assert.ok(existsSync(path.join(dir, f.url.slice(prefix.length), 'index.html')), `${f.url} has no page`);
        assert.ok(f.meta.title && f.meta.date, `${f.url}: meta`);
      }
    }
    const kremlin = (await fragments(root())).find((f) => f.url === '/bai-viet/dien-kremlin-nga-hop-tac-moi-linh-vuc-voi-trieu-tien-ke-ca-nhay-cam/');
    assert.ok(kremlin);
    assert.equal(kremlin.meta.outlet, 'VTC News');
    assert.deepEqual(kremlin.filters.outlet, ['VTC News']);
    assert.deepEqual(kremlin.filters.year, ['2024']);
    assert.ok(kremlin.filters.person?.includes('Kim Jong-un'));
    assert.deepEqual(kremlin.filters.month, ['2024-01']);
    assert.equal(kremlin.meta.title, "Diện Kremlin: Nga hợp tác mọi lĩnh vực với Triều Tiên, kể cả 'nhạy cảm'");
    assert.equal(resultTitle(kremlin), "Điện Kremlin: Nga hợp tác mọi lĩnh vực với Triều Tiên, kể cả 'nhạy cảm'");
    assert.ok(!kremlin.content.includes(kremlin.meta.title), 'the title is searched as meta, not repeated in the content');
    // the whole text: its last paragraph too
    assert.match(kremlin.content, /khôi phục mối quan hệ với Triều Tiên/);
    assert.ok(!/[đĐ]/.test(kremlin.content), 'đ folded');
    const own = kremlin.content.split(/[^\S\uFEFF]+/).slice(0, Number(kremlin.meta.w)).join(' ');
    assert.ok(!/\bMoscow\b/.test(own), 'the variants are not among the article\'s own words');
    assert.match(kremlin.content.slice(own.length), /\bMoscow\b/);
  });

  test('the search page: form with q, external module script, note without JavaScript; linked from every page', async () => {
    for (const [dir, prefix] of [
      [root(), '/'],
      [sub(), '/sub/'],
    ] as const) {
      const page = await readFile(path.join(dir, 'tim-kiem/index.html'), 'utf8');
      assert.match(page, /<h1>Tìm kiếm<\/h1>/);
      assert.ok(page.includes(`<form class="search" id="search" role="search" action="${prefix}tim-kiem/" method="get"`));
      assert.match(page, /<input class="search-input" id="q" name="q" type="search" placeholder="Tìm bài viết…"/);
      assert.ok(page.includes(`<script type="module" src="${prefix}assets/search.js"></script>`));
      assert.match(page, /<noscript><p class="search-note">Trang tìm kiếm cần JavaScript/);
      // No inline script (JSON-LD data blocks aside): CSP-friendly.
      for (const m of page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (!/type="application\/ld\+json"/.test(m[1] ?? '')) assert.equal((m[2] ?? '').trim(), '', 'inline script');
      }
      assert.ok(existsSync(path.join(dir, 'assets/search.js')));
      assert.ok(existsSync(path.join(dir, 'assets/search-index.js')));
      for (const f of ['index.html', 'bao/index.html', 'bai-viet/dien-kremlin-nga-hop-tac-moi-linh-vuc-voi-trieu-tien-ke-ca-nhay-cam/index.html', '404.html']) {
        const text = await readFile(path.join(dir, f), 'utf8');
        assert.ok(text.includes(`href="${prefix}tim-kiem/"`), `${f}: no search link`);
        if (f !== 'tim-kiem/index.html') assert.ok(!text.includes('search.js'), `${f} loads the search script`);
      }
    }
  });
});

test('the search worker gets the whole text and the captions: every word is indexed', async () => {
  const { searchable } = await import('../src/search/worker.ts');
  const { loadArchive } = await import('../src/archive/load.ts');
  for (const r of (await loadArchive('articles', { cache: false })).records) {
    const sent = searchable(r);
    assert.equal(sent.text, r.text, `${r.sourceFile}: the whole text`);
    assert.deepEqual(sent.captions, r.captions);
    assert.equal(searchContent(sent, { people: new Map(), places: new Map() }), searchContent(r, { people: new Map(), places: new Map() }));
  }
});

describe('the names the search page knows (/tim-kiem/ten.json)', () => {
  test('searchNames: every form of every known name, folded, with its page when the archive has one; a name without an entry too', async () => {
    const { searchNames } = await import('../src/site/searchNames.ts');
    const out = searchNames(
      { person: [{ name: 'Kim Jong-il', variants: ['Kim Jong Il'] }, { name: 'Kim Jong-un', variants: ['Kim Châng-un'] }], place: [{ name: 'Moskva', variants: ['Moscow', 'Mát-xcơ-va'] }] },
      { person: [{ name: 'Kim Jong-un', url: '/sub/nhan-vat/kim-jong-un/' }, { name: 'Choe Son-hui', url: '/sub/nhan-vat/choe-son-hui/' }], place: [] },
    );
    const row = (key: string) => out.names.find((r) => r[0] === key);
    assert.deepEqual(row('kim jong il'), ['kim jong il', 'person', 'Kim Jong-il', null]);
    assert.deepEqual(row('kim chang un'), ['kim chang un', 'person', 'Kim Jong-un', '/sub/nhan-vat/kim-jong-un/']);
    assert.deepEqual(row('mat xco va'), ['mat xco va', 'place', 'Moskva', null]);
    assert.deepEqual(row('choe son hui'), ['choe son hui', 'person', 'Choe Son-hui', '/sub/nhan-vat/choe-son-hui/']);
    assert.equal(new Set(out.names.map((r) => r[0])).size, out.names.length, 'one row per form');
  });
});
