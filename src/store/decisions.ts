// Decisions: the office confirms an evaluation as the year's decision. A confirmed decision is
// immutable; a correction is a new decision that supersedes the current one, with its reason,
// and everything downstream follows by correcting entries: fines and rewards get reversing and
// new `assess` entries in the ledger (decision-money.ts), personnel recommendations no longer made
// are withdrawn (decision-personnel.ts). `confirmDecision` reads as its steps.

import { randomUUID } from 'node:crypto';
import type { ZerenCase } from '../domain/case.ts';
import { chinaDay, isIsoDate } from '../domain/dates.ts';
import { can } from '../domain/permissions.ts';
import type { Problem } from '../domain/problems.ts';
import type { ZerenResult } from '../domain/result.ts';
import { AuditWriter, recorderOf } from './audit.ts';
import type { Ctx } from './ctx.ts';
import { assessMoney, type Given, placesOf } from './decision-money.ts';
import { recordPersonnel } from './decision-personnel.ts';
import { conflict, invalid, notFound, StoreError } from './errors.ts';
import { getEvaluation } from './evaluations.ts';
import { keptText } from './kept-text.ts';
import { lockLedger } from './ledger-lock.ts';
import { notifyDecision } from './notify.ts';
import type { Db, Row, Tx } from './schema.ts';
import type { Scope } from './scope.ts';
import { townResults } from './town-evaluations.ts';

export interface Decision {
  id: string;
  county: string;
  fp_year: number;
  evaluation_id: string;
  supersedes: string | null;
  superseded_by: string | null;
  reason: string | null;
  fines_due_on: string;
  confirmed_by: string;
  confirmed_at: string;
}

function decisionOf(r: Row<'decisions'>, supersededBy: string | null): Decision {
  return {
    id: r.id,
    county: r.county_id,
    fp_year: r.fp_year,
    evaluation_id: r.evaluation_id,
    supersedes: r.supersedes,
    superseded_by: supersededBy,
    reason: r.reason,
    fines_due_on: r.fines_due_on,
    confirmed_by: r.confirmed_by,
    confirmed_at: r.confirmed_at,
  };
}

/** Every decision of a county's year, oldest first, each with what superseded it. */
export async function listDecisions(
  db: Db | Tx,
  scope: Scope,
  county: string,
  year: number,
): Promise<Decision[]> {
  if (scope.county !== county) throw notFound('县', county);
  const rows = await db
    .selectFrom('decisions')
    .selectAll()
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .orderBy('confirmed_at')
    .execute();
  const next = new Map(rows.filter((r) => r.supersedes).map((r) => [r.supersedes!, r.id]));
  return rows.map((r) => decisionOf(r, next.get(r.id) ?? null));
}

/** The decision in force for the year: the one no later decision supersedes. */
export async function currentDecision(
  db: Db | Tx,
  county: string,
  year: number,
): Promise<Decision | undefined> {
  const rows = await db
    .selectFrom('decisions')
    .selectAll()
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .execute();
  const superseded = new Set(rows.map((r) => r.supersedes).filter(Boolean));
  const live = rows.find((r) => !superseded.has(r.id));
  return live && decisionOf(live, null);
}

export async function getDecision(
  ctx: Ctx,
  scope: Scope,
  id: string,
): Promise<{ decision: Decision; result: ZerenResult }> {
  const row = await ctx.db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.county_id !== scope.county) throw notFound('决定', id);
  const next = await ctx.db
    .selectFrom('decisions')
    .select('id')
    .where('supersedes', '=', id)
    .executeTakeFirst();
  const { result } = await getEvaluation(ctx, scope, row.evaluation_id);
  return { decision: decisionOf(row, next?.id ?? null), result };
}

/**
 * The evaluation another is compared with: the county-year's run before it (`previous`), the one
 * the decision in force confirmed (`decision`), or the evaluation named; undefined when there is none.
 */
export async function comparedEvaluation(
  db: Db,
  me: { county: string; fp_year: number; created_at: string },
  against: string,
): Promise<string | undefined> {
  if (against === 'decision') return (await currentDecision(db, me.county, me.fp_year))?.evaluation_id;
  if (against !== 'previous') return against;
  const prev = await db
    .selectFrom('evaluations')
    .select('id')
    .where('county_id', '=', me.county)
    .where('fp_year', '=', me.fp_year)
    .where('created_at', '<', me.created_at)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return prev?.id;
}

export interface ConfirmInput {
  evaluation_id: string;
  /** The day fines fall due: after it, uncollected fines may be deducted from allocations (八). */
  fines_due_on: string;
  /** A correction names the decision it supersedes (the current one) and why. */
  supersedes?: string;
  reason?: string;
}

