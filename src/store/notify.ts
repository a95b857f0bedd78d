// Writing notifications, inside the transaction of the event that causes them, so one exists
// only if its event does: a roster returned (to the unit's users), a warning notice issued (to
// the unit's, a village's seen by its town), a decision confirmed or corrected (to every role
// that reads decisions). The words are Chinese, as the bell shows them. Reading is in
// notifications.ts.

import { randomUUID } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '../domain/labels.ts';
import { chineseDate } from '../workflows/documents/zh.ts';
import type { Tx } from './schema.ts';
import type { UserRole } from './scope.ts';

export { NOTIFICATION_KINDS, type NotificationKind };

export interface NewNotification {
  county: string;
  kind: Exclude<NotificationKind, 'fine_due'>;
  roles: readonly UserRole[];
  /** The unit it concerns; null or absent: the whole county. */
  unit?: string | null;
  fp_year?: number | null;
  object_type: string;
  object_id: string;
  title: string;
  body: string;
  /** Where to see it in the browser application. */
  link: string;
  /** Who caused it (a user name): not told of its own doing. */
  actor: string;
  at: string;
}

export async function notify(trx: Tx, n: NewNotification): Promise<void> {
  await trx
    .insertInto('notifications')
    .values({
      id: randomUUID(),
      county_id: n.county,
      kind: n.kind,
      roles: JSON.stringify(n.roles),
      unit_id: n.unit ?? null,
      fp_year: n.fp_year ?? null,
      object_type: n.object_type,
      object_id: n.object_id,
      title: n.title,
      body: n.body,
      link: n.link,
      actor: n.actor,
      created_at: n.at,
    })
    .execute();
}

const unitName = async (trx: Tx, county: string, unit: string) =>
  (
    await trx
      .selectFrom('units')
      .select('name')
      .where('county_id', '=', county)
      .where('id', '=', unit)
      .executeTakeFirst()
  )?.name ?? unit;

/** The office returned a unit's roster (二（四）): its town or county unit is told why. */
export async function notifyRosterReturned(
  trx: Tx,
  e: {
    county: string;
    year: number;
    unit: string;
    roster: string;
    reasons: readonly string[];
    actor: string;
    at: string;
  },
): Promise<void> {
  await notify(trx, {
    county: e.county,
    kind: 'roster_returned',
    roles: ['town', 'unit'],
    unit: e.unit,
    fp_year: e.year,
    object_type: 'rosters',
    object_id: e.roster,
    title: `${e.year}年度名单被退回：${await unitName(trx, e.county, e.unit)}`,
    body: `退回原因：${e.reasons.join('；')}。请修改后重新上报。`,
    link: `/rosters?year=${e.year}`,
    actor: e.actor,
    at: e.at,
  });
}

/** A warning notice (四（三）2) was issued to a unit: the unit (a village's: its town) is told. */
export async function notifyNoticeIssued(
  trx: Tx,
  e: {
    county: string;
    notice: string;
    unit: string;
    matter: string;
    deadline?: string | null;
    actor: string;
    at: string;
  },
): Promise<void> {
  const deadline = e.deadline ? `，整改期限：${chineseDate(e.deadline)}` : '';
  await notify(trx, {
    county: e.county,
    kind: 'notice_issued',
    roles: ['town', 'unit'],
    unit: e.unit,
    object_type: 'warning_notices',
    object_id: e.notice,
    title: `收到警示通知书（${e.notice}）：${await unitName(trx, e.county, e.unit)}`,
    body: `${e.matter}${deadline}。`,
    link: `/?notice=${encodeURIComponent(e.notice)}`,
    actor: e.actor,
    at: e.at,
  });
}

/** The office confirmed (or corrected) the year's decision: everyone who reads decisions is told. */
export async function notifyDecision(
  trx: Tx,
  e: {
    county: string;
    year: number;
    decision: string;
    corrects: boolean;
    fines_due_on: string;
    actor: string;
    at: string;
  },
): Promise<void> {
  await notify(trx, {
    county: e.county,
    kind: 'decision_confirmed',
    roles: ['office', 'auditor', 'town', 'unit', 'finance'],
    fp_year: e.year,
    object_type: 'decisions',
    object_id: e.decision,
    title: `${e.year}年度奖惩决定已${e.corrects ? '更正' : '确认'}`,
    body: `罚款缴纳期限：${chineseDate(e.fines_due_on)}。`,
    link: `/evaluation?year=${e.year}`,
    actor: e.actor,
    at: e.at,
  });
}
