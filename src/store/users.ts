// Accounts, sessions and API tokens. Passwords are hashed with scrypt (salted, compared in constant
// time); session and token secrets are stored only as SHA-256 hashes; failed logins are counted
// per user name and per address, and too many in a window lock further attempts out.

import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { sha256 } from '../domain/canonical.ts';
import type { Problem } from '../domain/problems.ts';
import { type Actor, appendAudit, recordAudit } from './audit.ts';
import { conflict, invalid, notFound, StoreError } from './errors.ts';
import type { Ctx } from './facts.ts';
import type { Db, Row } from './schema.ts';
import { ROLES, type Role } from './scope.ts';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function checkPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const want = Buffer.from(key, 'base64');
  const got = scryptSync(password, Buffer.from(salt, 'base64'), want.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(want, got);
}

/** A dummy hash to spend the same time on unknown user names. */
const DUMMY = hashPassword(randomBytes(8).toString('hex'));

export interface User {
  id: string;
  username: string;
  role: Role;
  county: string | null;
  unit: string | null;
  created_at: string;
  disabled_at: string | null;
  /** The person's name, as documents print it. */
  display_name: string | null;
}

export function userOf(r: Row<'users'>): User {
  return {
    id: r.id,
    username: r.username,
    role: r.role as Role,
    county: r.county_id,
    unit: r.unit_id,
    created_at: r.created_at,
    disabled_at: r.disabled_at,
    display_name: r.display_name,
  };
}

export const PASSWORD_MIN = 10;

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
  if (typeof u.password !== 'string' || u.password.length < PASSWORD_MIN)
    problems.push({
      path: 'password',
      code: 'weak',
      zh: `密码至少 ${PASSWORD_MIN} 个字符`,
      en: `a password has at least ${PASSWORD_MIN} characters`,
    });
  if (!(ROLES as readonly string[]).includes(u.role))
    problems.push({
      path: 'role',
      code: 'enum',
      zh: `角色应为:${ROLES.join('、')}`,
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
      zh: `没有县 "${u.county}"`,
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
        zh: `本县没有${unitKind === 'town' ? '镇(场)' : '县直单位'} "${u.unit}"`,
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

export async function createUser(ctx: Ctx, actor: Actor, u: NewUser): Promise<User> {
  const problems = await checkUser(ctx.db, u);
  if (problems.length) throw invalid(problems);
  const at = ctx.now().toISOString();
  const row: Row<'users'> = {
    id: randomUUID(),
    username: u.username,
    password_hash: hashPassword(u.password),
    role: u.role,
    county_id: u.county ?? null,
    unit_id: u.unit ?? null,
    created_at: at,
    disabled_at: null,
    display_name: u.display_name?.trim() || null,
  };
  return ctx.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst())
      throw conflict(`用户名 "${u.username}" 已被使用`, `user name "${u.username}" is taken`);
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
  const row = await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (adminCounty !== null && row.county_id !== adminCounty)) throw notFound('用户', id);
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
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        role: next.role,
        county_id: next.county ?? null,
        unit_id: next.unit ?? null,
        ...(patch.password !== undefined && { password_hash: hashPassword(patch.password) }),
        ...(patch.disabled !== undefined && { disabled_at: patch.disabled ? at : null }),
        ...(patch.display_name !== undefined && { display_name: patch.display_name?.trim() || null }),
      })
      .where('id', '=', id)
      .execute();
    // A changed role, place or password, or a disabled account, ends the user's sessions.
    const changed =
      next.role !== row.role ||
      (next.county ?? null) !== row.county_id ||
      (next.unit ?? null) !== row.unit_id ||
      patch.password !== undefined ||
      patch.disabled === true;
    if (changed)
      await trx
        .updateTable('sessions')
        .set({ ended_at: at })
        .where('user_id', '=', id)
        .where('ended_at', 'is', null)
        .execute();
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
        after: { ...after, password_changed: patch.password !== undefined },
      },
      at,
    );
    return after;
  });
}

export interface AuthConfig {
  /** Minutes of inactivity after which a session ends. */
  idleMinutes: number;
  /** Hours after which a session ends regardless. */
  maxHours: number;
  /** Failed logins allowed per user name (and ten times that per address) in the window. */
  maxFailures: number;
  windowMinutes: number;
}

export const DEFAULT_AUTH: AuthConfig = { idleMinutes: 30, maxHours: 12, maxFailures: 5, windowMinutes: 15 };

export class TooManyAttempts extends StoreError {
  constructor(readonly retryAfterSeconds: number) {
    super('forbidden', '登录失败次数过多,请稍后再试', 'too many failed logins; try again later');
    this.name = 'TooManyAttempts';
  }
}

