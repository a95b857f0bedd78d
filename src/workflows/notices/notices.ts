// 四(三)2(1): 对该镇(场)、村(社区、工区)、县直单位下达一次警示通知书,限期改正,由县人口考核办督查验收。
// The workflow of a warning notice after it is issued (issuing is creating the fact, with its
// deadline): the unit reports its correction, the assessment office verifies it (`corrected_on`,
// the date the engine reads), and the office watches the deadlines. Jurisdiction is enforced
// here; every write is one transaction with its audit entry.

import { sql } from 'kysely';
import { addDays, isIsoDate } from '../../domain/dates.ts';
import { NOTICE_STATUS_ZH } from '../../domain/labels.ts';
import { can } from '../../domain/permissions.ts';
import { type Problem, problem } from '../../domain/problems.ts';
import { unitKindZh, type Vocabulary } from '../../domain/vocabulary.ts';
import { clauseLabel } from '../../engine/clauses.ts';
import { appendAudit } from '../../store/audit.ts';
import { countyWords, getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { conflict, invalid, notFound, StoreError } from '../../store/errors.ts';
import type { Db, Row } from '../../store/schema.ts';
import { actsFor, type Scope } from '../../store/scope.ts';
import { daysBetween, today } from './days.ts';

type NoticeRow = Row<'warning_notices'> & { unit_name: string; unit_kind: string; unit_town: string | null };

export interface NoticeView {
  id: string;
  unit: { id: string; name: string; kind: string; kind_zh: string; town: string | null };
  issued_on: string;
  matter: string;
  deadline: string | null;
  correction_reported_on: string | null;
  correction_note: string | null;
  /** The day the office verified the correction (what the engine reads). */
  corrected_on: string | null;
  verified_by: string | null;
  status: 'open' | 'reported' | 'verified' | 'retracted';
  status_zh: string;
  created_at: string;
  updated_at: string;
}

/** A notice as the screens show it, its unit's kind in the words of the county's pack. */
export function noticeView(r: NoticeRow, words: Vocabulary): NoticeView {
  const status = r.retracted_at
    ? 'retracted'
    : r.corrected_on
      ? 'verified'
      : r.correction_reported_on
        ? 'reported'
        : 'open';
  return {
    id: r.id,
    unit: {
      id: r.unit_id,
      name: r.unit_name,
      kind: r.unit_kind,
      kind_zh: unitKindZh(words, r.unit_kind),
      town: r.unit_town,
    },
    issued_on: r.issued_on,
    matter: r.matter,
    deadline: r.deadline,
    correction_reported_on: r.correction_reported_on,
    correction_note: r.correction_note,
    corrected_on: r.corrected_on,
    verified_by: r.verified_by,
    status,
    status_zh: NOTICE_STATUS_ZH[status],
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

export function noticesQuery(db: Db, county: string) {
  return db
    .selectFrom('warning_notices as n')
    .innerJoin('units as u', (j) =>
      j.onRef('u.county_id', '=', 'n.county_id').onRef('u.id', '=', 'n.unit_id'),
    )
    .selectAll('n')
    .select(['u.name as unit_name', 'u.kind as unit_kind', 'u.town_id as unit_town'])
    .where('n.county_id', '=', county);
}

/** A notice the scope may see: another county's, or another town's, reads as absent. */
export async function visibleNotice(ctx: Ctx, scope: Scope, county: string, id: string): Promise<NoticeRow> {
  if (scope.county !== county) throw notFound('县', county);
  const row = await noticesQuery(ctx.db, county).where('n.id', '=', id).executeTakeFirst();
  if (!row || (scope.units !== null && !scope.units.includes(row.unit_id))) throw notFound('警示通知书', id);
  return row;
}

/** A dated step of the notice: a real date, not before the notice was issued, not in the future. */
function checkDate(
  path: string,
  value: unknown,
  notBefore: { date: string; zh: string; en: string }[],
  now: string,
) {
  if (!isIsoDate(value)) return [problem(path, 'date', '应为日期 YYYY-MM-DD', 'must be a date, YYYY-MM-DD')];
  const out: Problem[] = [];
  for (const b of notBefore)
    if (value < b.date)
      out.push(
        problem(path, 'range', `不能早于${b.zh}（${b.date}）`, `must not be before ${b.en} (${b.date})`),
      );
  if (value > now)
    out.push(problem(path, 'range', `不能晚于今天（${now}）`, `must not be after today (${now})`));
  return out;
}

function mustBeOpen(r: NoticeRow): void {
  if (r.retracted_at) throw conflict(`警示通知书“${r.id}”已撤回`, `warning notice "${r.id}" was retracted`);
  if (r.corrected_on)
    throw conflict(
      `警示通知书“${r.id}”已于${r.corrected_on}验收整改`,
      `warning notice "${r.id}" was already verified as corrected on ${r.corrected_on}`,
    );
}

async function write(
  ctx: Ctx,
  scope: Scope,
  before: NoticeRow,
  action: string,
  set: Partial<Row<'warning_notices'>>,
) {
  const at = ctx.now().toISOString();
  const words = await countyWords(ctx, before.county_id);
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('warning_notices')
      .set({ ...set, updated_at: at })
      .where('county_id', '=', before.county_id)
      .where('id', '=', before.id)
      .execute();
    const after = noticeView({ ...before, ...set, updated_at: at }, words);
    await appendAudit(
      trx,
      scope.actor,
      {
        action: `warning_notices.${action}`,
        object_type: 'warning_notices',
        object_id: before.id,
        county_id: before.county_id,
        unit_id: before.unit_id,
        before: noticeView(before, words),
        after,
      },
      at,
    );
    return after;
  });
}

/**
 * The unit reports its correction: a town for itself or its villages, a county unit for itself,
 * the office on a unit's behalf. A report may be restated until the office verifies it.
 */
export async function reportCorrection(
  ctx: Ctx,
  scope: Scope,
  county: string,
  id: string,
  input: { reported_on?: unknown; note?: unknown },
): Promise<NoticeView> {
  const r = await visibleNotice(ctx, scope, county, id);
  if (!can(scope.role, 'notices.correct') || !actsFor(scope, county, { id: r.unit_id, town: r.unit_town }))
    throw new StoreError(
      'forbidden',
      '只能报告本单位的整改情况',
      "you may report only your own unit's correction",
    );
  mustBeOpen(r);
  const issued = { date: r.issued_on, zh: '下发日期', en: 'the day it was issued' };
  const problems = checkDate('reported_on', input.reported_on, [issued], today(ctx));
  const note = typeof input.note === 'string' ? input.note.trim() : '';
  if (!note) problems.push(problem('note', 'required', '须说明整改情况', 'describe the correction'));
  else if (note.length > 2000)
    problems.push(problem('note', 'length', '不超过 2000 字', 'at most 2000 characters'));
  if (problems.length) throw invalid(problems);
  return write(ctx, scope, r, 'correction', {
    correction_reported_on: input.reported_on as string,
    correction_note: note,
  });
}

export interface Verified extends NoticeView {
  /** Why the verification does not undo an escalation, where it does not. */
  warnings: { zh: string; en: string }[];
}

/**
 * The office verifies the correction (督查验收) on a day: not before the notice, nor before the
 * reported correction. With no report, the office verifies directly and says why in a note.
 */
export async function verifyCorrection(
  ctx: Ctx,
  scope: Scope,
  county: string,
  id: string,
  input: { verified_on?: unknown; note?: unknown },
): Promise<Verified> {
  const r = await visibleNotice(ctx, scope, county, id);
  if (!can(scope.role, 'notices.verify') || scope.units !== null)
    throw new StoreError(
      'forbidden',
      '只有县人口考核办可以验收',
      'only the county assessment office verifies',
    );
  mustBeOpen(r);
  const notBefore = [{ date: r.issued_on, zh: '下发日期', en: 'the day it was issued' }];
  if (r.correction_reported_on)
    notBefore.push({ date: r.correction_reported_on, zh: '报告整改日期', en: 'the reported correction' });
  const problems = checkDate('verified_on', input.verified_on, notBefore, today(ctx));
  const note = typeof input.note === 'string' ? input.note.trim() : '';
  if (!r.correction_reported_on && !note)
    problems.push(
      problem(
        'note',
        'required',
        '单位尚未报告整改，直接验收须说明情况',
        'no correction was reported; verifying directly needs a note',
      ),
    );
  if (problems.length) throw invalid(problems);
  const on = input.verified_on as string;
  const after = await write(ctx, scope, r, 'verify', {
    corrected_on: on,
    verified_by: scope.actor.name,
    ...(!r.correction_reported_on && { correction_note: `县人口考核办直接验收：${note}` }),
  });
  // A correction verified on or after the next notice's issue date is not "before" it (4.3.2.2).
  const cited = ctx.engine((await getCounty(ctx.db, county)).policy).notices({}).clause;
  const next = await noticesQuery(ctx.db, county)
    .where('n.unit_id', '=', r.unit_id)
    .where('n.retracted_at', 'is', null)
    .where('n.id', '!=', r.id)
    .where('n.issued_on', '>=', r.issued_on)
    .where('n.issued_on', '<=', on)
    .orderBy('n.issued_on')
    .executeTakeFirst();
  const warnings = next
    ? [
        {
          zh: `${next.issued_on}已下发下一份警示通知书“${next.id}”，在其下发之日或之后验收的不算在其前整改，两次通知仍属连续${cited ? `（${clauseLabel(cited)}）` : ''}`,
          en: `the next notice "${next.id}" was issued on ${next.issued_on}; a correction verified on or after that day is not before it, so the two notices still count as in a row${cited ? ` (${cited})` : ''}`,
        },
      ]
    : [];
  return { ...after, warnings };
}

export interface DeadlineItem extends NoticeView {
  deadline_status: 'overdue' | 'due_soon';
  deadline_status_zh: '逾期' | '即将到期';
  /** Days from `on` to the deadline: negative when past it. */
  days_left: number;
  correction_reported: boolean;
}

/** Notices not yet verified whose deadline is past or within `within` days of `on`. */
export async function deadlines(
  ctx: Ctx,
  scope: Scope,
  county: string,
  query: { on?: string; within?: number },
): Promise<{ on: string; within: number; overdue: number; due_soon: number; items: DeadlineItem[] }> {
  if (scope.county !== county) throw notFound('县', county);
  const on = query.on ?? today(ctx);
  const within = query.within ?? 7;
  const problems: Problem[] = [];
  if (!isIsoDate(on))
    problems.push(problem('on', 'date', '应为日期 YYYY-MM-DD', 'must be a date, YYYY-MM-DD'));
  if (!Number.isInteger(within) || within < 0 || within > 366)
    problems.push(problem('within', 'range', '应为0–366天', 'must be 0–366 days'));
  if (problems.length) throw invalid(problems);
  let qb = noticesQuery(ctx.db, county)
    .where('n.retracted_at', 'is', null)
    .where('n.corrected_on', 'is', null)
    .where('n.deadline', 'is not', null)
    .where('n.deadline', '<=', addDays(on, within));
  if (scope.units !== null)
    qb = scope.units.length ? qb.where('n.unit_id', 'in', [...scope.units]) : qb.where(sql<boolean>`1 = 0`);
  const rows = await qb.orderBy('n.deadline').orderBy('n.id').execute();
  const words = await countyWords(ctx, county);
  const items: DeadlineItem[] = rows.map((r) => {
    const overdue = r.deadline! < on;
    return {
      ...noticeView(r, words),
      deadline_status: overdue ? 'overdue' : 'due_soon',
      deadline_status_zh: overdue ? '逾期' : '即将到期',
      days_left: daysBetween(on, r.deadline!),
      correction_reported: r.correction_reported_on !== null,
    };
  });
  const overdue = items.filter((i) => i.deadline_status === 'overdue').length;
  return { on, within, overdue, due_soon: items.length - overdue, items };
}
