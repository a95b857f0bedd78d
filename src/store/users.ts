// Accounts: who they are, their role and place. An administrator bound to a county creates and
// changes accounts of that county only and never grants a wider scope than its own; changing an
// account's role, place or password, or disabling it, ends its access (sessions.ts `endAccess`).
// Signing in is in login.ts, sessions in sessions.ts, tokens in tokens.ts, passwords in
// passwords.ts, the `User` an account is to the rest of the system in user-row.ts.

import { randomUUID } from 'node:crypto';
import type { Problem } from '../domain/problems.ts';
import { type Actor, appendAudit } from './audit.ts';
import type { Ctx } from './ctx.ts';
import { conflict, invalid, notFound, StoreError } from './errors.ts';
import { checkNewPassword, hashPassword, PASSWORD_MIN } from './passwords.ts';
import type { Db, Row } from './schema.ts';
import { ROLES } from './scope.ts';
import { endAccess } from './sessions.ts';
import { type User, userOf } from './user-row.ts';

export interface NewUser {
  username: string;
  password: string;
  role: string;
  county?: string | null;
  unit?: string | null;
  display_name?: string | null;
}

/** A person's name as documents print it: 1–40 characters, no control characters. */
function checkDisplayName(name: string | null | undefined): Problem[] {
  if (name === undefined || name === null) return [];
  if (
    typeof name === 'string' &&
    name.trim().length >= 1 &&
    [...name.trim()].length <= 40 &&
    !/\p{Cc}/u.test(name)
  )
    return [];
  return [
    {
      path: 'display_name',
      code: 'format',
      zh: '姓名应为 1–40 个字符',
      en: "a person's name is 1–40 characters",
    },
  ];
}

async function checkUser(db: Db, u: NewUser): Promise<Problem[]> {
  const problems: Problem[] = checkDisplayName(u.display_name);
  if (!/^[A-Za-z0-9_.-]{3,40}$/.test(u.username))
    problems.push({
      path: 'username',
      code: 'format',
      zh: '用户名应为 3–40 个字母、数字或 _ . -',
      en: 'a user name is 3–40 letters, digits or _ . -',
    });
  problems.push(...checkNewPassword(u.password));
  if (!(ROLES as readonly string[]).includes(u.role))
    problems.push({
      path: 'role',
      code: 'enum',
      zh: `角色应为：${ROLES.join('、')}`,
      en: `role must be one of: ${ROLES.join(', ')}`,
    });
  const needsCounty = u.role !== 'admin';
  if (needsCounty && !u.county)
    problems.push({ path: 'county', code: 'required', zh: '该角色须指定县', en: 'this role needs a county' });
  if (
    u.county &&
    !(await db.selectFrom('counties').select('id').where('id', '=', u.county).executeTakeFirst())
  )
    problems.push({
      path: 'county',
      code: 'unknown_ref',
      zh: `没有县“${u.county}”`,
      en: `no county "${u.county}"`,
    });
  const unitKind = u.role === 'town' ? 'town' : u.role === 'unit' ? 'county_unit' : null;
  if (unitKind) {
    const unit =
      u.county && u.unit
        ? await db
            .selectFrom('units')
            .select('kind')
            .where('county_id', '=', u.county)
            .where('id', '=', u.unit)
            .executeTakeFirst()
        : undefined;
    if (!u.unit)
      problems.push({
        path: 'unit',
        code: 'required',
        zh: '该角色须指定所属单位',
        en: 'this role needs its unit',
      });
    else if (unit?.kind !== unitKind)
      problems.push({
        path: 'unit',
        code: 'unknown_ref',
        zh: `本县没有${unitKind === 'town' ? '镇（场）' : '县直单位'}“${u.unit}”`,
        en: `the county has no ${unitKind} "${u.unit}"`,
      });
  } else if (u.unit)
    problems.push({
      path: 'unit',
      code: 'not_allowed',
      zh: '该角色不属于某一单位',
      en: 'this role is not bound to a unit',
    });
  return problems;
}

/**
 * An administrator bound to a county (`adminCounty`) manages accounts of that county only: an
 * account it creates or changes stays in it, so it can grant no scope wider than its own (no
 * other county, no administrator of every county). The answer is the same whatever the county
 * named, so it tells nothing about which counties exist. `null`: an administrator of every county.
 */
export function requireOwnCounty(adminCounty: string | null, county: string | null | undefined): void {
  if (adminCounty === null || county === adminCounty) return;
  throw new StoreError(
    'forbidden',
    `县级管理员只能创建或修改本县（${adminCounty}）的账号`,
    `an administrator of county "${adminCounty}" creates and changes accounts of that county only`,
    [
      {
        path: 'county',
        code: 'outside_jurisdiction',
        zh: `应为“${adminCounty}”（本县）`,
        en: `must be "${adminCounty}", your own county`,
      },
    ],
  );
}

