import type { SearchIndexResult } from '../search/index.ts';
import type { SearchJob, SearchWorker } from '../search/worker.ts';
import type { StageTimes } from './timings.ts';

/** What the search run reads of the build. */
export interface SearchRunBuild {
  options: { onNotice?: (message: string) => void };
  times: StageTimes;
}

/**
 * Search (src/search/): the Pagefind index from the records, into the staging folder. It needs no
 * rendered page, only the records and which of them have one (near-duplicates fold into one
 * article), so it starts as soon as the records are grouped, in a worker thread
 * (src/search/worker.ts) that feeds Pagefind, a process of its own, while the site data is made
 * and the pages render. Its progress shows once the pages are written. The worker is started
 * when the build begins: it loads its code while the archive is read.
 */
export class SearchRun {
  seconds = 0;
  private readonly worker: Promise<SearchWorker>;
  private running: Promise<SearchIndexResult> | undefined;
  private pagesDone = false;
  private last: [number, number] = [0, 0];

  constructor(private readonly build: SearchRunBuild) {
    this.worker = import('../search/worker.ts').then((m) => m.startSearchWorker());
  }

  private readonly onProgress = (done: number, total: number): void => {
    this.last = [done, total];
    if (this.pagesDone) this.build.times.progress('chỉ mục tìm kiếm', done, total);
  };

  /** Sends the job; a failure there is awaited (and reported) in finish(), after the pages. */
  async run(job: SearchJob): Promise<void> {
    this.running = (await this.worker).run(job, this.onProgress);
    this.running.catch(() => {});
  }

  /** The pages are written: the index's progress shows, and its result is awaited. */
  async finish(): Promise<SearchIndexResult> {
    this.pagesDone = true;
    this.build.times.progress('chỉ mục tìm kiếm', ...this.last);
    if (!this.running) throw new Error('the search index was not started');
    const result = await this.running;
    this.seconds = result.seconds;
    for (const notice of result.notices ?? []) this.build.options.onNotice?.(notice);
    return result;
  }

  /** The build failed: the index is awaited, or its worker stopped. */
  async abandon(): Promise<void> {
    if (this.running) await this.running.catch(() => {});
    else await (await this.worker).stop();
  }
}
