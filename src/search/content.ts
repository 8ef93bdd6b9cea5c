/**
 * What the search index receives for one article: its readable text first
 * (lede, body — Pagefind's excerpts come from here; the title is indexed as the
 * `title` meta field), then one extra line
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
 * Only the start of the body is indexed (BODY_WORDS words, to the end of that
 * sentence): on a large archive the words every article repeats ("Triều Tiên",
 * "Nga") make the index chunks a query downloads grow with the length of the
 * articles, not with their number. The people, places and outlet of the whole
 * article stay findable: their names are added as extra terms when the indexed
 * text lacks them.
 *
 * Pure: no I/O. The registries are passed in (tests give small ones).
 */
import type { ArticleRecord } from '../record.ts';
import { ownCopy } from '../ownCopy.ts';

/** The fields of a record the search index reads (the build sends only these to its search worker). */
export type SearchableRecord = Pick<ArticleRecord, 'slug' | 'title' | 'lede' | 'text' | 'published' | 'outlet' | 'originalOutlet' | 'people' | 'places'>;

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
/**
 * A memo for a pure string function: the words of an archive repeat (a few tens of
 * thousands of syllables and names), so each is normalized once per process.
 */
function memo(fn: (s: string) => string, limit = 200_000): (s: string) => string {
  const cache = new Map<string, string>();
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

export function foldAscii(text: string): string {
  return foldMemo(text);
}
const foldMemo = memo((text) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim(),
);

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
  return unique(words(text).filter((w) => /[đĐ]/.test(w)).map(foldAscii));
}

/**
 * A word as Pagefind matches it: lower case, tones and vowel marks dropped,
 * "đ" kept (it is a letter, not a mark). Pagefind splits "Jong-un" into
 * "jong" and "un" too.
 */
export function matchKey(word: string): string {
  return matchMemo(word);
}
const matchMemo = memo((word) => word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase());

const termWordCache = new Map<string, string[]>();
/** The words of a registry term or outlet name (few, repeated in every article): split once. */
function termWordsOf(term: string): string[] {
  let out = termWordCache.get(term);
  if (!out) {
    if (termWordCache.size >= 50_000) termWordCache.clear();
    out = words(term);
    termWordCache.set(term, out);
  }
  return out;
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
export function extraTerms(record: SearchableRecord, aliases: AliasTables, bodyWords = BODY_WORDS): string[] {
  const readable = [record.title, record.lede ?? '', indexedBody(record.text, bodyWords)].join('\n');
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
    const termWords = termWordsOf(term);
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

/** How many words of the body are indexed (then to the end of that sentence). */
export const BODY_WORDS = 150;
/** A sentence that has not ended this many words after the limit is cut there ("…"). */
const SENTENCE_SLACK = 40;

/**
 * The start of the body: its first `limit` words, then on to the end of that
 * sentence (or `limit + 40` words and "…"), paragraphs kept. The whole text when
 * it is short enough; Infinity for the whole text.
 */
export function indexedBody(text: string, limit = BODY_WORDS): string {
  if (!Number.isFinite(limit)) return text;
  const word = /[\p{L}\p{M}\p{N}]+/gu;
  let count = 0;
  let m: RegExpExecArray | null;
  while ((m = word.exec(text))) {
    count++;
    if (count < limit) continue;
    const end = m.index + m[0].length;
    if (count === limit) {
      // The sentence ends at the next ". ", "! ", "? ", "…" or paragraph break.
      const rest = text.slice(end);
      const stop = /[.!?…]["”’)»]*(?=\s|$)|\n\n/u.exec(rest);
      if (stop && (rest.slice(0, stop.index).match(word)?.length ?? 0) <= SENTENCE_SLACK) {
        return text.slice(0, end + stop.index + (stop[0] === '\n\n' ? 0 : stop[0].length)).trimEnd();
      }
    }
    if (count === limit + SENTENCE_SLACK) return `${text.slice(0, end)} …`;
  }
  return text;
}

/**
 * The start of a text that the site reads once copies are folded and the derived part is
 * known: what the search indexes (its first BODY_WORDS words, to the end of that sentence),
 * which holds the summaries too (180 characters at most; 150 words are more). A copy, not a
 * slice, so that the whole text can go. indexedBody(textStart(t)) === indexedBody(t): tested.
 */
export function textStart(text: string): string {
  const start = indexedBody(text);
  return start.length === text.length ? text : ownCopy(start);
}

/**
 * The indexed content: lede and the start of the body as the reader sees them, then
 * the extra terms last, so excerpts come from the article's own words. Not the title:
 * Pagefind (1.5+) indexes the title meta field itself, finds a page by its title words
 * and ranks a title match first; in the content too, every title word would be a second
 * location in the index chunks a search downloads (~12% of "trieu tien"'s).
 */
export function searchContent(record: SearchableRecord, aliases: AliasTables, bodyWords = BODY_WORDS): string {
  const parts = [record.lede, indexedBody(record.text, bodyWords)].filter((p): p is string => !!p && p.trim() !== '');
  const extra = extraTerms(record, aliases, bodyWords);
  if (extra.length) parts.push(extra.join(' · '));
  return parts.join('\n\n');
}
