// One way to start a worker thread on a module of ours, compiled or not (see worker-entry.mjs).

import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker running `module` (its URL, .ts or .js); `data` reaches it as `workerData`. */
export function startWorker(module: URL, data: Record<string, unknown> = {}, options: WorkerOptions = {}) {
  return new Worker(new URL('./worker-entry.mjs', import.meta.url), {
    ...options,
    workerData: { ...data, module: module.href.replace(/\.(ts|js)$/, '') },
  });
}
