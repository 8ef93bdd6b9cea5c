/** The parse of one file, with what the site derives from the record (so parse workers do that too). */
import { parseArticle } from '../parse.ts';
import { deriveRecord, storeDerived } from './derived.ts';
import type { CachedParse } from './recordCache.ts';

export interface FileToParse { rel: string; bytes: Uint8Array }

/**
 * One file's parse; a file the parser fails on is one error naming it, never the end of the build.
 * `now`: for the future-date check of a file parsed alone (a loaded archive checks its own);
 * `derive`: false for a record not loaded into an archive (no signatures, no topics).
 */
export const parseFile = (f: FileToParse, now?: Date, derive = true): CachedParse => {
  try {
    const { record, findings } = parseArticle({ sourceFile: f.rel, bytes: f.bytes, ...(now ? { now } : {}) });
    return record && derive ? { record, findings, derived: storeDerived(deriveRecord(record)) } : { record, findings };
  } catch (error) {
    const reason = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 200);
    return { record: null, findings: [{ file: f.rel, line: 1, column: 1, severity: 'error', message: `could not be parsed (${reason})`, ruleId: 'read/parse-failed' }] };
  }
};
