// Reading the audit trail: entries of the reader's county, newest first, filtered by who, when
// (China days), what, which object and which place (a town takes its villages with it), paged on
// the server; each entry with its people's display names and its codes in words. Appending and
// verifying the chain are in audit.ts.

import { actionZh, objectTypeZh } from '../domain/audit-labels.ts';
import { addDays } from '../domain/dates.ts';
import type { Db } from './schema.ts';
import { roleZh } from './scope.ts';

export interface AuditFilter {
  /** Who: the account's user name as recorded. */
  actor?: string | undefined;
  /** From and to (inclusive), days in China (UTC+8). */
  from?: string | undefined;
  to?: string | undefined;
  action?: string | undefined;
  object_type?: string | undefined;
  object_id?: string | undefined;
  /** A unit: entries of it and, for a town, of its villages. */
  unit?: string | undefined;
  /** A county, for an administrator of every county; others are kept to their own. */
  county?: string | undefined;
}

export interface AuditPage {
  limit: number;
  offset?: number | undefined;
  /** Entries before this number (an older page by the chain, instead of an offset). */
  before_seq?: number | undefined;
}

export interface AuditItem {
  seq: number;
  at: string;
  actor: string;
  /** The person's name, when the account has one; else null (show the login name). */
  actor_name: string | null;
  actor_role: string;
  actor_role_zh: string;
  action: string;
  action_zh: string;
  object_type: string;
  object_type_zh: string;
  object_id: string;
  county_id: string | null;
  unit_id: string | null;
  unit_name: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

/** The start of a China day as the trail's timestamps write it (UTC). */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();

function filtered(db: Db, county: string | null, f: AuditFilter) {
  let qb = db.selectFrom('audit_log');
  const c = county ?? f.county ?? null;
  if (c !== null) qb = qb.where('county_id', '=', c);
  if (f.actor) qb = qb.where('actor', '=', f.actor);
  if (f.from) qb = qb.where('at', '>=', dayStart(f.from));
  if (f.to) qb = qb.where('at', '<', dayStart(addDays(f.to, 1)));
  if (f.action) qb = qb.where('action', '=', f.action);
  if (f.object_type) qb = qb.where('object_type', '=', f.object_type);
  if (f.object_id) qb = qb.where('object_id', '=', f.object_id);
  if (f.unit) {
    const unit = f.unit;
    qb = qb.where((eb) =>
      eb.or([
        eb('unit_id', '=', unit),
        eb(
          'unit_id',
          'in',
          eb
            .selectFrom('units')
            .select('units.id')
            .where('units.town_id', '=', unit)
            .$if(c !== null, (q) => q.where('units.county_id', '=', c!)),
        ),
      ]),
    );
  }
  return qb;
}

/**
 * The entries a reader of `county` (null: every county) may see, newest first. `total` counts
 * every entry the filter matches, whatever the page.
 */
export async function listAudit(
  db: Db,
  county: string | null,
  f: AuditFilter,
  page: AuditPage,
): Promise<{ items: AuditItem[]; total: number }> {
  const base = filtered(db, county, f);
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  let qb = base.selectAll();
  if (page.before_seq !== undefined) qb = qb.where('seq', '<', page.before_seq);
  const rows = await qb
    .orderBy('seq', 'desc')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
  const names = await displayNames(db, [...new Set(rows.map((r) => r.actor))]);
  const unitIds = [...new Set(rows.map((r) => r.unit_id).filter((u): u is string => u !== null))];
  const units = unitIds.length
    ? await db.selectFrom('units').select(['county_id', 'id', 'name']).where('id', 'in', unitIds).execute()
    : [];
  const unitName = (county: string | null, id: string | null) =>
    id === null
      ? null
      : (units.find((u) => u.id === id && (county === null || u.county_id === county))?.name ?? null);
  return {
    total,
    items: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      actor_name: names.get(r.actor) ?? null,
      actor_role: r.actor_role,
      actor_role_zh: roleZh(r.actor_role),
      action: r.action,
      action_zh: actionZh(r.action),
      object_type: r.object_type,
      object_type_zh: objectTypeZh(r.object_type),
      object_id: r.object_id,
      county_id: r.county_id,
      unit_id: r.unit_id,
      unit_name: unitName(r.county_id, r.unit_id),
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after),
      prev_hash: r.prev_hash,
      hash: r.hash,
    })),
  };
}

/** The display names of accounts by user name (those that have one). */
async function displayNames(db: Db, usernames: string[]): Promise<Map<string, string>> {
  if (!usernames.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['username', 'display_name'])
    .where('username', 'in', usernames)
    .execute();
  return new Map(rows.filter((r) => r.display_name).map((r) => [r.username, r.display_name!]));
}

export interface AuditActor {
  actor: string;
  actor_name: string | null;
  actor_role: string;
  actor_role_zh: string;
  entries: number;
}

/** Everyone who appears in the reader's trail, with how many entries, for the "who" filter. */
export async function auditActors(db: Db, county: string | null): Promise<AuditActor[]> {
  let qb = db.selectFrom('audit_log');
  if (county !== null) qb = qb.where('county_id', '=', county);
  const rows = await qb
    .select(['actor', 'actor_role', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['actor', 'actor_role'])
    .orderBy('actor')
    .orderBy('actor_role')
    .execute();
  const names = await displayNames(db, [...new Set(rows.map((r) => r.actor))]);
  return rows.map((r) => ({
    actor: r.actor,
    actor_name: names.get(r.actor) ?? null,
    actor_role: r.actor_role,
    actor_role_zh: roleZh(r.actor_role),
    entries: Number(r.n),
  }));
}
