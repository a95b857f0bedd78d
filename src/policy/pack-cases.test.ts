// Runs every policy test case (policies/<pack>/tests/*.yaml) through the one runner that
// `zeren policy test` uses, and requires the tests to cover the pack completely: every block of
// every rule gives something in some case, every consequence-bearing clause is expected somewhere,
// every interpretation value other than the default is set by a case whose result it changes.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine, POLICIES_DIR } from './load.ts';
import { type PackCase, readPackCases } from './pack-cases.ts';
import { testWordProblems } from './pack-test-words.ts';
import { coverageComplete, runPackTests } from './pack-tests.ts';

const packs = readdirSync(POLICIES_DIR).filter((p) => existsSync(join(POLICIES_DIR, p, 'tests')));

for (const pack of packs) {
  const engine = loadEngine(pack);
  const cases = readPackCases(join(POLICIES_DIR, pack, 'tests'));
  const run = runPackTests(engine, cases);

  describe(`policy ${pack}`, () => {
    run.cases.forEach((r) => {
      it(`${r.file}: ${r.name}`, () => {
        expect(r.failures).toEqual([]);
      });
    });

    it('names only readings, values and consequence types the pack declares', () => {
      expect(testWordProblems(engine, cases)).toEqual([]);
    });

    it('covers every block of every rule (those that can give anything)', () => {
      expect(run.coverage.blocks.length).toBeGreaterThan(0);
      expect(run.coverage.uncoveredBlocks).toEqual([]);
      expect(run.coverage.uncoveredRules).toEqual([]);
    });

    it('covers every consequence-bearing clause with an expected consequence', () => {
      expect(run.coverage.uncoveredClauses).toEqual([]);
    });

    it('sets every non-default interpretation value in some case, and covers every interpretation', () => {
      expect(run.coverage.uncoveredInterpretations).toEqual([]);
      expect(coverageComplete(run.coverage)).toBe(true);
    });
  });
}

describe('the runner finds what is wrong', () => {
  const engine = loadEngine();
  const cases = readPackCases(join(POLICIES_DIR, 'county-fp-2009', 'tests'));

  it('reports a wrong expectation as missing and unexpected lines', () => {
    const one = cases.find((c) => !c.problems && !c.partial && (c.expect?.length ?? 0) > 0)!;
    const wrong: PackCase = { ...one, expect: [...one.expect!.slice(1), '9.9.9 nobody fine 1'] };
    const [r] = runPackTests(engine, [wrong]).cases;
    expect(r!.ok).toBe(false);
    expect(r!.failures).toContain('缺少后果 / missing consequence: 9.9.9 nobody fine 1');
    expect(r!.failures.some((f) => f.startsWith('多出后果 / unexpected consequence:'))).toBe(true);
  });

  it('reports the blocks, clauses and readings a smaller set of tests leaves uncovered', () => {
    const few = runPackTests(engine, cases.slice(0, 3));
    expect(few.coverage.uncoveredBlocks.length).toBeGreaterThan(0);
    expect(few.coverage.uncoveredClauses.length).toBeGreaterThan(0);
    expect(few.coverage.uncoveredInterpretations.length).toBeGreaterThan(0);
    expect(coverageComplete(few.coverage)).toBe(false);
    // A town's notices in a row applied as 4.3.1.1 reach no village: those blocks are not owed.
    expect(few.coverage.unreachableBlocks).toContain('notices-in-a-row-town#3');
    expect(few.coverage.blocks).not.toContain('notices-in-a-row-town#3');
  });
});
