// json-rules-engine, the default choice of a Node user: one Engine holding every row of the table
// as a rule (conditions `all`, an event naming the row), run once per population fact.

import { Engine, type NestedCondition } from 'json-rules-engine';
import type { ZerenCase } from '../../src/domain/case.ts';
import { assemble } from './assemble.ts';
import { type Fact, populationFacts } from './facts.ts';
import { type Row, RULE_TABLE, type Test } from './rule-table.ts';
import { type Baseline, paramsFor } from './types.ts';

function condition(t: Test): NestedCondition {
  if ('is' in t) return { fact: t.field, operator: 'equal', value: t.is };
  if ('among' in t) return { fact: t.field, operator: 'in', value: [...t.among] };
  return {
    all: [
      { fact: t.field, operator: 'greaterThanInclusive', value: 1 },
      { fact: t.field, operator: 'lessThanInclusive', value: t.top },
    ],
  };
}

export const jsonRulesEngine: Baseline = {
  id: 'json-rules-engine',
  label: 'json-rules-engine 7',
  explains: false,
  async setup() {
    const engine = new Engine([], { allowUndefinedFacts: false });
    RULE_TABLE.forEach((row, i) => {
      engine.addRule({
        name: row.id,
        conditions: { all: row.when.map(condition) },
        event: { type: 'row', params: { row: i } },
      });
    });
    return async (c: ZerenCase) => {
      const fired: [Fact, Row][] = [];
      for (const f of populationFacts(c)) {
        const { events } = await engine.run(f as unknown as Record<string, unknown>);
        for (const e of events) fired.push([f, RULE_TABLE[e.params!.row as number]!]);
      }
      return assemble(c, fired, paramsFor(c.fp_year));
    };
  },
};
