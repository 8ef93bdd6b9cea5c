/**
 * Related articles without comparing all pairs: an inverted index from each
 * entity (person, place, day) to the articles that mention it, in archive
 * order (newest first). An article only looks at the `window` neighbours on
 * each side of its own position in each of its posting lists, so the cost is
 * O(articles × entities × window) however large the archive grows, and the
 * candidates are the ones nearest in time.
 */
import type { ArticleRecord } from '../record.ts';
import { dayNumber } from './dates.ts';

export interface RelatedOptions {
  /** how many related articles to keep per article */
  limit?: number;
  /** neighbours looked at on each side in each posting list */
  window?: number;
  /** at most this many entities per article are used (the rarest ones) */
  maxKeys?: number;
}

const KIND_WEIGHT: Record<string, number> = { p: 2, l: 1, d: 1.5 };

function keysOf(r: ArticleRecord): string[] {
  const keys = new Set<string>();
  for (const p of r.people) keys.add(`p:${p}`);
  for (const l of r.places) keys.add(`l:${l}`);
  if (r.published.date) keys.add(`d:${r.published.date}`);
  return [...keys];
}

/** `records` must already be in archive order; returns, per record, indices into `records`. */
export function relatedIndices(records: readonly ArticleRecord[], options: RelatedOptions = {}): number[][] {
  const limit = options.limit ?? 5;
  const window = options.window ?? 12;
  const maxKeys = options.maxKeys ?? 16;
  const n = records.length;

  const allKeys = records.map(keysOf);
  const df = new Map<string, number>();
  for (const keys of allKeys) for (const k of keys) df.set(k, (df.get(k) ?? 0) + 1);

  // Keep each article's rarest keys (ties broken by the key itself: deterministic).
  const keys = allKeys.map((ks) =>
    ks
      .filter((k) => (df.get(k) ?? 0) > 1)
      .sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, maxKeys),
  );

  const postings = new Map<string, number[]>();
  const positions: number[][] = keys.map((ks, i) =>
    ks.map((k) => {
      let list = postings.get(k);
      if (!list) postings.set(k, (list = []));
      list.push(i);
      return list.length - 1;
    }),
  );

  const weight = (k: string): number => (KIND_WEIGHT[k[0] ?? ''] ?? 1) * Math.log(1 + n / (df.get(k) ?? 1));
  const days = records.map((r) => (r.published.date ? dayNumber(r.published.date) : null));

  return records.map((_, i) => {
    const scores = new Map<number, number>();
    const ks = keys[i] ?? [];
    const pos = positions[i] ?? [];
    ks.forEach((k, j) => {
      const list = postings.get(k) ?? [];
      const at = pos[j] ?? 0;
      const w = weight(k);
      const end = Math.min(list.length - 1, at + window);
      for (let t = Math.max(0, at - window); t <= end; t++) {
        const other = list[t];
        if (other === undefined || other === i) continue;
        scores.set(other, (scores.get(other) ?? 0) + w);
      }
    });
    const di = days[i];
    const ranked: [number, number][] = [];
    for (const [other, score] of scores) {
      const dj = days[other];
      const near = di != null && dj != null ? 1 / (1 + Math.abs(di - dj) / 30) : 0;
      // Round so the order never hangs on the last bits of a float.
      ranked.push([other, Math.round((score + near) * 1e6)]);
    }
    ranked.sort((a, b) => b[1] - a[1] || Math.abs(a[0] - i) - Math.abs(b[0] - i) || a[0] - b[0]);
    return ranked.slice(0, limit).map(([other]) => other);
  });
}
