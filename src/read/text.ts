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

const WORD_RE = /[\p{L}\p{N}]+/gu;
/** the rules ask for the same lines' counts many times: remembered, within bounds */
const wordCounts = new Map<string, number>();
const WORD_COUNT_MEMO = 20_000;

export function wordCount(text: string): number {
  const known = wordCounts.get(text);
  if (known !== undefined) return known;
  let n = 0;
  WORD_RE.lastIndex = 0;
  while (WORD_RE.exec(text)) n++;
  if (wordCounts.size >= WORD_COUNT_MEMO) wordCounts.clear();
  wordCounts.set(text, n);
  return n;
}
