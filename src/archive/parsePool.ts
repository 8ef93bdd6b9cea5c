/**
 * Parsing split over worker threads. Small batches are parsed in this thread:
 * a worker costs a few hundred milliseconds to start. The parser is loaded only
 * when a file is parsed (a rebuild from the cache does without its half second).
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { FileToParse } from './parseFile.ts';
import type { CachedParse } from './recordCache.ts';

/** below this many files to parse, workers cost more than they save */
export const WORKER_THRESHOLD = 400;
/** files sent to a worker before its first result comes back */
const IN_FLIGHT = 2;

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
      const { parseFile } = await import('./parseFile.ts');
      // copied, as a worker's message would be: a record's strings are slices of its input, and a
      // title kept for the pages would keep the whole file's text alive for the rest of the build
      files.forEach((f, i) => { results[i] = structuredClone(parseFile(f)); onDone(); });
      return results;
    }
    let next = 0;
    await Promise.all(this.workers.map((w) => new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      const feed = (): void => {
        if (next < files.length) {
          const id = next++;
          inFlight++;
          w.postMessage({ id, rel: files[id]!.rel, bytes: files[id]!.bytes });
        } else if (inFlight === 0) {
          w.off('message', onMessage);
          w.off('error', reject);
          resolve();
        }
      };
      const onMessage = (m: { id: number } & CachedParse): void => {
        inFlight--;
        results[m.id] = { record: m.record, findings: m.findings, ...(m.derived ? { derived: m.derived } : {}) };
        onDone();
        feed();
      };
      w.on('message', onMessage);
      w.on('error', reject);
      // two files in flight per worker: it starts the next as soon as it posts a result, without
      // waiting for this thread (busy writing the cache) to read the result and send another
      for (let k = 0; k < IN_FLIGHT; k++) feed();
    })));
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}
