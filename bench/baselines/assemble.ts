// What the general engines' decisions become: the rows a fact fired → consequences of
// zeren-result/1, one per subject, type and clause (I9: the larger amount, the earliest freeze),
// with I4's withholdings. Shared code, counted in the general engines' figures. The general engines
// give no explanation; the hand-written function and Zeren do.

import type { ZerenCase } from '../../src/domain/case.ts';
import { oneYearUntil } from '../../src/domain/dates.ts';
import type { Consequence, Withheld, ZerenResult } from '../../src/domain/result.ts';
import type { Fact } from './facts.ts';
import { type Row, WITHHELD_CLAUSES } from './rule-table.ts';
import { MAX_GRADE } from './words.ts';

/** Parameter values in force (amounts in fen, titles as text), by name. */
export type Params = ReadonlyMap<string, number | string>;

interface Item {
  c: Consequence;
  key: string;
  fen: number;
  forUnit: string;
}

const DEFAULTS = {
  I1: 'any-time',
  I2: 'whole-town',
  I3: 'replace',
  I4: 'withhold',
  I5: 'include-ties',
  I6: 'head-only',
  I7: 'analogous',
  I8: 'as-written',
  I9: 'once-per-clause',
  I10: 'all-village-posts',
  I11: 'once',
  I12: 'at-fault-only',
  I13: 'no-correction-between',
};

/**
 * I9 between two entries of one key: the larger amount, then the earlier freeze. Left open beyond
 * that is which applied item of 4.3.2.2 a person named through two units (a town official also
 * stationed at a village, both warned twice) is handled under; Zeren keeps the entry whose
 * explanation sorts first, and that explanation begins with the unit's name, so this compares the
 * names of the units the entries are given for.
 */
function better(a: Item, b: Item, name: (unit: string) => string): boolean {
  if (a.fen !== b.fen) return a.fen > b.fen;
  if (a.c.from !== b.c.from) return (a.c.from ?? '') < (b.c.from ?? '');
  return `${name(a.forUnit)}本` < `${name(b.forUnit)}本`;
}

function dedupe(items: Item[], name: (unit: string) => string): Item[] {
  items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const out: Item[] = [];
  for (const it of items) {
    const prev = out[out.length - 1];
    if (prev === undefined || prev.key !== it.key) out.push(it);
    else if (better(it, prev, name)) out[out.length - 1] = it;
  }
  return out;
}

/** The result of one case from the rows each of its facts fired. */
export function assemble(c: ZerenCase, fired: [Fact, Row][], params: Params): ZerenResult {
  const staff = new Map<string, string | undefined>();
  for (const p of c.people ?? []) if (p.staff_type) staff.set(p.id, p.staff_type);
  const items: Item[] = [];
  const vetoed = new Set<string>();
  for (const [f, row] of fired)
    for (const g of row.give) {
      const c: Consequence = {
        subject: { kind: f.subject_kind, id: f.subject },
        type: g.type,
      } as Consequence;
      const fen = g.param && (g.type === 'reward' || g.type === 'fine') ? (params.get(g.param) as number) : 0;
      if (fen) c.amount_yuan = fen / 100;
      c.clause = row.clause;
      if (row.applies) c.applies = row.applies;
      if (g.date) {
        c.from = f[g.date];
        c.until = oneYearUntil(c.from);
      }
      if (g.type === 'appraisal_cap')
        c.max_grade = MAX_GRADE[(staff.get(f.subject) ?? 'civil_servant') as 'civil_servant'];
      if (g.type === 'honour_title') c.title = params.get(g.param!) as string;
      c.rule = row.id;
      c.depends_on = [];
      c.explanation = '';
      const subject = `${f.subject_kind}:${f.subject}`;
      if (g.type === 'award_veto') vetoed.add(subject);
      items.push({ c, key: `${subject}|${row.clause}|${g.type}`, fen, forUnit: f.for_unit });
    }

  const kept: Item[] = [];
  const held: (Item & { reason: string })[] = [];
  for (const it of items) {
    if (!WITHHELD_CLAUSES.has(it.c.clause)) kept.push(it);
    else if (it.forUnit && vetoed.has(`unit:${it.forUnit}`))
      held.push({ ...it, reason: 'I4: unit award veto' });
    else if (it.c.subject.kind === 'person' && vetoed.has(`person:${it.c.subject.id}`))
      held.push({ ...it, reason: 'I4: person award veto' });
    else kept.push(it);
  }
  let names: Map<string, string> | undefined;
  const name = (unit: string) => {
    names ??= new Map(c.units.map((u) => [u.id, u.name]));
    return names.get(unit) ?? unit;
  };
  const consequences = dedupe(kept, name);
  const given = new Set(consequences.map((it) => it.key));
  const withheld: Withheld[] = (dedupe(held, name) as (Item & { reason: string })[])
    .filter((h) => !given.has(h.key))
    .map((h) => ({ ...h.c, reason: h.reason }));
  return {
    format: 'zeren-result/1',
    policy: c.policy,
    fp_year: c.fp_year,
    interpretations: { ...DEFAULTS },
    consequences: consequences.map((it) => it.c),
    withheld,
  };
}