export async function confirmDecision(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  input: ConfirmInput,
): Promise<Decision> {
  requireOffice(scope, county);
  const evaluation = await checkedInput(ctx, county, year, input);
  const result = JSON.parse(keptText(evaluation.result_json)) as ZerenResult;
  const kase = JSON.parse(keptText(evaluation.case_json)) as ZerenCase;
  const given = await consequencesGiven(ctx, result, input.evaluation_id);
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await lockLedger(trx);
    const current = await checkCorrection(trx, county, year, input);
    const row = await insertDecision(trx, scope, county, year, input, current, at);
    const audit = await AuditWriter.open(trx);
    const record = recorderOf(audit, scope.actor, county, at);
    record(current ? 'decision.correct' : 'decision.confirm', 'decisions', row.id, current ?? null, row);
    await notifyDecision(trx, {
      county,
      year,
      decision: row.id,
      corrects: current !== undefined && current !== null,
      fines_due_on: row.fines_due_on,
      actor: scope.actor.name,
      at,
    });
    await assessMoney(trx, row, given, placesOf(kase), chinaDay(ctx.now()), record);
    await recordPersonnel(trx, row, result, ctx.engine(kase.policy).personnel, at, record);
    await audit.flush();
    return decisionOf(row, null);
  });
}

function requireOffice(scope: Scope, county: string): void {
  if (scope.county !== county) throw notFound('县', county);
  if (!can(scope.role, 'decisions.confirm') || scope.units !== null)
    throw new StoreError(
      'forbidden',
      '只有县人口考核办可以确认决定',
      'only the county assessment office confirms decisions',
    );
}

/** The evaluation confirmed, of this county and year, with a deadline for fines not before today. */
async function checkedInput(
  ctx: Ctx,
  county: string,
  year: number,
  input: ConfirmInput,
): Promise<Row<'evaluations'>> {
  const problems: Problem[] = [];
  const day = chinaDay(ctx.now());
  if (!isIsoDate(input.fines_due_on))
    problems.push({
      path: 'fines_due_on',
      code: 'date',
      zh: '应为罚款缴纳期限 YYYY-MM-DD',
      en: 'must be the date fines fall due, YYYY-MM-DD',
    });
  // A fine is never born overdue: the deadline is on or after the day of the decision.
  else if (input.fines_due_on < day)
    problems.push({
      path: 'fines_due_on',
      code: 'range',
      zh: `罚款缴纳期限不能早于决定日期（${day}）`,
      en: `must not be before the day of the decision (${day})`,
    });
  const evaluation = await ctx.db
    .selectFrom('evaluations')
    .selectAll()
    .where('id', '=', input.evaluation_id)
    .executeTakeFirst();
  if (!evaluation || evaluation.county_id !== county || evaluation.fp_year !== year)
    problems.push({
      path: 'evaluation_id',
      code: 'unknown_ref',
      zh: `本县${year}年度没有评定“${input.evaluation_id}”`,
      en: `no evaluation "${input.evaluation_id}" of this county and year`,
    });
  if (problems.length) throw invalid(problems);
  return evaluation!;
}

/** The county's consequences, then each town pack's (七), tagged with the pack that gave them. */
async function consequencesGiven(ctx: Ctx, result: ZerenResult, evaluation: string): Promise<Given[]> {
  return [
    ...result.consequences.map((c) => ({ c, source: null })),
    ...(await townResults(ctx, evaluation)).flatMap((t) =>
      t.result.consequences.map((c) => ({ c, source: t.pack })),
    ),
  ];
}

/** The year's current decision, when the input corrects it as it must (naming it, with a reason). */
async function checkCorrection(trx: Tx, county: string, year: number, input: ConfirmInput) {
  const current = await currentDecision(trx, county, year);
  if (current && input.supersedes !== current.id)
    throw conflict(
      `本年度已有决定 ${current.id}；更正须写明 supersedes 为它及理由`,
      `the year already has decision ${current.id}; a correction names it in supersedes, with a reason`,
    );
  if (!current && input.supersedes)
    throw invalid([
      {
        path: 'supersedes',
        code: 'unknown_ref',
        zh: '本年度还没有可以更正的决定',
        en: 'the year has no decision to correct yet',
      },
    ]);
  if (current && !input.reason?.trim())
    throw invalid([
      { path: 'reason', code: 'required', zh: '更正决定须说明理由', en: 'a correction needs its reason' },
    ]);
  return current;
}

async function insertDecision(
  trx: Tx,
  scope: Scope,
  county: string,
  year: number,
  input: ConfirmInput,
  current: { id: string } | undefined | null,
  at: string,
): Promise<Row<'decisions'>> {
  const row: Row<'decisions'> = {
    id: randomUUID(),
    county_id: county,
    fp_year: year,
    evaluation_id: input.evaluation_id,
    supersedes: current?.id ?? null,
    reason: input.reason?.trim() || null,
    fines_due_on: input.fines_due_on,
    confirmed_by: scope.actor.name,
    confirmed_at: at,
  };
  await trx.insertInto('decisions').values(row).execute();
  return row;
}
