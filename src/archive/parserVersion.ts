/**
 * A hash of everything that decides a record: the parser's code and its data.
 * A cached record is valid only for the version that made it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { knowledgeFingerprint } from '../registry/extend.ts';
import type { Knowledge } from '../registry/knowledge.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));
/** what a record depends on, relative to src/ */
const PARSER_PARTS = ['read', 'lang', 'classify', 'extract', 'registry', 'parse.ts', 'record.ts'];

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => filesUnder(join(path, name)));
}

/** A hash of the contents of files and folders (relative to `root`). */
export function versionOf(parts: readonly string[], root: string): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    for (const file of filesUnder(join(root, part))) {
      hash.update(file.slice(root.length)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

let cached: string | undefined;
export function parserVersion(): string {
  cached ??= versionOf(PARSER_PARTS, SRC);
  return cached;
}

/**
 * What a record of an archive depends on: the parser's version and the archive's knowledge (its
 * registry entries: one changed, every article is parsed again). Without knowledge, the parser's
 * version alone.
 */
export function recordVersion(knowledge?: Knowledge): string {
  const fingerprint = knowledgeFingerprint(knowledge);
  return fingerprint === 'none' ? parserVersion() : `${parserVersion()}+${fingerprint}`;
}
