// Sessions: opened by a login (login.ts), kept alive by use, ended by logout, by idleness or age,
// and — with the account's API tokens and known browsers — when the account's role, place or
// password changes or it is disabled (`endAccess`).

import { sha256 } from '../domain/canonical.ts';
import { type Actor, appendAudit } from './audit.ts';
import type { Ctx } from './ctx.ts';
import type { AuthConfig } from './login.ts';
import type { Tx } from './schema.ts';
import { revokeAllTokens } from './tokens.ts';
import { type User, userOf } from './user-row.ts';

/** Opens a session for the secret the browser will hold (only its hash is stored). */
export async function openSession(trx: Tx, secret: string, userId: string, at: string): Promise<void> {
  await trx
    .insertInto('sessions')
    .values({ id: sha256(secret), user_id: userId, created_at: at, last_seen_at: at, ended_at: null })
    .execute();
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

/**
 * Ends every session of an account, revokes its API tokens for good (enabling the account again
 * revives neither) and forgets its browsers, so none keeps the standing of the owner's own with
 * the login throttle; inside the caller's transaction. The number of tokens revoked.
 */
export async function endAccess(
  trx: Tx,
  userId: string,
  actor: Actor,
  reason: string,
  at: string,
): Promise<number> {
  await trx
    .updateTable('sessions')
    .set({ ended_at: at })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
  const revoked = await revokeAllTokens(trx, userId, actor, reason, at);
  await trx.deleteFrom('login_devices').where('user_id', '=', userId).execute();
  return revoked;
}
