/**
 * A content-hashed cache of parse results: key = parser version + path + bytes.
 * One small file per entry under .cache/records/<2 hex>/<hash>.json, so that
 * adding one article writes one file, and a changed rule invalidates everything.
 * An entry is the JSON of the parse with the body HTML left out, a line feed, then
 * the body HTML: a load that leaves the bodies in the cache decodes and parses only
 * the first part, and the render reads only the second. (An entry of one JSON text,
 * body included, as earlier builds wrote them, is read as well.)
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../parse.ts';
import type { ArticleRecord } from '../record.ts';
import type { StoredDerived } from './derived.ts';

export interface CachedParse {
  record: ArticleRecord | null;
  findings: Finding[];
  /** what the site computes from the record alone (derived.ts), when known */
  derived?: StoredDerived;
}

export function cacheKey(version: string, sourceFile: string, bytes: Uint8Array): string {
  return createHash('sha256').update(version).update('\0').update(sourceFile).update('\0').update(bytes).digest('hex');
}

/** between an entry's JSON and its body HTML: JSON.stringify never writes a raw line feed */
const BODY_SEPARATOR = 0x0a;

/** An entry's bytes: its JSON, and its body HTML after the separator (or inside the JSON, as earlier builds wrote them). */
function decodeEntry(bytes: Buffer, withBody: boolean): CachedParse | undefined {
  try {
    const cut = bytes.indexOf(BODY_SEPARATOR);
    const entry = JSON.parse(bytes.toString('utf8', 0, cut === -1 ? bytes.length : cut)) as CachedParse;
    if (cut !== -1 && entry.record) entry.record.html = withBody ? bytes.toString('utf8', cut + 1) : '';
    return entry;
  } catch {
    return undefined;
  }
}

export class RecordCache {
  constructor(private readonly dir: string) {}

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /**
   * The entry under `key`; with `body: false` its record's html is "" (see html()). Undefined when
   * missing or unreadable. Read synchronously: a load reads thousands one after the other, and in a
   * rebuild they are in the page cache (see scanArchive).
   */
  get(key: string, options: { body?: boolean } = {}): CachedParse | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path(key));
    } catch {
      return undefined;
    }
    return decodeEntry(bytes, options.body !== false);
  }

  /** The body HTML of the record cached under `key` (see LoadOptions.bodiesInCache); undefined when the entry is gone. */
  async html(key: string): Promise<string | undefined> {
    const bytes = await readFile(this.path(key)).catch(() => undefined);
    if (!bytes) return undefined;
    const cut = bytes.indexOf(BODY_SEPARATOR);
    return cut === -1 ? decodeEntry(bytes, true)?.record?.html : bytes.toString('utf8', cut + 1);
  }

  async set(key: string, value: CachedParse): Promise<void> {
    const file = this.path(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    // written aside and renamed: a build killed midway never leaves half an entry
    const tmp = `${file}.${process.pid}.tmp`;
    const { record } = value;
    await writeFile(tmp, record ? `${JSON.stringify({ ...value, record: { ...record, html: '' } })}\n${record.html}` : JSON.stringify(value));
    await rename(tmp, file);
  }

  /**
   * Deletes the entries whose key is not in `keep`, and the half-written files of killed
   * builds, but nothing written at or after `since` (a build running beside this one may
   * have just written it). Returns how many files went.
   */
  async prune(keep: ReadonlySet<string>, since: Date): Promise<number> {
    let removed = 0;
    for (const shard of await readdir(this.dir).catch(() => [] as string[])) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of await readdir(join(this.dir, shard)).catch(() => [] as string[])) {
        const key = /^([0-9a-f]{64})\.json(?:\.\d+\.tmp)?$/.exec(name)?.[1];
        if (!key || (keep.has(key) && name.endsWith('.json'))) continue;
        const file = join(this.dir, shard, name);
        const written = await stat(file).then((s) => s.mtime, () => null);
        if (!written || written >= since) continue;
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
