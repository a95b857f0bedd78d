// 工作台: what is waiting for the signed-in user in a county's FP year — rosters not submitted or
// to review (二(四)), annual county assessments not yet recorded, an evaluation not yet confirmed,
// warning notices near or past their deadline (四(三)2), fines past due (八). Each part is there
// only when the user's role may read what it summarises (the route module asks the access table
// and passes the parts in), and every query is held to the user's jurisdiction: a town sees its own.

import { sql } from 'kysely';
import { fpYear } from '../../domain/dates.ts';
import { DEADLINE_LIGHT_ZH, type DeadlineLight, deadlineLight } from '../../domain/deadlines.ts';
import { unitKindZh } from '../../domain/vocabulary.ts';
import { countyWords } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { currentDecision } from '../../store/decisions.ts';
import { notFound } from '../../store/errors.ts';
import { listEvaluations } from '../../store/evaluations.ts';
import { overdue } from '../../store/ledger-views.ts';
import type { Scope } from '../../store/scope.ts';
import { today } from '../notices/days.ts';
import { noticesQuery, noticeView } from '../notices/notices.ts';
import { listRosters, type RosterStatus } from '../rosters/rosters.ts';

export const WORKLIST_PARTS = ['rosters', 'assessments', 'evaluation', 'notices', 'fines'] as const;
export type WorklistPart = (typeof WORKLIST_PARTS)[number];

export interface Worklist {
  county: string;
  fp_year: number;
  on: string;
  rosters: Awaited<ReturnType<typeof rosterPart>> | null;
  assessments: Awaited<ReturnType<typeof assessmentPart>> | null;
  evaluation: Awaited<ReturnType<typeof evaluationPart>> | null;
  notices: Awaited<ReturnType<typeof noticePart>> | null;
  fines: Awaited<ReturnType<typeof finePart>> | null;
}

/** The parts the caller may see (`parts`), each held to the caller's jurisdiction. */
export async function worklist(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  parts: ReadonlySet<WorklistPart>,
): Promise<Worklist> {
  if (scope.county !== county) throw notFound('县', county);
  const on = today(ctx);
  const may = (part: WorklistPart) => parts.has(part);
  return {
    county,
    fp_year: year,
    on,
    rosters: may('rosters') ? await rosterPart(ctx, scope, county, year) : null,
    assessments: may('assessments') ? await assessmentPart(ctx, scope, county, year) : null,
    evaluation: may('evaluation') ? await evaluationPart(ctx, scope, county, year) : null,
    notices: may('notices') ? await noticePart(ctx, scope, county, on) : null,
    fines: may('fines') ? await finePart(ctx, scope, county, year, on) : null,
  };
}

/** Rosters: how many of each status, and the units still to act (to submit, to resubmit, to review). */
async function rosterPart(ctx: Ctx, scope: Scope, county: string, year: number) {
  const { counts, items } = await listRosters(ctx, scope, county, year);
  const waiting: RosterStatus[] = ['not_submitted', 'returned', 'submitted'];
  return {
    counts,
    waiting: items
      .filter((i) => waiting.includes(i.status))
      .map((i) => ({ unit: i.unit, unit_name: i.unit_name, unit_kind: i.unit_kind, status: i.status })),
  };
}

/** Towns, villages and county units open during the year with no annual county assessment recorded. */
async function assessmentPart(ctx: Ctx, scope: Scope, county: string, year: number) {
  let units = ctx.db
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'town_id'])
    .where('county_id', '=', county)
    .where('kind', 'in', ['town', 'village', 'county_unit'])
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', fpYear(year).start)]));
  if (scope.units !== null)
    units = scope.units.length ? units.where('id', 'in', [...scope.units]) : units.where(sql<boolean>`1 = 0`);
  const all = await units.orderBy('kind').orderBy('id').execute();
  const done = new Set(
    (
      await ctx.db
        .selectFrom('assessments')
        .select('subject_id')
        .where('county_id', '=', county)
        .where('fp_year', '=', year)
        .where('by', '=', 'county')
        .where('kind', '=', 'annual')
        .where('retracted_at', 'is', null)
        .execute()
    ).map((a) => a.subject_id),
  );
  const missing = all.filter((u) => !done.has(u.id));
  const words = await countyWords(ctx, county);
  const towns = new Map(all.filter((u) => u.kind === 'town').map((u) => [u.id, u.name]));
  return {
    expected: all.length,
    recorded: all.length - missing.length,
    missing: missing.map((u) => ({
      unit: u.id,
      unit_name: u.name,
      unit_kind: u.kind,
      unit_kind_zh: unitKindZh(words, u.kind),
      town: u.town_id,
      town_name: u.town_id ? (towns.get(u.town_id) ?? null) : null,
    })),
    categories: await categoriesByTown(ctx, scope, county, year),
  };
}

