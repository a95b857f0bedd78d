// Idempotent money moves: a request carries an Idempotency-Key; repeated with the same key and
// request it returns the first answer and moves nothing, and the same key with another request
// is refused. The key is recorded in the move's own transaction, under the ledger's lock.

import { canonicalJson, sha256 } from '../domain/canonical.ts';
import type { Ctx } from './ctx.ts';
import { conflict, invalid } from './errors.ts';
import { lockLedger } from './ledger-lock.ts';
import type { Tx } from './schema.ts';
import type { Scope } from './scope.ts';

export interface Replayed<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Runs a money-moving request once per idempotency key: a repeat with the same key and request
 * returns the first answer and moves nothing; the same key with another request is refused.
 */
export async function once<T>(
  ctx: Ctx,
  scope: Scope,
  key: string | undefined,
  route: string,
  request: unknown,
  f: (trx: Tx) => Promise<T>,
): Promise<Replayed<T>> {
  if (!key || !/^[\w.:-]{8,100}$/.test(key))
    throw invalid([
      {
        path: 'Idempotency-Key',
        code: 'required',
        zh: '资金操作须带幂等键（Idempotency-Key，8–100 个字符）',
        en: 'a money-moving request needs an Idempotency-Key header (8–100 characters)',
      },
    ]);
  const hash = sha256(canonicalJson({ route, request }));
  return ctx.db.transaction().execute(async (trx) => {
    await lockLedger(trx);
    const seen = await trx
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('actor', '=', scope.actor.name)
      .where('key', '=', key)
      .executeTakeFirst();
    if (seen) {
      if (seen.request_sha256 !== hash)
        throw conflict('该幂等键已用于另一请求', 'this idempotency key was used for a different request');
      return { status: seen.status, body: JSON.parse(seen.response_json) as T, replayed: true };
    }
    const body = await f(trx);
    await trx
      .insertInto('idempotency_keys')
      .values({
        key,
        actor: scope.actor.name,
        route,
        request_sha256: hash,
        status: 201,
        response_json: JSON.stringify(body),
        created_at: ctx.now().toISOString(),
      })
      .execute();
    return { status: 201, body, replayed: false };
  });
}
