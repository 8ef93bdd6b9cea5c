/** A parse worker for test/parsePool.test.ts and test/parseBudget.test.ts: a file named "treo-*" (or holding "(treo)") never finishes, "phinh-*" eats memory; the others parse. */
import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { parseFile } from '../../src/archive/parseFile.ts';

parentPort?.on('message', (job: { id: number; rel: string; bytes: Uint8Array }) => {
  const name = basename(job.rel);
  // a file is also stuck when its text says so (`add` parses it under a provisional name)
  if (name.startsWith('treo-') || Buffer.from(job.bytes).includes('(treo)')) for (;;) { /* a parser stuck in a loop */ }
  if (name.startsWith('phinh-')) {
    const hoard: string[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => `chuỗi ${i} ${hoard.length}`));
  }
  parentPort!.postMessage({ id: job.id, ...parseFile({ rel: job.rel, bytes: job.bytes }) });
});
// loaded: the pool's time budget for each file starts now
parentPort?.postMessage({ ready: true });
