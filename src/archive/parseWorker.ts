/** A worker thread that parses: { id, rel, bytes } in, { id, record, findings } out. */
import { parentPort } from 'node:worker_threads';
import { parseArticle } from '../parse.ts';

parentPort?.on('message', (job: { id: number; rel: string; bytes: Uint8Array }) => {
  const { record, findings } = parseArticle({ sourceFile: job.rel, bytes: job.bytes });
  parentPort!.postMessage({ id: job.id, record, findings });
});
