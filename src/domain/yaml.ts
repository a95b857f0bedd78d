// The YAML parser, loaded when first needed: a server that reads its policy packs from the parsed
// cache (policy/load.ts) starts without it.

import { createRequire } from 'node:module';

let loaded: typeof import('yaml') | undefined;

export function yaml(): typeof import('yaml') {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return loaded;
}
