// The ledger's writers: one at a time, each entry numbered in its county's order.

import { PostgresAdapter, sql } from 'kysely';
import type { Db, Tx } from './schema.ts';

/** One writer at a time: PostgreSQL takes a transaction lock; SQLite has one writer anyway. */
export async function lockLedger(trx: Tx): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(7421002)`.execute(trx);
}

export async function nextSeq(db: Db | Tx, county: string): Promise<number> {
  const r = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('county_id', '=', county)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}
