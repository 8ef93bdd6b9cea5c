/**
 * Splits junk glued to text into segments of its own:
 *   "…với Bình Nhưỡng.Theo dõi TGVN trên"        → text | widget
 *   "Thời sự quốc tếThứ Tư, 17/01/2024 21:08Google News" → section | dateline | widget
 *   "Kông Anh(Nguồn: Reuters)"                     → byline | credit
 *   "(VTC News) - Người phát ngôn…"                → outlet tag | text
 */
import { findDates, findGluedDateline } from '../lang/dates.ts';
import { DATELINE_PREFIXES } from '../lang/dateForms.ts';
import { defaultRegistries, escapeRegExp, perRegistries, type Registries } from '../registry/index.ts';
import { wordCount } from '../read/text.ts';
import type { Segment } from './types.ts';

/** "(Theo Reuters, AFP)" / "(Nguồn: Reuters)" closing a short line */
const CREDIT_TAIL_RE = /^(.{2,80}?)\s*(\((?:Theo|theo|Nguồn|nguồn)\s?:?\s[^()]{2,60}\))\s*$/u;
/** the longest line a glued dateline can hide in */
const MAX_DATELINE_LINE_WORDS = 16;
const MAX_BYLINE_WORDS = 8;
const DATELINE_PREFIX_END_RE = new RegExp(`^\\s*(?:${DATELINE_PREFIXES.map(escapeRegExp).join('|')})\\s?:?\\s*$`, 'iu');
const DATELINE_PREFIX_TAIL_RE = new RegExp(`(?<=^|[\\s|·•,\\-–—])(?:${DATELINE_PREFIXES.map(escapeRegExp).join('|')})\\s?:?\\s*$`, 'iu');
/** the expressions of the registries' junk phrases, once per Registries */
const junkOf = perRegistries(({ boilerplate }) => ({
  GLUED_TAIL_RE: new RegExp(`^(.*?\\S)\\s*(${boilerplate.gluedWidgets.join('|')})\\s*$`, 'u'),
  SECTION_RE: new RegExp(`^(?:${boilerplate.sections.map(escapeRegExp).join('|')})$`, 'iu'),
}));

function piece(seg: Segment, from: number, to: number): Segment | null {
  const raw = seg.text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return text ? { text, line: seg.line, column: seg.column + from + lead } : null;
}

function split(seg: Segment, cuts: readonly [number, number][]): Segment[] {
  return cuts.map(([a, b]) => piece(seg, a, b)).filter((s): s is Segment => s !== null);
}

/** the phrases that get glued to the end of a line, looked for at the end first */
const GLUED_TAIL_HINT_RE = /(?:trên|News|thành công|Chia sẻ|Bình luận(?: \(\d+\))?)\s*$/u;

function splitGluedWidget(seg: Segment, reg: Registries): Segment[] | null {
  if (!GLUED_TAIL_HINT_RE.test(seg.text)) return null;
  const m = junkOf(reg).GLUED_TAIL_RE.exec(seg.text);
  if (!m) return null;
  const head = m[1]!;
  const glue = m[2]!;
  // glued without a space, or after the end of a sentence: junk; otherwise it may be prose ("…chia sẻ")
  const start = seg.text.length - seg.text.slice(head.length).trimStart().length;
  const gluedTight = start === head.length;
  if (!gluedTight && !/[.!?”"…:)]$/u.test(head)) return null;
  if (wordCount(head) < 1) return null;
  return split(seg, [[0, head.length], [start, start + glue.length]]);
}

/** what may stand beside a bare date on a dateline: an outlet name, a section, separators */
function isDatelineCompanion(text: string, reg: Registries): boolean {
  const t = text.replace(/^[\s·•|,\-–—]+|[\s·•|,\-–—]+$/gu, '');
  return t === '' || reg.outlets.lookup(t) !== undefined || junkOf(reg).SECTION_RE.test(t);
}

function splitGluedDateline(seg: Segment, reg: Registries): Segment[] | null {
  if (wordCount(seg.text) > MAX_DATELINE_LINE_WORDS) return null;
  const m = findGluedDateline(seg.text)
    ?? findDates(seg.text).find((d) => isDatelineCompanion(seg.text.slice(0, d.index), reg) && isDatelineCompanion(seg.text.slice(d.end), reg));
  if (!m || (m.index === 0 && m.end === seg.text.length)) return null;
  // "Cập nhật: 14:32 ngày 14/10/2023", "Sống trẻ | Cập nhật thứ sáu, …": the prefix belongs to the dateline
  const head = seg.text.slice(0, m.index);
  const start = DATELINE_PREFIX_END_RE.test(head) ? 0 : (DATELINE_PREFIX_TAIL_RE.exec(head)?.index ?? m.index);
  if (start === 0 && m.end === seg.text.length) return null;
  return split(seg, [[0, start], [start, m.end], [m.end, seg.text.length]]);
}

function splitCreditTail(seg: Segment): Segment[] | null {
  const m = CREDIT_TAIL_RE.exec(seg.text);
  if (!m || wordCount(m[1]!) > MAX_BYLINE_WORDS) return null;
  const at = seg.text.lastIndexOf(m[2]!);
  return split(seg, [[0, at], [at, seg.text.length]]);
}

function splitOutletTag(seg: Segment, reg: Registries): Segment[] | null {
  const tag = reg.outlets.tagAtStart(seg.text);
  if (!tag || tag.length >= seg.text.length) return null;
  return split(seg, [[0, tag.length], [tag.length, seg.text.length]]);
}

const SPLITTERS = [splitOutletTag, splitGluedDateline, splitGluedWidget, splitCreditTail];

/** Applies the splitters until no segment splits further. */
export function segmentLine(seg: Segment, reg: Registries = defaultRegistries(), depth = 0): Segment[] {
  if (depth > 4) return [seg];
  for (const splitter of SPLITTERS) {
    const parts = splitter(seg, reg);
    if (parts && parts.length > 1) return parts.flatMap((p) => segmentLine(p, reg, depth + 1));
  }
  return [seg];
}
