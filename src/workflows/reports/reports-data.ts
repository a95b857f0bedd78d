// What the reports read from the store, within the caller's jurisdiction: the year's current
// decision and its result, the ledger's obligations with their entries and balances, the
// personnel recommendations, and the names of units and people.

import { isIsoDate } from '../../domain/dates.ts';
import { type Problem, problem } from '../../domain/problems.ts';
import { emptyVocabulary } from '../../domain/vocabulary.ts';
import { getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { currentDecision } from '../../store/decisions.ts';
import { invalid, notFound, StoreError } from '../../store/errors.ts';
import { getEvaluation } from '../../store/evaluations.ts';
import { FACTS, scoped } from '../../store/fact-kinds.ts';
import { asOf } from '../../store/ledger-core.ts';
import { listObligations, overdue } from '../../store/ledger-views.ts';
import { listActions } from '../../store/personnel.ts';
import type { Db } from '../../store/schema.ts';
import { actsFor, type Scope } from '../../store/scope.ts';
import { scopedTownResults } from '../../store/town-evaluations.ts';
import { relabelled, sourceClauseZh, sourceZh, townSectionZh } from '../evaluation/town-view.ts';
import { today } from '../notices/days.ts';
import { type Names, rewardsAndSanctions } from './reports.ts';
import { overdueByUnit, statementOf } from './reports-ledger.ts';

export async function namesOf(ctx: Ctx, county: string): Promise<Names> {
  const { db } = ctx;
  const c = await db.selectFrom('counties').select('policy').where('id', '=', county).executeTakeFirst();
  const units = await db
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'town_id'])
    .where('county_id', '=', county)
    .execute();
  const people = await db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('county_id', '=', county)
    .execute();
  return {
    units: new Map(units.map((u) => [u.id, { name: u.name, kind: u.kind, town: u.town_id }])),
    people: new Map(people.map((p) => [p.id, p.name])),
    words: c ? ctx.engine(c.policy).vocabulary : emptyVocabulary(),
  };
}

