/**
 * Parsing in worker threads, always: a worker is the only place where one file's parse can be
 * stopped (time) and bounded (heap), so every file is parsed under the budget, one new article as
 * much as a thousand. A few files get one worker, many get up to four. The parser is loaded only by
 * the workers (a rebuild from the cache does without it); a caller that knows a parse is coming
 * warms the pool first (`warm()`), so the worker loads its code while the caller reads.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { FileToParse } from './parseFile.ts';
import { parseWorkerBundle } from './parserBundle.ts';
import type { Knowledge } from '../registry/knowledge.ts';
import type { CachedParse } from './recordCache.ts';

/** below this many files to parse, one worker: more cost more to start than they save */
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
  /** how many workers a large batch gets (default: the cores, at most 4) */
  threads?: number;
  /** the archive's knowledge, for the workers' registries (archive.config.json) */
  knowledge?: Knowledge;
}

/**
 * One file's parse job. For a record not loaded into an archive (records, show, add's preview):
 * `now` (ms) for its future-date check, `derive: false` to skip what only an archive needs.
 */
export interface ParseJob extends FileToParse { now?: number; derive?: boolean }

export class ParsePool {
  private workers: Worker[] = [];
  private readonly module: URL;
  private readonly budget: number;

  /** `expected`: how many files the whole load may parse (from WORKER_THRESHOLD on, several workers) */
  constructor(private readonly expected: number, private readonly options: ParsePoolOptions = {}) {
    // TIN_PARSE_WORKER / TIN_PARSE_BUDGET_MS: the fault tests' hooks (a worker that hangs on some files, a shorter budget)
    const env = process.env;
    this.module = options.workerModule ?? (env.TIN_PARSE_WORKER ? pathToFileURL(env.TIN_PARSE_WORKER) : new URL('./parseWorker.ts', import.meta.url));
    this.budget = options.timeBudgetMs ?? (Number(env.TIN_PARSE_BUDGET_MS) > 0 ? Number(env.TIN_PARSE_BUDGET_MS) : PARSE_TIME_BUDGET_MS);
    this.usesBundle = !options.workerModule && !env.TIN_PARSE_WORKER;
  }

  /** whether the workers run the bundled parser (parserBundle.ts) */
  private readonly usesBundle: boolean;

  /** the workers that have loaded their code (they say so once) */
  private readonly ready = new WeakSet<Worker>();

  private spawn(): Worker {
    // the parser's own worker as one bundled file when it is made (ready in a fraction of the time);
    // any other module (tests) through tsWorker.mjs, which registers tsx and loads it
    const bundle = this.usesBundle ? parseWorkerBundle() : null;
    const resourceLimits = { maxOldGenerationSizeMb: PARSE_MEMORY_BUDGET_MB };
    const w: Worker = bundle
      ? new Worker(bundle, { workerData: { knowledge: this.options.knowledge }, resourceLimits })
      : new Worker(new URL('../tsWorker.mjs', import.meta.url), { workerData: { module: this.module.href, knowledge: this.options.knowledge }, resourceLimits });
    w.on('message', (m: { ready?: boolean }) => { if (m.ready) this.ready.add(w); });
    return w;
  }

  /** Starts one worker now, to load its code while the caller does something else. */
  warm(): this {
    if (this.workers.length === 0) this.workers.push(this.spawn());
    return this;
  }

  private start(batch: number): void {
    const many = this.expected >= WORKER_THRESHOLD && batch >= WORKER_THRESHOLD;
    const wanted = many ? Math.max(1, this.options.threads ?? Math.min(availableParallelism(), 4)) : 1;
    while (this.workers.length < wanted) this.workers.push(this.spawn());
  }

  /** Parses a batch; results in input order; `onDone` once per file as it finishes. */
  async parse(files: readonly ParseJob[], onDone: () => void = () => {}): Promise<CachedParse[]> {
    const results: CachedParse[] = new Array(files.length);
    if (files.length === 0) return results;
    this.start(files.length);
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
        const f = files[id]!;
        w.postMessage({ id, rel: f.rel, bytes: f.bytes, now: f.now, derive: f.derive });
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

/** Parses a few files under the budget (one worker), then lets the worker go. */
export async function parseUnderBudget(files: readonly ParseJob[], pool: ParsePool = new ParsePool(files.length)): Promise<CachedParse[]> {
  try {
    return await pool.parse(files);
  } finally {
    await pool.close();
  }
}
