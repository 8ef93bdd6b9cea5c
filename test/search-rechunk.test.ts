/**
 * src/search/rechunk.ts on a real Pagefind bundle (the five articles and 60 generated ones,
 * written by Pagefind itself): the CBOR codec gives back Pagefind's bytes, the chunk bounds
 * are computed as Pagefind computes them, and a re-cut index holds the same words, each in
 * the chunk whose bounds a lookup for it selects. (That the browser finds the same articles
 * is checked by test/search-shards.test.ts and test/search-e2e.test.ts, whose indexes are re-cut.)
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import * as pagefind from 'pagefind';
import { seedAndGeneratedRecords } from './support/records.ts';
import { personRegistry, placeRegistry } from '../src/registry/index.ts';
import { cborArrayItems, cborHead, cborLeadingText, decodeCbor, encodeCbor, type Cbor } from '../src/search/cbor.ts';
import { aliasTable } from '../src/search/content.ts';
import { searchRecord } from '../src/search/index.ts';
import { chunkBounds, cutRuns, rechunkBundle, shortPageIds } from '../src/search/rechunk.ts';

let tmp: string;
const bundle = () => path.join(tmp, 'bundle');

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'search-rechunk-'));
  const { own, generated } = await seedAndGeneratedRecords(tmp, 60, 5);
  const records = [...own, ...generated];
  const aliases = { people: aliasTable(personRegistry.all), places: aliasTable(placeRegistry.all) };
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  assert.ok(index, errors.join('; '));
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.slug)) continue;
    seen.add(r.slug);
    const added = await index.addCustomRecord(searchRecord(r, aliases, '/'));
    assert.deepEqual(added.errors, []);
  }
  assert.deepEqual((await index.writeFiles({ outputPath: bundle() })).errors, []);
  await pagefind.close();
});

after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const unpack = async (file: string): Promise<Uint8Array> => {
  const raw = gunzipSync(await readFile(file));
  assert.equal(raw.subarray(0, 12).toString(), 'pagefind_dcd', file);
  return raw.subarray(12);
};
const entry = async () => JSON.parse(await readFile(path.join(bundle(), 'pagefind-entry.json'), 'utf8')) as { version: string; languages: { vi: { hash: string } } };
const meta = async (): Promise<Cbor[]> => decodeCbor(await unpack(path.join(bundle(), `pagefind.${(await entry()).languages.vi.hash}.pf_meta`))) as Cbor[];
const chunkWords = async (hash: string): Promise<Cbor[][]> => ((decodeCbor(await unpack(path.join(bundle(), 'index', `${hash}.pf_index`))) as Cbor[])[0] as Cbor[][]);
const bytewise = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The chunks Pagefind 1.6's request_indexes() loads for a word: those whose bounds hold it, else the loose matches. */
function lookup(chunks: readonly [string, string, string][], term: string): string[] {
  const strict = chunks.filter(([from, to]) => bytewise(from, term) <= 0 && bytewise(term, to) <= 0);
  if (strict.length) return strict.map(([, , h]) => h);
  const cut = (s: string, n: number) => Array.from(s).slice(0, n).join('');
  const n = Array.from(term).length;
  return chunks
    .filter(([from, to]) => {
      const f = Math.min(n, Array.from(from).length);
      const t = Math.min(n, Array.from(to).length);
      return bytewise(cut(term, f), cut(from, f)) >= 0 && bytewise(cut(term, t), cut(to, t)) <= 0;
    })
    .map(([, , h]) => h);
}

