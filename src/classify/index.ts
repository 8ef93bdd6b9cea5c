/**
 * Lines → roles. The pipeline of rules, in order:
 *   1. segmentLine   split glued junk off (segment.ts)
 *   2. LINE_RULES    one segment at a time (lineRules.ts)
 *   3. DOCUMENT_RULES  roles that depend on position (documentRules.ts)
 */
import { classifySegment } from './lineRules.ts';
import { DOCUMENT_RULES, type DocumentState } from './documentRules.ts';
import { defaultRegistries, type Registries } from '../registry/index.ts';
import { segmentLine } from './segment.ts';
import type { Classified, Segment } from './types.ts';
import { readMarkdownLine } from '../read/markdown.ts';
import { markdownOverBudget } from '../read/budget.ts';

export { LINE_RULES } from './lineRules.ts';
export { DOCUMENT_RULES } from './documentRules.ts';
export type { Classified, Role, Segment } from './types.ts';

/**
 * Markdown lines are read by the rules as the text a reader sees; a line that
 * stays whole keeps its Markdown source (`markdown`) for the body's HTML.
 */
function classifyMarkdownLine(line: Segment, reg: Registries): Classified[] {
  // a line too costly for the Markdown parser is read as plain text (parse.ts warns)
  if (markdownOverBudget(line.text)) return segmentLine(line, reg).map((s) => classifySegment(s, reg));
  const md = readMarkdownLine(line.text);
  if (md.image) return [{ ...line, role: 'image', ruleId: 'markdown-image' }];
  const plainLine = { ...line, text: md.plain || line.text };
  const parts = segmentLine(plainLine, reg);
  if (parts.length === 1) {
    const c = classifySegment(plainLine, reg);
    if (md.heading && c.role === 'text') return [{ ...c, ruleId: 'markdown-heading', markdown: line.text }];
    return [{ ...c, markdown: line.text }];
  }
  return parts.map((s) => classifySegment(s, reg));
}

export function classifyLines(lines: readonly Segment[], options: { markdown?: boolean; registries?: Registries } = {}): Classified[] {
  const reg = options.registries ?? defaultRegistries();
  const segments: Classified[] = [];
  for (const line of lines) {
    if (options.markdown) segments.push(...classifyMarkdownLine(line, reg));
    else for (const seg of segmentLine(line, reg)) segments.push(classifySegment(seg, reg));
  }
  const doc: DocumentState = { story: null, registries: reg };
  for (const rule of DOCUMENT_RULES) rule.apply(segments, doc);
  return segments;
}
