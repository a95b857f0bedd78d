// Starts an evaluation worker: its compiled copy when the server runs compiled, else the
// TypeScript source through tsx's loader, as `tsx` and the tests run the server.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./worker.js', import.meta.url))) {
  await import(new URL('./worker.js', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./worker.ts');
}
