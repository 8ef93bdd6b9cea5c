/**
 * Parsing split over worker threads. Small batches are parsed in this thread:
 * a worker costs a few hundred milliseconds to start. The parser is loaded only
 * when a file is parsed (a rebuild from the cache does without its half second).
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { FileToParse } from './parseFile.ts';
import type { CachedParse } from './recordCache.ts';
import type { Knowledge } from '../registry/knowledge.ts';

/** below this many files to parse, workers cost more than they save */
export const WORKER_THRESHOLD = 400;
/** files sent to a worker before its first result comes back */
const IN_FLIGHT = 2;
/** the longest a worker may spend on one file before the file is refused and the worker replaced (ms) */
export const PARSE_TIME_BUDGET_MS = 10_000;

/** a worker's heap: a file whose parse needs more is refused (the worker replaced) */
export const PARSE_MEMORY_BUDGET_MB = 1024;

export interface ParsePoolOptions {
  /** the module a worker runs (tests give one of their own) */
  workerModule?: URL;
  /** see PARSE_TIME_BUDGET_MS */
  timeBudgetMs?: number;
  /** workers even for a few files (tests) */
  alwaysWorkers?: boolean;
  /** the archive's knowledge: the registries every parse uses are built from it (in each worker, once) */
  knowledge?: Knowledge;
}

export class ParsePool {
  private workers: Worker[] = [];
  private readonly module: URL;
  private readonly budget: number;

  /** `expected`: how many files the whole load may parse (the pool never starts below the threshold) */
  constructor(private readonly expected: number, private readonly options: ParsePoolOptions = {}) {
    this.module = options.workerModule ?? new URL('./parseWorker.ts', import.meta.url);
    this.budget = options.timeBudgetMs ?? PARSE_TIME_BUDGET_MS;
  }

  /** the workers that have loaded their code (they say so once) */
  private readonly ready = new WeakSet<Worker>();

  private spawn(): Worker {
    // the worker is TypeScript too: tsWorker.mjs registers tsx, then loads parseWorker.ts
    const w: Worker = new Worker(new URL('../tsWorker.mjs', import.meta.url), { workerData: { module: this.module.href, knowledge: this.options.knowledge }, resourceLimits: { maxOldGenerationSizeMb: PARSE_MEMORY_BUDGET_MB } });
    w.on('message', (m: { ready?: boolean }) => { if (m.ready) this.ready.add(w); });
    return w;
  }

  private start(batch: number): void {
    if (this.workers.length > 0) return;
    const threads = Math.min(availableParallelism(), 4);
    // one new article among thousands cached: parse it here, no worker to start
    if (!this.options.alwaysWorkers && (this.expected < WORKER_THRESHOLD || batch < WORKER_THRESHOLD || threads < 2)) return;
    this.workers = Array.from({ length: Math.max(threads, 1) }, () => this.spawn());
  }

  /** Parses a batch; results in input order; `onDone` once per file as it finishes. */
  async parse(files: readonly FileToParse[], onDone: () => void = () => {}): Promise<CachedParse[]> {
    this.start(files.length);
    const results: CachedParse[] = new Array(files.length);
    if (this.workers.length === 0) {
      const { parseFile } = await import('./parseFile.ts');
      // copied, as a worker's message would be: a record's strings are slices of its input, and a
      // title kept for the pages would keep the whole file's text alive for the rest of the build
      files.forEach((f, i) => { results[i] = structuredClone(parseFile(f, this.options.knowledge)); onDone(); });
      return results;
    }
    let next = 0;
    await Promise.all(this.workers.map((first, slot) => new Promise<void>((resolve, reject) => {
      let w = first;
      // the budget runs once the worker has loaded its code (it says so): a slow start is no slow file
      const ready = (): boolean => this.ready.has(w);
      // the ids sent to this worker and not answered yet, oldest first: the oldest is the one it parses
      const queue: number[] = [];
      let timer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        clearTimeout(timer);
        timer = ready() && queue.length ? setTimeout(() => overBudget(), this.budget) : undefined;
      };
      const send = (id: number): void => {
        queue.push(id);
        w.postMessage({ id, rel: files[id]!.rel, bytes: files[id]!.bytes });
      };
      const feed = (): void => {
        if (next < files.length) {
          send(next++);
        } else if (queue.length === 0) {
          clearTimeout(timer);
          w.off('message', onMessage);
          w.off('error', onError);
          resolve();
        }
      };
      const onMessage = (m: ({ id: number } & CachedParse) | { ready: true }): void => {
        if ('ready' in m) {
          // (the pool's own listener has marked it ready)
          arm();
          return;
        }
        queue.splice(queue.indexOf(m.id), 1);
        results[m.id] = { record: m.record, findings: m.findings, ...(m.derived ? { derived: m.derived } : {}) };
        onDone();
        feed();
        arm();
      };
      const onError = (error: unknown): void => {
        if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' && queue.length) {
          overBudget(`parsing needed more than ${PARSE_MEMORY_BUDGET_MB} MB; the file is not read (split it, or simplify its markup)`, 'read/memory-budget');
          return;
        }
        clearTimeout(timer);
        reject(error);
      };
      // One file took more than the budget: it is refused, its worker (stuck in it) is replaced,
      // and the file sent after it goes to the new worker.
      const overBudget = (
        message = `parsing took more than ${Math.round(this.budget / 1000)} s; the file is not read (split it, or simplify its markup)`,
        ruleId = 'read/time-budget',
      ): void => {
        const stuck = queue.shift()!;
        results[stuck] = { record: null, findings: [{ file: files[stuck]!.rel, line: 1, column: 1, severity: 'error', message, ruleId }] };
        onDone();
        w.off('message', onMessage);
        w.off('error', onError);
        void w.terminate();
        w = this.spawn();
        this.workers[slot] = w;
        w.on('message', onMessage);
        w.on('error', onError);
        const resend = queue.splice(0);
        for (const id of resend) send(id);
        if (queue.length < IN_FLIGHT) feed();
        arm();
      };
      w.on('message', onMessage);
      w.on('error', onError);
      // two files in flight per worker: it starts the next as soon as it posts a result, without
      // waiting for this thread (busy writing the cache) to read the result and send another
      for (let k = 0; k < IN_FLIGHT; k++) feed();
      arm();
    })));
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}
