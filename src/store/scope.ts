// Jurisdiction: who may see which rows. Every query of the data layer is filtered by a Scope, so
// a list, a count or an export never shows another county's or town's rows. Deny by default: a
// role that is not named somewhere sees nothing.

import { USER_ROLE_ZH } from '../domain/labels.ts';
import type { UserRole } from '../domain/permissions.ts';
import type { Actor } from './audit.ts';
import type { Db } from './schema.ts';

export { ROLES, type UserRole } from '../domain/permissions.ts';

/** A role's words as a user reads them (镇（场）, from domain/labels.ts); `system` for the system's own doing. */
export function roleZh(role: string): string {
  if (role === 'system') return '系统';
  return USER_ROLE_ZH[role as UserRole] ?? role;
}

export interface Scope {
  actor: Actor;
  userId: string | null;
  role: UserRole;
  /** The county the user works in; null only for an administrator of every county. */
  county: string | null;
  /** The units whose rows the user may see; null: the whole county. */
  units: readonly string[] | null;
  /** The user's own unit (a town or a county unit), for roles bound to one. */
  unit: string | null;
}

/** Roles that see every row of their county. */
export const COUNTY_WIDE: ReadonlySet<UserRole> = new Set(['office', 'finance', 'auditor']);

/**
 * A town sees itself, its villages and the county unit (the county's own assessments and
 * leaders); a county unit sees itself and the county unit. Nobody else is bound to units.
 */
export async function scopeFor(
  db: Db,
  user: {
    id: string | null;
    username: string;
    role: UserRole;
    county_id: string | null;
    unit_id: string | null;
  },
): Promise<Scope> {
  const base = {
    actor: { name: user.username, role: user.role },
    userId: user.id,
    role: user.role,
    county: user.county_id,
    unit: user.unit_id,
  };
  if (user.role !== 'town' && user.role !== 'unit') return { ...base, units: null };
  if (!user.county_id || !user.unit_id) return { ...base, units: [] };
  const county = await db
    .selectFrom('units')
    .select('id')
    .where('county_id', '=', user.county_id)
    .where('kind', '=', 'county')
    .execute();
  const villages =
    user.role === 'town'
      ? await db
          .selectFrom('units')
          .select('id')
          .where('county_id', '=', user.county_id)
          .where('town_id', '=', user.unit_id)
          .execute()
      : [];
  return { ...base, units: [user.unit_id, ...villages.map((v) => v.id), ...county.map((c) => c.id)] };
}

/**
 * The one check of whether a user acts for a unit (reports its correction, submits its roster,
 * reads its statement): a county-wide role for every unit of its county; a town for itself and its
 * villages; a county unit for itself. The county's own unit, which every scope reads, is nobody's
 * to act for but the county-wide roles'.
 */
export function actsFor(scope: Scope, county: string, unit: { id: string; town?: string | null }): boolean {
  if (scope.county !== county) return false;
  if (scope.units === null) return true;
  return scope.unit !== null && (unit.id === scope.unit || (unit.town ?? null) === scope.unit);
}

/** Whether the scope covers a unit of a county. */
export function covers(scope: Scope, county: string, unit?: string | null): boolean {
  if (scope.county !== county) return false;
  if (scope.units === null || unit === undefined) return true;
  return unit !== null && scope.units.includes(unit);
}

export function systemScope(county: string | null, actor: Actor = { name: 'system', role: 'system' }): Scope {
  return { actor, userId: null, role: 'office', county, units: null, unit: null };
}
