/**
 * Runs of two or more capitalised words in a text: what
 * /[\p{Lu}][\p{L}\p{M}-]*(?: [\p{Lu}][\p{L}\p{M}-]*)+/gu matches, found by a scan over the
 * characters with a table of their classes (the regular expression tests the Unicode property
 * classes at every position of the text, and the person finder runs it over every article: it was
 * most of that finder's cost). Same matches, same order; pinned against the expression in
 * test/capitalisedRuns.test.ts.
 */
export interface Run {
  /** the run as written: words parted by single spaces */
  text: string;
  index: number;
}

const UPPER = 1;
/** a letter or a mark: a word goes on */
const WORD = 2;
const UPPER_RE = /^\p{Lu}$/u;
const WORD_RE = /^[\p{L}\p{M}]$/u;
/** the class of each BMP code unit, found once when first met (0xff: not yet) */
const bmpClass = new Uint8Array(0x10000).fill(0xff);

function classOf(cp: number): number {
  if (cp < 0x10000) {
    const known = bmpClass[cp]!;
    if (known !== 0xff) return known;
  }
  const ch = String.fromCodePoint(cp);
  const c = (UPPER_RE.test(ch) ? UPPER : 0) | (WORD_RE.test(ch) ? WORD : 0);
  if (cp < 0x10000) bmpClass[cp] = c;
  return c;
}

/** the code point at i, as a /u expression reads it (a lone surrogate is itself) */
function codePointAt(text: string, i: number): number {
  return text.codePointAt(i)!;
}
const width = (cp: number): number => (cp > 0xffff ? 2 : 1);
const HYPHEN = 0x2d;
const SPACE = 0x20;

/** the end of the word that starts at i: letters, marks and hyphens */
function wordEnd(text: string, i: number): number {
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if (cp !== HYPHEN && !(classOf(cp) & WORD)) break;
    i += width(cp);
  }
  return i;
}

const isUpperAt = (text: string, i: number): boolean => i < text.length && (classOf(codePointAt(text, i)) & UPPER) !== 0;

export function capitalisedRuns(text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if (!(classOf(cp) & UPPER)) { i += width(cp); continue; }
    const start = i;
    let end = wordEnd(text, i + width(cp));
    let words = 1;
    while (end < text.length && text.charCodeAt(end) === SPACE && isUpperAt(text, end + 1)) {
      const next = codePointAt(text, end + 1);
      end = wordEnd(text, end + 1 + width(next));
      words++;
    }
    if (words > 1) runs.push({ text: text.slice(start, end), index: start });
    // a single word: no run starts inside it either (it ends where this one does)
    i = end;
  }
  return runs;
}