/** The day of each money move, as the person entering it gave it (`on_date` of the entry). */
export async function entryDates(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500)
    for (const r of await db
      .selectFrom('ledger_entries')
      .select(['id', 'on_date'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      out.set(r.id, r.on_date);
  return out;
}

function checkOn(on: string): void {
  if (!isIsoDate(on))
    throw invalid([problem('on', 'date', '应为日期 YYYY-MM-DD', 'must be a date, YYYY-MM-DD')]);
}

/** 奖惩兑现表 of the year's current decision; none confirmed yet is a clear 404. */
export async function rewardsAndSanctionsReport(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  on = today(ctx),
) {
  if (scope.county !== county) throw notFound('县', county);
  if (scope.units !== null)
    throw new StoreError(
      'forbidden',
      '奖惩兑现表只供全县范围的用户查看',
      'the statement of rewards and sanctions is for county-wide users',
    );
  checkOn(on);
  const decision = await currentDecision(ctx.db, county, year);
  if (!decision)
    throw new StoreError(
      'not_found',
      `${year} 计生年度尚无确认的奖惩决定，请先确认评定结果`,
      `FP year ${year} has no confirmed decision yet; confirm an evaluation first`,
    );
  const { result } = await getEvaluation(ctx, scope, decision.evaluation_id);
  const names = await namesOf(ctx, county);
  const obligations = await listObligations(ctx, scope, county, year, {}, on);
  const actions = await listActions(ctx, scope, county, year);
  const c = await getCounty(ctx.db, county);
  const personnel = ctx.engine(c.policy).personnel;
  // 镇级办法: each town pack's (七) consequences in a section of their own, settled from their own
  // obligations, citing the town's clauses.
  const towns = (await scopedTownResults(ctx, scope, decision.evaluation_id)).map((t) => {
    const pack = ctx.engine(t.pack, t.town).pack;
    const mine = obligations.filter((o) => o.source_pack === t.pack);
    return {
      town: t.town,
      town_name: names.units.get(t.town)?.name ?? t.town,
      pack: t.pack,
      title: pack.title,
      section_zh: townSectionZh(pack),
      ...relabelled(
        rewardsAndSanctions(t.result, names, mine, [], personnel),
        (id) => pack.clauses.get(id)?.label ?? id,
      ),
    };
  });
  return {
    county,
    county_name: c.name,
    fp_year: year,
    on,
    decision: {
      id: decision.id,
      evaluation_id: decision.evaluation_id,
      confirmed_at: decision.confirmed_at,
      confirmed_by: decision.confirmed_by,
      fines_due_on: decision.fines_due_on,
    },
    ...rewardsAndSanctions(
      result,
      names,
      obligations.filter((o) => o.source_pack === null),
      actions,
      personnel,
    ),
    towns,
  };
}

/** Units and people a town or county unit may ask a statement for: its own (a town's villages too). */
async function checkSubject(ctx: Ctx, scope: Scope, county: string, q: { unit?: string; person?: string }) {
  const problems: Problem[] = [];
  if (q.unit && q.person)
    problems.push(
      problem('person', 'exclusive', '单位和人员只能择一', 'give either unit or person, not both'),
    );
  if (!q.unit && !q.person)
    problems.push(
      problem('unit', 'required', '请指定单位（unit）或人员（person）', 'give a unit or a person'),
    );
  if (problems.length) throw invalid(problems);
  if (q.unit) {
    const u = await ctx.db
      .selectFrom('units')
      .select(['id', 'name', 'town_id'])
      .where('county_id', '=', county)
      .where('id', '=', q.unit)
      .executeTakeFirst();
    if (!u || !actsFor(scope, county, { id: u.id, town: u.town_id })) throw notFound('单位', q.unit);
    return { kind: 'unit' as const, id: u.id, name: u.name };
  }
  const qb = ctx.db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('county_id', '=', county)
    .where('id', '=', q.person!);
  const p: { id: string; name: string } | undefined = await scoped(
    qb,
    FACTS.people,
    scope,
  ).executeTakeFirst();
  if (!p) throw notFound('人员', q.person!);
  return { kind: 'person' as const, id: String(p.id), name: String(p.name) };
}

/** A ledger statement of one unit (fines it collects, money it is owed) or one person. */
export async function statementReport(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  q: { unit?: string; person?: string; on?: string },
) {
  if (scope.county !== county) throw notFound('县', county);
  // A town or county unit that names no one asks for its own statement.
  const ask = !q.unit && !q.person && scope.units !== null && scope.unit ? { ...q, unit: scope.unit } : q;
  const subject = await checkSubject(ctx, scope, county, ask);
  const on = q.on ?? today(ctx);
  checkOn(on);
  const filter = subject.kind === 'unit' ? { unit: subject.id } : { person: subject.id };
  const list = await listObligations(ctx, scope, county, year, filter, on);
  const all = list.length
    ? await ctx.db
        .selectFrom('ledger_entries')
        .selectAll()
        .where(
          'obligation_id',
          'in',
          list.map((o) => o.id),
        )
        .orderBy('seq')
        .execute()
    : [];
  // The statement as of its day: the entries in force then, as the balances are.
  const entries = asOf(all, on);
  const dates = await entryDates(
    ctx.db,
    entries.map((e) => e.id),
  );
  const full = list.map((o) => ({ ...o, entries: entries.filter((e) => e.obligation_id === o.id) }));
  const c = await getCounty(ctx.db, county);
  const cite = (o: { clause: string; source_pack: string | null }) => ({
    clause_label: sourceClauseZh(ctx, o.source_pack, o.clause),
    source_zh: sourceZh(ctx, o.source_pack),
  });
  return { county, county_name: c.name, fp_year: year, on, subject, ...statementOf(full, dates, cite) };
}

/** Fines past their deadline and not settled, by collecting unit, as of a day. */
export async function overdueReport(ctx: Ctx, scope: Scope, county: string, year: number, on = today(ctx)) {
  if (scope.county !== county) throw notFound('县', county);
  checkOn(on);
  const list = await overdue(ctx, scope, county, year, on);
  const decision = await currentDecision(ctx.db, county, year);
  const c = await getCounty(ctx.db, county);
  return {
    county,
    county_name: c.name,
    fp_year: year,
    fines_due_on: decision?.fines_due_on ?? null,
    ...overdueByUnit(list, await namesOf(ctx, county), on),
  };
}
