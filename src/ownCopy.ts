/**
 * A string that holds on to no other. In V8 a slice of a long string (`text.slice(0, 180)`)
 * can keep the whole long string alive: a value kept for the rest of the build (a summary,
 * the indexed start of a text) is copied out with this, or an archive's texts stay in memory
 * through their summaries. The copy is exact (UTF-16 code units, lone surrogates included).
 */
export function ownCopy(s: string): string {
  return s.length === 0 ? s : Buffer.from(s, 'utf16le').toString('utf16le');
}
