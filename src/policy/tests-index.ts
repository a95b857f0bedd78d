// The policy tests of a pack (policies/<pack>/tests/*.yaml) as the explorer lists them: file,
// name and the clauses and interpretations each case covers. Read once per process and pack.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packDir } from './load.ts';
import { readPackCases } from './pack-cases.ts';
import type { TestRef } from './view.ts';

const cache = new Map<string, TestRef[]>();

export function packTests(policy?: string): TestRef[] {
  const dir = join(packDir(policy), 'tests');
  let refs = cache.get(dir);
  if (!refs) {
    refs = existsSync(dir)
      ? readPackCases(dir).map((c) => ({ file: c.file, name: c.name, covers: c.covers }))
      : [];
    cache.set(dir, refs);
  }
  return refs;
}
