/** The parse of one file, with what the site derives from the record (so parse workers do that too). */
import { parseArticle } from '../parse.ts';
import { deriveRecord, storeDerived } from './derived.ts';
import type { CachedParse } from './recordCache.ts';

export interface FileToParse { rel: string; bytes: Uint8Array }

export const parseFile = (f: FileToParse): CachedParse => {
  const { record, findings } = parseArticle({ sourceFile: f.rel, bytes: f.bytes });
  return record ? { record, findings, derived: storeDerived(deriveRecord(record)) } : { record, findings };
};
