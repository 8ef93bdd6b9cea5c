/** The parse of one file, with what the site derives from the record (so parse workers do that too). */
import { parseArticle } from '../parse.ts';
import { createRegistries, defaultRegistries, type Registries } from '../registry/index.ts';
import type { Knowledge } from '../registry/knowledge.ts';
import { deriveRecord, storeDerived } from './derived.ts';
import type { CachedParse } from './recordCache.ts';

export interface FileToParse { rel: string; bytes: Uint8Array }

const built = new WeakMap<Knowledge, Registries>();
/**
 * The registries of an archive's knowledge, built once per knowledge object (a worker gets one, in
 * its workerData): no per-file hash of the knowledge to tell it is the same.
 */
function registriesFor(knowledge: Knowledge | undefined): Registries {
  if (!knowledge) return defaultRegistries();
  let registries = built.get(knowledge);
  if (!registries) {
    registries = createRegistries(knowledge);
    built.set(knowledge, registries);
  }
  return registries;
}

/**
 * One file's parse; a file the parser fails on is one error naming it, never the end of the build.
 * `now`: for the future-date check of a file parsed alone (a loaded archive checks its own);
 * `derive`: false for a record not loaded into an archive (no signatures, no topics);
 * `knowledge`: the archive's, for the registries (registriesFor).
 */
export const parseFile = (f: FileToParse, now?: Date, derive = true, knowledge?: Knowledge): CachedParse => {
  try {
    const { record, findings } = parseArticle({ sourceFile: f.rel, bytes: f.bytes, ...(now ? { now } : {}) }, { registries: registriesFor(knowledge) });
    return record && derive ? { record, findings, derived: storeDerived(deriveRecord(record)) } : { record, findings };
  } catch (error) {
    const reason = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 200);
    return { record: null, findings: [{ file: f.rel, line: 1, column: 1, severity: 'error', message: `could not be parsed (${reason})`, ruleId: 'read/parse-failed' }] };
  }
};
