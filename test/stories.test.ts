/**
 * Same story, several outlets (src/stories/): pairs that must group and pairs
 * that must not; folding near-duplicates into one article; the scale (LSH, not
 * all pairs) on a generated archive with planted republications.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { makeRng } from '../src/generate/prng.ts';
import { lightlyEdit, makeStory } from '../src/generate/article.ts';
import { articleRecord } from './support/records.ts';
import type { ArticleRecord } from '../src/record.ts';
import { buildSiteData } from '../src/site/data.ts';
import { groupStories, type StoryRecord } from '../src/stories/index.ts';
import { exactJaccard, foldText, hashWords, shingleHashes } from '../src/stories/minhash.ts';
import { ARCHIVE } from './support/archiveSettings.ts';

const outlet = (id: string, name: string) => ({ id, name, domain: `${id}.vn` });
const VNEXPRESS = outlet('vnexpress', 'VnExpress');

function fixture(name: string): { title: string; lede: string; text: string } {
  const [title, lede, ...paras] = readFileSync(new URL(`./fixtures/stories/${name}.txt`, import.meta.url), 'utf8').trim().split(/\n+/);
  return { title: title as string, lede: lede as string, text: paras.join('\n\n') };
}

function record(id: string, name: string, date: string | null, o: ReturnType<typeof outlet> | null, extra: Partial<ArticleRecord> = {}): ArticleRecord {
  const f = fixture(name);
  return articleRecord({
    id,
    slug: id,
    sourceFile: `${id}.txt`,
    title: f.title,
    lede: f.lede,
    text: f.text,
    html: f.text.split('\n\n').map((p) => `<p>${p}</p>`).join('\n'),
    published: { date, time: null, iso: date ? `${date}T00:00:00+07:00` : null, partial: null, origin: date ? 'dateline' : 'none' },
    outlet: o,
    people: ['Vladimir Putin', 'Kim Jong-un'],
    places: ['Bình Nhưỡng'],
    ...extra,
  });
}

const putinVnexpress = record('a-vnexpress', 'putin-vnexpress', '2024-06-19', VNEXPRESS);
const putinTuoitre = record('b-tuoitre', 'putin-tuoitre', '2024-06-20', outlet('tuoitre', 'Tuổi Trẻ'), { places: ['Bình Nhưỡng', 'Moskva', 'Seoul'] });
const ratify = record('c-vov', 'ratify-vov', '2024-11-09', outlet('vov', 'VOV'), { people: ['Vladimir Putin', 'Dmitry Peskov'] });
const lavrov = record('d-baoquocte', 'lavrov-baoquocte', '2023-10-18', outlet('baoquocte', 'Báo Quốc tế'), {
  people: ['Sergei Lavrov', 'Choe Son-hui', 'Kim Jong-un'],
  places: ['Bình Nhưỡng', 'Vostochny'],
});
const unsc = record('e-vietnamplus', 'unsc-vietnamplus', '2023-10-19', outlet('vietnamplus', 'VietnamPlus'), {
  people: ['Dmitry Polyansky', 'Kim Jong-un'],
  places: ['Bình Nhưỡng', 'Moskva'],
});
/** The same text saved twice (another file, same outlet). */
const savedTwice = { ...putinVnexpress, id: 'f-copy', slug: 'f-copy', sourceFile: 'f-copy.txt' };
/** Republished by Soha a day later with its own byline, "theo VnExpress", one word changed and the last paragraph cut. */
const republished = {
  ...putinVnexpress,
  id: '0-soha',
  slug: '0-soha',
  sourceFile: '0-soha.txt',
  outlet: outlet('soha', 'Soha'),
  originalOutlet: VNEXPRESS,
  authors: ['Minh Anh'],
  published: { ...putinVnexpress.published, date: '2024-06-20' },
  text: putinVnexpress.text.replace('đột phá', 'mang tính đột phá').split('\n\n').slice(0, -1).join('\n\n'),
};

function linked(records: StoryRecord[], a: string, b: string): boolean {
  const r = groupStories(records);
  const ia = records.findIndex((x) => x.id === a);
  const ib = records.findIndex((x) => x.id === b);
  return !!r.sameEvent[ia]?.includes(ib) && !!r.sameEvent[ib]?.includes(ia);
}

describe('minhash', () => {
  test('folding drops diacritics, case and punctuation; NFD and NFC fold alike', () => {
    assert.equal(foldText('Triều Tiên đã ký "Hiệp ước" – ĐỒNG ĐĂNG 19/6!'), 'trieu tien da ky hiep uoc dong dang 19 6');
    assert.equal(foldText('Triều Tiên'.normalize('NFD')), 'trieu tien');
    assert.deepEqual([...hashWords('Kim Jong-un, ở  Moskva')], [...hashWords('kim jong un o moskva')]);
  });
  test('shingle Jaccard of identical texts is 1, of unrelated texts near 0', () => {
    const a = shingleHashes(foldText(putinVnexpress.text), 3);
    assert.equal(exactJaccard(a, a), 1);
    assert.ok(exactJaccard(a, shingleHashes(foldText(unsc.text), 3)) < 0.05);
  });
});