export async function createUser(
  ctx: Ctx,
  actor: Actor,
  u: NewUser,
  adminCounty: string | null = null,
): Promise<User> {
  requireOwnCounty(adminCounty, u.county);
  const problems = await checkUser(ctx.db, u);
  if (problems.length) throw invalid(problems);
  const at = ctx.now().toISOString();
  const row: Row<'users'> = {
    id: randomUUID(),
    username: u.username,
    password_hash: await hashPassword(u.password),
    role: u.role,
    county_id: u.county ?? null,
    unit_id: u.unit ?? null,
    created_at: at,
    disabled_at: null,
    display_name: u.display_name?.trim() || null,
  };
  return ctx.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst())
      throw conflict(`用户名“${u.username}”已被使用`, `user name "${u.username}" is taken`);
    await trx.insertInto('users').values(row).execute();
    const user = userOf(row);
    await appendAudit(
      trx,
      actor,
      {
        action: 'user.create',
        object_type: 'users',
        object_id: row.id,
        county_id: row.county_id,
        unit_id: row.unit_id,
        after: user,
      },
      at,
    );
    return user;
  });
}

export async function listUsers(db: Db, county: string | null): Promise<User[]> {
  let qb = db.selectFrom('users').selectAll().orderBy('username');
  if (county !== null) qb = qb.where('county_id', '=', county);
  return (await qb.execute()).map(userOf);
}

/** The accounts, as listUsers, each with the names of its county and unit. */
export async function listUsersPlaced(
  db: Db,
  county: string | null,
): Promise<(User & { county_name: string | null; unit_name: string | null })[]> {
  const users = await listUsers(db, county);
  const units = await db.selectFrom('units').select(['county_id', 'id', 'name']).execute();
  const counties = await db.selectFrom('counties').select(['id', 'name']).execute();
  return users.map((u) => ({
    ...u,
    county_name: counties.find((c) => c.id === u.county)?.name ?? null,
    unit_name: units.find((x) => x.county_id === u.county && x.id === u.unit)?.name ?? null,
  }));
}

/** The row of an account an administrator may manage: one of its county (another reads as absent). */
async function managedRow(db: Db, adminCounty: string | null, id: string): Promise<Row<'users'>> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (adminCounty !== null && row.county_id !== adminCounty)) throw notFound('用户', id);
  return row;
}

/** An account an administrator may manage: one of its county (another reads as absent). */
export async function getManagedUser(db: Db, adminCounty: string | null, id: string): Promise<User> {
  return userOf(await managedRow(db, adminCounty, id));
}

export async function updateUser(
  ctx: Ctx,
  actor: Actor,
  adminCounty: string | null,
  id: string,
  patch: {
    role?: string;
    county?: string | null;
    unit?: string | null;
    disabled?: boolean;
    password?: string;
    display_name?: string | null;
  },
): Promise<User> {
  const row = await managedRow(ctx.db, adminCounty, id);
  if (patch.county !== undefined) requireOwnCounty(adminCounty, patch.county);
  const before = userOf(row);
  const next: NewUser = {
    username: row.username,
    password: patch.password ?? 'x'.repeat(PASSWORD_MIN),
    role: patch.role ?? row.role,
    county: patch.county !== undefined ? patch.county : row.county_id,
    unit: patch.unit !== undefined ? patch.unit : row.unit_id,
    display_name: patch.display_name,
  };
  const problems = await checkUser(ctx.db, next);
  if (problems.length) throw invalid(problems);
  const at = ctx.now().toISOString();
  const hash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        role: next.role,
        county_id: next.county ?? null,
        unit_id: next.unit ?? null,
        ...(hash !== undefined && { password_hash: hash }),
        ...(patch.disabled !== undefined && { disabled_at: patch.disabled ? at : null }),
        ...(patch.display_name !== undefined && { display_name: patch.display_name?.trim() || null }),
      })
      .where('id', '=', id)
      .execute();
    // A changed role, place or password, or a disabled account, ends the account's access.
    const reason =
      patch.password !== undefined
        ? 'password_reset'
        : patch.disabled === true
          ? 'account_disabled'
          : next.role !== row.role ||
              (next.county ?? null) !== row.county_id ||
              (next.unit ?? null) !== row.unit_id
            ? 'role_or_place_changed'
            : null;
    const revoked = reason ? await endAccess(trx, id, actor, reason, at) : 0;
    const after = userOf(
      await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
    await appendAudit(
      trx,
      actor,
      {
        action: 'user.update',
        object_type: 'users',
        object_id: id,
        county_id: after.county,
        unit_id: after.unit,
        before,
        after: {
          ...after,
          password_changed: patch.password !== undefined,
          ...(reason && { sessions_ended: true, tokens_revoked: revoked }),
        },
      },
      at,
    );
    return after;
  });
}
