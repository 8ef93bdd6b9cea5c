/**
 * Parsing split over worker threads. Small batches are parsed in this thread:
 * a worker costs a few hundred milliseconds to start.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { parseArticle } from '../parse.ts';
import { deriveRecord, storeDerived } from './derived.ts';
import type { CachedParse } from './recordCache.ts';

/** below this many files to parse, workers cost more than they save */
export const WORKER_THRESHOLD = 400;

export interface FileToParse { rel: string; bytes: Uint8Array }

/** The parse of one file, with what the site derives from the record (so workers do that too). */
export const parseFile = (f: FileToParse): CachedParse => {
  const { record, findings } = parseArticle({ sourceFile: f.rel, bytes: f.bytes });
  return record ? { record, findings, derived: storeDerived(deriveRecord(record)) } : { record, findings };
};

export class ParsePool {
  private workers: Worker[] = [];

  /** `expected`: how many files the whole load may parse (the pool never starts below the threshold) */
  constructor(private readonly expected: number) {}

  private start(batch: number): void {
    if (this.workers.length > 0) return;
    const threads = Math.min(availableParallelism(), 4);
    // one new article among thousands cached: parse it here, no worker to start
    if (this.expected < WORKER_THRESHOLD || batch < WORKER_THRESHOLD || threads < 2) return;
    // the worker is TypeScript too: tsWorker.mjs registers tsx, then loads parseWorker.ts
    const workerData = { module: new URL('./parseWorker.ts', import.meta.url).href };
    this.workers = Array.from({ length: threads }, () => new Worker(new URL('../tsWorker.mjs', import.meta.url), { workerData }));
  }

  /** Parses a batch; results in input order; `onDone` once per file as it finishes. */
  async parse(files: readonly FileToParse[], onDone: () => void = () => {}): Promise<CachedParse[]> {
    this.start(files.length);
    const results: CachedParse[] = new Array(files.length);
    if (this.workers.length === 0) {
      // copied, as a worker's message would be: a record's strings are slices of its input, and a
      // title kept for the pages would keep the whole file's text alive for the rest of the build
      files.forEach((f, i) => { results[i] = structuredClone(parseFile(f)); onDone(); });
      return results;
    }
    let next = 0;
    await Promise.all(this.workers.map((w) => new Promise<void>((resolve, reject) => {
      const feed = (): void => {
        if (next >= files.length) { w.off('message', onMessage); w.off('error', reject); resolve(); return; }
        const id = next++;
        w.postMessage({ id, rel: files[id]!.rel, bytes: files[id]!.bytes });
      };
      const onMessage = (m: { id: number } & CachedParse): void => {
        results[m.id] = { record: m.record, findings: m.findings, ...(m.derived ? { derived: m.derived } : {}) };
        onDone();
        feed();
      };
      w.on('message', onMessage);
      w.on('error', reject);
      feed();
    })));
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}
