// Decisions: the office confirms an evaluation as the year's decision. A confirmed decision is
// immutable; a correction is a new decision that supersedes the current one, with its reason,
// and everything downstream follows by correcting entries: fines and rewards get reversing and
// new `assess` entries in the ledger, personnel recommendations no longer made are withdrawn.

import { randomUUID } from 'node:crypto';
import type { ZerenCase } from '../domain/case.ts';
import { chinaDay, isIsoDate } from '../domain/dates.ts';
import { can } from '../domain/permissions.ts';
import type { Problem } from '../domain/problems.ts';
import type { Consequence, ZerenResult } from '../domain/result.ts';
import { AuditWriter } from './audit.ts';
import { insertAll } from './bulk.ts';
import type { Ctx } from './ctx.ts';
import { conflict, invalid, notFound, StoreError } from './errors.ts';
import { getEvaluation } from './evaluations.ts';
import { lockLedger, nextSeq } from './ledger-lock.ts';
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

const MONEY = new Set(['fine', 'reward']);
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

export interface ConfirmInput {
  evaluation_id: string;
  /** The day fines fall due: after it, uncollected fines may be deducted from allocations (八). */
  fines_due_on: string;
  /** A correction names the decision it supersedes (the current one) and why. */
  supersedes?: string;
  reason?: string;
}

/** The key of a consequence for obligations: who, what, which clause of which pack (null: the county's). */
const keyOf = (kind: string, subjectKind: string, subjectId: string, clause: string, source: string | null) =>
  `${kind}|${subjectKind}|${subjectId}|${clause}|${source ?? ''}`;

/**
 * The unit that collects a person's fine: where the post or link that made the person answer
 * was held (a village's posts and links answer to its town: 罚款由镇(场)、县直相关单位执罚). A
 * fine on a person named in an incident (4.3.1.8) goes to the unit of the person's latest post.
 */
function collectingUnit(
  c: Consequence,
  townOf: Map<string, string | null>,
  postsOf: Map<string, string[]>,
): string | null {
  const unit = c.via?.unit ?? postsOf.get(c.subject.id)?.at(-1);
  if (!unit) return null;
  return townOf.get(unit) ?? unit;
}

export async function confirmDecision(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  input: ConfirmInput,
): Promise<Decision> {
  if (scope.county !== county) throw notFound('县', county);
  if (!can(scope.role, 'decisions.confirm') || scope.units !== null)
    throw new StoreError(
      'forbidden',
      '只有县人口考核办可以确认决定',
      'only the county assessment office confirms decisions',
    );
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
  const result = JSON.parse(evaluation!.result_json) as ZerenResult;
  // The county's consequences, then each town pack's (七), tagged with the pack that gave them.
  const given = [
    ...result.consequences.map((c) => ({ c, source: null as string | null })),
    ...(await townResults(ctx, input.evaluation_id)).flatMap((t) =>
      t.result.consequences.map((c) => ({ c, source: t.pack })),
    ),
  ];
  const kase = JSON.parse(evaluation!.case_json) as ZerenCase;
  const townOf = new Map(kase.units.filter((u) => u.kind === 'village').map((u) => [u.id, u.town ?? null]));
  const postsOf = new Map<string, string[]>();
  for (const p of [...(kase.posts ?? [])].sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1)))
    postsOf.set(p.person, [...(postsOf.get(p.person) ?? []), p.unit]);
  const at = ctx.now().toISOString();

  return ctx.db.transaction().execute(async (trx) => {
    await lockLedger(trx);
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
    const audit = await AuditWriter.open(trx);
    const record = (action: string, type: string, id: string, before: unknown, after: unknown) =>
      audit.add(
        scope.actor,
        { action, object_type: type, object_id: id, county_id: county, before, after },
        at,
      );
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

    // Money: one obligation per fine or reward; its amount due is the sum of its live assess entries.
    const obligations = await trx
      .selectFrom('obligations')
      .selectAll()
      .where('county_id', '=', county)
      .where('fp_year', '=', year)
      .execute();
    const byKey = new Map(
      obligations.map((o) => [keyOf(o.kind, o.subject_kind, o.subject_id, o.clause, o.source_pack), o]),
    );
    const live = await liveAssessments(trx, county, year);
    let seq = await nextSeq(trx, county);
    const entry = (
      obligation: string,
      kind: string,
      fen: number,
      extra: Partial<Row<'ledger_entries'>> = {},
    ) => {
      const e: Row<'ledger_entries'> = {
        id: randomUUID(),
        seq: seq++,
        county_id: county,
        fp_year: year,
        obligation_id: obligation,
        kind,
        amount_fen: fen,
        on_date: chinaDay(ctx.now()),
        reverses: null,
        unit_id: null,
        receipt_no: null,
        decision_id: row.id,
        note: null,
        idempotency_key: null,
        created_by: scope.actor.name,
        created_at: at,
        due_on: null,
        ...extra,
      };
      record(`ledger.${kind}`, 'ledger_entries', e.id, null, e);
      return e;
    };
    const entries: Row<'ledger_entries'>[] = [];
    const newObligations: Row<'obligations'>[] = [];
    const wanted = new Set<string>();
    for (const { c, source } of given) {
      if (!MONEY.has(c.type)) continue;
      const key = keyOf(c.type, c.subject.kind, c.subject.id, c.clause, source);
      wanted.add(key);
      const fen = Math.round(c.amount_yuan! * 100);
      let o = byKey.get(key);
      if (!o) {
        o = {
          id: randomUUID(),
          county_id: county,
          fp_year: year,
          kind: c.type,
          subject_kind: c.subject.kind,
          subject_id: c.subject.id,
          clause: c.clause,
          applies: c.applies ?? null,
          collecting_unit_id:
            c.type === 'fine' && c.subject.kind === 'person' ? collectingUnit(c, townOf, postsOf) : null,
          explanation: c.explanation,
          created_at: at,
          source_pack: source,
        };
        newObligations.push(o);
        record('obligation.create', 'obligations', o.id, null, o);
      }
      const prev = live.get(o.id);
      if (prev?.amount_fen === fen) continue;
      if (prev)
        entries.push(
          entry(o.id, 'reverse', prev.amount_fen, {
            reverses: prev.id,
            note: `更正决定 ${row.id}：${row.reason}`,
          }),
        );
      // A fine falls due by this decision's date: a correction's new or raised fine by its own.
      entries.push(
        entry(o.id, 'assess', fen, {
          note: c.explanation.slice(0, 500),
          due_on: c.type === 'fine' ? row.fines_due_on : null,
        }),
      );
    }
    for (const o of obligations) {
      const prev = live.get(o.id);
      if (!wanted.has(keyOf(o.kind, o.subject_kind, o.subject_id, o.clause, o.source_pack)) && prev)
        entries.push(
          entry(o.id, 'reverse', prev.amount_fen, {
            reverses: prev.id,
            note: `更正决定 ${row.id} 不再有此项：${row.reason}`,
          }),
        );
    }
    await insertAll(trx, 'obligations', newObligations);
    await insertAll(trx, 'ledger_entries', entries);

    await recordPersonnel(trx, row, result, ctx.engine(kase.policy).personnel, at, record);
    await audit.flush();
    return decisionOf(row, null);
  });
}

