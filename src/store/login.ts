// Signing in and the login throttle, kept in the database so that several server processes share
// them. The session a login opens is in sessions.ts.
//
// Failed logins never lock an account for everyone. They are counted per (account, address) —
// or, for a browser the account has signed in from before (its device cookie), per (account,
// device) — and after FREE failures each further one doubles the wait before the next attempt
// (15 s, 30 s, 1 min … up to an hour), until a success or a quiet day. On top of that an address
// may fail ADDRESS_LIMIT times per window across all accounts, and an account may fail
// ACCOUNT_LIMIT times per window from browsers it has never signed in from (a guessing attack
// spread over many addresses). The owner's own browser is bound by none of these but its own
// count, so an anonymous caller elsewhere can slow guessing down but never keep the owner out.
// The throttle is checked before any password is hashed; an unknown user name is hashed against
// a dummy, so it costs what a known one costs.

import { randomBytes } from 'node:crypto';
import { sha256 } from '../domain/canonical.ts';
import { appendAudit, recordAudit } from './audit.ts';
import type { Ctx } from './ctx.ts';
import { recordAnonymousDenial } from './denials.ts';
import { StoreError } from './errors.ts';
import { checkPassword, dummyHash } from './passwords.ts';
import type { Db } from './schema.ts';
import { openSession } from './sessions.ts';
import { type User, userOf } from './user-row.ts';

export interface AuthConfig {
  /** Minutes of inactivity after which a session ends. */
  idleMinutes: number;
  /** Hours after which a session ends regardless. */
  maxHours: number;
  /** Failures per (account, address) or (account, device) before waits begin. */
  freeFailures: number;
  /** The first wait; each further failure doubles it, up to maxDelayMinutes. */
  firstDelaySeconds: number;
  maxDelayMinutes: number;
  /** Failures allowed per address (any account) in the window. */
  addressLimit: number;
  /** Failures allowed per account from browsers it never signed in from, in the window. */
  accountLimit: number;
  windowMinutes: number;
  /** Days a browser stays known to an account after its last sign-in. */
  deviceDays: number;
}

export const DEFAULT_AUTH: AuthConfig = {
  idleMinutes: 30,
  maxHours: 12,
  freeFailures: 5,
  firstDelaySeconds: 15,
  maxDelayMinutes: 60,
  addressLimit: 50,
  accountLimit: 100,
  windowMinutes: 15,
  deviceDays: 180,
};

export class TooManyAttempts extends StoreError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'forbidden',
      `登录失败次数过多，请 ${waitZh(retryAfterSeconds)}后再试`,
      `too many failed logins; try again in ${retryAfterSeconds} s`,
    );
    this.name = 'TooManyAttempts';
  }
}

const waitZh = (s: number) => (s < 60 ? `${s} 秒` : `${Math.ceil(s / 60)} 分钟`);

const iso = (ms: number) => new Date(ms).toISOString();

async function count(
  db: Db,
  where: { username?: string; ip?: string; device?: string | null },
  since: string,
): Promise<{ n: number; last: string | null }> {
  let qb = db.selectFrom('login_attempts').where('ok', '=', 0).where('at', '>=', since);
  if (where.username !== undefined) qb = qb.where('username', '=', where.username);
  if (where.ip !== undefined) qb = qb.where('ip', '=', where.ip);
  if (where.device !== undefined)
    qb = where.device === null ? qb.where('device', 'is', null) : qb.where('device', '=', where.device);
  const r = await qb
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('at').as('last')])
    .executeTakeFirst();
  return { n: Number(r?.n ?? 0), last: (r?.last as string | null) ?? null };
}

