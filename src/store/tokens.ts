// API tokens for scripts (`Authorization: Bearer zrn_…`). The secret is shown once and stored only
// as its SHA-256 hash. A token expires (90 days unless asked otherwise, a year at most); it is
// revoked by its owner, by an administrator of the owner's county, and with every session of its
// owner when the password is reset, the account disabled or its role or place changed — and a
// revoked token stays revoked when the account is enabled again.

import { randomBytes, randomUUID } from 'node:crypto';
import { sha256 } from '../domain/canonical.ts';
import { type Actor, appendAudit } from './audit.ts';
import type { Ctx } from './ctx.ts';
import { invalid, notFound } from './errors.ts';
import type { Db, Row, Tx } from './schema.ts';
import { type User, userOf } from './user-row.ts';

export const TOKEN_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;

export interface TokenInfo {
  id: string;
  name: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

const tokenInfo = (r: Row<'api_tokens'>): TokenInfo => ({
  id: r.id,
  name: r.name,
  created_at: r.created_at,
  expires_at: r.expires_at,
  last_used_at: r.last_used_at,
  revoked_at: r.revoked_at,
  revoked_by: r.revoked_by,
  revoke_reason: r.revoke_reason,
});

/** A token for scripts, shown once; it expires after `days` (default 90, at most 365). */
export async function createToken(
  ctx: Ctx,
  user: User,
  name: string,
  days: number = TOKEN_DAYS,
): Promise<TokenInfo & { token: string }> {
  if (!name?.trim())
    throw invalid([{ path: 'name', code: 'required', zh: '请为令牌起个名字', en: 'a token needs a name' }]);
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_MAX_DAYS)
    throw invalid([
      {
        path: 'expires_in_days',
        code: 'range',
        zh: `有效期应为 1–${TOKEN_MAX_DAYS} 天`,
        en: `a token lasts 1–${TOKEN_MAX_DAYS} days`,
      },
    ]);
  const token = `zrn_${randomBytes(24).toString('base64url')}`;
  const now = ctx.now();
  const at = now.toISOString();
  const row: Row<'api_tokens'> = {
    id: randomUUID(),
    user_id: user.id,
    name,
    token_hash: sha256(token),
    created_at: at,
    expires_at: new Date(now.getTime() + days * 86_400_000).toISOString(),
    last_used_at: null,
    revoked_at: null,
    revoked_by: null,
    revoke_reason: null,
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

/**
 * The tokens of one account, oldest first (their secrets are never shown again); with `now`, each
 * says whether it has expired by then (the server's clock, not the reader's).
 */
export async function listTokens(
  db: Db,
  userId: string,
  now?: Date,
): Promise<(TokenInfo & { expired?: boolean })[]> {
  return (
    await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute()
  ).map((r) => ({
    ...tokenInfo(r),
    ...(now && { expired: r.expires_at !== null && r.expires_at <= now.toISOString() }),
  }));
}

/** Revokes one token of an account (its owner's, or an administrator's doing). */
export async function revokeToken(
  ctx: Ctx,
  actor: Actor,
  owner: Pick<User, 'id' | 'county'>,
  id: string,
): Promise<TokenInfo> {
  const row = await ctx.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', owner.id)
    .executeTakeFirst();
  if (!row) throw notFound('令牌', id);
  if (row.revoked_at) return tokenInfo(row);
  const at = ctx.now().toISOString();
  const after = { ...tokenInfo(row), revoked_at: at, revoked_by: actor.name, revoke_reason: 'revoked' };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: at, revoked_by: actor.name, revoke_reason: 'revoked' })
      .where('id', '=', id)
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'token.revoke',
        object_type: 'api_tokens',
        object_id: id,
        county_id: owner.county,
        before: tokenInfo(row),
        after,
      },
      at,
    );
  });
  return after;
}

/** Revokes every live token of an account, inside the caller's transaction; the number revoked. */
export async function revokeAllTokens(
  trx: Tx,
  userId: string,
  actor: Actor,
  reason: string,
  at: string,
): Promise<number> {
  const r = await trx
    .updateTable('api_tokens')
    .set({ revoked_at: at, revoked_by: actor.name, revoke_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The user a live token belongs to; undefined when it is unknown, revoked, expired or disabled. */
export async function tokenUser(ctx: Ctx, token: string): Promise<User | undefined> {
  const row = await ctx.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) return undefined;
  const now = ctx.now();
  const expires =
    row.expires_at ?? new Date(Date.parse(row.created_at) + TOKEN_DAYS * 86_400_000).toISOString();
  if (now.toISOString() >= expires) return undefined;
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', row.user_id).executeTakeFirst();
  if (!user || user.disabled_at) return undefined;
  // Touched at most once a minute: a script's burst of calls is not a burst of writes.
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000)
    await ctx.db
      .updateTable('api_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
  return userOf(user);
}
