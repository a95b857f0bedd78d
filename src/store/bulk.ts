// Many rows in one transaction, a slice at a time: a single INSERT of thousands of rows would
// pass SQLite's and PostgreSQL's limits on bound parameters.

import type { Kysely } from 'kysely';
import type { Database, Db, Tx } from './schema.ts';

const SLICE = 200;

export async function insertAll<T extends keyof Database>(
  db: Db | Tx,
  table: T,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += SLICE)
    await (db as unknown as Kysely<any>)
      .insertInto(table)
      .values(rows.slice(i, i + SLICE))
      .execute();
}