/** Seconds to wait before this attempt may be checked; 0 when it may be checked now. */
export async function loginWait(
  db: Db,
  cfg: AuthConfig,
  username: string,
  ip: string,
  device: string | null,
  now: Date,
): Promise<number> {
  const t = now.getTime();
  const pair = device ? { username, device } : { username, ip, device: null };
  // The pair's count starts again after a success, or after a day without attempts counted.
  let okQb = db
    .selectFrom('login_attempts')
    .where('ok', '=', 1)
    .where('username', '=', username)
    .where('at', '>', iso(t - 86_400_000));
  okQb = device ? okQb.where('device', '=', device) : okQb.where('ip', '=', ip);
  const lastOk = (await okQb.select((eb) => eb.fn.max('at').as('at')).executeTakeFirst())?.at as
    | string
    | null
    | undefined;
  const failed = await count(db, pair, lastOk ?? iso(t - 86_400_000));
  let wait = 0;
  if (failed.n >= cfg.freeFailures && failed.last) {
    const delay = Math.min(
      cfg.firstDelaySeconds * 2 ** (failed.n - cfg.freeFailures),
      cfg.maxDelayMinutes * 60,
    );
    wait = Math.ceil((Date.parse(failed.last) + delay * 1000 - t) / 1000);
  }
  if (device) return Math.max(0, wait);
  const since = iso(t - cfg.windowMinutes * 60_000);
  if (
    (await count(db, { ip }, since)).n >= cfg.addressLimit ||
    (await count(db, { username, device: null }, since)).n >= cfg.accountLimit
  )
    wait = Math.max(wait, cfg.windowMinutes * 60);
  return Math.max(0, wait);
}

/** The browser's device secret, when it is known to this account: the id of its row. */
async function knownDevice(
  db: Db,
  secret: string | undefined,
  userId: string | undefined,
  cfg: AuthConfig,
  now: Date,
): Promise<string | null> {
  if (!secret) return null;
  // Looked up for an unknown user name too, so that the answer takes the same time.
  const id = sha256(`${secret}|${userId ?? ''}`);
  const row = await db
    .selectFrom('login_devices')
    .select('last_used_at')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !userId || now.getTime() - Date.parse(row.last_used_at) > cfg.deviceDays * 86_400_000)
    return null;
  return id;
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  /** The browser's device cookie, if it sent one. */
  device?: string;
}

/**
 * Checks a password and opens a session. Returns the session secret (for the session cookie)
 * and the device secret (for the device cookie, unchanged when the browser already had one).
 */
export async function login(
  ctx: Ctx,
  cfg: AuthConfig,
  input: LoginInput,
): Promise<{ user: User; secret: string; device: string }> {
  const { username, password, ip } = input;
  const now = ctx.now();
  const at = now.toISOString();
  const row = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  const device = await knownDevice(ctx.db, input.device, row?.id, cfg, now);
  const wait = await loginWait(ctx.db, cfg, username, ip, device, now);
  if (wait > 0) {
    await recordAnonymousDenial(
      ctx.db,
      ip,
      {
        action: 'session.locked_out',
        object_type: 'users',
        object_id: username,
        after: { wait_seconds: wait, known_device: device !== null },
      },
      at,
    );
    throw new TooManyAttempts(wait);
  }
  const ok =
    (await checkPassword(password, row?.password_hash ?? (await dummyHash()))) &&
    row !== undefined &&
    !row.disabled_at;
  await ctx.db
    .insertInto('login_attempts')
    .values({ username, ip, at, ok: ok ? 1 : 0, device })
    .execute();
  if (!row || !ok) {
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
  const deviceSecret = device && input.device ? input.device : randomBytes(32).toString('base64url');
  return ctx.db.transaction().execute(async (trx) => {
    await openSession(trx, secret, row.id, at);
    const deviceId = sha256(`${deviceSecret}|${row.id}`);
    if (device)
      await trx.updateTable('login_devices').set({ last_used_at: at }).where('id', '=', deviceId).execute();
    else
      await trx
        .insertInto('login_devices')
        .values({ id: deviceId, user_id: row.id, created_at: at, last_used_at: at })
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
    return { user: userOf(row), secret, device: deviceSecret };
  });
}
