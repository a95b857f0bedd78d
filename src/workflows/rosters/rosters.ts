// 二(四) 名单上报: each FP year every town and county unit submits its roster — who is stationed
// at or linked to which village, its leader in charge of FP work, its FP staff — and the office
// returns it with reasons or accepts it. An accepted roster becomes the year's posts and links.
//
//   (no row: not submitted) ─PUT→ submitted ─return→ returned ─PUT→ submitted ─accept→ accepted
//
// A unit may submit again at any time (before review, after a return, or after acceptance, to
// correct it); each submission is a new version and the office reviews only the latest. Every
// submit, return and accept is a `roster_events` row (the history, append-only) and an audit entry.
// Jurisdiction is enforced here: a town or unit user reaches only its own unit's roster (any other
// reads as absent, 404); only the office returns or accepts. The content format is in
// roster-content.ts; accepting, and the diff shown before it, are in roster-accept.ts.

import { randomUUID } from 'node:crypto';
import { fpYear } from '../../domain/dates.ts';
import { ROSTER_STATUS_ZH, type RosterStatus } from '../../domain/labels.ts';
import { can } from '../../domain/permissions.ts';
import { unitKindZh } from '../../domain/vocabulary.ts';
import { zhPunct } from '../../domain/zh-punct.ts';
import { AuditWriter } from '../../store/audit.ts';
import { countyWords } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { conflict, invalid, notFound, StoreError } from '../../store/errors.ts';
import { notifyRosterReturned } from '../../store/notify.ts';
import type { Db, Row, Tx } from '../../store/schema.ts';
import { actsFor, type Scope } from '../../store/scope.ts';
import {
  checkRoster,
  loadSetting,
  noRoster,
  type RosterContent,
  type RosterDraft,
  type Setting,
  storedContent,
  storedPeople,
} from './roster-content.ts';

export type { RosterStatus };

/** Another county, or (for a town or unit user) another unit's roster, reads as absent. */
export function requireRoster(scope: Scope, county: string, unit: string): void {
  if (scope.county !== county) throw notFound('县', county);
  if (scope.units !== null && scope.unit !== unit) throw noRoster(unit);
}

/** Who may submit: the unit's own users, and the office on its behalf. */
export function requireSubmitter(scope: Scope, county: string, unit: string): void {
  requireRoster(scope, county, unit);
  if (!can(scope.role, 'rosters.submit') || !actsFor(scope, county, { id: unit }))
    throw new StoreError('forbidden', '只能上报本单位的名单', 'you may submit only your own unit’s roster');
}

export function requireOffice(scope: Scope): void {
  if (!can(scope.role, 'rosters.review'))
    throw new StoreError(
      'forbidden',
      '只有县人口考核办可以退回或接受名单',
      'only the office returns or accepts a roster',
    );
}

export const ids = (content: Pick<RosterContent, 'people'>) => content.people.map((p) => p.id);

export async function rosterRow(db: Db | Tx, county: string, year: number, unit: string) {
  return db
    .selectFrom('rosters')
    .selectAll()
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .where('unit_id', '=', unit)
    .executeTakeFirst();
}

export async function listRosters(ctx: Ctx, scope: Scope, county: string, year: number) {
  if (scope.county !== county) throw notFound('县', county);
  let qb = ctx.db
    .selectFrom('units')
    .selectAll()
    .where('county_id', '=', county)
    .where('kind', 'in', ['town', 'county_unit'])
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', fpYear(year).start)]));
  if (scope.units !== null) qb = qb.where('id', '=', scope.unit ?? '');
  const units = await qb.orderBy('kind', 'desc').orderBy('id').execute();
  const rows = await ctx.db
    .selectFrom('rosters')
    .selectAll()
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .execute();
  const byUnit = new Map(rows.map((r) => [r.unit_id, r]));
  const words = await countyWords(ctx, county);
  const items = units.map((u) => {
    const r = byUnit.get(u.id);
    return {
      unit: u.id,
      unit_name: u.name,
      unit_kind: u.kind,
      unit_kind_zh: zhPunct(unitKindZh(words, u.kind)),
      status: (r?.status ?? 'not_submitted') as RosterStatus,
      ...(r && {
        version: r.version,
        submitted_by: r.submitted_by,
        submitted_at: r.submitted_at,
        reviewed_by: r.reviewed_by,
        reviewed_at: r.reviewed_at,
      }),
    };
  });
  const counts: Record<RosterStatus, number> = { not_submitted: 0, submitted: 0, returned: 0, accepted: 0 };
  for (const i of items) counts[i.status]++;
  return { fp_year: year, counts, items };
}

export function view(
  s: Setting,
  year: number,
  r: Row<'rosters'> | undefined,
  history: Row<'roster_events'>[],
) {
  return {
    unit: {
      id: s.unit.id,
      kind: s.unit.kind,
      name: s.unit.name,
      kind_zh: zhPunct(unitKindZh(s.words, s.unit.kind)),
    },
    fp_year: year,
    status: (r?.status ?? 'not_submitted') as RosterStatus,
    version: r?.version ?? 0,
    content: r ? (JSON.parse(r.content_json) as RosterContent) : null,
    reasons: r?.reasons_json ? (JSON.parse(r.reasons_json) as string[]) : [],
    submitted_by: r?.submitted_by ?? null,
    submitted_at: r?.submitted_at ?? null,
    reviewed_by: r?.reviewed_by ?? null,
    reviewed_at: r?.reviewed_at ?? null,
    history: history.map((e) => ({
      action: e.action,
      version: e.version,
      actor: e.actor,
      at: e.at,
      ...(e.action === 'return' && e.note && { reasons: JSON.parse(e.note) as string[] }),
    })),
  };
}

