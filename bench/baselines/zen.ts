// @gorules/zen-engine (Rust core): the table as one decision table (hit policy `collect`, one
// column per field tested, one row per row of the table, output: the row's number). Three ways to
// call it: one fact at a time; every fact of a case in flight at once; and one call per case with
// the table in loop mode over the case's facts. The benchmark reports each, and compares with
// the best.

import { ZenEngine } from '@gorules/zen-engine';
import type { ZerenCase } from '../../src/domain/case.ts';
import { assemble } from './assemble.ts';
import { type Fact, populationFacts } from './facts.ts';
import { type Field, type Row, RULE_TABLE, type Test } from './rule-table.ts';
import { type Baseline, type Decide, paramsFor } from './types.ts';

/** A cell of the table in zen's unary-test syntax. */
function cell(t: Test): string {
  if ('is' in t) return typeof t.is === 'string' ? JSON.stringify(t.is) : String(t.is);
  if ('among' in t) return t.among.map((v) => JSON.stringify(v)).join(', ');
  return `[1..${t.top}]`;
}

/** The decision graph (JDM): request → table → response. */
export function decisionGraph(loop: boolean): object {
  const fields = [...new Set(RULE_TABLE.flatMap((r) => r.when.map((t) => t.field)))] as Field[];
  const inputs = fields.map((f) => ({ id: `in_${f}`, name: f, field: f }));
  const rules = RULE_TABLE.map((row, i) => {
    const r: Record<string, string> = { _id: `row${i}` };
    for (const f of fields) r[`in_${f}`] = '';
    for (const t of row.when) r[`in_${t.field}`] = cell(t);
    r.out_row = String(i);
    return r;
  });
  return {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'table',
        type: 'decisionTableNode',
        name: 'county-fp-2009',
        position: { x: 300, y: 0 },
        content: {
          hitPolicy: 'collect',
          ...(loop ? { executionMode: 'loop', inputField: 'facts', outputPath: 'fired' } : {}),
          inputs,
          outputs: [{ id: 'out_row', name: 'row', field: 'row' }],
          rules,
        },
      },
      { id: 'response', type: 'outputNode', name: 'Response', position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'request', targetId: 'table', type: 'edge' },
      { id: 'e2', sourceId: 'table', targetId: 'response', type: 'edge' },
    ],
  };
}

type Hit = { row: number };

function zen(id: string, label: string, mode: 'sequential' | 'in-flight' | 'loop'): Baseline {
  return {
    id,
    label,
    explains: false,
    async setup(): Promise<Decide> {
      const engine = new ZenEngine();
      const decision = engine.createDecision(decisionGraph(mode === 'loop'));
      const collect = (c: ZerenCase, facts: Fact[], hits: Hit[][]) => {
        const fired: [Fact, Row][] = [];
        facts.forEach((f, i) => {
          for (const h of hits[i]!) fired.push([f, RULE_TABLE[h.row]!]);
        });
        return assemble(c, fired, paramsFor(c.fp_year));
      };
      if (mode === 'loop')
        return async (c) => {
          const facts = populationFacts(c);
          const { result } = await decision.evaluate({ facts });
          return collect(c, facts, result.fired as Hit[][]);
        };
      if (mode === 'in-flight')
        return async (c) => {
          const facts = populationFacts(c);
          const out = await Promise.all(facts.map((f) => decision.evaluate(f)));
          return collect(
            c,
            facts,
            out.map((o) => o.result as Hit[]),
          );
        };
      return async (c) => {
        const facts = populationFacts(c);
        const hits: Hit[][] = [];
        for (const f of facts) hits.push((await decision.evaluate(f)).result as Hit[]);
        return collect(c, facts, hits);
      };
    },
  };
}

export const zenSequential = zen('zen-sequential', 'zen-engine 0.54, one call at a time', 'sequential');
export const zenInFlight = zen(
  'zen-in-flight',
  'zen-engine 0.54, all facts of a case in flight',
  'in-flight',
);
export const zenLoop = zen('zen-loop', 'zen-engine 0.54, one call per case (loop mode)', 'loop');
