/** Whole-text normalisation: line ends and Unicode form. */

export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function toNFC(text: string): string {
  return text.normalize('NFC');
}

/** Fold to ASCII lower case for comparisons: "Triều Tiên" → "trieu tien". */
export function foldAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** ASCII, lower-case, hyphenated ("Điện Kremlin: Nga…" → "dien-kremlin-nga…"). */
export function slugify(text: string, maxLength = 80): string {
  const slug = foldAscii(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** a word: a run of letters and digits */
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
let wordUnits: Uint8Array | undefined;
/** per UTF-16 unit below U+10000: 1 when WORD_CHAR_RE matches it (surrogates: 0); made once, on first use */
function wordUnitTable(): Uint8Array {
  if (wordUnits) return wordUnits;
  wordUnits = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && WORD_CHAR_RE.test(String.fromCharCode(c))) wordUnits[c] = 1;
  return wordUnits;
}

/** How many runs of letters and digits (/[\p{L}\p{N}]+/gu) `text` has, read unit by unit from a table: the rules count every line, and the regex took 5% of a parse. */
function countWords(text: string): number {
  const table = wordUnitTable();
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let isWord: boolean;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      // a character beyond U+FFFF (a pair of units), or a lone surrogate, which is no letter
      const point = text.codePointAt(i)!;
      isWord = point > 0xffff && WORD_CHAR_RE.test(String.fromCodePoint(point));
      if (point > 0xffff) i++;
    } else {
      isWord = table[unit] === 1;
    }
    if (isWord && !inWord) n++;
    inWord = isWord;
  }
  return n;
}
/** the rules ask for the same lines' counts many times: remembered, within bounds */
const wordCounts = new Map<string, number>();
/** Forgets the counts: their lines are often slices that keep a whole article text alive (parseArticle calls it after each article). */
export function forgetWordCounts(): void {
  wordCounts.clear();
}
const WORD_COUNT_MEMO = 20_000;

export function wordCount(text: string): number {
  const known = wordCounts.get(text);
  if (known !== undefined) return known;
  const n = countWords(text);
  if (wordCounts.size >= WORD_COUNT_MEMO) wordCounts.clear();
  wordCounts.set(text, n);
  return n;
}
