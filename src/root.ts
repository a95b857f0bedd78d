// The project's folder, found from wherever this module runs: from src/ under tsx, or from the
// compiled copy under .build/ (bin/build.mjs). Policies, examples and the browser application are
// found from here, never by counting `../` from a module's own place.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'policies'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no project folder (package.json + policies/) above ${from}`);
  }
}

export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
