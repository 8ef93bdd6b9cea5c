/**
 * Optional YAML front matter (gray-matter): what the editor knows and the page lost.
 * Keys override extraction. Unknown keys are warnings; malformed values are errors.
 */
import matter from 'gray-matter';
import { z } from 'zod';
import { cleanInlineText } from './htmlClean.ts';
import { quoted, READ_BUDGET } from './budget.ts';

/** most values a front matter may hold, all levels together (its keys hold a few each) */
const MAX_YAML_VALUES = 500;

/**
 * Why the parsed YAML is refused, or null: a value reached twice (a YAML alias, "*name": a few
 * of them nested make a "billion laughs" of gigabytes once the value is read), or too many values.
 */
function yamlShapeProblem(root: unknown): string | null {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  let count = 0;
  while (stack.length) {
    const v = stack.pop();
    if (++count > MAX_YAML_VALUES) return `front matter holds more than ${MAX_YAML_VALUES} values`;
    if (v === null || typeof v !== 'object') continue;
    if (seen.has(v)) return 'front matter reuses a value through a YAML alias (*name); write the value out';
    seen.add(v);
    stack.push(...(Array.isArray(v) ? v.slice(0, MAX_YAML_VALUES + 1) : Object.values(v).slice(0, MAX_YAML_VALUES + 1)));
  }
  return null;
}

export interface FrontMatterFinding {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  ruleId: string;
}

export interface FrontMatter {
  title?: string;
  /** raw text as the editor wrote it; parsed by the date grammar */
  date?: string;
  outlet?: string;
  authors?: string[];
  url?: string;
  agencies?: string[];
  tags?: string[];
}

export interface FrontMatterResult {
  data: FrontMatter;
  /** the text after the front matter */
  body: string;
  /** how many source lines the front matter took (0 when there is none) */
  lineOffset: number;
  findings: FrontMatterFinding[];
}

/** free text from the editor: no markup survives ("<script>", "&lt;b&gt;") */
const cleanText = z.string().transform(cleanInlineText)
  .pipe(z.string().min(1, 'must not be empty').max(READ_BUDGET.maxLineFieldChars, `must be at most ${READ_BUDGET.maxLineFieldChars} characters`));

const stringList = z.union([z.string().min(1), z.array(z.union([z.string().min(1), z.number()])).min(1)])
  .transform((v) => (Array.isArray(v) ? v.map(String) : v.split(/\s*[,;]\s*/)).map(cleanInlineText).filter(Boolean))
  .pipe(z.array(z.string().max(READ_BUDGET.maxLineFieldChars, `each must be at most ${READ_BUDGET.maxLineFieldChars} characters`)).min(1, 'must name at least one').max(50, 'must name at most 50'));

const httpUrl = z.string().max(READ_BUDGET.maxUrlChars, `must be at most ${READ_BUDGET.maxUrlChars} characters`).regex(/^https?:\/\/[^\s<>"']+$/i, 'must be an http(s) URL');

/** Per key: how to check it. The date is read from the raw text (YAML would guess a zone). */
const FIELD_SCHEMAS = {
  title: cleanText,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO date (2024-06-19) or date-time (2024-06-19T08:30 or with a zone)'),
  outlet: cleanText,
  authors: stringList,
  url: httpUrl,
  agencies: stringList,
  tags: stringList,
} as const;

type Key = keyof typeof FIELD_SCHEMAS;
const KNOWN_KEYS = Object.keys(FIELD_SCHEMAS) as Key[];

const FENCE_RE = /^---[ \t]*\n([^]*?)\n---[ \t]*(?:\n|$)/;

function keyLine(yaml: string, key: string): number {
  const lines = yaml.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}":`));
  return i < 0 ? 1 : i + 2; // +1 for 1-based, +1 for the opening fence
}

function rawScalar(yaml: string, key: string): string | undefined {
  const m = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(yaml);
  if (!m) return undefined;
  return m[1]!.replace(/\s+#.*$/, '').trim().replace(/^(['"])(.*)\1$/, '$2');
}

export function readFrontMatter(text: string): FrontMatterResult {
  const fence = FENCE_RE.exec(text);
  if (!fence) return { data: {}, body: text, lineOffset: 0, findings: [] };
  const yaml = fence[1]!;
  const lineOffset = fence[0].split('\n').length - (fence[0].endsWith('\n') ? 1 : 0);
  const body = text.slice(fence[0].length);
  const findings: FrontMatterFinding[] = [];
  const refuse = (message: string): FrontMatterResult => {
    findings.push({ line: 2, column: 1, severity: 'error', message, ruleId: 'front-matter/yaml' });
    return { data: {}, body, lineOffset, findings };
  };
  if (yaml.length > READ_BUDGET.maxFrontMatterChars) return refuse(`front matter is ${yaml.length} characters long (at most ${READ_BUDGET.maxFrontMatterChars})`);
  let raw: Record<string, unknown>;
  try {
    // an options object turns off gray-matter's cache, which would remember a failed parse as an empty one
    raw = matter(fence[0], {}).data as Record<string, unknown>;
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = String((error as Error).message ?? error).split('\n')[0];
    findings.push({
      line: (mark?.line ?? 0) + 2,
      column: (mark?.column ?? 0) + 1,
      severity: 'error',
      message: `front matter is not valid YAML: ${reason}`,
      ruleId: 'front-matter/yaml',
    });
    return { data: {}, body, lineOffset, findings };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) raw = {};
  const shape = yamlShapeProblem(raw);
  if (shape) return refuse(shape);
  const data: FrontMatter = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(KNOWN_KEYS as string[]).includes(key)) {
      findings.push({
        line: keyLine(yaml, key), column: 1, severity: 'warning',
        message: `unknown front matter key "${key}" (known: ${KNOWN_KEYS.join(', ')})`,
        ruleId: 'front-matter/unknown-key',
      });
      continue;
    }
    const k = key as Key;
    const input = k === 'date' ? (rawScalar(yaml, 'date') ?? value) : value;
    const parsed = FIELD_SCHEMAS[k].safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      findings.push({
        line: keyLine(yaml, key), column: key.length + 3, severity: 'error',
        message: `front matter "${key}": ${issue?.code === 'invalid_type' || issue?.code === 'invalid_union' ? `has the wrong type (${quoted(value)})` : issue?.message ?? 'invalid'}`,
        ruleId: 'front-matter/value',
      });
      continue;
    }
    (data as Record<string, unknown>)[k] = parsed.data;
  }
  return { data, body, lineOffset, findings };
}
