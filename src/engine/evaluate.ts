// Runs the compiled rules over one indexed case and assembles the result: one consequence per type
// per subject per clause (I9: the larger amount, the earliest freeze), the award-veto withholdings
// of I4, and a canonical order, so that the result does not depend on the order of the case.

import { oneYearUntil } from '../domain/dates.ts';
import { type Consequence, RESULT_FORMAT, type Withheld, type ZerenResult } from '../domain/result.ts';
import { MAX_GRADE } from '../domain/vocabulary.ts';
import type { CaseIndex } from './case-index.ts';
import type { Clause } from './clauses.ts';
import { consequenceText } from './explain.ts';
import type { Binding } from './generators.ts';
import type { Member } from './groups.ts';
import type { Block, CompiledRule, CompiledRules, GiveSpec } from './rules.ts';

interface Raw {
  c: Consequence;
  fen?: number;
  /** The unit the consequence is given for (I4). */
  forUnit?: string;
}

function keyOf(c: Consequence): string {
  return `${c.subject.kind}:${c.subject.id}|${c.type}|${c.clause}`;
}

function make(
  ix: CaseIndex,
  clauses: Map<string, Clause>,
  rule: CompiledRule,
  block: Block,
  b: Binding,
  m: Member,
  g: GiveSpec,
): Raw {
  let fen: number | undefined;
  if (g.type === 'reward' || g.type === 'fine')
    fen = (ix.params.get(g.param!) as number) * (g.perVillage ? b.villages.length : 1);
  const freeze = g.type === 'transfer_promotion_freeze';
  // Fields in the order of the result format; optional ones only where they apply.
  const c: Consequence = {
    subject: { kind: m.kind, id: m.id },
    type: g.type,
    ...(fen !== undefined && { amount_yuan: fen / 100 }),
    clause: rule.clause,
    ...(rule.applies && { applies: rule.applies }),
    ...(freeze && { from: b.date, until: oneYearUntil(b.date) }),
    ...(g.type === 'appraisal_cap' && {
      max_grade: MAX_GRADE[ix.people.get(m.id)?.staff_type ?? 'civil_servant'],
    }),
    ...(g.type === 'honour_title' && { title: ix.params.get(g.param!) as string }),
    rule: rule.id,
    depends_on: block.deps,
    explanation: '',
  };
  const clause = clauses.get(rule.clause)!;
  const name = m.kind === 'unit' ? (ix.units.get(m.id)?.name ?? m.id) : (ix.people.get(m.id)?.name ?? m.id);
  const applied = rule.applies ? `(按${clauses.get(rule.applies)!.label}处理)` : '';
  c.explanation = `${b.fact}。${m.reason ? `${m.reason}。` : ''}依据${clause.label}${applied},对${name}${consequenceText({ ...c, fen })}。${clause.label}:「${clause.text}」`;
  return { c, fen, forUnit: b.unit?.id };
}

/** Whether `a` should stand instead of `b` for the same subject, type and clause (I9). */
function better(a: Raw, b: Raw): boolean {
  if (a.fen !== b.fen) return (a.fen ?? 0) > (b.fen ?? 0);
  if (a.c.from !== b.c.from) return (a.c.from ?? '') < (b.c.from ?? '');
  return a.c.explanation < b.c.explanation;
}

function dedupe<T extends Raw>(raws: T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of raws) {
    const k = keyOf(r.c);
    const prev = out.get(k);
    if (!prev || better(r, prev)) out.set(k, r);
  }
  return out;
}

function order(a: Consequence, b: Consequence): number {
  if (a.subject.kind !== b.subject.kind) return a.subject.kind < b.subject.kind ? -1 : 1;
  if (a.subject.id !== b.subject.id) return a.subject.id < b.subject.id ? -1 : 1;
  if (a.clause !== b.clause) return a.clause < b.clause ? -1 : 1;
  return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}

export function runRules(
  ix: CaseIndex,
  compiled: CompiledRules,
  clauses: Map<string, Clause>,
  policy: string,
): ZerenResult {
  const raws: Raw[] = [];
  const members: Member[] = [];
  for (const rule of compiled.rules) {
    rule.gen.run(ix, (b) => {
      if (rule.when && !rule.when(ix, b)) return;
      for (const block of rule.blocks) {
        if (block.when && !block.when(ix, b)) continue;
        members.length = 0;
        for (const g of block.groups) g.members(ix, b, members);
        for (const m of members)
          for (const g of block.gives) raws.push(make(ix, clauses, rule, block, b, m, g));
      }
    });
  }

  const kept: Raw[] = [];
  const held: (Raw & { reason: string; vetoes: string[] })[] = [];
  const w = compiled.withhold;
  if (w && ix.interp[w.interpretation] === w.value) {
    const vetoes = new Map<string, Set<string>>();
    for (const r of raws)
      if (r.c.type === 'award_veto') {
        const k = `${r.c.subject.kind}:${r.c.subject.id}`;
        const set = vetoes.get(k) ?? new Set<string>();
        set.add(r.c.clause);
        vetoes.set(k, set);
      }
    for (const r of raws) {
      const unitVeto = w.clauses.has(r.c.clause) && r.forUnit ? vetoes.get(`unit:${r.forUnit}`) : undefined;
      const personVeto =
        w.clauses.has(r.c.clause) && r.c.subject.kind === 'person'
          ? vetoes.get(`person:${r.c.subject.id}`)
          : undefined;
      if (unitVeto)
        held.push({ ...r, reason: `${w.interpretation}: unit award veto`, vetoes: [...unitVeto] });
      else if (personVeto)
        held.push({ ...r, reason: `${w.interpretation}: person award veto`, vetoes: [...personVeto] });
      else kept.push(r);
    }
  } else kept.push(...raws);

  const consequences = dedupe(kept);
  const withheld: Withheld[] = [];
  for (const [k, h] of dedupe(held)) {
    if (consequences.has(k)) continue;
    const who = h.reason.includes('unit')
      ? (ix.units.get(h.forUnit!)?.name ?? h.forUnit)
      : (ix.people.get(h.c.subject.id)?.name ?? h.c.subject.id);
    const labels = h.vetoes
      .sort()
      .map((cl) => clauses.get(cl)!.label)
      .join('、');
    withheld.push({
      ...h.c,
      reason: h.reason,
      explanation: `按解释${w!.interpretation}(${w!.value}):${who}本计生年度被评先评优一票否决(依据${labels}),本项不予兑现。原应:${h.c.explanation}`,
    });
  }
  return {
    format: RESULT_FORMAT,
    policy,
    fp_year: ix.c.fp_year,
    interpretations: ix.interp,
    consequences: [...consequences.values()].map((r) => r.c).sort(order),
    withheld: withheld.sort(order),
  };
}
