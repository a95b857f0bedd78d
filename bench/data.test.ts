import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ZerenCase } from '../src/domain/case.ts';
import { readCases, readCasesSync } from './data.ts';

describe('reading cases synchronously', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zeren-cases-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cases = Array.from({ length: 5 }, (_, i) => ({
    fp_year: 2009,
    units: [{ id: `c${i}`, name: `清水县第${i}` }],
  }));
  const file = join(dir, 'cases.jsonl');
  // A blank line, and no newline after the last case.
  writeFileSync(
    file,
    `${cases
      .slice(0, 2)
      .map((c) => JSON.stringify(c))
      .join('\n')}\n\n${cases
      .slice(2)
      .map((c) => JSON.stringify(c))
      .join('\n')}`,
  );

  it('reads what the stream reads, whatever the chunk size, characters split across chunks included', async () => {
    const streamed: ZerenCase[] = [];
    for await (const c of readCases(file, 10)) streamed.push(c);
    expect(streamed).toEqual(cases);
    for (const size of [1, 7, 64, 1 << 20]) expect([...readCasesSync(file, 10, size)]).toEqual(cases);
  });

  it('stops at the limit', () => {
    expect([...readCasesSync(file, 3, 7)]).toEqual(cases.slice(0, 3));
    expect([...readCasesSync(file, 0)]).toEqual([]);
  });
});
