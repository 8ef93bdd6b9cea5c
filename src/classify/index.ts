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

export { LINE_RULES } from './lineRules.ts';
export { DOCUMENT_RULES } from './documentRules.ts';
export type { Classified, Role, Segment } from './types.ts';

const MARKDOWN_HEADING_RE = /^#{1,6}\s+/u;

export function classifyLines(lines: readonly Segment[], options: { markdown?: boolean } = {}): Classified[] {
  const segments: Classified[] = [];
  for (const line of lines) {
    if (options.markdown && MARKDOWN_HEADING_RE.test(line.text)) {
      const marker = MARKDOWN_HEADING_RE.exec(line.text)![0];
      const seg = { text: line.text.slice(marker.length), line: line.line, column: line.column + marker.length };
      const c = classifySegment(seg);
      segments.push(c.role === 'text' ? { ...c, ruleId: 'markdown-heading' } : c);
      continue;
    }
    for (const seg of segmentLine(line)) segments.push(classifySegment(seg));
  }
  for (const rule of DOCUMENT_RULES) rule.apply(segments);
  return segments;
}
