// Notifications: what changed for a user since they last looked. Stored ones are written by the
// event that causes them, in its transaction (notify.ts): a roster returned to its unit, a
// warning notice issued to a unit, a decision confirmed or corrected. One is derived when read:
// a fine of the user's jurisdiction falling due within 7 days. A user sees those addressed to
// its role about a unit it may see (a town its villages'), never its own doing, nothing from
// before its account existed; it marks them read, each user for itself.

import { addDays, fpYearOf } from '../domain/dates.ts';
import { NOTIFICATION_KIND_ZH } from '../domain/labels.ts';
import { yuanText } from '../domain/money.ts';
import { rolesFor } from '../domain/permissions.ts';
import { chineseDate } from '../workflows/documents/zh.ts';
import type { Ctx } from './ctx.ts';
import { invalid } from './errors.ts';
import { listObligations, today } from './ledger-views.ts';
import { NOTIFICATION_KINDS, type NotificationKind } from './notify.ts';
import type { Db, Row } from './schema.ts';
import type { Scope, UserRole } from './scope.ts';

export { NOTIFICATION_KIND_ZH, NOTIFICATION_KINDS, type NotificationKind };

/** How far ahead a fine falling due is announced. */
export const FINE_DUE_DAYS = 7;
/** The most a list returns (the newest). */
export const NOTIFICATIONS_MAX = 50;

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  kind_zh: string;
  title: string;
  body: string;
  link: string;
  at: string;
  read: boolean;
}

/** The stored notifications a scope may see, newest first. */
async function stored(db: Db, scope: Scope, since: string): Promise<Row<'notifications'>[]> {
  if (scope.county === null) return [];
  let qb = db
    .selectFrom('notifications')
    .selectAll()
    .where('county_id', '=', scope.county)
    .where('roles', 'like', `%"${scope.role}"%`)
    .where('actor', '<>', scope.actor.name)
    .where('created_at', '>=', since);
  const units = scope.units;
  if (units !== null)
    qb = qb.where((eb) =>
      units.length
        ? eb.or([eb('unit_id', 'is', null), eb('unit_id', 'in', units)])
        : eb('unit_id', 'is', null),
    );
  return qb.orderBy('created_at', 'desc').orderBy('id').limit(NOTIFICATIONS_MAX).execute();
}

/** Roles told of fines falling due: those who collect, deduct or keep the books. */
const FINE_ROLES: ReadonlySet<UserRole> = new Set(rolesFor('ledger.collect', 'ledger.deduct'));

/**
 * Fines falling due within FINE_DUE_DAYS with something outstanding: one per fine for a town or a
 * unit (those it collects), one per due date for a county-wide role (how many, how much).
 */
async function finesDue(ctx: Ctx, scope: Scope): Promise<Omit<NotificationItem, 'read'>[]> {
  if (scope.county === null || !FINE_ROLES.has(scope.role)) return [];
  const on = today(ctx);
  const until = addDays(on, FINE_DUE_DAYS);
  const year = fpYearOf(on);
  const due = [];
  for (const y of [year - 1, year])
    for (const o of await listObligations(ctx, scope, scope.county, y, { kind: 'fine', open: true }, on))
      if (o.due_on && o.due_on >= on && o.due_on <= until && o.balance.outstanding_fen > 0) due.push(o);
  const at = (d: string) => `${addDays(d, -FINE_DUE_DAYS)}T00:00:00+08:00`;
  const base = { kind: 'fine_due' as const, kind_zh: NOTIFICATION_KIND_ZH.fine_due };
  if (scope.units !== null)
    return due.map((o) => ({
      ...base,
      id: `fine-due:${o.id}:${o.due_on}`,
      title: `罚款将于${chineseDate(o.due_on!)}到期`,
      body: `${o.subject.name}（${o.clause}）尚未缴纳${yuanText(o.balance.outstanding_fen)}。`,
      link: `/ledger?year=${o.fp_year}&obligation=${encodeURIComponent(o.id)}`,
      at: new Date(at(o.due_on!)).toISOString(),
    }));
  const byDay = new Map<string, typeof due>();
  for (const o of due) byDay.set(o.due_on!, [...(byDay.get(o.due_on!) ?? []), o]);
  return [...byDay].map(([day, list]) => ({
    ...base,
    id: `fine-due:${scope.county}:${day}`,
    title: `${list.length} 笔罚款将于${chineseDate(day)}到期`,
    body: `尚未缴纳合计${yuanText(list.reduce((t, o) => t + o.balance.outstanding_fen, 0))}。`,
    link: `/ledger?year=${list[0]!.fp_year}`,
    at: new Date(at(day)).toISOString(),
  }));
}

/** A user's notifications, newest first, each marked read or not, and how many are unread. */
export async function notificationsFor(
  ctx: Ctx,
  scope: Scope,
): Promise<{ items: NotificationItem[]; unread: number }> {
  if (scope.userId === null) return { items: [], unread: 0 };
  const user = await ctx.db
    .selectFrom('users')
    .select('created_at')
    .where('id', '=', scope.userId)
    .executeTakeFirst();
  const rows = await stored(ctx.db, scope, user?.created_at ?? '');
  const all: Omit<NotificationItem, 'read'>[] = [
    ...rows.map((r) => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      kind_zh: NOTIFICATION_KIND_ZH[r.kind as NotificationKind] ?? r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      at: r.created_at,
    })),
    ...(await finesDue(ctx, scope)),
  ]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? -1 : 1))
    .slice(0, NOTIFICATIONS_MAX);
  const ids = all.map((n) => n.id);
  const read = ids.length
    ? new Set(
        (
          await ctx.db
            .selectFrom('notification_reads')
            .select('notification_id')
            .where('user_id', '=', scope.userId)
            .where('notification_id', 'in', ids)
            .execute()
        ).map((r) => r.notification_id),
      )
    : new Set<string>();
  const items = all.map((n) => ({ ...n, read: read.has(n.id) }));
  return { items, unread: items.filter((n) => !n.read).length };
}

/**
 * Marks notifications read for the user: the ids given (each must be one the user is shown), or
 * all it is shown. Marking again changes nothing. Returns what is left unread.
 */
export async function markRead(
  ctx: Ctx,
  scope: Scope,
  input: { ids?: readonly string[]; all?: boolean },
): Promise<{ unread: number; marked: number }> {
  if (scope.userId === null) return { unread: 0, marked: 0 };
  const userId = scope.userId;
  const { items } = await notificationsFor(ctx, scope);
  const shown = new Set(items.map((n) => n.id));
  const ids = input.all ? [...shown] : [...new Set(input.ids ?? [])];
  const unknown = ids.filter((id) => !shown.has(id));
  if (unknown.length)
    throw invalid(
      unknown.slice(0, 20).map((id) => ({
        path: 'ids',
        code: 'unknown_ref',
        zh: `没有通知“${id}”`,
        en: `no notification "${id}"`,
      })),
    );
  const at = ctx.now().toISOString();
  const fresh = items.filter((n) => ids.includes(n.id) && !n.read).map((n) => n.id);
  await ctx.db.transaction().execute(async (trx) => {
    for (const id of fresh)
      await trx
        .insertInto('notification_reads')
        .values({ user_id: userId, notification_id: id, read_at: at })
        .execute();
  });
  return { unread: items.filter((n) => !n.read).length - fresh.length, marked: fresh.length };
}
