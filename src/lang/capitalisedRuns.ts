/**
 * Runs of two or more capitalised words in a text: what
 * /[\p{Lu}][\p{L}\p{M}-]*(?: [\p{Lu}][\p{L}\p{M}-]*)+/gu matches, found by a scan over the
 * characters with their classes from a table (the expression tests the Unicode property classes
 * at every position, and the person finder runs it over every article: it was most of that
 * finder's cost). Same matches, same order; pinned against the expression in
 * test/capitalisedRuns.test.ts.
 */
import { LETTER_OR_MARK, UPPER, classOf, codePointAt, codeUnits } from '../read/charClass.ts';

export interface Run {
  /** the run as written: words parted by single spaces */
  text: string;
  index: number;
}

const HYPHEN = 0x2d;
const SPACE = 0x20;

/** the end of the word that goes on at i: letters, marks and hyphens */
function wordEnd(text: string, i: number): number {
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if (cp !== HYPHEN && !(classOf(cp) & LETTER_OR_MARK)) break;
    i += codeUnits(cp);
  }
  return i;
}

const isUpperAt = (text: string, i: number): boolean => i < text.length && (classOf(codePointAt(text, i)) & UPPER) !== 0;

export function capitalisedRuns(text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if (!(classOf(cp) & UPPER)) { i += codeUnits(cp); continue; }
    const start = i;
    let end = wordEnd(text, i + codeUnits(cp));
    let words = 1;
    while (end < text.length && text.charCodeAt(end) === SPACE && isUpperAt(text, end + 1)) {
      end = wordEnd(text, end + 1 + codeUnits(codePointAt(text, end + 1)));
      words++;
    }
    if (words > 1) runs.push({ text: text.slice(start, end), index: start });
    // a single word: no run starts inside it either (it ends where this one does)
    i = end;
  }
  return runs;
}
