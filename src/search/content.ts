/**
 * What the search index receives for one article (searchDocument): the article's own
 * text — lede, the whole body, the photo captions — then one extra line of words
 * readers may type that the article itself does not contain (a term is added only when
 * it has a word Pagefind could not match in the article):
 *
 * - every registry variant of each person and place it mentions ("Moskva" →
 *   "Moscow", "Mát-xcơ-va"; "Kiev" → "Kyiv"), so a known variant finds its
 *   canonical entity;
 * - the outlet's names.
 *
 * "đ" is a letter of its own, not a diacritic: Pagefind folds tones and vowel marks
 * ("trieu" finds "Triều") but not "đ". So the indexed text has every "đ"/"Đ" written
 * "d"/"D" (same length, same words: foldD), the page folds the reader's query the same
 * way (templates/assets/search-text.js), and "doi tac", quoted or not, finds "đối tác".
 * The letters are put back for the reader: the record's meta `dd` lists where they were.
 *
 * Excerpts never show the extra line: the meta `w` is the number of the article's own
 * words, and the page makes each excerpt from those words only (search-text.js).
 *
 * Pure: no I/O. The registries are passed in (tests give small ones).
 */
import type { ArticleRecord } from '../record.ts';
import { ownCopy } from '../ownCopy.ts';
import { boundedMemo } from '../read/memo.ts';

/** The fields of a record the search index reads (the build sends only these to its search worker). */
export type SearchableRecord = Pick<ArticleRecord, 'slug' | 'title' | 'lede' | 'text' | 'published' | 'outlet' | 'originalOutlet' | 'people' | 'places' | 'captions'>;

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

/** the words of an archive repeat (a few tens of thousands of syllables and names): each normalized once per process */
const WORD_MEMO = 200_000;

