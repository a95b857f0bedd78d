// The consequence one member of a group receives under one rule: its fields in the order of the
// result format, and its explanation — the facts of the binding, why the member is in the group,
// the clause applied, what is given, and the clause quoted.

import type { Consequence } from '../domain/result.ts';
import { type CaseIndex, freezeUntil } from './case-index.ts';
import type { Clause } from './clauses.ts';
import { consequenceText } from './explain.ts';
import type { Binding } from './generators.ts';
import type { Member } from './groups.ts';
import type { ConsequenceEntry } from './order.ts';
import type { Block, CompiledRule } from './rules.ts';
import type { GiveSpec } from './rules-parse.ts';

/** What depends only on the rule (and the case's year): worked out once per rule per evaluation. */
export interface RuleText {
  /** 依据四（二）2（按四（三）1（1）处理），对 */
  lead: string;
  /** 。四（二）2：“……” — the clause quoted, its own quotation marks turned into ‘’ */
  quote: string;
  /** The amount (fen) or title of each give of each block, from the parameters in force. */
  values: (number | string | undefined)[][];
}

export function ruleText(ix: CaseIndex, clauses: Map<string, Clause>, rule: CompiledRule): RuleText {
  const clause = clauses.get(rule.clause)!;
  const applied = rule.applies ? `（按${clauses.get(rule.applies)!.label}处理）` : '';
  return {
    lead: `依据${clause.label}${applied}，对`,
    quote: `。${clause.label}：“${quotable(clause.text)}”`,
    values: rule.blocks.map((b) => b.gives.map((g) => (g.param ? ix.params.get(g.param) : undefined))),
  };
}

/** A clause's text inside “”: on one line, its own “” nested as ‘’. */
export function quotable(text: string): string {
  return text
    .replace(/\s*\n\s*/g, '')
    .replace(/“/g, '‘')
    .replace(/”/g, '’');
}

export function give(
  ix: CaseIndex,
  text: RuleText,
  rule: CompiledRule,
  block: Block,
  b: Binding,
  m: Member,
  g: GiveSpec,
  value: number | string | undefined,
): ConsequenceEntry {
  const type = g.type;
  let fen: number | undefined;
  if (type === 'reward' || type === 'fine') fen = (value as number) * (g.perVillage ? b.villages.length : 1);
  // Assigned one by one, in the order of the result format, rather than spread: this runs for
  // every consequence of every case, and spreading was once most of an evaluation's time.
  const c = { subject: { kind: m.kind, id: m.id }, type } as Consequence;
  if (fen !== undefined) c.amount_yuan = fen / 100;
  c.clause = rule.clause;
  if (rule.applies) c.applies = rule.applies;
  if (type === 'transfer_promotion_freeze') {
    c.from = b.date;
    c.until = freezeUntil(ix, b.date);
  } else if (type === 'appraisal_cap')
    c.max_grade = ix.words.staff_types[ix.people.get(m.id)?.staff_type ?? 'civil_servant']?.max_grade;
  else if (type === 'honour_title') c.title = value as string;
  if (m.via) c.via = m.via;
  c.rule = rule.id;
  c.depends_on = block.deps;
  const name = m.kind === 'unit' ? (ix.units.get(m.id)?.name ?? m.id) : (ix.people.get(m.id)?.name ?? m.id);
  const given = consequenceText(
    {
      type,
      fen,
      from: c.from,
      until: c.until,
      max_grade: c.max_grade,
      title: c.title,
    },
    ix.words,
  );
  c.explanation = `${b.fact}。${m.reason ? `${m.reason}。` : ''}${text.lead}${name}${given}${text.quote}`;
  return { c, fen, forUnit: b.unit?.id };
}
