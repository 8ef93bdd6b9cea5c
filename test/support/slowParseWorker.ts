/** A parse worker for test/parsePool.test.ts: a file named "treo-*" never finishes, "phinh-*" eats memory; the others parse. */
import { parentPort } from 'node:worker_threads';
import { parseFile } from '../../src/archive/parseFile.ts';

parentPort?.on('message', (job: { id: number; rel: string; bytes: Uint8Array }) => {
  if (job.rel.startsWith('treo-')) for (;;) { /* a parser stuck in a loop */ }
  if (job.rel.startsWith('phinh-')) {
    const hoard: string[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => `chuỗi ${i} ${hoard.length}`));
  }
  parentPort!.postMessage({ id: job.id, ...parseFile({ rel: job.rel, bytes: job.bytes }) });
});
// loaded: the pool's time budget for each file starts now
parentPort?.postMessage({ ready: true });
