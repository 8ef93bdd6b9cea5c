/**
 * What one input file may cost: its size, and the shapes that make a parser's time or
 * stack grow with the input (nested Markdown containers, runs of brackets, YAML aliases).
 * A file over a limit is refused with one line naming it (or, for a Markdown line, read as
 * plain text with a warning), so that one hostile file neither stops nor stalls a build.
 */
export const READ_BUDGET = {
  /** an article file larger than this is refused (real articles are under 100 KB) */
  maxFileBytes: 1024 * 1024,
  /** a saved web page (.html/.htm) larger than this is refused: pages carry scripts, styles and
   *  inline data around the story (real saved pages: 30–600 KB); the same cap as `add URL`'s download */
  maxHtmlFileBytes: 10 * 1024 * 1024,
  /** nested Markdown containers (">", "-", "1.") at a line's start read as Markdown */
  maxMarkdownNesting: 16,
  /** "[" and "]" in one Markdown line (link matching is quadratic in them) */
  maxMarkdownBrackets: 200,
  /** a Markdown line longer than this is read as plain text */
  maxMarkdownLineChars: 20_000,
  /** the front matter's YAML, in characters */
  maxFrontMatterChars: 16_000,
  /** one-line fields (title, author, agency, outlet, place, person) */
  maxLineFieldChars: 300,
  /** a URL */
  maxUrlChars: 2_000,
  /** a value quoted in a message */
  maxQuotedChars: 80,
} as const;

/** The size cap of an input file, by its kind (a saved page may be larger than a text). */
export function maxFileBytesFor(file: string): number {
  return /\.html?$/iu.test(file) ? READ_BUDGET.maxHtmlFileBytes : READ_BUDGET.maxFileBytes;
}

const CONTAINER_RE = /^[ \t]{0,3}(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]*/u;

/** How many container markers open the line ("> > - x" → 3), counted up to the limit + 1. */
function nesting(line: string): number {
  let depth = 0;
  let rest = line;
  for (;;) {
    const m = CONTAINER_RE.exec(rest);
    if (!m || depth > READ_BUDGET.maxMarkdownNesting) return depth;
    depth++;
    rest = rest.slice(m[0].length);
  }
}

/** Why a Markdown line is not given to the Markdown parser (too costly for it), or null. */
export function markdownOverBudget(line: string): string | null {
  if (line.length > READ_BUDGET.maxMarkdownLineChars) return `a line of ${line.length} characters`;
  if (nesting(line) > READ_BUDGET.maxMarkdownNesting) return `more than ${READ_BUDGET.maxMarkdownNesting} nested quotes or lists`;
  let brackets = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c === 91 || c === 93) && ++brackets > READ_BUDGET.maxMarkdownBrackets) return `more than ${READ_BUDGET.maxMarkdownBrackets} brackets`;
  }
  return null;
}

/** A value for a message: JSON, cut to a readable length (a value may be megabytes). */
export function quoted(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > READ_BUDGET.maxQuotedChars ? `${text.slice(0, READ_BUDGET.maxQuotedChars)}… (${text.length} characters)` : text;
}

/** Text cut to `max` characters at a word's end, with "…" (null when it fits). */
export function cutToLength(text: string, max: number): string | null {
  if (text.length <= max) return null;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}
