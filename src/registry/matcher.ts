/**
 * Finding a registry's names in text: the words of a text (tokenize, once per line for every matcher),
 * and a trie of each entity's variants, longest match first (EntityMatcher).
 */
import { foldAscii } from '../read/text.ts';
import { boundedMemo } from '../read/memo.ts';
import { LETTER_OR_MARK, NUMBER, classOf, codePointAt, codeUnits } from '../read/charClass.ts';

export const L = '[\\p{L}\\p{N}]';

export interface Mention {
  /** canonical name */
  name: string;
  index: number;
  end: number;
  /** the text as written */
  text: string;
}

export interface Token { text: string; index: number; end: number }
const WORD_CLASSES = LETTER_OR_MARK | NUMBER;
const PUNCT_WORDS: ReadonlySet<number> = new Set([0x2e, 0x26, 0x2b]);
/**
 * Words of a name or a text: letters and digits; ".", "&" and "+" count as words ("V.Putin", "TG&VN",
 * "Vietnam+"). What /[\p{L}\p{M}\p{N}]+|[.&+]/gu matches, by a scan with the class table
 * (src/read/charClass.ts): every registry scans every line with it.
 */
export function scanTokens(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if (classOf(cp) & WORD_CLASSES) {
      const start = i;
      i += codeUnits(cp);
      while (i < text.length) {
        const next = codePointAt(text, i);
        if (!(classOf(next) & WORD_CLASSES)) break;
        i += codeUnits(next);
      }
      out.push({ text: text.slice(start, i), index: start, end: i });
      continue;
    }
    if (PUNCT_WORDS.has(cp)) out.push({ text: text[i]!, index: i, end: i + 1 });
    i += codeUnits(cp);
  }
  return out;
}
/** the rules of one parse tokenize the same lines (agencies, people and places, document rules): remembered, within bounds */
const tokenMemo = new Map<string, readonly Token[]>();
const TOKEN_MEMO = 2_000;
/** Forgets the remembered lines, often slices that keep a whole article text alive (parseArticle calls it after each article). */
export function forgetTokens(): void {
  tokenMemo.clear();
}
/** the words of a text, once, for all the registries that scan it */
export function tokenize(text: string): readonly Token[] {
  const known = tokenMemo.get(text);
  if (known) return known;
  const out = scanTokens(text);
  if (tokenMemo.size >= TOKEN_MEMO) tokenMemo.clear();
  tokenMemo.set(text, out);
  return out;
}

interface TrieNode { next: Map<string, TrieNode>; name?: string }

/**
 * Finds canonical entities in text by their variants: a trie of words, longest match
 * first; a space and a hyphen are the same ("Kim Jong Un" ~ "Kim Jong-un").
 */
function addToTrie(root: TrieNode, words: readonly string[], name: string): void {
  let node = root;
  for (const w of words) {
    let child = node.next.get(w);
    if (!child) { child = { next: new Map() }; node.next.set(w, child); }
    node = child;
  }
  node.name ??= name;
}

function longestAt(root: TrieNode, words: readonly string[], at: number): { name: string; length: number } | undefined {
  let node: TrieNode | undefined = root;
  let best: { name: string; length: number } | undefined;
  for (let i = at; i < words.length && node; i++) {
    node = node.next.get(words[i]!);
    if (node?.name) best = { name: node.name, length: i - at + 1 };
  }
  return best;
}

/**
 * The words of a line's tokens, as written and folded: every matcher scans the same lines (the token
 * arrays are tokenize's, one per line), so each is made once per line, not once per matcher.
 */
const writtenWords = new WeakMap<readonly Token[], readonly string[]>();
const foldedWords = new WeakMap<readonly Token[], readonly string[]>();
/** folded words, within bounds: an archive's texts use the same few thousand words */
const foldWord = boundedMemo(foldAscii, 20_000);
function wordsOf(tokens: readonly Token[]): readonly string[] {
  let w = writtenWords.get(tokens);
  if (!w) { w = tokens.map((t) => t.text); writtenWords.set(tokens, w); }
  return w;
}
function foldedWordsOf(tokens: readonly Token[]): readonly string[] {
  let w = foldedWords.get(tokens);
  if (!w) { w = tokens.map((t) => foldWord(t.text)); foldedWords.set(tokens, w); }
  return w;
}

export class EntityMatcher {
  /** words as written (or folded when matching ignores case) */
  private readonly exact: TrieNode = { next: new Map() };
  /** words folded to ASCII lower case, for `canonical` */
  private readonly folded: TrieNode = { next: new Map() };
  constructor(entries: readonly { name: string; variants: readonly string[] }[], private readonly caseSensitive: boolean) {
    for (const e of entries) {
      for (const v of [e.name, ...e.variants]) {
        const words = tokenize(v).map((t) => t.text);
        if (words.length === 0) continue;
        addToTrie(this.exact, words.map((w) => this.fold(w)), e.name);
        addToTrie(this.folded, words.map(foldAscii), e.name);
      }
    }
  }
  private fold(word: string): string {
    return this.caseSensitive ? word : foldAscii(word);
  }
  /** the entity that a whole text names, whatever its case and accents */
  canonical(text: string): string | undefined {
    const tokens = tokenize(text);
    const words = wordsOf(tokens);
    if (words.length === 0) return undefined;
    const exact = longestAt(this.exact, this.caseSensitive ? words : foldedWordsOf(tokens), 0);
    if (exact && exact.length === words.length) return exact.name;
    const loose = longestAt(this.folded, foldedWordsOf(tokens), 0);
    return loose && loose.length === words.length ? loose.name : undefined;
  }
  scan(text: string, tokens: readonly Token[] = tokenize(text)): Mention[] {
    const found: Mention[] = [];
    const words = this.caseSensitive ? wordsOf(tokens) : foldedWordsOf(tokens);
    for (let i = 0; i < words.length;) {
      const m = longestAt(this.exact, words, i);
      if (!m) { i++; continue; }
      const first = tokens[i]!;
      const last = tokens[i + m.length - 1]!;
      found.push({ name: m.name, index: first.index, end: last.end, text: text.slice(first.index, last.end) });
      i += m.length;
    }
    return found;
  }
}

const WORD_CHAR_RE = /^[\p{L}\p{N}]$/u;
/** the code point that ends text[0, at) */
function codePointBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && at >= 2 && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff;
  return text.slice(pair ? at - 2 : at - 1, at);
}
/** The matches of a global expression that do not start right after a letter or a digit: what (?<![\p{L}\p{N}]) before it would give. */
export function* notAfterWord(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > 0 && WORD_CHAR_RE.test(codePointBefore(text, m.index))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    yield m;
  }
}
