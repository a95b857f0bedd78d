// json-logic-engine in its compiled mode (each row's test compiled once to a JS function), the
// strongest general-purpose JS evaluator: every row's function is called on every population fact.

import { LogicEngine } from 'json-logic-engine';
import type { ZerenCase } from '../../src/domain/case.ts';
import { assemble } from './assemble.ts';
import { type Fact, populationFacts } from './facts.ts';
import { type Row, RULE_TABLE, type Test } from './rule-table.ts';
import { type Baseline, paramsFor } from './types.ts';

function logic(t: Test): object {
  const v = { var: t.field };
  if ('is' in t) return { '===': [v, t.is] };
  if ('among' in t) return { in: [v, [...t.among]] };
  return { and: [{ '>=': [v, 1] }, { '<=': [v, t.top] }] };
}

export const jsonLogic: Baseline = {
  id: 'json-logic',
  label: 'json-logic-engine 5 (compiled)',
  explains: false,
  async setup() {
    const engine = new LogicEngine();
    const tests = RULE_TABLE.map((row) => engine.build({ and: row.when.map(logic) }) as (f: Fact) => unknown);
    return (c: ZerenCase) => {
      const fired: [Fact, Row][] = [];
      for (const f of populationFacts(c))
        for (let i = 0; i < tests.length; i++) if (tests[i]!(f)) fired.push([f, RULE_TABLE[i]!]);
      return assemble(c, fired, paramsFor(c.fp_year));
    };
  },
};