/** For each town (its own row included), how many of its villages are in each category this year. */
async function categoriesByTown(ctx: Ctx, scope: Scope, county: string, year: number) {
  let qb = ctx.db
    .selectFrom('categories as c')
    .innerJoin('units as u', (j) =>
      j.onRef('u.county_id', '=', 'c.county_id').onRef('u.id', '=', 'c.unit_id'),
    )
    .leftJoin('units as t', (j) => j.onRef('t.county_id', '=', 'u.county_id').onRef('t.id', '=', 'u.town_id'))
    .select(['u.id', 'u.kind', 'u.town_id', 't.name as town_name', 'c.category'])
    .where('c.county_id', '=', county)
    .where('c.fp_year', '=', year)
    .where('c.retracted_at', 'is', null)
    .where('u.kind', '=', 'village');
  if (scope.units !== null)
    qb = scope.units.length ? qb.where('u.id', 'in', [...scope.units]) : qb.where(sql<boolean>`1 = 0`);
  const byTown = new Map<string, { town: string; town_name: string; counts: Record<string, number> }>();
  for (const r of await qb.execute()) {
    const town = r.town_id ?? '';
    const row = byTown.get(town) ?? { town, town_name: r.town_name ?? town, counts: {} };
    row.counts[String(r.category)] = (row.counts[String(r.category)] ?? 0) + 1;
    byTown.set(town, row);
  }
  return [...byTown.values()].sort((a, b) => a.town.localeCompare(b.town));
}

/** The latest evaluation of the year and the decision in force: pending when they differ. */
async function evaluationPart(ctx: Ctx, scope: Scope, county: string, year: number) {
  const [latest] = await listEvaluations(ctx, scope, county, year);
  const decision = await currentDecision(ctx.db, county, year);
  return {
    latest: latest ? { id: latest.id, created_at: latest.created_at } : null,
    decision: decision
      ? { id: decision.id, evaluation_id: decision.evaluation_id, confirmed_at: decision.confirmed_at }
      : null,
    /** An evaluation exists that no decision has confirmed (the newest, when a decision exists). */
    pending: latest !== undefined && latest.id !== decision?.evaluation_id,
  };
}

/** Warning notices not yet verified, each with its deadline light; the nearest deadline first. */
async function noticePart(ctx: Ctx, scope: Scope, county: string, on: string) {
  let qb = noticesQuery(ctx.db, county)
    .where('n.retracted_at', 'is', null)
    .where('n.corrected_on', 'is', null);
  if (scope.units !== null)
    qb = scope.units.length ? qb.where('n.unit_id', 'in', [...scope.units]) : qb.where(sql<boolean>`1 = 0`);
  const rows = await qb.orderBy('n.deadline').orderBy('n.id').execute();
  const words = await countyWords(ctx, county);
  const items = rows.map((r) => {
    const v = noticeView(r, words);
    const light: DeadlineLight | null = v.deadline ? deadlineLight(v.deadline, on) : null;
    return {
      id: v.id,
      unit: v.unit.id,
      unit_name: v.unit.name,
      matter: v.matter,
      issued_on: v.issued_on,
      deadline: v.deadline,
      status: v.status,
      status_zh: v.status_zh,
      light,
      light_zh: light ? DEADLINE_LIGHT_ZH[light] : '未定期限',
    };
  });
  // Dated notices by deadline, then the undated ones.
  items.sort(
    (a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.id.localeCompare(b.id),
  );
  const count = (l: DeadlineLight) => items.filter((i) => i.light === l).length;
  return { red: count('red'), yellow: count('yellow'), green: count('green'), items };
}

/** Fines of the year past their due date and not settled, in fen, largest first. */
async function finePart(ctx: Ctx, scope: Scope, county: string, year: number, on: string) {
  const list = await overdue(ctx, scope, county, year, on);
  const units = new Map(
    (await ctx.db.selectFrom('units').select(['id', 'name']).where('county_id', '=', county).execute()).map(
      (u) => [u.id, u.name],
    ),
  );
  const items = list
    .map((o) => {
      const unit = o.withholding_unit ?? o.collecting_unit;
      return {
        id: o.id,
        subject_name: o.subject.name,
        subject_kind: o.subject.kind,
        clause: o.clause,
        due_on: o.due_on,
        outstanding_fen: o.balance.outstanding_fen,
        unit,
        unit_name: unit ? (units.get(unit) ?? unit) : null,
      };
    })
    .sort((a, b) => b.outstanding_fen - a.outstanding_fen || a.id.localeCompare(b.id));
  return {
    count: items.length,
    outstanding_fen: items.reduce((s, i) => s + i.outstanding_fen, 0),
    items,
  };
}
