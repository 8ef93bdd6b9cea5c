/**
 * Same story, several outlets. Two levels, both found without comparing all
 * pairs (MinHash signatures + LSH banding: near-linear in the archive size):
 *
 * - near-duplicates: the same body saved twice or republished by another
 *   outlet (3-word shingles of the whole lede + body, Jaccard ≥ DUPLICATE).
 *   They are folded into one canonical record: the original outlet's copy,
 *   else the earliest, else the first by id.
 * - same event, different writing: 2-word shingles of the title, lede and
 *   first paragraphs overlap (≥ SAME_EVENT), dates within MAX_DAYS when both
 *   are known, and at least one person or place in common.
 *
 * Candidate pairs come from LSH buckets; inside a large bucket only articles
 * close in time are paired, so a bucket of common shingles cannot make the
 * cost quadratic.
 */
import { estimate, hashSeeds, hashWords, minhashInto, shinglesOfWords, sortedJaccard, sortedSet } from './minhash.ts';
import { candidatePairs, candidates, NEIGHBOURS } from './candidates.ts';

export { candidatePairs };

export interface StoryRecord {
  id: string;
  title: string;
  lede: string | null;
  text: string;
  published: { date: string | null; time: string | null };
  outlet: { id: string; name: string } | null;
  originalOutlet: { id: string; name: string } | null;
  people: readonly string[];
  places: readonly string[];
}

export interface StoryOptions {
  /** Jaccard (3-word shingles of lede + body) at or above which two records are one article */
  duplicate?: number;
  /** estimated Jaccard (2-word shingles of title, lede, first paragraphs) for the same event */
  sameEvent?: number;
  /** the same event when undated: a stricter overlap */
  sameEventUndated?: number;
  /** days apart at most for the same event (both dated) */
  maxDays?: number;
  /** links kept per article */
  limit?: number;
  seed?: number;
  /** each record's signature, computed before (storySignature, default seed): not computed again */
  signatures?: readonly StorySignature[];
}

/** What one record brings to the grouping: its two MinHash signatures. */
export interface StorySignature {
  full: Uint32Array;
  lead: Uint32Array;
  /** long enough to be compared at all */
  fullOk: boolean;
  leadOk: boolean;
}

const DEFAULT_SEED = 0x5eed2024;

export const DUPLICATE = 0.8;
export const SAME_EVENT = 0.12;
export const SAME_EVENT_UNDATED = 0.35;
export const MAX_DAYS = 3;
/** near-duplicates dated further apart than this many days are one story only when nearly identical (a republication) */
export const REPUBLICATION_DAYS = 31;
export const REPUBLICATION_SIMILARITY = 0.95;

/** Signature sizes and bands: full text 64 = 16 × 4 (S-curve around 0.5), lead 64 = 32 × 2 (around 0.18; people/places + dates add candidates). */
const FULL = { hashes: 64, bands: 16, rows: 4, k: 3 };
const LEAD = { hashes: 64, bands: 32, rows: 2, k: 2 };
/** the full-text signature covers the first this many shingles (the confirmation uses all) */
const MAX_SHINGLES = 500;
/** a text shorter than this many words is not fingerprinted (too little to compare) */
const MIN_WORDS = 8;

export interface DuplicatePair {
  /** the copy (folded away) */
  a: number;
  /** what it is a copy of (the canonical record when it is in the group) */
  b: number;
  similarity: number;
}

export interface DuplicateGroup {
  canonical: number;
  /** the other copies, folded into the canonical record */
  others: number[];
}

export interface StoryResult {
  pairs: DuplicatePair[];
  groups: DuplicateGroup[];
  /** index → the canonical index of its group (itself when not a duplicate) */
  canonicalOf: Int32Array;
  /** per index (canonical records only), other canonical indices reporting the same event, best first */
  sameEvent: number[][];
  stats: { candidates: number; duplicatePairs: number; sameEventPairs: number; ms: number };
}

function dayNumber(date: string | null): number {
  if (!date) return NaN;
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function leadText(r: Pick<StoryRecord, 'title' | 'lede' | 'text'>): string {
  const paras = r.text.split(/\n\s*\n/).slice(0, 2);
  return [r.title, r.lede ?? '', ...paras].join(' ');
}

function fullText(r: Pick<StoryRecord, 'lede' | 'text'>): string {
  return [r.lede ?? '', r.text].join(' ');
}

/** Who should carry the group: credited as original by another member, then earliest, then first by id. */
function canonicalOfGroup(members: number[], records: readonly StoryRecord[], days: Float64Array): number {
  const credited = new Set(members.map((m) => records[m]?.originalOutlet?.id).filter((x): x is string => !!x));
  const key = (m: number): [number, number, string, string] => {
    const r = records[m] as StoryRecord;
    const original = r.outlet && credited.has(r.outlet.id) && !r.originalOutlet ? 0 : 1;
    const d = days[m] as number;
    return [original, Number.isNaN(d) ? Infinity : d, r.published.time ?? '99:99', r.id];
  };
  return [...members].sort((p, q) => {
    const a = key(p);
    const b = key(q);
    return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0) || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0);
  })[0] as number;
}