/** Checks a password and opens a session; returns the secret to put in the cookie. */
export async function login(
  ctx: Ctx,
  cfg: AuthConfig,
  username: string,
  password: string,
  ip: string,
): Promise<{ user: User; secret: string }> {
  const now = ctx.now();
  const since = new Date(now.getTime() - cfg.windowMinutes * 60_000).toISOString();
  const failures = async (col: 'username' | 'ip', v: string) =>
    Number(
      (
        await ctx.db
          .selectFrom('login_attempts')
          .select((eb) => eb.fn.countAll().as('n'))
          .where(col, '=', v)
          .where('ok', '=', 0)
          .where('at', '>=', since)
          .executeTakeFirst()
      )?.n ?? 0,
    );
  if (
    (await failures('username', username)) >= cfg.maxFailures ||
    (await failures('ip', ip)) >= cfg.maxFailures * 10
  ) {
    await recordAudit(
      ctx.db,
      { name: username, role: 'anonymous' },
      { action: 'session.locked_out', object_type: 'users', object_id: username, after: { ip } },
      now.toISOString(),
    );
    throw new TooManyAttempts(cfg.windowMinutes * 60);
  }
  const row = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  // An unknown name costs the same time as a known one, so timing does not tell which names exist.
  const ok = checkPassword(password, row?.password_hash ?? DUMMY) && row !== undefined;
  const at = now.toISOString();
  await ctx.db
    .insertInto('login_attempts')
    .values({ username, ip, at, ok: ok && !row?.disabled_at ? 1 : 0 })
    .execute();
  if (!row || !ok || row.disabled_at) {
    await recordAudit(
      ctx.db,
      { name: username, role: 'anonymous' },
      {
        action: 'session.login_failed',
        object_type: 'users',
        object_id: username,
        county_id: row?.county_id,
        after: { ip },
      },
      at,
    );
    throw new StoreError('invalid', '用户名或密码不正确', 'wrong user name or password');
  }
  const secret = randomBytes(32).toString('base64url');
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({ id: sha256(secret), user_id: row.id, created_at: at, last_seen_at: at, ended_at: null })
      .execute();
    await appendAudit(
      trx,
      { name: row.username, role: row.role },
      {
        action: 'session.login',
        object_type: 'users',
        object_id: row.id,
        county_id: row.county_id,
        unit_id: row.unit_id,
        after: { ip },
      },
      at,
    );
    return { user: userOf(row), secret };
  });
}

/** The user of a live session, touching it; undefined when it is unknown, ended or expired. */
export async function sessionUser(ctx: Ctx, cfg: AuthConfig, secret: string): Promise<User | undefined> {
  const id = sha256(secret);
  const s = await ctx.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s || s.ended_at) return undefined;
  const now = ctx.now();
  const idle = now.getTime() - Date.parse(s.last_seen_at) > cfg.idleMinutes * 60_000;
  const old = now.getTime() - Date.parse(s.created_at) > cfg.maxHours * 3_600_000;
  if (idle || old) {
    await ctx.db.updateTable('sessions').set({ ended_at: now.toISOString() }).where('id', '=', id).execute();
    return undefined;
  }
  const row = await ctx.db.selectFrom('users').selectAll().where('id', '=', s.user_id).executeTakeFirst();
  if (!row || row.disabled_at) return undefined;
  if (now.getTime() - Date.parse(s.last_seen_at) > 30_000)
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
  return userOf(row);
}

export async function logout(ctx: Ctx, secret: string, actor: Actor): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sessions')
      .set({ ended_at: at })
      .where('id', '=', sha256(secret))
      .where('ended_at', 'is', null)
      .execute();
    await appendAudit(
      trx,
      actor,
      { action: 'session.logout', object_type: 'sessions', object_id: sha256(secret).slice(0, 12) },
      at,
    );
  });
}

export interface TokenInfo {
  id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const tokenInfo = (r: Row<'api_tokens'>): TokenInfo => ({
  id: r.id,
  name: r.name,
  created_at: r.created_at,
  last_used_at: r.last_used_at,
  revoked_at: r.revoked_at,
});

/** A token for scripts (`Authorization: Bearer zrn_…`), shown once. */
export async function createToken(
  ctx: Ctx,
  user: User,
  name: string,
): Promise<TokenInfo & { token: string }> {
  if (!name?.trim())
    throw invalid([{ path: 'name', code: 'required', zh: '请为令牌起个名字', en: 'a token needs a name' }]);
  const token = `zrn_${randomBytes(24).toString('base64url')}`;
  const at = ctx.now().toISOString();
  const row: Row<'api_tokens'> = {
    id: randomUUID(),
    user_id: user.id,
    name,
    token_hash: sha256(token),
    created_at: at,
    last_used_at: null,
    revoked_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('api_tokens').values(row).execute();
    await appendAudit(
      trx,
      { name: user.username, role: user.role },
      {
        action: 'token.create',
        object_type: 'api_tokens',
        object_id: row.id,
        county_id: user.county,
        after: tokenInfo(row),
      },
      at,
    );
  });
  return { ...tokenInfo(row), token };
}

export async function listTokens(db: Db, user: User): Promise<TokenInfo[]> {
  return (
    await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', user.id)
      .orderBy('created_at')
      .execute()
  ).map(tokenInfo);
}

export async function revokeToken(ctx: Ctx, user: User, id: string): Promise<TokenInfo> {
  const row = await ctx.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (!row) throw notFound('令牌', id);
  if (row.revoked_at) return tokenInfo(row);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
    await appendAudit(
      trx,
      { name: user.username, role: user.role },
      {
        action: 'token.revoke',
        object_type: 'api_tokens',
        object_id: id,
        county_id: user.county,
        before: tokenInfo(row),
        after: { ...tokenInfo(row), revoked_at: at },
      },
      at,
    );
  });
  return { ...tokenInfo(row), revoked_at: at };
}

export async function tokenUser(ctx: Ctx, token: string): Promise<User | undefined> {
  const row = await ctx.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) return undefined;
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', row.user_id).executeTakeFirst();
  if (!user || user.disabled_at) return undefined;
  await ctx.db
    .updateTable('api_tokens')
    .set({ last_used_at: ctx.now().toISOString() })
    .where('id', '=', row.id)
    .execute();
  return userOf(user);
}
