// Starts the module of a worker thread (`workerData.module`, a URL without its extension): its
// compiled copy when the server or the CLI runs compiled (bin/build.mjs), else the TypeScript
// source through tsx's loader, as `tsx` and the tests run them.
import { existsSync } from 'node:fs';
import { workerData } from 'node:worker_threads';

const base = workerData.module;
if (existsSync(new URL(`${base}.js`))) {
  await import(`${base}.js`);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(`${base}.ts`);
}
