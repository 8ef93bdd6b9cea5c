/**
 * The names the search page knows (/tim-kiem/ten.json): every known person and place, each
 * of its forms folded to lower-case ASCII words ("Kim Jong-il" → "kim jong il"), with the
 * archive's page of it when there is one. The page searches a query that is one of these
 * names as that name (a phrase: "kim jong il" does not find Kim Jong-un), and shows the
 * page above the results (templates/assets/search.js).
 *
 * Pure: the registries and the site's index entries are passed in. Here, not in src/search/: the
 * pages do not depend on the search code (a change there re-indexes and renders no page).
 */
import { foldAscii } from '../read/text.ts';

/** A registry entry as this module reads it. */
export interface EntityEntry {
  name: string;
  variants: readonly string[];
}

/** Lower-case ASCII words ("Kim Jong-il" → "kim jong il"), as the page folds a query (templates/assets/search-text.js foldKey). */
export function nameKey(form: string): string {
  return foldAscii(form).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export type NameKind = 'person' | 'place';

/** [folded form, kind, name as the archive writes it, its page or null] */
export type NameRow = [string, NameKind, string, string | null];

export interface SearchNames {
  names: NameRow[];
}

export function searchNames(
  registries: Record<NameKind, readonly EntityEntry[]>,
  pages: Record<NameKind, readonly { name: string; url: string }[]>,
): SearchNames {
  const rows = new Map<string, NameRow>();
  for (const kind of ['person', 'place'] as const) {
    const urlOf = new Map(pages[kind].map((p) => [p.name, p.url]));
    const known = new Map(registries[kind].map((e) => [e.name, e]));
    // the registry's entries, and the names the archive has without an entry
    const entries: EntityEntry[] = [...registries[kind], ...pages[kind].filter((p) => !known.has(p.name)).map((p) => ({ name: p.name, variants: [] }))];
    for (const e of entries) {
      for (const form of [e.name, ...e.variants]) {
        const key = nameKey(form);
        if (!key) continue;
        const row: NameRow = [key, kind, e.name, urlOf.get(e.name) ?? null];
        const before = rows.get(key);
        // one row per form: the one with a page wins (a form two entries share)
        if (!before || (!before[3] && row[3])) rows.set(key, row);
      }
    }
  }
  return { names: [...rows.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) };
}
