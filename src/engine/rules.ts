// Compiles rules.yaml into closures, once per pack: read and checked first (rules-parse.ts), then
// each `when` made a test of a binding in a case. A pack whose rules have problems does not load.

import { type ConsequenceType, passingOutcomes } from '../domain/vocabulary.ts';
import type { CaseIndex } from './case-index.ts';
import type { Checker } from './check.ts';
import type { Binding, Generator } from './generators.ts';
import type { RecipientGroup } from './groups.ts';
import type { Pack } from './pack.ts';
import { type CondSpec, type GiveSpec, parseRules } from './rules-parse.ts';

export type Cond = (ix: CaseIndex, b: Binding) => boolean;

export interface Block {
  groups: RecipientGroup[];
  gives: GiveSpec[];
  when?: Cond;
  deps: string[];
  /** The tests its `when` names (see CompiledRule.tests). */
  tests: string[];
}

export interface CompiledRule {
  id: string;
  clause: string;
  applies?: string;
  gen: Generator;
  when?: Cond;
  /**
   * The tests its `when` names: interpretation, outcome, county_assessment, linked_villages, and
   * any / not when it is more than a conjunction of those.
   */
  tests: string[];
  blocks: Block[];
}

export interface CompiledRules {
  rules: CompiledRule[];
  withhold?: { interpretation: string; value: string; clauses: Set<string> };
  /** The consequence types the pack has the office forward as personnel recommendations. */
  personnel: ReadonlySet<ConsequenceType>;
}

export function compileRules(pack: Pack, c: Checker): CompiledRules {
  const spec = parseRules(pack, c);
  const passing = passingOutcomes(pack.vocabulary);
  const passed = (ix: CaseIndex, unit: string) => passing.has(ix.countyAnnual.get(unit)?.outcome ?? '');
  const cond = (w: CondSpec): Cond => {
    if ('all' in w) {
      const parts = w.all.map(cond);
      return (ix, b) => parts.every((f) => f(ix, b));
    }
    if ('any' in w) {
      const parts = w.any.map(cond);
      return (ix, b) => parts.some((f) => f(ix, b));
    }
    if ('not' in w) {
      const inner = cond(w.not);
      return (ix, b) => !inner(ix, b);
    }
    if ('interpretation' in w) {
      const pairs = w.interpretation;
      return (ix) => pairs.every(([id, v]) => ix.readings[id] === v);
    }
    if ('outcome' in w) {
      const set = w.outcome;
      return (_ix, b) => b.assessment?.outcome !== undefined && set.has(b.assessment.outcome);
    }
    if ('county_assessment' in w) return (ix, b) => passed(ix, b.subject);
    if ('linked_villages' in w)
      return (ix, b) => {
        const vs = ix.villagesLinkedTo.get(b.subject) ?? [];
        return vs.length > 0 && vs.every((v) => passed(ix, v));
      };
    return () => false;
  };
  const when = (w: CondSpec | undefined) => (w === undefined ? undefined : cond(w));
  return {
    rules: spec.rules.map((r) => ({
      ...r,
      when: when(r.when),
      blocks: r.blocks.map((b) => ({ ...b, when: when(b.when) })),
    })),
    withhold: spec.withhold,
    personnel: spec.personnel,
  };
}
