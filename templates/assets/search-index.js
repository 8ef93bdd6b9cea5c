// The search index in the browser: Pagefind over the shards of pagefind/ (src/search/).
// pagefind/shards.json lists them newest first; the first is Pagefind's primary index and the
// others are merged into it (mergeIndex: Pagefind's multi-site search), so one search covers
// them all and Pagefind sums the filter counts. Each record has a "shard" filter: it is hidden
// from the counts, and it lets "newest first" walk the shards in order (they are contiguous
// ranges of dates), since Pagefind orders a merged sorted search by each shard's own ranks.

const SHARD = 'shard';

function withoutShard(counts) {
  const out = { ...(counts ?? {}) };
  delete out[SHARD];
  return out;
}

/**
 * Opens the index under `base` (the URL of the pagefind/ folder). Resolves to
 * { shards, filters(), search(term, { filters, order }) } (order "desc": newest first, "asc": oldest
 * first, else by relevance), where a search resolves to
 * { total, filters, slice(from, to) → Promise<Pagefind results> }.
 */
export async function openIndex(base, options = {}) {
  const response = await fetch(new URL('shards.json', base));
  if (!response.ok) throw new Error(`shards.json: ${response.status}`);
  const { shards } = await response.json();
  if (!shards.length) {
    const none = { total: 0, filters: {}, slice: async () => [] };
    return { shards, filters: async () => ({}), search: async () => none };
  }
  const folder = (shard) => new URL(`shards/${encodeURIComponent(shard.name)}/`, base);
  const pagefindOptions = { baseUrl: '/', ...options };
  const pf = await import(new URL('pagefind.js', folder(shards[0])).href);
  // noWorker: Pagefind would otherwise fetch pagefind-worker.js (43 KB, the same engine again)
  // to search off the main thread; on this index a search takes milliseconds, the download more.
  await pf.options({ ...pagefindOptions, noWorker: true });
  await Promise.all(shards.slice(1).map((s) => pf.mergeIndex(folder(s).pathname, pagefindOptions)));

  async function search(term, { filters = {}, order = null } = {}) {
    const newest = order === 'desc' || order === 'asc';
    // oldest first by its own key, where the undated come last (in "date" they are year 0000)
    const sort = order === 'asc' ? { sort: { oldest: 'asc' } } : order === 'desc' ? { sort: { date: 'desc' } } : {};
    const all = await pf.search(term, { filters, ...sort });
    if (!all) return null;
    const found = { total: all.results.length, filters: withoutShard(all.filters), totalFilters: withoutShard(all.totalFilters) };
    if (!newest || shards.length === 1) return { ...found, slice: async (from, to) => all.results.slice(from, to) };

    // By date: shard by shard (newest first, or oldest first), each sorted by Pagefind, only as many as
    // the slice needs. (Oldest first over several shards, the undated come at the end of the oldest
    // shard, where shard planning puts them, not at the very end: a known limit.) The per-shard counts are known once the filters are loaded: empty shards are skipped.
    const perShard = all.filters?.[SHARD];
    const inOrder = order === 'asc' ? [...shards].reverse() : shards;
    const pending = perShard ? inOrder.filter((s) => (perShard[s.name] ?? 0) > 0) : [...inOrder];
    const sorted = [];
    return {
      ...found,
      async slice(from, to) {
        while (sorted.length < to && pending.length) {
          const shard = pending.shift();
          const part = await pf.search(term, { filters: { ...filters, [SHARD]: shard.name }, ...sort });
          sorted.push(...(part?.results ?? []));
        }
        return sorted.slice(from, to);
      },
    };
  }

  return {
    shards,
    filters: async () => withoutShard(await pf.filters()),
    search,
  };
}
