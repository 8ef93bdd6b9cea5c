/**
 * A worker thread that parses: { id, rel, bytes } in, { id, record, findings, derived } out, with the
 * registries of the archive's knowledge (workerData.knowledge), built once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Knowledge } from '../registry/knowledge.ts';
import { parseFile } from './parseFile.ts';

const knowledge = (workerData as { knowledge?: Knowledge } | null)?.knowledge;
parentPort?.on('message', (job: { id: number; rel: string; bytes: Uint8Array; now?: number; derive?: boolean }) => {
  parentPort!.postMessage({ id: job.id, ...parseFile({ rel: job.rel, bytes: job.bytes }, job.now === undefined ? undefined : new Date(job.now), job.derive ?? true, knowledge) });
});
// loaded: the pool's time budget for each file starts now
parentPort?.postMessage({ ready: true });