const seedsOf = new Map<number, { full: Uint32Array; lead: Uint32Array }>();

/** A record's signatures: depends only on its title, lede and text (cached with the record by src/archive). */
export function storySignature(r: Pick<StoryRecord, 'title' | 'lede' | 'text'>, seed = DEFAULT_SEED): StorySignature {
  let seeds = seedsOf.get(seed);
  if (!seeds) seedsOf.set(seed, (seeds = { full: hashSeeds(FULL.hashes, seed), lead: hashSeeds(LEAD.hashes, seed ^ 0x1ead) }));
  const full = new Uint32Array(FULL.hashes);
  const lead = new Uint32Array(LEAD.hashes);
  const fullWords = hashWords(fullText(r));
  minhashInto(shinglesOfWords(fullWords.subarray(0, MAX_SHINGLES + FULL.k - 1), FULL.k), seeds.full, full, 0);
  const leadWords = hashWords(leadText(r));
  minhashInto(shinglesOfWords(leadWords, LEAD.k), seeds.lead, lead, 0);
  return { full, lead, fullOk: fullWords.length >= MIN_WORDS, leadOk: leadWords.length >= MIN_WORDS };
}

export function groupStories(records: readonly StoryRecord[], options: StoryOptions = {}): StoryResult {
  const started = performance.now();
  const dupMin = options.duplicate ?? DUPLICATE;
  const eventMin = options.sameEvent ?? SAME_EVENT;
  const eventUndatedMin = options.sameEventUndated ?? SAME_EVENT_UNDATED;
  const maxDays = options.maxDays ?? MAX_DAYS;
  const limit = options.limit ?? 8;
  const seed = options.seed ?? DEFAULT_SEED;
  const n = records.length;

  const days = new Float64Array(n);
  const fullSig = new Uint32Array(n * FULL.hashes);
  const leadSig = new Uint32Array(n * LEAD.hashes);
  const fullOk = new Uint8Array(n);
  const leadOk = new Uint8Array(n);
  const given = seed === DEFAULT_SEED ? options.signatures : undefined;
  const entities: Set<string>[] = [];
  for (let i = 0; i < n; i++) {
    const r = records[i] as StoryRecord;
    days[i] = dayNumber(r.published.date);
    const sig = given?.[i] ?? storySignature(r, seed);
    fullSig.set(sig.full, i * FULL.hashes);
    leadSig.set(sig.lead, i * LEAD.hashes);
    fullOk[i] = sig.fullOk ? 1 : 0;
    leadOk[i] = sig.leadOk ? 1 : 0;
    entities.push(new Set([...r.people.map((p) => `p:${p}`), ...r.places.map((p) => `l:${p}`)]));
  }

  // Candidate pairs (a < b), gathered with repeats into two growing typed arrays: millions of
  // pairs at 100,000 articles, without a Set or an array per pair. Read below in order of a, then
  // b, each once (candidatePairs).
  let firsts = new Int32Array(1024);
  let seconds = new Int32Array(1024);
  let count = 0;
  const doubled = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
    const grown = new Int32Array(a.length * 2);
    grown.set(a);
    return grown;
  };
  const add = (i: number, j: number) => {
    if (count === firsts.length) {
      firsts = doubled(firsts);
      seconds = doubled(seconds);
    }
    firsts[count] = Math.min(i, j);
    seconds[count++] = Math.max(i, j);
  };
  // Copies may be dated a few weeks apart (a republication); the same event is within maxDays.
  candidates(fullSig, FULL, fullOk, days, 7, null, add);
  candidates(leadSig, LEAD, leadOk, days, maxDays, maxDays, add);
  // Reports of one event share people and places and fall on close days: a second,
  // blocking source of candidates (each entity's articles by day, a few neighbours each).
  const byEntity = new Map<string, number[]>();
  entities.forEach((set, i) => {
    if (Number.isNaN(days[i]) || !leadOk[i]) return;
    for (const e of set) {
      const list = byEntity.get(e);
      if (list) list.push(i);
      else byEntity.set(e, [i]);
    }
  });
  for (const list of byEntity.values()) {
    list.sort((p, q) => (days[p] as number) - (days[q] as number) || p - q);
    for (let x = 0; x < list.length; x++) {
      const dx = days[list[x] as number] as number;
      for (let y = x + 1; y < list.length && y <= x + NEIGHBOURS; y++) {
        if ((days[list[y] as number] as number) - dx > maxDays) break;
        add(list[x] as number, list[y] as number);
      }
    }
  }
  // in order of a, then b (as the pairs were always read), each once
  const pairs = candidatePairs(firsts.subarray(0, count), seconds.subarray(0, count), n);
  firsts = seconds = new Int32Array(0);

  // --- near-duplicates: estimated, then confirmed on the exact shingle sets ---------
  const shingleCache = new Map<number, Uint32Array>();
  const shinglesOf = (i: number) => {
    let s = shingleCache.get(i);
    if (!s) shingleCache.set(i, (s = sortedSet(shinglesOfWords(hashWords(fullText(records[i] as StoryRecord)), FULL.k))));
    return s;
  };
  const leadCache = new Map<number, Uint32Array>();
  const leadOf = (i: number) => {
    let s = leadCache.get(i);
    if (!s) leadCache.set(i, (s = sortedSet(shinglesOfWords(hashWords(leadText(records[i] as StoryRecord)), LEAD.k))));
    return s;
  };
  const dupPairs: { a: number; b: number; similarity: number }[] = [];
  const eventPairs: { a: number; b: number; score: number }[] = [];
  const parent = new Int32Array(n).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  for (let k = 0; k < pairs.count; k++) {
    const a = pairs.firsts[k] as number;
    const b = pairs.seconds[k] as number;
    const da = days[a] as number;
    const db = days[b] as number;
    const bothDated = !Number.isNaN(da) && !Number.isNaN(db);
    const apart = bothDated ? Math.abs(da - db) : NaN;
    if (fullOk[a] && fullOk[b] && estimate(fullSig, FULL.hashes, a, b) >= dupMin - 0.15) {
      const similarity = sortedJaccard(shinglesOf(a), shinglesOf(b));
      // A copy far from the original in time must be almost the same text.
      if (similarity >= dupMin && (!bothDated || apart <= REPUBLICATION_DAYS || similarity >= REPUBLICATION_SIMILARITY)) {
        dupPairs.push({ a, b, similarity });
        parent[find(a)] = find(b);
        continue;
      }
    }
    if (!leadOk[a] || !leadOk[b]) continue;
    if (bothDated && apart > maxDays) continue;
    // The estimate only screens (its error is ±0.05 at 64 hashes); the short lead texts are compared exactly.
    const min = bothDated ? eventMin : eventUndatedMin;
    if (estimate(leadSig, LEAD.hashes, a, b) < min - 0.1) continue;
    const lead = sortedJaccard(leadOf(a), leadOf(b));
    if (lead < min) continue;
    let shared = 0;
    for (const e of entities[a] as Set<string>) if ((entities[b] as Set<string>).has(e)) shared++;
    if (shared === 0) continue;
    eventPairs.push({ a, b, score: lead + 0.02 * Math.min(shared, 5) + (bothDated ? 0.05 * (maxDays - apart) / Math.max(1, maxDays) : 0) });
  }
  shingleCache.clear();
  leadCache.clear();

  // --- groups and canonical records ----------------------------------------------
  const members = new Map<number, number[]>();
  for (const { a, b } of dupPairs) {
    for (const x of [a, b]) {
      const root = find(x);
      let list = members.get(root);
      if (!list) members.set(root, (list = []));
      if (!list.includes(x)) list.push(x);
    }
  }
  const canonicalOf = new Int32Array(n).map((_, i) => i);
  const groups: DuplicateGroup[] = [];
  for (const list of members.values()) {
    const canonical = canonicalOfGroup(list, records, days);
    for (const m of list) canonicalOf[m] = canonical;
    groups.push({ canonical, others: list.filter((m) => m !== canonical).sort((p, q) => p - q) });
  }
  groups.sort((p, q) => p.canonical - q.canonical);
  const outPairs: DuplicatePair[] = dupPairs
    .map(({ a, b, similarity }) => {
      // The copy is the one that is not canonical (or, both folded, the later index).
      const ca = canonicalOf[a] === a;
      const [copy, of] = ca ? [b, a] : canonicalOf[b] === b ? [a, b] : [Math.max(a, b), Math.min(a, b)];
      return { a: copy, b: of, similarity: Math.round(similarity * 100) / 100 };
    })
    .sort((p, q) => p.a - q.a || p.b - q.b);

  // --- same-event links between canonical records -----------------------------------
  const scores: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (const { a, b, score } of eventPairs) {
    const ca = canonicalOf[a] as number;
    const cb = canonicalOf[b] as number;
    if (ca === cb) continue;
    const s = Math.round(score * 1e6);
    if ((scores[ca]?.get(cb) ?? -1) < s) scores[ca]?.set(cb, s);
    if ((scores[cb]?.get(ca) ?? -1) < s) scores[cb]?.set(ca, s);
  }
  const sameEvent = scores.map((m, i) =>
    canonicalOf[i] !== i
      ? []
      : [...m.entries()].sort((p, q) => q[1] - p[1] || p[0] - q[0]).slice(0, limit).map(([j]) => j),
  );

  return {
    pairs: outPairs,
    groups,
    canonicalOf,
    sameEvent,
    stats: { candidates: pairs.count, duplicatePairs: outPairs.length, sameEventPairs: eventPairs.length, ms: performance.now() - started },
  };
}
