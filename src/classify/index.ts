/**
 * Lines → roles. The pipeline of rules, in order:
 *   1. segmentLine   split glued junk off (segment.ts)
 *   2. LINE_RULES    one segment at a time (lineRules.ts)
 *   3. DOCUMENT_RULES  roles that depend on position (documentRules.ts)
 */
import { classifySegment } from './lineRules.ts';
import { DOCUMENT_RULES } from './documentRules.ts';
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
function classifyMarkdownLine(line: Segment): Classified[] {
  // a line too costly for the Markdown parser is read as plain text (parse.ts warns)
  if (markdownOverBudget(line.text)) return segmentLine(line).map(classifySegment);
  const md = readMarkdownLine(line.text);
  if (md.image) return [{ ...line, role: 'image', ruleId: 'markdown-image' }];
  const plainLine = { ...line, text: md.plain || line.text };
  const parts = segmentLine(plainLine);
  if (parts.length === 1) {
    const c = classifySegment(plainLine);
    if (md.heading && c.role === 'text') return [{ ...c, ruleId: 'markdown-heading', markdown: line.text }];
    return [{ ...c, markdown: line.text }];
  }
  return parts.map(classifySegment);
}

export function classifyLines(lines: readonly Segment[], options: { markdown?: boolean } = {}): Classified[] {
  const segments: Classified[] = [];
  for (const line of lines) {
    if (options.markdown) segments.push(...classifyMarkdownLine(line));
    else for (const seg of segmentLine(line)) segments.push(classifySegment(seg));
  }
  const doc = { story: null };
  for (const rule of DOCUMENT_RULES) rule.apply(segments, doc);
  return segments;
}
