/**
 * What the search index receives for one article: its readable text first
 * (title, lede, body — Pagefind's excerpts come from here), then one extra line
 * of words readers may type that the article itself does not contain (a term
 * is added only when it has a word Pagefind could not match in the article):
 *
 * - every registry variant of each person and place it mentions ("Moskva" →
 *   "Moscow", "Mát-xcơ-va"; "Kiev" → "Kyiv"), so a known variant finds its
 *   canonical entity;
 * - ASCII-folded forms of those names ("Kim Jong-un" → "kim jong un",
 *   "Đà Nẵng" → "da nang");
 * - ASCII-folded forms of the words with "đ"/"Đ" ("Điện" → "dien"): Pagefind
 *   folds Vietnamese tones and vowel marks by itself ("trieu" finds "Triều"),
 *   but not "đ", which is a letter of its own, not a diacritic.
 *
 * Pure: no I/O. The registries are passed in (tests give small ones).
 */
import type { ArticleRecord } from '../record.ts';

export interface EntityEntry {
  name: string;
  variants: readonly string[];
}

/** Name → every form of it (the name first), for people and places. */
export interface AliasTables {
  people: ReadonlyMap<string, readonly string[]>;
  places: ReadonlyMap<string, readonly string[]>;
}

export function aliasTable(entries: readonly EntityEntry[]): Map<string, readonly string[]> {
  const table = new Map<string, readonly string[]>();
  for (const e of entries) table.set(e.name, unique([e.name, ...e.variants]));
  return table;
}

/** Lower-case ASCII: tones and marks dropped, "đ" → "d", hyphens and punctuation → spaces. */
export function foldAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function unique(items: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const s = item.trim();
    if (s && !seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  }
  return out;
}

/** Every form of the named entities, then their folded forms; each once. */
export function entityTerms(names: readonly string[], table: ReadonlyMap<string, readonly string[]>): string[] {
  const forms = names.flatMap((n) => table.get(n) ?? [n]);
  return unique([...forms, ...forms.map(foldAscii)]);
}

/** The folded forms of the words that contain "đ"/"Đ", each once, in order of appearance. */
export function dWords(text: string): string[] {
  const words = text.match(/[\p{L}\p{M}\p{N}]*[đĐ][\p{L}\p{M}\p{N}]*/gu) ?? [];
  return unique(words.map(foldAscii));
}

/**
 * A word as Pagefind matches it: lower case, tones and vowel marks dropped,
 * "đ" kept (it is a letter, not a mark). Pagefind splits "Jong-un" into
 * "jong" and "un" too.
 */
export function matchKey(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

function words(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/**
 * The extra terms: the registry variants of each person and place, their
 * ASCII-folded forms, the outlet names, and the folded "đ" words of the text
 * ("Điện" → "dien") — each only when it brings a word Pagefind could not
 * already match in the article, and then only its new words (so "Moscow" is
 * added to an article that writes "Moskva", but "Triều Tiên" is not repeated:
 * excerpts and ranking stay those of the article's own words).
 */
export function extraTerms(record: ArticleRecord, aliases: AliasTables): string[] {
  const readable = [record.title, record.lede ?? '', record.text].join('\n');
  const known = new Set(words(readable).map(matchKey));
  const outlets = [record.outlet, record.originalOutlet].flatMap((o) => (o ? [o.name] : []));
  const candidates = unique([
    ...entityTerms(record.people, aliases.people),
    ...entityTerms(record.places, aliases.places),
    ...outlets,
    ...outlets.map(foldAscii),
    ...dWords(readable),
  ]);
  const out: string[] = [];
  for (const term of candidates) {
    const termWords = words(term);
    const fresh = termWords.filter((w) => !known.has(matchKey(w)));
    if (!fresh.length) continue;
    // The whole term when all its words are new ("Mát-xcơ-va"), else only the new ones
    // ("Cộng hòa Dân chủ Nhân dân Triều Tiên" → "Cộng hòa Dân chủ Nhân dân"): a word the
    // article has is never repeated here, so its own sentences give the excerpt.
    out.push(fresh.length === termWords.length ? term : fresh.join(' '));
    for (const w of termWords) known.add(matchKey(w));
  }
  return out;
}

/**
 * The indexed content: title, lede and body as the reader sees them, then the
 * extra terms last, so excerpts come from the article's own words.
 */
export function searchContent(record: ArticleRecord, aliases: AliasTables): string {
  const parts = [record.title, record.lede, record.text].filter((p): p is string => !!p && p.trim() !== '');
  const extra = extraTerms(record, aliases);
  if (extra.length) parts.push(extra.join(' · '));
  return parts.join('\n\n');
}
