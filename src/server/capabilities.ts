// What a signed-in user may do, as the browser needs to know it: the route keys of the access
// table (src/server/access.ts, the one source of truth) that the user's role may call, and who
// the user is in words (role, county, town or unit by name). The browser shows a menu item or a
// button only when its route key is listed here; the server still checks every call itself.

import { sql } from 'kysely';
import { Type } from 'typebox';
import { USER_ROLE_ZH } from '../domain/labels.ts';
import { UNIT_KIND_ZH, type UnitKind } from '../domain/vocabulary.ts';
import type { Db } from '../store/schema.ts';
import type { UserRole } from '../store/scope.ts';
import type { User } from '../store/user-row.ts';
import { ACCESS, allowed } from './access.ts';
import { Text } from './schema-kit.ts';
import { UserOut } from './schemas.ts';

/** The answer of `GET /api/v1/session`. */
export const SessionOut = Type.Object({
  user: Type.Object({
    ...UserOut.properties,
    display_name: Type.Union([Type.String(), Type.Null()], { description: '姓名 the person, when recorded' }),
    role_zh: Type.String({ description: '角色 in Chinese' }),
    county_name: Text,
    unit_name: Text,
    unit_kind: Text,
    unit_kind_zh: Text,
  }),
  years: Type.Array(Type.Integer(), { description: 'FP years with data in the county, newest first' }),
  permissions: Type.Array(Type.String(), {
    description: 'the route keys (`METHOD /api/v1/…`, as in the access table) this user may call',
  }),
});

/**
 * The API route keys (`METHOD /api/v1/…`) a role may call, in the table's order. Public routes
 * are left out: everyone may call them, so they decide nothing on a screen.
 */
export function permissionsOf(role: UserRole, access: typeof ACCESS = ACCESS): string[] {
  return Object.entries(access)
    .filter(([key, who]) => who !== 'public' && key.includes(' /api/v1/') && allowed(who, role))
    .map(([key]) => key);
}

export interface SessionView {
  user: User & {
    display_name: string | null;
    role_zh: string;
    county_name: string | null;
    unit_name: string | null;
    unit_kind: string | null;
    unit_kind_zh: string | null;
  };
  /** FP years with data in the user's county, newest first (the year picker offers these). */
  years: number[];
  permissions: string[];
}

/** The session as the browser sees it: the user in words, the county's years, the permissions. */
export async function sessionView(db: Db, user: User): Promise<SessionView> {
  const county = user.county
    ? await db.selectFrom('counties').select('name').where('id', '=', user.county).executeTakeFirst()
    : undefined;
  const unit =
    user.county && user.unit
      ? await db
          .selectFrom('units')
          .select(['name', 'kind'])
          .where('county_id', '=', user.county)
          .where('id', '=', user.unit)
          .executeTakeFirst()
      : undefined;
  // users.display_name arrives with a later migration; until then the column is simply absent.
  const row = (await db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirst()) as
    | { display_name?: string | null }
    | undefined;
  return {
    user: {
      ...user,
      display_name: row?.display_name ?? null,
      role_zh: USER_ROLE_ZH[user.role],
      county_name: county?.name ?? null,
      unit_name: unit?.name ?? null,
      unit_kind: unit?.kind ?? null,
      unit_kind_zh: unit ? (UNIT_KIND_ZH[unit.kind as UnitKind] ?? unit.kind) : null,
    },
    years: user.county ? await yearsWithData(db, user.county) : [],
    permissions: permissionsOf(user.role),
  };
}

/**
 * The FP years a county has data for: imported years, and years with assessments or rosters.
 * (Categories are not enough: a case carries last year's category for comparison.)
 */
export async function yearsWithData(db: Db, county: string): Promise<number[]> {
  const rows = await db
    .selectFrom('county_years')
    .select('fp_year')
    .where('county_id', '=', county)
    .union(db.selectFrom('rosters').select('fp_year').where('county_id', '=', county))
    .union(db.selectFrom('assessments').select('fp_year').where('county_id', '=', county))
    .orderBy(sql`fp_year`, 'desc')
    .execute();
  return rows.map((r) => Number(r.fp_year));
}
