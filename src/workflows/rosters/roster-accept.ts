// Accepting a roster, and what it would change. Accepting makes the unit's posts and links of
// the FP year what the roster lists, in one transaction: new people created; posts and links it
// lists again re-dated where the dates differ (a roster without `from` keeps the stored start);
// new ones created; those it no longer lists ended — one that began before the year (or whose
// start is unknown) closes the day before the year starts, one that began within it is retracted.
// Every row is audited with its values before and after. The diff shows the same plan before
// acceptance, and the roster against last year's accepted roster (or last year's stored facts).

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AuditWriter } from '../../store/audit.ts';
import type { Ctx } from '../../store/ctx.ts';
import { conflict } from '../../store/errors.ts';
import { FACTS, type FactFields } from '../../store/fact-kinds.ts';
import type { Db, Tx } from '../../store/schema.ts';
import type { Scope } from '../../store/scope.ts';
import {
  checkRoster,
  loadSetting,
  type RosterContent,
  type Setting,
  storedContent,
  storedPeople,
  storedRows,
} from './roster-content.ts';
import { compareContents, type Diff, namesOf, planChanges, planDiff } from './roster-diff.ts';
import {
  event,
  historyOf,
  ids,
  type RosterStatus,
  requireOffice,
  requireRoster,
  rosterRow,
  underReview,
  view,
} from './rosters.ts';

const any = (db: Db | Tx) => db as unknown as Kysely<any>;

/**
 * Accepts a submitted roster: in one transaction the unit's posts and links of the year become
 * what it lists (new people, posts and links created; changed dates updated; those no longer
 * listed ended), each row audited with its values before and after.
 */
export async function acceptRoster(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  unit: string,
  body: { version?: number } = {},
) {
  requireRoster(scope, county, unit);
  requireOffice(scope);
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const audit = await AuditWriter.open(trx);
    const r = await underReview(trx, county, year, unit, body.version);
    const s = await loadSetting(trx, county, unit, ctx.engine);
    const content = JSON.parse(r.content_json) as RosterContent;
    const known = await storedPeople(trx, county, ids(content));
    // The facts may have moved since the roster was submitted (another roster, the facts API).
    const problems = checkRoster(ctx.engine(s.policy), s, year, content, known);
    if (problems.length)
      throw conflict(
        '名单与现有数据不一致，请退回修改后重新上报',
        'the roster no longer fits the stored facts; return it for correction',
        problems,
      );
    const plan = planChanges(content, await storedRows(trx, s, year), known, year);
    const record = (
      action: string,
      name: string,
      id: string,
      before: unknown,
      after: unknown,
      unitId: string | null,
    ) =>
      audit.add(
        scope.actor,
        { action, object_type: name, object_id: id, county_id: county, unit_id: unitId, before, after },
        at,
      );
    const stamps = { county_id: county, created_at: at, updated_at: at };

    for (const p of plan.people.create) {
      await trx
        .insertInto('people')
        .values({
          id: p.id,
          name: p.name,
          staff_type: p.staff_type ?? null,
          retracted_at: null,
          retracted_by: null,
          retract_reason: null,
          ...stamps,
        })
        .execute();
      record('people.create', 'people', p.id, null, p, unit);
    }
    for (const { before, after } of plan.people.update) {
      await trx
        .updateTable('people')
        .set({ staff_type: after.staff_type ?? null, updated_at: at })
        .where('county_id', '=', county)
        .where('id', '=', after.id)
        .execute();
      const { retracted: _, ...was } = before;
      record('people.update', 'people', after.id, was, after, unit);
    }
    const counts = { created: 0, updated: 0, closed: 0, retracted: 0 };
    for (const name of ['posts', 'links'] as const) {
      const kind = FACTS[name];
      const f = plan[name];
      const unitOf = (a: Record<string, unknown>) => String(a.unit ?? a.village ?? unit);
      for (const a of f.create as unknown as FactFields[]) {
        const id = randomUUID();
        await any(trx)
          .insertInto(name)
          .values({ ...kind.toRow(a), id, ...stamps })
          .execute();
        record(`${name}.create`, name, id, null, { id, ...a }, unitOf(a));
        counts.created++;
      }
      for (const { row, dates } of f.update) {
        await any(trx)
          .updateTable(name)
          .set({ from_date: dates.from ?? null, to_date: dates.to ?? null, updated_at: at })
          .where('id', '=', row.id)
          .execute();
        const { from, to, ...rest } = row;
        record(`${name}.update`, name, String(row.id), row, { ...rest, ...dates }, unitOf(row));
        counts.updated++;
      }
      for (const { row, end } of f.end) {
        const set =
          end.how === 'close'
            ? { to_date: end.on, updated_at: at }
            : {
                retracted_at: at,
                retracted_by: scope.actor.name,
                retract_reason: `不在 ${year} 年度已接受的名单中`,
                updated_at: at,
              };
        await any(trx).updateTable(name).set(set).where('id', '=', row.id).execute();
        record(
          `${name}.${end.how}`,
          name,
          String(row.id),
          row,
          end.how === 'close' ? { ...row, to: end.on } : { ...row, retracted_at: at },
          unitOf(row),
        );
        counts[end.how === 'close' ? 'closed' : 'retracted']++;
      }
    }
    await trx
      .updateTable('rosters')
      .set({
        status: 'accepted',
        reviewed_by: scope.actor.name,
        reviewed_at: at,
        reasons_json: null,
        updated_at: at,
      })
      .where('id', '=', r.id)
      .execute();
    await event(trx, r.id, county, 'accept', r.version, scope, at, null, r.content_json);
    const summary = {
      ...counts,
      people_created: plan.people.create.length,
      people_updated: plan.people.update.length,
    };
    record(
      'rosters.accept',
      'rosters',
      r.id,
      { status: r.status, version: r.version },
      { fp_year: year, status: 'accepted', version: r.version, ...summary },
      unit,
    );
    await audit.flush();
    return {
      ...view(s, year, await rosterRow(trx, county, year, unit), await historyOf(trx, r.id)),
      changes: summary,
    };
  });
}

