/**
 * How the search index is split into shards: contiguous ranges of the records in
 * date order (the key is the Pagefind sort key, then the URL, so undated records,
 * sorted as year 0000, come first). Pure: no I/O.
 *
 * - Contiguous in date: "newest first" across shards is the shards in order, each
 *   sorted by Pagefind (search-index.js), without a global sort in the browser.
 * - Few and large: every shard a query touches costs at least one index chunk
 *   (Pagefind fills a chunk to 20,000 word locations), so a query downloads about
 *   one chunk per shard per word. But the size bounds the memory of one Pagefind
 *   run (Pagefind 1.6 peaks at ~0.19 MB per page while it writes), hence ~2,000.
 * - Stable: the boundaries of the last build are kept while each shard holds
 *   between `size / 4` and `1.5 × size` records (a B-tree's rule), so adding an
 *   article changes one shard; only a shard that grows past 1.5 × size is split
 *   (into shards of about `size`), only one that shrinks below a quarter is merged
 *   with its smaller neighbour. Without a previous plan, the records are cut into
 *   equal shards of at most `size`.
 */

export interface ShardSpec {
  /** folder name under pagefind/shards/ (stable while the shard's start is kept) */
  name: string;
  /** the first key of the shard; "" for the first shard */
  from: string;
}

export interface PlannedShard extends ShardSpec {
  /** indexes into the sorted keys: [start, end) */
  start: number;
  end: number;
}

/** The default number of records per shard. */
export const SHARD_SIZE = 2000;

/** Index of the first key ≥ `from` in sorted `keys`. */
function lowerBound(keys: readonly string[], from: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "2024-06-19T09:30\0/bai-viet/x/" → "2024-06-19"; the first shard is "0". */
function baseName(from: string): string {
  if (from === '') return '0';
  const day = from.slice(0, 10).replace(/[^0-9a-z-]/gi, '');
  return day || 's';
}

/**
 * The shards for `keys` (sorted ascending, unique), keeping `previous`
 * boundaries when they still fit. `size` Infinity: one shard.
 */
export function planShards(keys: readonly string[], previous: readonly ShardSpec[] | null | undefined, size = SHARD_SIZE): PlannedShard[] {
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1]! < keys[i]!)) throw new Error('planShards: keys must be sorted and unique');
  const max = Number.isFinite(size) ? Math.max(1, Math.floor(size * 1.5)) : Infinity;
  const min = Number.isFinite(size) ? Math.floor(size / 4) : 0;
  const target = Math.max(1, Math.floor(size));
  const keptNames = new Map<string, string>();
  let bounds: string[];
  if (previous?.length) {
    bounds = [...new Set(['', ...previous.map((s) => s.from)])].sort();
    for (const s of previous) keptNames.set(s.from, s.name);
  } else {
    bounds = [''];
  }

  // Split what has grown past `max` into shards of `target`.
  const split: string[] = [];
  for (let i = 0; i < bounds.length; i++) {
    const start = lowerBound(keys, bounds[i]!);
    const end = i + 1 < bounds.length ? lowerBound(keys, bounds[i + 1]!) : keys.length;
    split.push(bounds[i]!);
    const count = end - start;
    if (count > max || (!previous?.length && count > target && Number.isFinite(size))) {
      const parts = Math.ceil(count / target);
      for (let p = 1; p < parts; p++) split.push(keys[start + Math.round((p * count) / parts)]!);
    }
  }
  bounds = split;

  // Merge what has shrunk below `min` (an empty shard is never written) into its smaller neighbour.
  const counts = (): number[] => bounds.map((b, i) => (i + 1 < bounds.length ? lowerBound(keys, bounds[i + 1]!) : keys.length) - lowerBound(keys, b));
  for (let c = counts(); bounds.length > 1; c = counts()) {
    let worst = -1;
    for (let i = 0; i < c.length; i++) if ((c[i]! < min || c[i] === 0) && (worst < 0 || c[i]! < c[worst]!)) worst = i;
    if (worst < 0) break;
    // Drop the boundary between it and the smaller neighbour.
    const left = worst > 0 ? c[worst - 1]! : Infinity;
    const right = worst + 1 < c.length ? c[worst + 1]! : Infinity;
    bounds.splice(left <= right ? worst : worst + 1, 1);
    if (bounds[0] !== '') bounds.unshift('');
  }

  // Kept shards keep their names; a new one takes its start's day, made unique.
  const used = new Set(bounds.flatMap((from) => (keptNames.has(from) ? [keptNames.get(from)!] : [])));
  return bounds.map((from, i) => {
    let name = keptNames.get(from);
    if (name === undefined) {
      name = baseName(from);
      if (used.has(name)) {
        let n = 2;
        while (used.has(`${name}-${n}`)) n++;
        name = `${name}-${n}`;
      }
      used.add(name);
    }
    return { name, from, start: lowerBound(keys, from), end: i + 1 < bounds.length ? lowerBound(keys, bounds[i + 1]!) : keys.length };
  });
}
