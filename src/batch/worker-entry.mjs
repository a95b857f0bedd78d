// Starts a batch worker: its compiled copy when the CLI runs compiled (bin/build.mjs), else the
// TypeScript source through tsx's loader.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./worker.js', import.meta.url))) {
  await import(new URL('./worker.js', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./worker.ts');
}
