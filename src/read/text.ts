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

export function wordCount(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}
