// The administration screen's pure rules: which places a role is bound to (a town account to a
// town, a county unit's to a county unit, the rest to none), the request a user form sends, the
// search of the account list, and the words of a token's state. Access is the server's: these
// only shape what the forms offer and send.

export interface Place {
  id: string;
  name: string;
}
export interface Places {
  towns: (Place & { villages: Place[] })[];
  county_units: Place[];
}

/** The places an account of a role is bound to: towns, county units, or none. */
export function placesFor(role: string | undefined, places: Places | undefined): Place[] {
  if (!places) return [];
  if (role === 'town') return places.towns.map(({ id, name }) => ({ id, name }));
  if (role === 'unit') return places.county_units;
  return [];
}

/** Whether a role is bound to a unit (the form then asks for one). */
export const needsUnit = (role: string | undefined) => role === 'town' || role === 'unit';

export interface UserValues {
  username?: string;
  display_name?: string;
  password?: string;
  role?: string;
  county?: string;
  unit?: string;
}

/** The body of POST /api/v1/users: the unit only for a role bound to one, empty fields left out. */
export function newUserBody(v: UserValues) {
  return {
    username: (v.username ?? '').trim(),
    password: v.password ?? '',
    role: v.role as 'office',
    ...(v.county && { county: v.county }),
    ...(needsUnit(v.role) && v.unit && { unit: v.unit }),
    ...(v.display_name?.trim() && { display_name: v.display_name.trim() }),
  };
}

export interface Account {
  role: string;
  unit: string | null;
  display_name: string | null;
}

/** The body of PATCH /api/v1/users/:id: only what changed (null clears a name or a unit). */
export function userPatch(before: Account, v: UserValues) {
  const patch: { role?: 'office'; unit?: string | null; display_name?: string | null } = {};
  const name = v.display_name?.trim() || null;
  if (name !== before.display_name) patch.display_name = name;
  if (v.role && v.role !== before.role) patch.role = v.role as 'office';
  const unit = needsUnit(v.role ?? before.role) ? (v.unit ?? null) : null;
  if (unit !== before.unit) patch.unit = unit;
  return patch;
}

export interface Listed extends Account {
  username: string;
  role_zh: string;
  unit_name: string | null;
  disabled_at: string | null;
}

export interface UserSearch {
  text?: string;
  role?: string;
  status?: 'active' | 'disabled';
}

/** The accounts a search finds: a name, login name or place containing the text; role; status. */
export function searchUsers<T extends Listed>(users: readonly T[], s: UserSearch): T[] {
  const text = s.text?.trim().toLowerCase();
  return users.filter(
    (u) =>
      (!text ||
        [u.username, u.display_name, u.unit_name, u.role_zh].some((x) => x?.toLowerCase().includes(text))) &&
      (!s.role || u.role === s.role) &&
      (!s.status || (s.status === 'disabled') === (u.disabled_at !== null)),
  );
}

const REVOKE_ZH: Record<string, string> = {
  revoked: '已吊销',
  password_reset: '已失效（密码已重置）',
  account_disabled: '已失效（账号已停用）',
  role_or_place_changed: '已失效（角色或单位已变更）',
};

/** A token's state in words: 有效, 已过期 (as the server's clock says), 已吊销… */
export function tokenState(t: {
  revoked_at: string | null;
  revoke_reason: string | null;
  expired?: boolean | undefined;
}): { live: boolean; zh: string } {
  if (t.revoked_at) return { live: false, zh: REVOKE_ZH[t.revoke_reason ?? 'revoked'] ?? '已吊销' };
  if (t.expired) return { live: false, zh: '已过期' };
  return { live: true, zh: '有效' };
}
