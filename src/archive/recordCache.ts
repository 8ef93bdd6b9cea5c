/**
 * A content-hashed cache of parse results: key = parser version + path + bytes.
 * One small JSON file per entry under .cache/records/<2 hex>/<hash>.json, so that
 * adding one article writes one file, and a changed rule invalidates everything.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
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

export class RecordCache {
  constructor(private readonly dir: string) {}

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<CachedParse | undefined> {
    try {
      return JSON.parse(await readFile(this.path(key), 'utf8')) as CachedParse;
    } catch {
      return undefined;
    }
  }

  /** The body HTML of the record cached under `key` (see LoadOptions.bodiesInCache); undefined when the entry is gone. */
  async html(key: string): Promise<string | undefined> {
    return (await this.get(key))?.record?.html;
  }

  async set(key: string, value: CachedParse): Promise<void> {
    const file = this.path(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    // written aside and renamed: a build killed midway never leaves half an entry
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(value));
    await rename(tmp, file);
  }
}