describe('re-cut index chunks', () => {
  test('cutRuns: runs that reach the target; an item as large as the target alone', () => {
    assert.deepEqual(cutRuns([1, 1, 1, 1, 1], 2), [[0, 2], [2, 4], [4, 5]]);
    assert.deepEqual(cutRuns([1, 9, 1, 1], 3), [[0, 1], [1, 2], [2, 4]]);
    assert.deepEqual(cutRuns([], 3), []);
  });

  test("the CBOR codec gives back Pagefind's bytes; the bounds are Pagefind's", async () => {
    const m = await meta();
    const metaBytes = await unpack(path.join(bundle(), `pagefind.${(await entry()).languages.vi.hash}.pf_meta`));
    assert.equal(Buffer.compare(encodeCbor(m), metaBytes), 0);
    const chunks = m[2] as [string, string, string][];
    assert.ok(chunks.length >= 2, `${chunks.length} chunks: too few to compare bounds`);
    const lists: string[][] = [];
    for (const [, , hash] of chunks) {
      const bytes = await unpack(path.join(bundle(), 'index', `${hash}.pf_index`));
      assert.equal(Buffer.compare(encodeCbor(decodeCbor(bytes)), bytes), 0, hash);
      lists.push((await chunkWords(hash)).map((w) => w[0] as string));
    }
    assert.deepEqual(chunkBounds(lists), chunks.map(([from, to]) => [from, to]));
  });

  test('a re-cut bundle: more, smaller chunks; the same words in the same order; a lookup finds each; a new meta', async () => {
    const before = await meta();
    const wordsBefore: Cbor[][] = [];
    for (const [, , hash] of before[2] as [string, string, string][]) wordsBefore.push(...(await chunkWords(hash)));
    const oldMeta = (await entry()).languages.vi.hash;

    const fragmentOf = new Map<string, Buffer>();
    for (const [name] of before[1] as [string][]) fragmentOf.set(name, await readFile(path.join(bundle(), 'fragment', `${name}.pf_fragment`)));

    const result = await rechunkBundle(bundle(), 400);
    assert.equal(result.done, true);
    assert.ok(result.chunksAfter > result.chunksBefore * 3, JSON.stringify(result));

    const newMeta = (await entry()).languages.vi.hash;
    assert.notEqual(newMeta, oldMeta);
    assert.ok(!existsSync(path.join(bundle(), `pagefind.${oldMeta}.pf_meta`)), 'the old meta is gone');
    const after = await meta();
    assert.deepEqual(after.filter((_, i) => i !== 2 && i !== 1), before.filter((_, i) => i !== 2 && i !== 1), 'only the chunk and page lists changed');
    // The pages: the same, in the same order, under short names; each fragment file moved with its name.
    const pagesBefore = before[1] as [string, number, string][];
    const pagesAfter = after[1] as [string, number, string][];
    assert.deepEqual(pagesAfter.map(([, words, group]) => [words, group]), pagesBefore.map(([, words, group]) => [words, group]));
    assert.equal(new Set(pagesAfter.map(([name]) => name)).size, pagesAfter.length, 'unique names');
    assert.ok(pagesAfter.every(([name]) => /^[0-9a-f]{6}[0-9a-z]+$/.test(name)), pagesAfter[0]?.[0]);
    assert.deepEqual((await readdir(path.join(bundle(), 'fragment'))).sort(), pagesAfter.map(([name]) => `${name}.pf_fragment`).sort(), 'every fragment under its new name');
    const chunks = after[2] as [string, string, string][];
    assert.deepEqual((await readdir(path.join(bundle(), 'index'))).sort(), chunks.map(([, , h]) => `${h}.pf_index`).sort(), 'no file left over or missing');
    const wordsAfter: Cbor[][] = [];
    for (const [, , hash] of chunks) {
      const words = await chunkWords(hash);
      for (const w of words) {
        // A lookup for the word loads its chunk (Pagefind's rules, strict then loose).
        assert.ok(lookup(chunks, w[0] as string).includes(hash), `${String(w[0])}: not looked up in its chunk`);
      }
      wordsAfter.push(...words);
    }
    assert.deepEqual(wordsAfter, wordsBefore);
    for (const [k, [name]] of pagesAfter.entries()) {
      assert.deepEqual(await readFile(path.join(bundle(), 'fragment', `${name}.pf_fragment`)), fragmentOf.get(pagesBefore[k]![0]), `page ${k}: its own fragment`);
    }
  });

  test('cborArrayItems / cborLeadingText: each item as its own bytes, and the word that opens it, without decoding the rest', () => {
    const words: Cbor[] = [['triều', [], [[0, [-25, 17, 300, 70000], [-4, 3]]]], ['tiên', [1, 2], []], ['x'.repeat(30), { a: null, b: true }, new Uint8Array([1, 2])]];
    const bytes = encodeCbor([words, 5]);
    const outer = cborArrayItems(bytes);
    assert.equal(outer.end, bytes.length);
    assert.deepEqual(outer.items.map((b) => decodeCbor(b)), [words, 5]);
    const inner = cborArrayItems(outer.items[0]!);
    assert.deepEqual(inner.items.map((b) => Buffer.from(b)), words.map((w) => Buffer.from(encodeCbor(w))));
    assert.deepEqual(inner.items.map(cborLeadingText), ['triều', 'tiên', 'x'.repeat(30)]);
    assert.deepEqual(cborHead(4, 300), encodeCbor(new Array(300).fill(0)).subarray(0, 3));
    assert.throws(() => cborArrayItems(bytes.subarray(0, bytes.length - 2)), /truncated/);
    assert.throws(() => cborArrayItems(encodeCbor('no array')), /no array/);
    assert.throws(() => cborLeadingText(encodeCbor([5, 'x'])), /opens with a text/);
  });

  test('short page names: a tag of all the pages, then the number; any changed page changes every name', () => {
    const pages = [['vi_b2ffb07', 384, ''], ['vi_ba5d53c', 332, '']];
    const names = shortPageIds(pages, 'vi');
    assert.deepEqual([...names.keys()], ['vi_b2ffb07', 'vi_ba5d53c']);
    const [a, b] = [...names.values()];
    assert.equal(a!.slice(0, 6), b!.slice(0, 6));
    assert.deepEqual([a!.slice(6), b!.slice(6)], ['0', '1']);
    const changed = shortPageIds([['vi_b2ffb07', 384, ''], ['vi_0c0ffee', 332, '']], 'vi');
    assert.notEqual([...changed.values()][0], a, 'a new tag when a page changed');
    assert.deepEqual(shortPageIds(pages, 'vi'), names, 'deterministic');
    assert.equal(shortPageIds([['vi_b2ffb07', 384, 'vi_group1']], 'vi').size, 0, 'pages in fragment groups keep their names');
  });

  test('a bundle of another Pagefind version is left alone', async () => {
    const dir = path.join(tmp, 'other');
    await rm(dir, { recursive: true, force: true });
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'pagefind-entry.json'), JSON.stringify({ version: '9.9.9', languages: {} }));
    const result = await rechunkBundle(dir);
    assert.equal(result.done, false);
    assert.match(result.reason ?? '', /9\.9\.9/);
  });
});
