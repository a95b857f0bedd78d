// Runs a module of src/ from its compiled copy (bin/build.mjs), or through tsx when there is none.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiled, ROOT } from './build.mjs';

export async function run(modulePath) {
  const dir = compiled();
  if (dir) return import(pathToFileURL(join(dir, modulePath.replace(/\.ts$/, '.js'))).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(ROOT, 'src', modulePath)).href);
}