/** Last year's roster: its latest accepted version, or (none accepted) last year's stored facts. */
async function lastYear(
  db: Db,
  s: Setting,
  year: number,
): Promise<{ basis: 'roster' | 'facts'; content: RosterContent }> {
  const accepted = await db
    .selectFrom('roster_events as e')
    .innerJoin('rosters as r', 'r.id', 'e.roster_id')
    .select(['e.content_json', 'e.version'])
    .where('r.county_id', '=', s.county)
    .where('r.unit_id', '=', s.unit.id)
    .where('r.fp_year', '=', year - 1)
    .where('e.action', '=', 'accept')
    .orderBy('e.version', 'desc')
    .executeTakeFirst();
  if (accepted?.content_json) return { basis: 'roster', content: JSON.parse(accepted.content_json) };
  return { basis: 'facts', content: await storedContent(db, s, year - 1) };
}

/**
 * The roster against last year and against this year's stored facts (what accepting it would
 * change). With no roster submitted, this year's stored facts stand in for it.
 */
export async function rosterDiff(ctx: Ctx, scope: Scope, county: string, year: number, unit: string) {
  requireRoster(scope, county, unit);
  const s = await loadSetting(ctx.db, county, unit, ctx.engine);
  const r = await rosterRow(ctx.db, county, year, unit);
  const content: RosterContent = r ? JSON.parse(r.content_json) : await storedContent(ctx.db, s, year);
  const rows = await storedRows(ctx.db, s, year);
  const last = await lastYear(ctx.db, s, year);
  const personIds = new Set([
    ...ids(content),
    ...ids(last.content),
    ...[...rows.posts, ...rows.links].flatMap((a) => (typeof a.person === 'string' ? [a.person] : [])),
  ]);
  const known = await storedPeople(ctx.db, county, [...personIds], scope);
  const names = namesOf(content.people, last.content.people, known.values());
  const againstStored: Diff = planDiff(planChanges(content, rows, known, year), names, s);
  return {
    unit: { id: s.unit.id, kind: s.unit.kind, name: s.unit.name },
    fp_year: year,
    roster: r ? { status: r.status as RosterStatus, version: r.version } : null,
    against_last_year: {
      fp_year: year - 1,
      basis: last.basis,
      ...compareContents(content, last.content, names, s),
    },
    against_stored: againstStored,
  };
}
