/**
 * Write the editor's flags (--title, --date, --outlet, --url) as YAML front
 * matter at the top of an article's text. Nothing else of the text changes:
 * an existing front matter block keeps its other keys and lines; the line
 * ends of the file are kept.
 */

export interface FrontMatterFlags {
  title?: string;
  date?: string;
  outlet?: string;
  url?: string;
}

const KEYS = ['title', 'date', 'outlet', 'url'] as const;
type Key = (typeof KEYS)[number];

export const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const HTTP_URL_RE = /^https?:\/\/[^\s<>"']+$/i;
const YAML_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', '~']);
const FENCE_RE = /^---[ \t]*\r?\n(?:([^]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Why a flag's value cannot be written, or null when it can. */
export function flagProblem(key: Key, value: string): string | null {
  if (!value.trim()) return `--${key} must not be empty`;
  if (/[\r\n]/.test(value)) return `--${key} must be one line`;
  if (key === 'date' && !ISO_DATE_RE.test(value)) return `--date must be an ISO date (2024-06-19) or date-time (2024-06-19T08:30)`;
  if (key === 'url' && !HTTP_URL_RE.test(value)) return `--url must be an http(s) URL`;
  return null;
}

/** One YAML scalar: plain when it cannot be misread, otherwise double-quoted (JSON is valid YAML). */
export function yamlScalar(key: Key, value: string): string {
  const v = value.trim();
  if (key === 'date' && ISO_DATE_RE.test(v)) return v;
  if (/^[a-z][a-z0-9.-]*$/i.test(v) && !YAML_WORDS.has(v.toLowerCase())) return v;
  return JSON.stringify(v);
}

export function frontMatterLines(flags: FrontMatterFlags): string[] {
  return KEYS.filter((k) => flags[k] !== undefined).map((k) => `${k}: ${yamlScalar(k, flags[k]!)}`);
}

/** Lines of an existing YAML block without the top-level keys being replaced (and their continuation lines). */
function withoutKeys(yamlLines: string[], keys: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let skipping = false;
  for (const line of yamlLines) {
    const top = /^["']?([A-Za-z_][\w-]*)["']?\s*:/.exec(line);
    if (top) skipping = keys.has(top[1]!);
    else if (!/^[ \t]|^-/.test(line) && line.trim()) skipping = false;
    if (!skipping) out.push(line);
  }
  return out;
}

/** The text with the flags as front matter; the text itself when no flag is given. */
export function withFrontMatter(text: string, flags: FrontMatterFlags): string {
  const lines = frontMatterLines(flags);
  if (lines.length === 0) return text;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const fence = FENCE_RE.exec(text);
  if (!fence) return `---${eol}${lines.join(eol)}${eol}---${eol}${text}`;
  const given = new Set(KEYS.filter((k) => flags[k] !== undefined));
  const kept = withoutKeys((fence[1] ?? '').split(/\r?\n/), given).filter((l, i, all) => l.trim() || i < all.length - 1);
  return `---${eol}${[...kept, ...lines].join(eol)}${eol}---${eol}${text.slice(fence[0].length)}`;
}
