/**
 * Bidirectional control characters (U+202A–U+202E embeddings and overrides, U+2066–U+2069
 * isolates, U+200E/U+200F marks) have no use in Vietnamese text, and one in a title or a
 * name makes it read backwards ("Trojan Source"). They are removed from the whole text as
 * it is read, with a warning that counts them.
 */
const BIDI_RE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/gu;

export function withoutBidiControls(text: string): { text: string; removed: number; line: number } {
  const first = text.search(BIDI_RE);
  if (first < 0) return { text, removed: 0, line: 1 };
  let removed = 0;
  const clean = text.replace(BIDI_RE, () => { removed++; return ''; });
  return { text: clean, removed, line: text.slice(0, first).split('\n').length };
}