/** Lower-case ASCII: tones and marks dropped, "đ" → "d", hyphens and punctuation → spaces. */
export function foldAscii(text: string): string {
  return foldMemo(text);
}
const foldMemo = boundedMemo((text) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim(),
  WORD_MEMO,
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

/**
 * A word as Pagefind matches it in this index: lower case, tones and vowel marks dropped,
 * "đ" as "d" (the indexed text is foldD's). Pagefind splits "Jong-un" into "jong" and "un" too.
 */
export function matchKey(word: string): string {
  return matchMemo(word);
}
const matchMemo = boundedMemo((word) => foldD(word.normalize('NFD').replace(/\p{M}+/gu, '')).toLowerCase(), WORD_MEMO);

/** The words of a registry term or outlet name (few, repeated in every article): split once. */
const termWordsOf = boundedMemo((term) => words(term), 50_000);

function words(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** "đ" → "d", "Đ" → "D": the same length, the same words (Pagefind does not fold "đ"; see the top). */
export function foldD(text: string): string {
  return text.replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** A hyphen between two letters ("Jong-un", "Mát-xcơ-va"): indexed as a space (see indexedText). */
const INNER_HYPHEN = /(?<=[\p{L}\p{M}\p{N}])-(?=[\p{L}\p{N}])/gu;
/** Words as Pagefind splits a record's content for its locations and excerpts. */
const SEPARATORS = /[^\S\uFEFF]+/;

/** Numbers as the marks write them: each the distance from the one before, in base 36, joined by ".". */
function deltas(values: readonly number[]): string {
  let last = 0;
  return values.map((v) => {
    const d = (v - last).toString(36);
    last = v;
    return d;
  }).join('.');
}

/** The article's text as the index holds it, and what the page needs to show it as written. */
export interface IndexedText {
  /** foldD, and every hyphen between letters a space: "Kim Jong-un" is the words "Kim Jong un" */
  text: string;
  /** its words (split as Pagefind splits them) */
  words: number;
  /** the words that had "đ": word numbers (deltas), "-" before a capital's, ":n" when not its first letter */
  d: string;
  /** the words followed by a hyphen, not a space (deltas) */
  h: string;
}

/**
 * The article's own text as it is indexed: "đ" → "d" (Pagefind folds tones, not "đ") and a
 * hyphen between letters → a space, so that "doi tac" and the phrase "kim jong un" match the
 * words as written ("đối tác", "Kim Jong-un"; Pagefind would index "Jong-un" as one word
 * "jongun" beside "jong" and "un", and a phrase across it fails). The page puts the letters
 * and hyphens back with the marks (templates/assets/search-text.js, shownWords).
 */
export function indexedText(text: string): IndexedText {
  const out: string[] = [];
  const d: string[] = [];
  const hWords: number[] = [];
  let lastD = 0;
  for (const word of text.split(SEPARATORS)) {
    if (!word) continue;
    const parts = word.split(INNER_HYPHEN);
    parts.forEach((part, k) => {
      const n = out.length;
      if (k < parts.length - 1) hWords.push(n);
      const at = part.search(/[đĐ]/);
      if (at >= 0) {
        d.push(`${part[at] === 'Đ' ? '-' : ''}${(n - lastD).toString(36)}${at ? `:${at.toString(36)}` : ''}`);
        lastD = n;
      }
      out.push(foldD(part));
    });
  }
  return { text: out.join(' '), words: out.length, d: d.join('.'), h: deltas(hWords) };
}

/**
 * The extra terms: the registry variants of each person and place, and the outlet
 * names — each only when it brings a word Pagefind could not already match in the
 * article, and then only its new words (so "Moscow" is added to an article that writes
 * "Moskva", but "Triều Tiên" is not repeated). Written with foldD, as the indexed text.
 */
export function extraTerms(record: SearchableRecord, aliases: AliasTables, bodyWords = Infinity): string[] {
  const readable = [record.title, ownText(record, bodyWords)].join('\n');
  const known = new Set(words(readable).map(matchKey));
  const outlets = [record.outlet, record.originalOutlet].flatMap((o) => (o ? [o.name] : []));
  const candidates = unique([
    ...entityTerms(record.people, aliases.people),
    ...entityTerms(record.places, aliases.places),
    ...outlets,
  ]);
  const out: string[] = [];
  for (const term of candidates) {
    const termWords = termWordsOf(term);
    const fresh = termWords.filter((w) => !known.has(matchKey(w)));
    if (!fresh.length) continue;
    // The whole term when all its words are new ("Mát-xcơ-va"), else only the new ones
    // ("Cộng hòa Dân chủ Nhân dân Triều Tiên" → "Cộng hòa Dân chủ Nhân dân").
    out.push(foldD(fresh.length === termWords.length ? term : fresh.join(' ')).replace(INNER_HYPHEN, ' '));
    for (const w of termWords) known.add(matchKey(w));
  }
  return out;
}

/**
 * How many words of a body the site keeps once the records are read (summaries), and the
 * search indexed before it took the whole text (searchDocument's `bodyWords`; the bench can
 * still ask for it).
 */
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
 * known (summaries: 180 characters at most; 150 words are more). A copy, not a slice, so
 * that the whole text can go. The search is sent the whole text before (src/search/worker.ts).
 */
export function textStart(text: string): string {
  const start = indexedBody(text);
  return start.length === text.length ? text : ownCopy(start);
}

/** The article's own words as the reader sees them: lede, body (its first `bodyWords` words), captions. */
export function ownText(record: SearchableRecord, bodyWords = Infinity): string {
  return [record.lede, indexedBody(record.text, bodyWords), ...(record.captions ?? []).map((c) => c.text)]
    .filter((p): p is string => !!p && p.trim() !== '')
    .join('\n\n');
}

/** What the index receives for one article: its content, and the meta that gives the reader its own text back. */
export interface SearchDocument {
  /** the article's own text then the extra terms (indexedText) */
  content: string;
  /** how many words of `content` are the article's own (the excerpts' limit) */
  words: number;
  /** indexedText's marks of the article's own text */
  d: string;
  h: string;
}

/**
 * The indexed content: lede, body and captions as the reader sees them (indexedText), then
 * the extra terms last. Not the title: Pagefind (1.5+) indexes the title meta field itself,
 * finds a page by its title words and ranks a title match first.
 */
export function searchDocument(record: SearchableRecord, aliases: AliasTables, bodyWords = Infinity): SearchDocument {
  const own = indexedText(ownText(record, bodyWords));
  const extra = extraTerms(record, aliases, bodyWords);
  return {
    content: extra.length ? `${own.text}\n\n${extra.join(' · ')}` : own.text,
    words: own.words,
    d: own.d,
    h: own.h,
  };
}

/** The indexed content alone (searchDocument's). */
export function searchContent(record: SearchableRecord, aliases: AliasTables, bodyWords = Infinity): string {
  return searchDocument(record, aliases, bodyWords).content;
}