export async function historyOf(db: Db | Tx, id: string | undefined) {
  if (!id) return [];
  const events = await db.selectFrom('roster_events').selectAll().where('roster_id', '=', id).execute();
  // Each submission opens a version; its return or acceptance follows it.
  return events.sort(
    (a, b) => a.version - b.version || Number(a.action !== 'submit') - Number(b.action !== 'submit'),
  );
}

/** One roster: its status, content, the office's reasons, its history, and the stored facts it would replace. */
export async function getRoster(ctx: Ctx, scope: Scope, county: string, year: number, unit: string) {
  requireRoster(scope, county, unit);
  const s = await loadSetting(ctx.db, county, unit, ctx.engine);
  const r = await rosterRow(ctx.db, county, year, unit);
  return {
    ...view(s, year, r, await historyOf(ctx.db, r?.id)),
    stored: await storedContent(ctx.db, s, year),
  };
}

/** Submits (or resubmits) a roster: checked whole, stored as a new version, nothing else changes. */
export async function submitRoster(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  unit: string,
  content: RosterDraft,
) {
  requireSubmitter(scope, county, unit);
  const s = await loadSetting(ctx.db, county, unit, ctx.engine);
  const problems = checkRoster(
    ctx.engine(s.policy),
    s,
    year,
    content,
    await storedPeople(ctx.db, county, ids(content), scope),
  );
  if (problems.length) throw invalid(problems);
  const at = ctx.now().toISOString();
  const text = JSON.stringify(content);
  return ctx.db.transaction().execute(async (trx) => {
    const audit = await AuditWriter.open(trx);
    const before = await rosterRow(trx, county, year, unit);
    const version = (before?.version ?? 0) + 1;
    const fields = {
      status: 'submitted',
      version,
      content_json: text,
      submitted_by: scope.actor.name,
      submitted_at: at,
      reviewed_by: null,
      reviewed_at: null,
      reasons_json: null,
      updated_at: at,
    };
    const id = before?.id ?? randomUUID();
    if (before) await trx.updateTable('rosters').set(fields).where('id', '=', id).execute();
    else
      await trx
        .insertInto('rosters')
        .values({ id, county_id: county, fp_year: year, unit_id: unit, created_at: at, ...fields })
        .execute();
    await event(trx, id, county, 'submit', version, scope, at, null, text);
    audit.add(
      scope.actor,
      {
        action: 'rosters.submit',
        object_type: 'rosters',
        object_id: id,
        county_id: county,
        unit_id: unit,
        before: before && { status: before.status, version: before.version },
        after: { fp_year: year, status: 'submitted', version, content },
      },
      at,
    );
    await audit.flush();
    const r = await rosterRow(trx, county, year, unit);
    return view(s, year, r, await historyOf(trx, id));
  });
}

export async function event(
  trx: Tx,
  rosterId: string,
  county: string,
  action: string,
  version: number,
  scope: Scope,
  at: string,
  note: string | null,
  content: string | null,
) {
  await trx
    .insertInto('roster_events')
    .values({
      id: randomUUID(),
      roster_id: rosterId,
      county_id: county,
      action,
      version,
      actor: scope.actor.name,
      at,
      note,
      content_json: content,
    })
    .execute();
}

/** The submitted roster under review; `version`, when given, must be the one the office read. */
export async function underReview(trx: Tx, county: string, year: number, unit: string, version?: number) {
  const r = await rosterRow(trx, county, year, unit);
  const status = (r?.status ?? 'not_submitted') as RosterStatus;
  if (!r || status !== 'submitted')
    throw conflict(
      `名单当前状态为“${ROSTER_STATUS_ZH[status]}”，只有已上报的名单可以退回或接受`,
      `the roster is ${status}; only a submitted roster can be returned or accepted`,
    );
  if (version !== undefined && version !== r.version)
    throw conflict(
      `名单已更新为第 ${r.version} 版，请查看后再处理`,
      `the roster is now version ${r.version}; review it again`,
    );
  return r;
}

/** Returns a submitted roster to its unit with the office's reasons. */
export async function returnRoster(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  unit: string,
  body: { reasons: string[]; version?: number },
) {
  requireRoster(scope, county, unit);
  requireOffice(scope);
  const s = await loadSetting(ctx.db, county, unit, ctx.engine);
  const reasons = body.reasons.map((r) => r.trim()).filter((r) => r !== '');
  if (!reasons.length)
    throw invalid([
      { path: 'reasons', code: 'required', zh: '退回须说明原因', en: 'returning a roster needs its reasons' },
    ]);
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const audit = await AuditWriter.open(trx);
    const r = await underReview(trx, county, year, unit, body.version);
    const set = {
      status: 'returned',
      reviewed_by: scope.actor.name,
      reviewed_at: at,
      reasons_json: JSON.stringify(reasons),
      updated_at: at,
    };
    await trx.updateTable('rosters').set(set).where('id', '=', r.id).execute();
    await event(trx, r.id, county, 'return', r.version, scope, at, JSON.stringify(reasons), null);
    audit.add(
      scope.actor,
      {
        action: 'rosters.return',
        object_type: 'rosters',
        object_id: r.id,
        county_id: county,
        unit_id: unit,
        before: { status: r.status, version: r.version },
        after: { fp_year: year, status: 'returned', version: r.version, reasons },
      },
      at,
    );
    await notifyRosterReturned(trx, {
      county,
      year,
      unit,
      roster: r.id,
      reasons,
      actor: scope.actor.name,
      at,
    });
    await audit.flush();
    return view(s, year, await rosterRow(trx, county, year, unit), await historyOf(trx, r.id));
  });
}
