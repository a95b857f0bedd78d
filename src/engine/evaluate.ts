// Runs the compiled rules over one indexed case and assembles the result: every member of every
// group of every binding receives its consequences (consequence.ts); I4 withholds the rewards of a
// vetoed unit or person; then one consequence per type per subject per clause (I9) in a canonical
// order (order.ts), so that the result does not depend on the order of the case.

import { RESULT_FORMAT, type Withheld, type ZerenResult } from '../domain/result.ts';
import type { CaseIndex } from './case-index.ts';
import type { Clause } from './clauses.ts';
import { give, ruleText } from './consequence.ts';
import type { Member } from './groups.ts';
import { BySubject, type ConsequenceEntry, canonical } from './order.ts';
import type { CompiledRule, CompiledRules } from './rules.ts';

type Withhold = NonNullable<CompiledRules['withhold']>;

interface Held extends ConsequenceEntry {
  reason: string;
  /** The clauses of the award vetoes that withhold it. */
  vetoes: Set<string>;
}

/** I4: the entries of the withheld clauses given for a vetoed unit, or to a vetoed person. */
function withhold(
  entries: ConsequenceEntry[],
  w: Withhold,
): { kept: BySubject<ConsequenceEntry>; held: BySubject<Held> } {
  const unitVetoes = new Map<string, Set<string>>();
  const personVetoes = new Map<string, Set<string>>();
  for (const e of entries)
    if (e.c.type === 'award_veto') {
      const vetoes = e.c.subject.kind === 'unit' ? unitVetoes : personVetoes;
      const set = vetoes.get(e.c.subject.id);
      if (set) set.add(e.c.clause);
      else vetoes.set(e.c.subject.id, new Set([e.c.clause]));
    }
  const kept = new BySubject<ConsequenceEntry>();
  const held = new BySubject<Held>();
  const unitReason = `${w.interpretation}: unit award veto`;
  const personReason = `${w.interpretation}: person award veto`;
  for (const e of entries) {
    if (!w.clauses.has(e.c.clause)) {
      kept.add(e);
      continue;
    }
    const unitVeto = e.forUnit ? unitVetoes.get(e.forUnit) : undefined;
    const personVeto = e.c.subject.kind === 'person' ? personVetoes.get(e.c.subject.id) : undefined;
    if (unitVeto) held.add({ c: e.c, fen: e.fen, forUnit: e.forUnit, reason: unitReason, vetoes: unitVeto });
    else if (personVeto)
      held.add({ c: e.c, fen: e.fen, forUnit: e.forUnit, reason: personReason, vetoes: personVeto });
    else kept.add(e);
  }
  return { kept, held };
}

/** A withheld entry: the consequence, the reason, and which award vetoes withheld it. */
function withheldEntry(ix: CaseIndex, clauses: Map<string, Clause>, w: Withhold, h: Held): Withheld {
  const who = h.reason.includes('unit')
    ? (ix.units.get(h.forUnit!)?.name ?? h.forUnit)
    : (ix.people.get(h.c.subject.id)?.name ?? h.c.subject.id);
  const labels = [...h.vetoes]
    .sort()
    .map((cl) => clauses.get(cl)!.label)
    .join('、');
  return {
    ...h.c,
    reason: h.reason,
    explanation: `${who}本计生年度被评先评优一票否决（依据${labels}），按解释${w.interpretation}本项暂不兑现。原应：${h.c.explanation}`,
  };
}

/** A block of a rule, as coverage names it: `county-reminder-town#0`. */
export const blockId = (rule: string, index: number) => `${rule}#${index}`;

/**
 * Whether a block can ever give anything: not when all its groups draw on the binding's villages
 * and the rule's generator binds none (a town's notices in a row applied as 4.3.1.1, whose
 * village blocks have no sampled village to reach).
 */
export const blockCanGive = (rule: CompiledRule, index: number) =>
  rule.gen.bindsVillages !== false || !rule.blocks[index]!.groups.every((g) => g.fromVillages);

export function runRules(
  ix: CaseIndex,
  compiled: CompiledRules,
  clauses: Map<string, Clause>,
  policy: string,
  fired?: Set<string>,
): ZerenResult {
  const entries: ConsequenceEntry[] = [];
  const members: Member[] = [];
  for (const rule of compiled.rules) {
    const text = ruleText(ix, clauses, rule);
    rule.gen.run(ix, (b) => {
      if (rule.when && !rule.when(ix, b)) return;
      for (let i = 0; i < rule.blocks.length; i++) {
        const block = rule.blocks[i]!;
        if (block.when && !block.when(ix, b)) continue;
        members.length = 0;
        for (const g of block.groups) g.members(ix, b, members);
        // Coverage of a pack's tests: which blocks gave anything (`<rule id>#<block index>`).
        if (fired && members.length > 0) fired.add(blockId(rule.id, i));
        const values = text.values[i]!;
        for (const m of members)
          for (let j = 0; j < block.gives.length; j++)
            entries.push(give(ix, text, rule, block, b, m, block.gives[j]!, values[j]));
      }
    });
  }

  const w = compiled.withhold;
  let kept: BySubject<ConsequenceEntry>;
  let withheld: Withheld[] = [];
  if (w && ix.readings[w.interpretation] === w.value) {
    const split = withhold(entries, w);
    kept = split.kept;
    // What is withheld and also given under the same clause another way is simply given.
    withheld = canonical(split.held, ix.c)
      .filter((h) => !kept.has(h))
      .map((h) => withheldEntry(ix, clauses, w, h));
  } else {
    kept = new BySubject<ConsequenceEntry>();
    for (const e of entries) kept.add(e);
  }
  return {
    format: RESULT_FORMAT,
    policy,
    fp_year: ix.c.fp_year,
    interpretations: ix.readings,
    consequences: canonical(kept, ix.c).map((e) => e.c),
    withheld,
  };
}
