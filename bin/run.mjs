// Runs a module of src/ from its compiled copy (bin/build.mjs), or through tsx when there is none.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiled, ROOT } from './build.mjs';

export async function run(modulePath) {
  const dir = compiled();
  if (dir) {
    // The module bundled into one file (bin/bundle.mjs: the server), else its compiled file.
    const bundled = join(dir, modulePath.replace(/\.ts$/, '.bundle.js'));
    const file = existsSync(bundled) ? bundled : join(dir, modulePath.replace(/\.ts$/, '.js'));
    return import(pathToFileURL(file).href);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(ROOT, 'src', modulePath)).href);
}
