/**
 * Smaller index chunks: Pagefind cuts a bundle's word index into chunks of about 20,000
 * word locations (counting only a word's unaccented form: the Vietnamese forms, kept as
 * "variants", do not count, so its chunks run larger still), and a search downloads the
 * whole chunk of each word it looks up. On this archive that is ~17–20 KB per word per
 * shard, mostly other words' locations: "kim" costs 5.5 KB of its 17.7 KB chunk.
 *
 * rechunkBundle() cuts the same words, in the same order, into chunks of about
 * `target` bytes (a larger word alone), names the chunks the way Pagefind does (their `from`/`to` bounds
 * trimmed to the shortest distinguishing prefixes, as Pagefind's own chunk_meta()), and
 * writes a new pf_meta (under a new name, which pagefind-entry.json points to; Pagefind
 * reads the entry without cache each time). A chunk is exactly what Pagefind would have
 * written with a smaller chunk size: the browser code loads and reads it unchanged.
 *
 * It also gives each page a short name (shortPageIds): a pf_meta lists every page of the
 * bundle by the name of its fragment file, and Pagefind's names ("vi_b2ffb07") are a
 * quarter of the meta a search downloads per shard.
 *
 * It knows Pagefind's 1.6 file layout (KNOWN_VERSIONS); a bundle of any other version is
 * left as Pagefind wrote it (search works; it is only larger), and the function says so.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import pMap from 'p-map';
import { IO_CONCURRENCY } from '../concurrency.ts';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { cborArrayItems, cborHead, cborLeadingText, decodeCbor, encodeCbor, type Cbor } from './cbor.ts';

/** Pagefind versions whose pf_meta / pf_index layout this code reads. */
export const KNOWN_VERSIONS = ['1.6.0'];
/** The raw (CBOR) bytes a chunk is filled to; gzip makes it ~40% of that. */
export const CHUNK_TARGET = 6000;

const SIGNATURE = new TextEncoder().encode('pagefind_dcd');

function unpack(file: Uint8Array): Uint8Array {
  const raw = gunzipSync(file);
  for (let k = 0; k < SIGNATURE.length; k++) if (raw[k] !== SIGNATURE[k]) throw new Error('not a Pagefind file (no signature)');
  return raw.subarray(SIGNATURE.length);
}

function pack(value: Cbor): Buffer {
  return packBytes([encodeCbor(value)]);
}

/** A Pagefind file of the CBOR body made of `parts`: the signature, the parts, gzipped. */
function packBytes(parts: readonly Uint8Array[]): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, ...parts]), { level: 6 });
}

/** Rust's String ordering: byte-wise UTF-8. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Pagefind's get_prefixes(): both words cut one character past their common prefix. */
function prefixes(a: string, b: string): [string, string] {
  const ac = Array.from(a);
  const bc = Array.from(b);
  let common = 0;
  while (common < ac.length && common < bc.length && ac[common] === bc[common]) common++;
  return [ac.slice(0, common + 1).join(''), bc.slice(0, common + 1).join('')];
}

/** Pagefind's chunk_meta(): the [from, to] of each chunk of sorted words. */
export function chunkBounds(chunks: readonly (readonly string[])[]): [string, string][] {
  const named = chunks.map((words): [string, string] => [words[0] ?? '', words[words.length - 1] ?? '']);
  for (let i = 0; i + 1 < named.length; i++) {
    const [to, from] = prefixes(named[i]![1], named[i + 1]![0]);
    if (compareBytes(to, named[i]![0]) >= 0) named[i]![1] = to;
    named[i + 1]![0] = from;
  }
  return named;
}

/**
 * Cuts `sizes` (in order) into runs of about `target`: a run is closed once it reaches
 * `target`, and before an item that would take it past `target`, so a word larger than
 * `target` ("triều", in every article) has a chunk of its own and a search for it
 * downloads no other word's locations.
 */
export function cutRuns(sizes: readonly number[], target: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  let sum = 0;
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i]!;
    if (i > start && size >= target) {
      runs.push([start, i]);
      start = i;
      sum = 0;
    }
    sum += size;
    if (sum >= target) {
      runs.push([start, i + 1]);
      start = i + 1;
      sum = 0;
    }
  }
  if (start < sizes.length) runs.push([start, sizes.length]);
  return runs;
}

function shortHash(bytes: Uint8Array, length: number): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, length);
}

export interface RechunkResult {
  /** false: the bundle was left as it was (see reason) */
  done: boolean;
  reason?: string;
  chunksBefore: number;
  chunksAfter: number;
}

/** How many hex digits of the bundle's hash start each short page name. */
const PAGE_TAG_LENGTH = 6;

/**
 * Short names for the pages of a bundle: a tag of the bundle (a hash of all of Pagefind's
 * own, content-hashed names, so it changes whenever any page does, and a browser never
 * mixes a cached fragment of the last build with this one) and the page's number in
 * base 36 ("3f9a1c" + "1b"). The tag repeats, so gzip makes each name about two bytes.
 * Pagefind reads a page's name only to fetch `fragment/<name>.pf_fragment`.
 * Returns old name → new name; empty when a page is in a fragment group (its file is
 * the group's, not its own), which this code leaves alone.
 */
