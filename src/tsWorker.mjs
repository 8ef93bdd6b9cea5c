// A worker thread running a TypeScript module: worker threads do not inherit the
// TypeScript loader, so tsx is registered here, then `workerData.module` (a file URL) is loaded.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
