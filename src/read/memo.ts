/**
 * A bounded memo for a pure string function: the words of an archive repeat (a few tens of
 * thousands of syllables and names), so each is worked out once; past `limit` entries the memo
 * starts again (a bound, not an eviction policy).
 */
export function boundedMemo<T>(fn: (s: string) => T, limit: number): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let out = cache.get(s);
    if (out === undefined) {
      if (cache.size >= limit) cache.clear();
      out = fn(s);
      cache.set(s, out);
    }
    return out;
  };
}
