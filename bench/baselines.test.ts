// The baselines decide what Zeren decides: on a small generated sample every engine gives the same
// consequences and withheld entries (subject, type, amount, clause, applies), and the hand-written
// function gives Zeren's whole document, explanations and order included. No timing here.

import { describe, expect, it } from 'vitest';
import type { ZerenCase } from '../src/domain/case.ts';
import { generate } from '../src/generate/generate.ts';
import { loadEngine } from '../src/policy/load.ts';
import { handwritten } from './baselines/handwritten.ts';
import { RULE_TABLE } from './baselines/rule-table.ts';
import { paramsFor } from './baselines/types.ts';
import { decisionKeys } from './digest.ts';
import { ENGINES, REFERENCE } from './engines.ts';

// Small counties, so that json-rules-engine takes seconds, not minutes; and many of them, so that
// the province's rarer outcomes occur.
const small: ZerenCase[] = [
  ...generate({
    counties: 8,
    seed: 'baselines',
    towns: [3, 5],
    villagesPerTown: [3, 6],
    countyUnits: [6, 10],
  }),
];
const full: ZerenCase[] = [...generate({ counties: 2, seed: 'baselines-full' })];
const engine = loadEngine();

describe('every engine decides what Zeren decides', () => {
  for (const b of ENGINES.filter((e) => e.id !== REFERENCE)) {
    it(b.label, async () => {
      const decide = await b.setup();
      const sample = b.id === 'json-rules-engine' || b.id === 'zen-sequential' ? small : [...small, ...full];
      for (const c of sample) {
        const want = decisionKeys(engine.evaluateValid(c));
        expect(decisionKeys(await decide(c)), c.units[0]!.id).toEqual(want);
      }
    });
  }

  it('the hand-written function gives the whole document, explanations and order included', async () => {
    const decide = await handwritten.setup();
    for (const c of [...small, ...full]) expect(await decide(c)).toEqual(engine.evaluateValid(c));
  });

  it('the decision table ranks with the pack’s cut-offs', () => {
    const tops = (clause: string) =>
      RULE_TABLE.filter((r) => r.clause === clause).flatMap((r) =>
        r.when.flatMap((t) => ('top' in t ? [t.top] : [])),
      );
    const params = paramsFor(2009);
    expect(tops('3.2.2')).toEqual([params.get('rank_3_2_2'), params.get('rank_3_2_2')]);
    expect(tops('3.3.1')).toEqual([params.get('rank_3_3_1')]);
    expect(tops('3.3.3')).toEqual([params.get('rank_3_3_3')]);
  });
});
