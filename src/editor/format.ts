/** Small plain-text helpers shared by the editor's reports (NFC text, no colours). */

/** At most `max` characters, cut at a word boundary, with "…" when cut. */
export function truncate(text: string, max: number): string {
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const chars = [...t];
  if (chars.length <= max) return t;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '')}…`;
}

/** Visible width of NFC text (one column per code point; combining marks take none). */
export function width(text: string): number {
  return [...text.normalize('NFC')].filter((c) => !/\p{M}/u.test(c)).length;
}

export function padEnd(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}

/** "label     value" lines with the labels aligned; empty values print as "—". */
export function fields(rows: readonly [string, string][], indent = ''): string[] {
  const w = Math.max(...rows.map(([label]) => width(label)));
  return rows.map(([label, value]) => `${indent}${padEnd(label, w)}  ${value || '—'}`);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "3 widget, 1 breadcrumb" — counts per reason, most frequent first, then by name. */
export function countsByReason(items: readonly { reason: string }[]): string {
  const counts = new Map<string, number>();
  for (const { reason } of items) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r, n]) => `${n} ${r}`).join(', ');
}
