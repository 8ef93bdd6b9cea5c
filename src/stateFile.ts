/**
 * The build's state files (what the last build wrote, its page hashes, its journal, the search
 * shards' state): never trusted as they are read. Each is written sealed: a first line with a
 * checksum of the rest, then the JSON. On read, a file that is cut, changed, of an older
 * version or of the wrong shape is reported (one line naming it) and taken as absent: the build
 * then does the work that file would have saved, and writes it anew.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

const SEAL = 'tin-nga-trieu state 1';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The text of a sealed state file holding `value`. */
export function sealState(value: unknown): string {
  const data = JSON.stringify(value);
  return `${JSON.stringify({ seal: SEAL, sha256: sha256(data) })}\n${data}`;
}

export type Opened<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The value of a sealed state file's text, checked against its checksum and `schema`. */
export function openState<T>(text: string, schema: z.ZodType<T>): Opened<T> {
  const cut = text.indexOf('\n');
  let header: { seal?: unknown; sha256?: unknown };
  try {
    header = JSON.parse(cut < 0 ? text : text.slice(0, cut)) as typeof header;
  } catch {
    return { ok: false, reason: 'not a state file of this version' };
  }
  if (header === null || typeof header !== 'object' || header.seal !== SEAL) return { ok: false, reason: 'not a state file of this version' };
  const data = cut < 0 ? '' : text.slice(cut + 1);
  if (header.sha256 !== sha256(data)) return { ok: false, reason: 'its checksum does not match (cut or changed)' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const checked = schema.safeParse(json);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, reason: `wrong shape (${issue?.path.join('.') || 'top'}: ${issue?.message ?? 'invalid'})` };
  }
  return { ok: true, value: checked.data };
}

/** Told of each damaged state file: its path and why; the build goes on without it. */
export type OnDamaged = (file: string, reason: string) => void;

/** The value of the sealed state file `file`; null when it is missing, or damaged (then `onDamaged` is told). */
export async function readState<T>(file: string, schema: z.ZodType<T>, onDamaged: OnDamaged): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') onDamaged(file, `cannot be read (${code ?? 'error'})`);
    return null;
  }
  const opened = openState(text, schema);
  if (opened.ok) return opened.value;
  onDamaged(file, opened.reason);
  return null;
}
