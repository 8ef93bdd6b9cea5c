/**
 * A content-hashed cache of parse results: key = parser version + path + bytes.
 * One small file per entry under .cache/records/<2 hex>/<hash>.json, so that
 * adding one article writes one file, and a changed rule invalidates everything.
 * An entry is the JSON of the parse with the body HTML left out, a line feed, then
 * the body HTML: a load that leaves the bodies in the cache decodes and parses only
 * the first part, and the render reads only the second. (An entry of one JSON text,
 * body included, as earlier builds wrote them, is read as well.)
 *
 * Nothing read from here is trusted as it is: an entry starts with a line holding the checksum
 * of the rest, and its record must have the shape the build reads. An entry that is cut,
 * changed or of another shape is reported (`damaged`) and taken as missing: the file is parsed
 * again and the entry written anew. (An entry without the checksum line, of an earlier
 * version, is a plain miss.)
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
/** the first line of an entry: this, then the sha1 of the rest (hex) */
const SEAL = 'tin-cache-1 ';
const SEAL_LENGTH = SEAL.length + 40 + 1;
const sha1 = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isOutlet = (v: unknown): boolean => v === null || (typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' && typeof (v as { name?: unknown }).name === 'string');

/** The shape the build reads of a cached parse (a cheap check: the checksum already vouches for the bytes). */
function wellFormed(entry: unknown): entry is CachedParse {
  if (entry === null || typeof entry !== 'object') return false;
  const { record, findings } = entry as { record?: unknown; findings?: unknown };
  if (!Array.isArray(findings) || !findings.every((f) => f !== null && typeof f === 'object' && typeof (f as Finding).message === 'string')) return false;
  if (record === null) return true;
  if (typeof record !== 'object' || record === undefined) return false;
  const r = record as Record<string, unknown>;
  const published = r.published as Record<string, unknown> | null;
  return ['id', 'slug', 'sourceFile', 'title', 'text', 'html'].every((k) => typeof r[k] === 'string')
    && ['authors', 'agencies', 'people', 'places', 'warnings', 'tags'].every((k) => isStrings(r[k]))
    && Array.isArray(r.captions) && Array.isArray(r.removed) && (r.lede === null || typeof r.lede === 'string')
    && published !== null && typeof published === 'object' && (published.iso === null || typeof published.iso === 'string')
    && isOutlet(r.outlet) && isOutlet(r.originalOutlet);
}

type Decoded = { entry: CachedParse } | { damaged: string } | { old: true };

/** An entry's bytes: the seal line, its JSON, and its body HTML after the separator. */
function decodeEntry(bytes: Buffer, withBody: boolean): Decoded {
  if (bytes.length < SEAL_LENGTH || bytes.toString('latin1', 0, SEAL.length) !== SEAL) return { old: true };
  if (bytes[SEAL_LENGTH - 1] !== BODY_SEPARATOR || bytes.toString('latin1', SEAL.length, SEAL_LENGTH - 1) !== sha1(bytes.subarray(SEAL_LENGTH))) {
    return { damaged: 'its checksum does not match (cut or changed)' };
  }
  try {
    const cut = bytes.indexOf(BODY_SEPARATOR, SEAL_LENGTH);
    const entry: unknown = JSON.parse(bytes.toString('utf8', SEAL_LENGTH, cut === -1 ? bytes.length : cut));
    if (!wellFormed(entry)) return { damaged: 'not the shape of a parse' };
    if (cut !== -1 && entry.record) entry.record.html = withBody ? bytes.toString('utf8', cut + 1) : '';
    return { entry };
  } catch {
    return { damaged: 'not JSON' };
  }
}

export class RecordCache {
  /** the entries found damaged (file and why), each taken as missing */
  readonly damaged: { file: string; reason: string }[] = [];

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
    const decoded = decodeEntry(bytes, options.body !== false);
    if ('entry' in decoded) return decoded.entry;
    if ('damaged' in decoded) this.damaged.push({ file: this.path(key), reason: decoded.damaged });
    return undefined;
  }

  /** The body HTML of the record cached under `key` (see LoadOptions.bodiesInCache); undefined when the entry is gone. */
  async html(key: string): Promise<string | undefined> {
    const bytes = await readFile(this.path(key)).catch(() => undefined);
    if (!bytes) return undefined;
    // the checksum vouches for the body; the JSON (read at load) is not parsed again
    if (bytes.length < SEAL_LENGTH || bytes.toString('latin1', 0, SEAL.length) !== SEAL) return undefined;
    if (bytes.toString('latin1', SEAL.length, SEAL_LENGTH - 1) !== sha1(bytes.subarray(SEAL_LENGTH))) return undefined;
    const cut = bytes.indexOf(BODY_SEPARATOR, SEAL_LENGTH);
    return cut === -1 ? undefined : bytes.toString('utf8', cut + 1);
  }

  async set(key: string, value: CachedParse): Promise<void> {
    const file = this.path(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    // written aside and renamed: a build killed midway never leaves half an entry
    const tmp = `${file}.${process.pid}.tmp`;
    const { record } = value;
    const rest = Buffer.from(record ? `${JSON.stringify({ ...value, record: { ...record, html: '' } })}\n${record.html}` : JSON.stringify(value));
    try {
      await writeFile(tmp, Buffer.concat([Buffer.from(`${SEAL}${sha1(rest)}\n`, 'latin1'), rest]));
      await rename(tmp, file);
    } catch (error) {
      // a full disk: the half-written entry goes at once (it would hold space the next build needs)
      await rm(tmp, { force: true }).catch(() => {});
      throw error;
    }
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
