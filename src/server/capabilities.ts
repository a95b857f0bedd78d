// What a signed-in user may do, as the browser needs to know it: the route keys of the access
// table (src/server/access.ts, the one source of truth) that the user's role may call, and who
// the user is in words (role, county, town or unit by name). The browser shows a menu item or a
// button only when its route key is listed here; the server still checks every call itself.

import { Type } from 'typebox';
import { USER_ROLE_ZH } from '../domain/labels.ts';
import { unitKindZh } from '../domain/vocabulary.ts';
import { countyWords } from '../store/cases.ts';
import type { Ctx } from '../store/ctx.ts';
import { accountPlace, yearsWithData } from '../store/places.ts';
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
export async function sessionView(ctx: Ctx, user: User): Promise<SessionView> {
  const { db } = ctx;
  const place = await accountPlace(db, user);
  return {
    user: {
      ...user,
      display_name: place.display_name,
      role_zh: USER_ROLE_ZH[user.role],
      county_name: place.county_name,
      unit_name: place.unit_name,
      unit_kind: place.unit_kind,
      unit_kind_zh:
        place.unit_kind && user.county
          ? unitKindZh(await countyWords(ctx, user.county), place.unit_kind)
          : null,
    },
    years: user.county ? await yearsWithData(db, user.county) : [],
    permissions: permissionsOf(user.role),
  };
}