export function shortPageIds(pages: readonly Cbor[], language: string): Map<string, string> {
  const names: string[] = [];
  for (const page of pages) {
    if (!Array.isArray(page) || typeof page[0] !== 'string') throw new Error('unexpected page entry');
    if (page[2] !== undefined && page[2] !== '') return new Map();
    names.push(page[0]);
  }
  const tag = createHash('sha256').update(language).update('\u0000').update(names.join('\u0000')).digest('hex').slice(0, PAGE_TAG_LENGTH);
  return new Map(names.map((name, i) => [name, `${tag}${i.toString(36)}`]));
}

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

/** Re-cuts the word index of the Pagefind bundle in `dir` into chunks of ~`target` raw bytes. */
export async function rechunkBundle(dir: string, target = CHUNK_TARGET): Promise<RechunkResult> {
  const entryPath = path.join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryPath, 'utf8')) as Entry;
  if (!KNOWN_VERSIONS.includes(entry.version)) {
    return { done: false, reason: `Pagefind ${entry.version}: index layout not known here`, chunksBefore: 0, chunksAfter: 0 };
  }
  let before = 0;
  let after = 0;
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaPath = path.join(dir, `pagefind.${info.hash}.pf_meta`);
    const meta = decodeCbor(unpack(await readFile(metaPath)));
    if (!Array.isArray(meta) || meta[0] !== entry.version || !Array.isArray(meta[2])) throw new Error(`${metaPath}: not a Pagefind ${entry.version} meta index`);
    const oldChunks = meta[2] as Cbor[];
    // Every word, in Pagefind's order (its chunks are consecutive runs of the sorted words),
    // as its bytes: a chunk is re-cut without decoding (or encoding again) the words' locations.
    const words: { word: string; bytes: Uint8Array }[] = [];
    const oldFiles: string[] = [];
    for (const chunk of oldChunks) {
      if (!Array.isArray(chunk) || typeof chunk[2] !== 'string') throw new Error(`${metaPath}: unexpected chunk entry`);
      const file = path.join(dir, 'index', `${chunk[2]}.pf_index`);
      oldFiles.push(file);
      const body = unpack(await readFile(file));
      const outer = cborArrayItems(body);
      if (outer.end !== body.length || outer.items.length !== 1) throw new Error(`${file}: unexpected chunk layout`);
      for (const bytes of cborArrayItems(outer.items[0]!).items) words.push({ word: cborLeadingText(bytes), bytes });
    }
    for (let k = 1; k < words.length; k++) {
      if (compareBytes(words[k - 1]!.word, words[k]!.word) >= 0) throw new Error(`${dir}: the index words are not in order`);
    }
    const runs = cutRuns(words.map((w) => w.bytes.length), target);
    const bounds = chunkBounds(runs.map(([s, e]) => words.slice(s, e).map((w) => w.word)));
    const newChunks: Cbor[] = [];
    const written = new Set<string>();
    for (let r = 0; r < runs.length; r++) {
      const [s, e] = runs[r]!;
      // [[word, word, …]]: the heads of the two arrays, then the words' own bytes
      const packed = packBytes([cborHead(4, 1), cborHead(4, e - s), ...words.slice(s, e).map((w) => w.bytes)]);
      let hash = `${language}_${shortHash(packed, 7)}`;
      for (let n = 8; written.has(hash); n++) hash = `${language}_${shortHash(packed, n)}`;
      written.add(hash);
      await writeFile(path.join(dir, 'index', `${hash}.pf_index`), packed);
      newChunks.push([bounds[r]![0], bounds[r]![1], hash]);
    }
    for (const file of oldFiles) {
      if (!written.has(path.basename(file, '.pf_index'))) await rm(file, { force: true });
    }
    meta[2] = newChunks;
    const pages = meta[1];
    if (!Array.isArray(pages)) throw new Error(`${metaPath}: unexpected page list`);
    const renamed = shortPageIds(pages, language);
    await pMap(
      renamed,
      async ([from, to]) => {
        if (from !== to) await rename(path.join(dir, 'fragment', `${from}.pf_fragment`), path.join(dir, 'fragment', `${to}.pf_fragment`));
      },
      { concurrency: IO_CONCURRENCY },
    );
    for (const page of pages as Cbor[][]) page[0] = renamed.get(page[0] as string) ?? page[0]!;
    const packedMeta = pack(meta);
    const metaHash = `${language}_${shortHash(packedMeta, 10)}`;
    await writeFile(path.join(dir, `pagefind.${metaHash}.pf_meta`), packedMeta);
    if (metaHash !== info.hash) await rm(metaPath, { force: true });
    info.hash = metaHash;
    before += oldChunks.length;
    after += newChunks.length;
  }
  await writeFile(entryPath, JSON.stringify(entry));
  return { done: true, chunksBefore: before, chunksAfter: after };
}
