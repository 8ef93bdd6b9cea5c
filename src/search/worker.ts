/**
 * The search index made in a worker thread, so that the build's main thread renders
 * pages meanwhile: this thread builds each shard's records, feeds Pagefind (a process
 * of its own) and re-cuts its chunks. The records are sent with only the fields the
 * index reads; which articles have a page is sent as their URLs.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { SearchableRecord } from './content.ts';
export { textStart } from './content.ts';
import { guardPagefind, pagefindFailure, pagefindLogPath, takeLog } from './pagefindProcess.ts';
import type { SearchIndexOptions, SearchIndexResult } from './index.ts';

/** What the worker needs: the options without functions. */
export interface SearchJob extends Omit<SearchIndexOptions, 'records' | 'hasPage' | 'onProgress' | 'aliases'> {
  records: SearchableRecord[];
  /** site-relative URLs of the article pages ("/bai-viet/x/") */
  pageUrls: string[];
}

type FromWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: SearchIndexResult }
  | { type: 'error'; message: string };

/** The fields the index reads: the whole text (every word is indexed) and the captions. */
export function searchable(r: SearchableRecord): SearchableRecord {
  const { slug, title, lede, text, captions, published, outlet, originalOutlet, people, places } = r;
  return { slug, title, lede, text, captions, published, outlet, originalOutlet, people, places };
}

/** A worker thread that loads the search code while the build reads the archive, then makes the index of the job it is sent. */
export interface SearchWorker {
  /** Sends the job (every record's indexed text, copied to the worker here: not held in this thread while it runs). */
  run(job: SearchJob, onProgress?: (done: number, total: number) => void): Promise<SearchIndexResult>;
  /** Stops a worker that was sent no job (a build that failed first). */
  stop(): Promise<void>;
}

export function startSearchWorker(): SearchWorker {
  // Pagefind's stderr goes here (src/search/pagefindProcess.ts); read when the index fails
  const pagefindLog = pagefindLogPath();
  const worker = new Worker(new URL('../tsWorker.mjs', import.meta.url), { workerData: { module: import.meta.url, search: true, pagefindLog } });
  // until it has a job, the worker does not keep the process alive
  worker.unref();
  let progress = (_done: number, _total: number): void => {};
  const result = settledBy(worker, (done, total) => progress(done, total)).then(
    (r) => { takeLog(pagefindLog); return r; },
    (error: unknown) => {
      // what Pagefind said says more than "Pagefind backend closed" or a worker that stopped
      const said = pagefindFailure(takeLog(pagefindLog));
      throw said ? new Error(said) : error;
    },
  );
  // handled by run()'s caller; a worker stopped before it had a job is no failure
  result.catch(() => {});
  return {
    run(job, onProgress = () => {}) {
      progress = onProgress;
      worker.ref();
      worker.postMessage(job);
      return result;
    },
    async stop() {
      await worker.terminate();
    },
  };
}

function settledBy(worker: Worker, onProgress: (done: number, total: number) => void): Promise<SearchIndexResult> {
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'progress') onProgress(m.done, m.total);
      else {
        settled = true;
        if (m.type === 'done') resolve(m.result);
        else reject(new Error(m.message));
        void worker.terminate();
      }
    });
    worker.on('error', (error) => { settled = true; reject(error); });
    worker.on('exit', (code) => { if (!settled) reject(new Error(`search index: the search worker stopped (exit ${code})`)); });
  });
}

// In the worker: load the search code, then make the index of the job the build sends.
if (parentPort && (workerData as { search?: boolean } | null)?.search) {
  const port = parentPort;
  // Pagefind runs through its guard: its stderr kept apart, and it dies with the build
  guardPagefind((workerData as { pagefindLog: string }).pagefindLog);
  const { buildSearchIndex } = await import('./index.ts');
  const { PATHS } = await import('../paths.ts');
  const { pageUrls, ...options } = await new Promise<SearchJob>((resolve) => port.once('message', resolve));
  const withPage = new Set(pageUrls);
  try {
    const result = await buildSearchIndex({
      ...options,
      hasPage: (r) => withPage.has(PATHS.article(r.slug)),
      onProgress: (done, total) => port.postMessage({ type: 'progress', done, total } satisfies FromWorker),
    });
    port.postMessage({ type: 'done', result } satisfies FromWorker);
  } catch (error) {
    const message = `search index: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/^search index: /u, '').slice(0, 200)}`;
    port.postMessage({ type: 'error', message } satisfies FromWorker);
  }
}
