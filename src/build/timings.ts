/**
 * The build's stages as they start: told to the caller's progress, and timed for BUILD_TIMINGS
 * (=1: each stage's time and the memory when the next began; =heap under node --expose-gc: also
 * the live heap at each stage's start, after a full GC).
 */
export type OnProgress = (stage: string, done: number, total: number) => void;

export class StageTimes {
  private readonly stages: [string, number, number, number | null][] = [];
  constructor(private readonly onProgress: OnProgress = () => {}) {}

  private static liveHeap(): number | null {
    if (process.env.BUILD_TIMINGS !== 'heap' || typeof globalThis.gc !== 'function') return null;
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  }

  /** Progress in `stage` (a new stage starts its clock). */
  readonly progress: OnProgress = (stage, done, total) => {
    if (this.stages.at(-1)?.[0] !== stage) this.stages.push([stage, performance.now(), process.memoryUsage.rss(), StageTimes.liveHeap()]);
    this.onProgress(stage, done, total);
  };

  /** With BUILD_TIMINGS set, one line on stderr: each stage's time, and this process's memory when the next began. */
  report(searchSeconds: number): void {
    if (!process.env.BUILD_TIMINGS) return;
    const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
    const rows = this.stages.slice(0, -1).map(([name, at, , live], i) => {
      const heap = live === null ? '' : `, live heap at start ${mb(live)} MB`;
      return `${name} ${((this.stages[i + 1]![1] - at) / 1000).toFixed(1)} s (→ ${mb(this.stages[i + 1]![2])} MB${heap})`;
    });
    process.stderr.write(`stages: ${rows.join(' · ')} (search index in all: ${searchSeconds.toFixed(1)} s, beside the pages)\n`);
  }
}
