import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.ts';
import { DEFAULT_POLICY, POLICIES_DIR, readPackSource, readPackSourceCached } from './load.ts';

const tmp = mkdtempSync(join(tmpdir(), 'zeren-packs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('parsed packs kept between runs', () => {
  const seed = join(POLICIES_DIR, DEFAULT_POLICY);

  it('gives exactly what parsing gives, from the cache as on the first read', () => {
    const cache = join(tmp, 'cache-a');
    const parsed = readPackSource(seed);
    expect(readPackSourceCached(seed, cache)).toEqual(parsed);
    expect(readdirSync(cache)).toHaveLength(1);
    const again = readPackSourceCached(seed, cache);
    expect(again).toEqual(parsed);
    expect(createEngine(again).packHash).toBe(createEngine(parsed).packHash);
  });

  it('a changed file is a different entry, never the old one', () => {
    const cache = join(tmp, 'cache-b');
    const copy = join(tmp, 'pack');
    cpSync(seed, copy, { recursive: true });
    const before = readPackSourceCached(copy, cache);
    writeFileSync(join(copy, 'text.md'), `${before.text}\n<!-- changed -->\n`);
    const after = readPackSourceCached(copy, cache);
    expect(after.text).toContain('<!-- changed -->');
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it('an unwritable cache only costs time', () => {
    // Under a regular file no folder can be made (ENOTDIR). Not under /proc: there Node's
    // recursive mkdir loops for ever (ENOENT, then EEXIST for the parent, again and again).
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'not a folder');
    expect(readPackSourceCached(seed, join(file, 'cache'))).toEqual(readPackSource(seed));
  });
});
