/**
 * Reading one article file within the read budget: looked at before it is opened (a FIFO or a
 * device would block the read or never end it; a file over the size cap is refused unread).
 */
import { readFileSync, statSync } from 'node:fs';
import type { Finding } from '../parse.ts';
import { maxFileBytesFor } from '../read/budget.ts';

export type ReadArticle = { bytes: Uint8Array } | { error: Finding };

/** `rel`: the name messages give the file. An I/O failure (ENOENT, EACCES…) is thrown, for the caller to word. */
export function readArticleFile(path: string, rel: string): ReadArticle {
  const st = statSync(path);
  if (!st.isFile()) return { error: { file: rel, line: 1, column: 1, severity: 'warning', message: 'not a regular file (a folder, a named pipe, a socket or a device); skipped', ruleId: 'read/not-a-file' } };
  const maxBytes = maxFileBytesFor(rel);
  if (st.size > maxBytes) {
    return { error: { file: rel, line: 1, column: 1, severity: 'error', message: `the file is too large for an article (${st.size} bytes; at most ${maxBytes})`, ruleId: 'read/too-large' } };
  }
  return { bytes: readFileSync(path) };
}
