/** Candidate pairs of the story grouping: LSH buckets of MinHash signatures, and the distinct pairs among them. */

/** buckets up to this size are paired in full; larger ones only by date window */
const SMALL_BUCKET = 24;
/** in a large bucket, each article meets at most this many later neighbours */
export const NEIGHBOURS = 12;

/**
 * The distinct pairs among `firsts[k]`–`seconds[k]` (first < second, repeats allowed), in order of
 * first, then second: a counting sort on the first (n buckets), then each bucket's seconds sorted
 * and read once. Linear in the pairs but for the small per-article sorts.
 */
export function candidatePairs(firsts: Int32Array, seconds: Int32Array, n: number): { firsts: Int32Array; seconds: Int32Array; count: number } {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < firsts.length; k++) start[(firsts[k] as number) + 1]!++;
  for (let a = 0; a < n; a++) start[a + 1]! += start[a] as number;
  const bySecond = new Int32Array(firsts.length);
  const fill = start.slice(0, n);
  for (let k = 0; k < firsts.length; k++) bySecond[fill[firsts[k] as number]!++] = seconds[k] as number;
  const outFirsts = new Int32Array(firsts.length);
  const outSeconds = new Int32Array(firsts.length);
  let count = 0;
  for (let a = 0; a < n; a++) {
    const list = bySecond.subarray(start[a], start[a + 1]).sort();
    for (let k = 0; k < list.length; k++) {
      if (k > 0 && list[k] === list[k - 1]) continue;
      outFirsts[count] = a;
      outSeconds[count++] = list[k] as number;
    }
  }
  return { firsts: outFirsts.subarray(0, count), seconds: outSeconds.subarray(0, count), count };
}

/** Candidate pairs from LSH buckets of one signature set. */
export function candidates(
  sig: Uint32Array,
  spec: { hashes: number; bands: number; rows: number },
  eligible: Uint8Array,
  days: Float64Array,
  windowDays: number,
  /** in a small bucket, dated pairs further apart than this are skipped (null: kept) */
  smallWindow: number | null,
  add: (i: number, j: number) => void,
): void {
  const n = eligible.length;
  for (let band = 0; band < spec.bands; band++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      if (!eligible[i]) continue;
      let h = 0x2545f491 ^ band;
      const o = i * spec.hashes + band * spec.rows;
      for (let r = 0; r < spec.rows; r++) h = Math.imul(h ^ (sig[o + r] as number), 0x9e3779b1) ^ (h >>> 15);
      const key = h >>> 0;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
    for (const list of buckets.values()) {
      if (list.length < 2) continue;
      if (list.length <= SMALL_BUCKET) {
        for (let x = 0; x < list.length; x++) {
          const i = list[x] as number;
          for (let y = x + 1; y < list.length; y++) {
            const j = list[y] as number;
            // Pairs that the confirmation would turn down for their dates are not candidates.
            if (smallWindow !== null && Math.abs((days[i] as number) - (days[j] as number)) > smallWindow) continue;
            add(i, j);
          }
        }
        continue;
      }
      // A large bucket (a shingle common to many texts): only dated members close in time,
      // each with its next few neighbours. Undated members are left to the other bands.
      const dated = list.filter((i) => !Number.isNaN(days[i])).sort((p, q) => (days[p] as number) - (days[q] as number) || p - q);
      for (let x = 0; x < dated.length; x++) {
        const dx = days[dated[x] as number] as number;
        for (let y = x + 1; y < dated.length && y <= x + NEIGHBOURS; y++) {
          if ((days[dated[y] as number] as number) - dx > windowDays) break;
          add(dated[x] as number, dated[y] as number);
        }
      }
    }
  }
}

