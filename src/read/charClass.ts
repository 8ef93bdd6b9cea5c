/**
 * The Unicode classes the scanners of the rules ask about (an upper-case letter; a letter or a mark;
 * a number), per code point, found once with the property expressions and kept in a table for the
 * BMP. A hand scan over a text with this table costs a fraction of a /u expression with property
 * classes, which tests them at every position (src/lang/capitalisedRuns.ts, tokenize in
 * src/registry/).
 */
/** \p{Lu} */
export const UPPER = 1;
/** \p{L} or \p{M} */
export const LETTER_OR_MARK = 2;
/** \p{N} */
export const NUMBER = 4;

const UPPER_RE = /^\p{Lu}$/u;
const LETTER_OR_MARK_RE = /^[\p{L}\p{M}]$/u;
const NUMBER_RE = /^\p{N}$/u;
const UNKNOWN = 0xff;
const bmpClass = new Uint8Array(0x10000).fill(UNKNOWN);

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (UPPER_RE.test(ch) ? UPPER : 0) | (LETTER_OR_MARK_RE.test(ch) ? LETTER_OR_MARK : 0) | (NUMBER_RE.test(ch) ? NUMBER : 0);
}

/** the classes of a code point (a lone surrogate has none) */
export function classOf(cp: number): number {
  if (cp >= 0x10000) return classify(cp);
  let c = bmpClass[cp]!;
  if (c === UNKNOWN) {
    c = classify(cp);
    bmpClass[cp] = c;
  }
  return c;
}

/** the code point at i as a /u expression reads it, and how many code units it takes */
export function codePointAt(text: string, i: number): number {
  return text.codePointAt(i)!;
}
export const codeUnits = (cp: number): number => (cp > 0xffff ? 2 : 1);