/** Each obligation's `assess` entry still in force (not reversed). */
async function liveAssessments(
  trx: Tx,
  county: string,
  year: number,
): Promise<Map<string, Row<'ledger_entries'>>> {
  const rows = await trx
    .selectFrom('ledger_entries')
    .selectAll()
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .where('kind', 'in', ['assess', 'reverse'])
    .execute();
  const reversed = new Set(rows.filter((r) => r.kind === 'reverse').map((r) => r.reverses));
  const out = new Map<string, Row<'ledger_entries'>>();
  for (const r of rows) if (r.kind === 'assess' && !reversed.has(r.id)) out.set(r.obligation_id, r);
  return out;
}

const actionKey = (a: {
  subject_kind: string;
  subject_id: string;
  type: string;
  clause: string;
  from_date: string | null;
  until_date: string | null;
  max_grade: string | null;
}) =>
  `${a.subject_kind}|${a.subject_id}|${a.type}|${a.clause}|${a.from_date ?? ''}|${a.until_date ?? ''}|${a.max_grade ?? ''}`;

/** Personnel recommendations: new ones recorded, those the correction no longer makes withdrawn. */
async function recordPersonnel(
  trx: Tx,
  decision: Row<'decisions'>,
  result: ZerenResult,
  personnel: ReadonlySet<string>,
  at: string,
  record: (action: string, type: string, id: string, before: unknown, after: unknown) => void,
): Promise<void> {
  const existing = await liveActions(trx, decision.county_id, decision.fp_year);
  const byKey = new Map(existing.map((a) => [actionKey(a), a]));
  const keep = new Set<string>();
  const fresh: Row<'personnel_actions'>[] = [];
  for (const c of result.consequences) {
    if (!personnel.has(c.type)) continue;
    const a = {
      subject_kind: c.subject.kind,
      subject_id: c.subject.id,
      type: c.type,
      clause: c.clause,
      from_date: c.from ?? null,
      until_date: c.until ?? null,
      max_grade: c.max_grade ?? null,
    };
    const k = actionKey(a);
    if (byKey.has(k)) {
      keep.add(k);
      continue;
    }
    const row: Row<'personnel_actions'> = {
      id: randomUUID(),
      county_id: decision.county_id,
      fp_year: decision.fp_year,
      decision_id: decision.id,
      applies: c.applies ?? null,
      explanation: c.explanation,
      created_at: at,
      ...a,
    };
    fresh.push(row);
    record('personnel.recommend', 'personnel_actions', row.id, null, row);
  }
  await insertAll(trx, 'personnel_actions', fresh);
  const withdrawn: Row<'personnel_records'>[] = [];
  for (const a of existing)
    if (!keep.has(actionKey(a))) {
      const r: Row<'personnel_records'> = {
        id: randomUUID(),
        action_id: a.id,
        county_id: a.county_id,
        outcome: 'withdrawn',
        authority: null,
        decided_on: null,
        note: `更正决定 ${decision.id}：${decision.reason}`,
        recorded_by: decision.confirmed_by,
        recorded_at: at,
      };
      withdrawn.push(r);
      record('personnel.withdraw', 'personnel_actions', a.id, a, r);
    }
  await insertAll(trx, 'personnel_records', withdrawn);
}

/** The recommendations in force: not withdrawn by a correction. */
export async function liveActions(
  db: Db | Tx,
  county: string,
  year: number,
): Promise<Row<'personnel_actions'>[]> {
  const withdrawn = db
    .selectFrom('personnel_records')
    .select('action_id')
    .where('county_id', '=', county)
    .where('outcome', '=', 'withdrawn');
  return db
    .selectFrom('personnel_actions')
    .selectAll()
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .where('id', 'not in', withdrawn)
    .orderBy('subject_id')
    .orderBy('type')
    .execute();
}
