// Rosters as the browser shows them: every code with its Chinese (`status_zh`, `unit_kind_zh`,
// `action_zh`, `role_zh`), who acted by the name documents print (the account's 姓名, else its
// login), the roster's lines as a person reads them, and every Chinese text with full-width
// punctuation. Pure additions to what rosters.ts, roster-accept.ts and roster-diff.ts return.

import { labelOf, ROSTER_ACTION_ZH, ROSTER_STATUS_ZH, type RosterStatus } from '../../domain/labels.ts';
import { zhPunct } from '../../domain/zh-punct.ts';
import type { Ctx } from '../../store/ctx.ts';
import type { Db } from '../../store/schema.ts';
import type { Scope } from '../../store/scope.ts';
import { holders } from '../documents/common.ts';
import { loadSetting, type RosterContent } from './roster-content.ts';
import { type Diff, type DiffEntry, entryOf, namesOf } from './roster-diff.ts';
import { getRoster, type listRosters, type view } from './rosters.ts';

/** The accounts' names of these login names (a login with no 姓名 recorded stands for itself). */
async function namer(db: Db, logins: (string | null | undefined)[]) {
  const wanted = [...new Set(logins.filter((l): l is string => !!l))];
  const names = await holders(db, wanted);
  return (login: string | null | undefined) => (login ? (names.get(login) ?? login) : null);
}

/** The board: each unit's status and kind in Chinese, and who submitted and reviewed by name. */
export async function labelledList(db: Db, list: Awaited<ReturnType<typeof listRosters>>) {
  const name = await namer(
    db,
    list.items.flatMap((i) => [i.submitted_by, i.reviewed_by]),
  );
  return {
    ...list,
    items: list.items.map((i) => ({
      unit: i.unit,
      unit_name: i.unit_name,
      unit_kind: i.unit_kind,
      unit_kind_zh: i.unit_kind_zh,
      status: i.status,
      status_zh: ROSTER_STATUS_ZH[i.status],
      version: i.version ?? 0,
      submitted_by: i.submitted_by ?? null,
      submitted_by_name: name(i.submitted_by),
      submitted_at: i.submitted_at ?? null,
      reviewed_by: i.reviewed_by ?? null,
      reviewed_by_name: name(i.reviewed_by),
      reviewed_at: i.reviewed_at ?? null,
    })),
  };
}

type View = ReturnType<typeof view>;

/** One roster's state with Chinese labels and names (a submission, return or acceptance answers with it). */
export async function labelledView<V extends View>(db: Db, v: V) {
  const name = await namer(db, [v.submitted_by, v.reviewed_by, ...v.history.map((h) => h.actor)]);
  return {
    ...v,
    status_zh: ROSTER_STATUS_ZH[v.status as RosterStatus],
    reasons: v.reasons.map(zhPunct),
    submitted_by_name: name(v.submitted_by),
    reviewed_by_name: name(v.reviewed_by),
    history: v.history.map((h) => ({
      ...h,
      action_zh: labelOf(ROSTER_ACTION_ZH, h.action),
      actor_name: name(h.actor) ?? h.actor,
      ...('reasons' in h && h.reasons && { reasons: h.reasons.map(zhPunct) }),
    })),
  };
}

const entryZh = (e: DiffEntry): DiffEntry => ({
  ...e,
  zh: zhPunct(e.zh),
  ...(e.role_zh && { role_zh: zhPunct(e.role_zh) }),
  ...(e.unit_name && { unit_name: zhPunct(e.unit_name) }),
});
export const diffZh = (d: Diff): Diff => ({
  added: d.added.map(entryZh),
  removed: d.removed.map(entryZh),
  changed: d.changed.map(entryZh),
});

/** The lines of a roster (posts, then links) as a person reads them. */
export function linesOf(content: RosterContent, s: Parameters<typeof entryOf>[2]): DiffEntry[] {
  const names = namesOf(content.people);
  return [...content.posts, ...content.links].map((x) => entryZh(entryOf(x, names, s)));
}

/**
 * One roster for the screen: its state (labelled), its lines — the submitted roster's, or the
 * stored facts' while none is submitted — and the stored facts themselves.
 */
export async function rosterForScreen(ctx: Ctx, scope: Scope, county: string, year: number, unit: string) {
  const r = await getRoster(ctx, scope, county, year, unit);
  const s = await loadSetting(ctx.db, county, unit, ctx.engine);
  return {
    ...(await labelledView(ctx.db, r)),
    stored: r.stored,
    lines: linesOf(r.content ?? r.stored, s),
  };
}

export const BASIS_ZH = { roster: '上年度已接受的名单', facts: '上年度的现有数据（上年度没有已接受的名单）' };

/** The diff with its Chinese lines in full-width punctuation and the basis of last year in words. */
export function labelledDiff<
  D extends { against_last_year: Diff & { basis: 'roster' | 'facts' }; against_stored: Diff },
>(d: D) {
  return {
    ...d,
    against_last_year: {
      ...d.against_last_year,
      ...diffZh(d.against_last_year),
      basis_zh: BASIS_ZH[d.against_last_year.basis],
    },
    against_stored: diffZh(d.against_stored),
  };
}
