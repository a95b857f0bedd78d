// The warning notices of a county's FP year as the 警示通知书 screen lists them (四(三)2): searched
// by unit, status and deadline, paged, each with its status and its deadline light in words
// (domain/deadlines.ts: green; yellow from three days before; red once past), and the number the
// office would give the next notice. One notice, by id, with the same view. A town or unit sees
// its own notices; another's reads as absent.

import { sql } from 'kysely';
import { daysBetween } from '../../domain/dates.ts';
import { DEADLINE_LIGHT_ZH, type DeadlineLight, deadlineLight } from '../../domain/deadlines.ts';
import { type Problem, problem } from '../../domain/problems.ts';
import type { Vocabulary } from '../../domain/vocabulary.ts';
import { countyWords } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { invalid, notFound } from '../../store/errors.ts';
import type { Scope } from '../../store/scope.ts';
import { today } from './days.ts';
import { type NoticeView, noticesQuery, noticeView, visibleNotice } from './notices.ts';

export const NOTICE_STATUSES = ['open', 'reported', 'verified', 'retracted'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export interface NoticeItem extends NoticeView {
  /** The notice's number in its year's case. */
  case_id: string;
  fp_year: number | null;
  /** The deadline light while the notice waits for its correction; null once verified or retracted. */
  light: DeadlineLight | null;
  /** The light in words, or what the notice's state is instead (已验收, 已撤回, 未定期限). */
  light_zh: string;
  /** Days from today to the deadline (negative when past), while the notice waits. */
  days_left: number | null;
}

export interface NoticeQuery {
  unit?: string | undefined;
  status?: string | undefined;
  deadline_from?: string | undefined;
  deadline_to?: string | undefined;
  limit: number;
  offset: number;
}

type Row = Parameters<typeof noticeView>[0];

function item(r: Row, on: string, words: Vocabulary): NoticeItem {
  const v = noticeView(r, words);
  const waiting = v.status === 'open' || v.status === 'reported';
  const light = waiting && v.deadline ? deadlineLight(v.deadline, on) : null;
  return {
    ...v,
    case_id: r.case_id ?? r.id,
    fp_year: r.fp_year,
    light,
    light_zh: light
      ? DEADLINE_LIGHT_ZH[light]
      : v.status === 'verified'
        ? '已验收'
        : v.status === 'retracted'
          ? '已撤回'
          : '未定期限',
    days_left: waiting && v.deadline ? daysBetween(on, v.deadline) : null,
  };
}

type Query = ReturnType<typeof noticesQuery>;
const STATUS_WHERE: Record<NoticeStatus, (qb: Query) => Query> = {
  open: (qb) =>
    qb
      .where('n.retracted_at', 'is', null)
      .where('n.corrected_on', 'is', null)
      .where('n.correction_reported_on', 'is', null),
  reported: (qb) =>
    qb
      .where('n.retracted_at', 'is', null)
      .where('n.corrected_on', 'is', null)
      .where('n.correction_reported_on', 'is not', null),
  verified: (qb) => qb.where('n.retracted_at', 'is', null).where('n.corrected_on', 'is not', null),
  retracted: (qb) => qb.where('n.retracted_at', 'is not', null),
};

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The year's notices the scope may see, filtered and paged, newest first. */
export async function listNotices(ctx: Ctx, scope: Scope, county: string, year: number, q: NoticeQuery) {
  if (scope.county !== county) throw notFound('县', county);
  const problems: Problem[] = [];
  if (q.status !== undefined && !(NOTICE_STATUSES as readonly string[]).includes(q.status))
    problems.push(
      problem(
        'status',
        'enum',
        '应为 open（待整改）、reported（已报告整改）、verified（已验收）或 retracted（已撤回）',
        'must be open, reported, verified or retracted',
      ),
    );
  for (const k of ['deadline_from', 'deadline_to'] as const)
    if (q[k] !== undefined && !isDate(q[k]!))
      problems.push(problem(k, 'date', '应为日期 YYYY-MM-DD', 'must be a date, YYYY-MM-DD'));
  if (q.deadline_from && q.deadline_to && q.deadline_from > q.deadline_to)
    problems.push(
      problem(
        'deadline_to',
        'range',
        '整改期限的截止日不能早于起始日',
        'the end of the deadline range is before its start',
      ),
    );
  if (problems.length) throw invalid(problems);
  const on = today(ctx);
  const words = await countyWords(ctx, county);
  let qb = noticesQuery(ctx.db, county).where('n.fp_year', '=', year);
  if (scope.units !== null)
    qb = scope.units.length ? qb.where('n.unit_id', 'in', [...scope.units]) : qb.where(sql<boolean>`1 = 0`);
  if (q.unit) qb = qb.where('n.unit_id', '=', q.unit);
  const status = q.status as NoticeStatus | undefined;
  qb = status ? STATUS_WHERE[status](qb) : qb.where('n.retracted_at', 'is', null);
  if (q.deadline_from) qb = qb.where('n.deadline', '>=', q.deadline_from);
  if (q.deadline_to) qb = qb.where('n.deadline', '<=', q.deadline_to);
  const total = Number(
    (
      await qb
        .clearSelect()
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  const rows = await qb
    .orderBy('n.issued_on', 'desc')
    .orderBy('n.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return {
    county,
    fp_year: year,
    on,
    items: rows.map((r) => item(r, on, words)),
    total,
    limit: q.limit,
    offset: q.offset,
    next_id: await nextNoticeId(ctx, county, year),
  };
}

/** One notice the scope may see, as the list shows it. */
export async function noticeItem(ctx: Ctx, scope: Scope, county: string, id: string): Promise<NoticeItem> {
  return item(await visibleNotice(ctx, scope, county, id), today(ctx), await countyWords(ctx, county));
}

/** The number the office would give its next notice of the year: JS-2010-005 after JS-2010-004. */
export async function nextNoticeId(ctx: Ctx, county: string, year: number): Promise<string> {
  const prefix = `JS-${year}-`;
  const rows = await ctx.db
    .selectFrom('warning_notices')
    .select('id')
    .where('county_id', '=', county)
    .where('id', 'like', `${prefix}%`)
    .execute();
  const used = rows.map((r) => Number(r.id.slice(prefix.length))).filter((n) => Number.isInteger(n));
  return `${prefix}${String(Math.max(0, ...used) + 1).padStart(3, '0')}`;
}
