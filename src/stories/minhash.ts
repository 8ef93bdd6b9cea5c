/**
 * ASCII folding, word shingles and MinHash signatures. Pure and deterministic:
 * the hash functions are derived from a fixed seed, so the same text gives the
 * same signature on every run and every machine.
 */

/** Folded form of each UTF-16 code unit below 0x2000: an ASCII letter or digit code, 32 (separator), 0 (a mark: dropped). */
const FOLD = new Uint8Array(0x2000);
for (let c = 0; c < FOLD.length; c++) {
  const base = String.fromCharCode(c).normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  if (/^\p{M}$/u.test(String.fromCharCode(c))) FOLD[c] = 0;
  else FOLD[c] = base.length === 1 && /[a-z0-9]/.test(base) ? base.charCodeAt(0) : 32;
}

/**
 * "Triều Tiên đã ký" → "trieu tien da ky": lower case, no diacritics, letters and
 * digits only, single spaces. Table-driven (one pass, no regex): it runs over every
 * article's whole text on every build.
 */
export function foldText(text: string): string {
  const out = new Uint8Array(text.length);
  let n = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = c < 0x2000 ? (FOLD[c] as number) : 32;
    if (f === 0) continue;
    if (f === 32) {
      if (!space) {
        out[n++] = 32;
        space = true;
      }
    } else {
      out[n++] = f;
      space = false;
    }
  }
  if (n > 0 && out[n - 1] === 32) n--;
  return Buffer.from(out.buffer, 0, n).toString('latin1');
}

/**
 * FNV-1a hashes of the folded words of `text`, in one pass without building the
 * folded string: hashWords(t) equals foldText(t).split(' ').map(fnv1a).
 */
export function hashWords(text: string): Uint32Array {
  let out = new Uint32Array(Math.max(16, text.length >> 3));
  let n = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const f = c < 0x2000 ? (FOLD[c] as number) : 32;
    if (f === 0) continue;
    if (f === 32) {
      if (inWord) {
        if (n === out.length) {
          const bigger = new Uint32Array(out.length * 2);
          bigger.set(out);
          out = bigger;
        }
        out[n++] = h >>> 0;
        h = 0x811c9dc5;
        inWord = false;
      }
    } else {
      h ^= f;
      h = Math.imul(h, 0x01000193);
      inWord = true;
    }
  }
  return out.subarray(0, n);
}

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: a good 32-bit mix. */
export function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * Hashes of the k-word shingles of folded text (a multiset: MinHash does not
 * care about repeats). A text shorter than k words is one shingle; no words, none.
 */
export function shingleHashes(folded: string, k: number): Uint32Array {
  return shinglesOfWords(folded ? Uint32Array.from(folded.split(' '), fnv1a) : new Uint32Array(0), k);
}

/** The same from word hashes (see hashWords). */
export function shinglesOfWords(wh: Uint32Array, k: number): Uint32Array {
  if (wh.length === 0) return new Uint32Array(0);
  const count = Math.max(1, wh.length - k + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9e3779b9 ^ k;
    const end = Math.min(i + k, wh.length);
    for (let j = i; j < end; j++) h = fmix32(Math.imul(h, 31) ^ (wh[j] as number));
    out[i] = h;
  }
  return out;
}

/** Per-function seeds from a splitmix-like sequence: deterministic for a given seed. */
export function hashSeeds(count: number, seed: number): Uint32Array {
  const seeds = new Uint32Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    seeds[i] = fmix32(s) | 1;
  }
  return seeds;
}

/** Writes the MinHash signature of `shingles` into out[offset … offset+seeds.length). Empty → all 0xffffffff. */
export function minhashInto(shingles: Uint32Array, seeds: Uint32Array, out: Uint32Array, offset: number): void {
  const k = seeds.length;
  out.fill(0xffffffff, offset, offset + k);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s] as number;
    for (let i = 0; i < k; i++) {
      // h_i(x) = fmix32(x ^ seed_i), inlined
      let v = x ^ (seeds[i] as number);
      v ^= v >>> 16;
      v = Math.imul(v, 0x85ebca6b);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v ^= v >>> 16;
      v >>>= 0;
      if (v < (out[offset + i] as number)) out[offset + i] = v;
    }
  }
}

/** Share of equal slots of two signatures in one array: the estimated Jaccard similarity. */
export function estimate(sig: Uint32Array, k: number, a: number, b: number): number {
  let same = 0;
  const oa = a * k;
  const ob = b * k;
  for (let i = 0; i < k; i++) if (sig[oa + i] === sig[ob + i]) same++;
  return same / k;
}

/** Exact Jaccard of two shingle-hash multisets (as sets). */
export function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let shared = 0;
  for (const x of sa) if (sb.has(x)) shared++;
  return shared / (sa.size + sb.size - shared);
}

/** Sorted distinct values: the form sortedJaccard compares. */
export function sortedSet(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number;
  return sorted.subarray(0, n);
}

/** Exact Jaccard of two sortedSet arrays, by merging (no allocation). */
export function sortedJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}