describe('same story, several outlets', () => {
  const all = [putinVnexpress, putinTuoitre, ratify, lavrov, unsc];

  test('same event, different outlets and writing: linked both ways', () => {
    assert.ok(linked(all, 'a-vnexpress', 'b-tuoitre'));
  });

  test('same topic, different events (the treaty signed in June, ratified in November): not linked', () => {
    assert.ok(!linked(all, 'a-vnexpress', 'c-vov'));
    assert.ok(!linked(all, 'b-tuoitre', 'c-vov'));
  });

  test('a day apart, different events (Lavrov in Pyongyang, a Security Council meeting): not linked', () => {
    assert.ok(!linked(all, 'd-baoquocte', 'e-vietnamplus'));
  });

  test('different writing is never a duplicate', () => {
    assert.deepEqual(groupStories(all).pairs, []);
  });

  test('an exact duplicate (the same text saved twice) is one group; the first by id is canonical', () => {
    const records = [...all, savedTwice];
    const r = groupStories(records);
    assert.equal(r.pairs.length, 1);
    assert.equal(r.pairs[0]?.similarity, 1);
    assert.equal(records[r.pairs[0]!.a]?.id, 'f-copy');
    assert.equal(records[r.pairs[0]!.b]?.id, 'a-vnexpress');
    assert.equal(r.groups.length, 1);
  });

  test('a republication with a changed byline is a near-duplicate; the credited original is canonical', () => {
    const records = [republished, ...all];
    const r = groupStories(records);
    assert.equal(r.pairs.length, 1);
    const p = r.pairs[0]!;
    assert.equal(records[p.a]?.id, '0-soha');
    assert.equal(records[p.b]?.id, 'a-vnexpress');
    assert.ok(p.similarity >= 0.8 && p.similarity < 1, String(p.similarity));
    assert.equal(r.canonicalOf[0], 1);
    // the copy carries no links of its own; the canonical keeps its same-event link
    assert.deepEqual(r.sameEvent[0], []);
    assert.ok(r.sameEvent[1]?.includes(2));
  });

  test('the site shows one article with its other publishers, never two pages', () => {
    const data = buildSiteData([republished, savedTwice, ...all], { archive: ARCHIVE });
    assert.equal(data.articles.length, 5);
    assert.equal(data.duplicateGroups, 1);
    assert.ok(!data.articles.some((a) => a.id === '0-soha' || a.id === 'f-copy'));
    const canonical = data.articles.find((a) => a.id === 'a-vnexpress')!;
    assert.deepEqual(canonical.alsoPublished.map((c) => c.outlet).sort(), ['Soha', 'VnExpress']);
    assert.deepEqual(canonical.sameEvent.map((a) => a.url), ['/bai-viet/b-tuoitre/']);
    // Soha's outlet page lists the canonical article
    const soha = data.listPages.find((p) => p.url === '/bao/soha/');
    assert.deepEqual(soha?.items.map((i) => i.url), ['/bai-viet/a-vnexpress/']);
    assert.ok(!data.pageUrls.includes('/bai-viet/0-soha/'));
  });
});

describe('scale', () => {
  test('finds planted republications among 4,000 generated stories without comparing all pairs', () => {
    const n = 4000;
    const records: StoryRecord[] = [];
    const planted = new Set<string>();
    const toRecord = (s: ReturnType<typeof makeStory>, id: string): StoryRecord => ({
      id,
      title: s.title,
      lede: s.lede,
      text: s.paras.join('\n\n'),
      published: { date: `${s.date.y}-${String(s.date.mo).padStart(2, '0')}-${String(s.date.d).padStart(2, '0')}`, time: null },
      outlet: null,
      originalOutlet: null,
      people: [],
      places: [],
    });
    for (let i = 0; i < n; i++) records.push(toRecord(makeStory(7, i), `s${i}`));
    const rng = makeRng(99);
    for (let k = 0; k < 100; k++) {
      const of = rng.int(0, n - 1);
      records.push(toRecord(lightlyEdit(makeStory(7, of), rng), `copy${k}`));
      planted.add(`${records.length - 1}:${of}`);
    }
    const started = performance.now();
    const r = groupStories(records);
    const ms = performance.now() - started;
    const found = new Set(r.pairs.map((p) => `${Math.max(p.a, p.b)}:${Math.min(p.a, p.b)}`));
    const missed = [...planted].filter((p) => !found.has(p));
    assert.deepEqual(missed, []);
    const total = records.length;
    assert.ok(r.stats.candidates < (total * (total - 1)) / 2 / 20, `${r.stats.candidates} candidate pairs`);
    console.log(`${total} records: ${r.pairs.length} duplicate pairs (${planted.size} planted), ${r.stats.candidates} candidates, ${ms.toFixed(0)} ms`);
  });
});

test('candidatePairs: each pair once, in order of the first then the second member', async () => {
  const { candidatePairs } = await import('../src/stories/index.ts');
  const firsts = Int32Array.from([3, 0, 1, 0, 3, 0, 2, 1]);
  const seconds = Int32Array.from([4, 2, 4, 1, 4, 2, 3, 2]);
  const out = candidatePairs(firsts, seconds, 5);
  assert.equal(out.count, 6);
  assert.deepEqual([...out.firsts].map((a, k) => [a, out.seconds[k]]), [[0, 1], [0, 2], [1, 2], [1, 4], [2, 3], [3, 4]]);
  assert.equal(candidatePairs(new Int32Array(0), new Int32Array(0), 3).count, 0);
});
