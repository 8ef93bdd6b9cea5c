/** The bench's arithmetic: medians, ratios, rounding, the JSON shape and the table. */

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** a / b, or null when either is missing or b is zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

export function round(x: number | null, digits = 2): number | null {
  if (x === null) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export interface Result {
  name: string;
  seconds: number | null;
  peakRssMB: number | null;
  /** runs that produced this median */
  runs?: number;
  skipped?: string;
}

export interface Ratios {
  coldVsEleventy: number | null;
  coldVsHugo: number | null;
  warmVsHugo: number | null;
  addOneVsCold: number | null;
}

export interface BenchReport {
  articles: number;
  results: Result[];
  ratios: Ratios;
  notes: string[];
  machine?: Record<string, string | number>;
}

export const NAMES = {
  cold: 'ours: cold build',
  warm: 'ours: warm rebuild',
  addOne: 'ours: add one article',
  eleventy: 'eleventy',
  eleventyPagefind: 'eleventy + pagefind',
  hugo: 'hugo',
  hugoPagefind: 'hugo + pagefind',
} as const;

/** Several runs of one row → one row of medians (time and memory each the median of its own runs). */
export function summarise(name: string, runs: readonly { seconds: number; peakRssMB: number }[], skipped?: string): Result {
  if (skipped !== undefined || runs.length === 0) return { name, seconds: null, peakRssMB: null, runs: 0, skipped: skipped ?? 'no successful run' };
  return {
    name,
    seconds: round(median(runs.map((r) => r.seconds)), 3),
    peakRssMB: round(median(runs.map((r) => r.peakRssMB)), 1),
    runs: runs.length,
  };
}

export function computeRatios(results: readonly Result[]): Ratios {
  const s = (name: string) => results.find((r) => r.name === name)?.seconds ?? null;
  return {
    coldVsEleventy: round(ratio(s(NAMES.cold), s(NAMES.eleventyPagefind)), 3),
    coldVsHugo: round(ratio(s(NAMES.cold), s(NAMES.hugoPagefind)), 3),
    warmVsHugo: round(ratio(s(NAMES.warm), s(NAMES.hugo)), 3),
    addOneVsCold: round(ratio(s(NAMES.addOne), s(NAMES.cold)), 3),
  };
}

export function formatTable(report: BenchReport): string {
  const rows = report.results.map((r) => [
    r.name,
    r.seconds === null ? '—' : r.seconds.toFixed(2),
    r.peakRssMB === null ? '—' : r.peakRssMB.toFixed(0),
    r.skipped ? `not run: ${r.skipped}` : `median of ${r.runs}`,
  ]);
  const head = ['', 'seconds', 'peak RSS MB', ''];
  const width = [0, 1, 2].map((i) => Math.max(head[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => [row[0]!.padEnd(width[0]!), row[1]!.padStart(width[1]!), row[2]!.padStart(width[2]!), row[3]].join('   ').trimEnd();
  const fmt = (x: number | null, target: string) => (x === null ? `—  (${target})` : `${x.toFixed(2)}×  (${target})`);
  const out = [`${report.articles} articles`, line(head), ...rows.map(line), '',
    `coldVsEleventy  ${fmt(report.ratios.coldVsEleventy, 'our cold / Eleventy+Pagefind; target ≤ 1.0, aim 0.75')}`,
    `coldVsHugo      ${fmt(report.ratios.coldVsHugo, 'our cold / Hugo+Pagefind')}`,
    `warmVsHugo      ${fmt(report.ratios.warmVsHugo, 'our warm / Hugo without search; target ≤ 0.5')}`,
    `addOneVsCold    ${fmt(report.ratios.addOneVsCold, 'our add-one / our cold; target ≤ 0.1')}`];
  if (report.notes.length) out.push('', ...report.notes.map((n) => `note: ${n}`));
  return out.join('\n');
}
