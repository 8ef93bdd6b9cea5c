/** Messages as lines: `file:line:column  severity  message  [rule-id]` (vfile-reporter style). */
import type { Finding } from './parse.ts';

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.message}  [${f.ruleId}]`;
}

export function summary(files: number, findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(files, 'file')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
