/** A worker thread that parses: { id, rel, bytes } in, { id, record, findings, derived } out. */
import { parentPort } from 'node:worker_threads';
import { parseFile } from './parseFile.ts';

parentPort?.on('message', (job: { id: number; rel: string; bytes: Uint8Array; now?: number; derive?: boolean }) => {
  parentPort!.postMessage({ id: job.id, ...parseFile({ rel: job.rel, bytes: job.bytes }, job.now === undefined ? undefined : new Date(job.now), job.derive ?? true) });
});
// loaded: the pool's time budget for each file starts now
parentPort?.postMessage({ ready: true });
