// 0007: PostgreSQL keeps the large texts of the store — a case import's document, an evaluation's
// case and result, half a megabyte each for a county year — compressed with LZ4 rather than the
// default pglz: several times faster to write, a little larger on disk. Rows written before keep
// their compression. A server built without LZ4 (or before PostgreSQL 14) keeps pglz. SQLite does
// not compress; nothing changes there. Frozen: a later change is a new migration.

import { type Kysely, PostgresAdapter, sql } from 'kysely';

const COLUMNS = [
  ['case_imports', 'case_json'],
  ['evaluations', 'case_json'],
  ['evaluations', 'result_json'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  const alters = COLUMNS.map(([t, c]) => `ALTER TABLE ${t} ALTER COLUMN ${c} SET COMPRESSION lz4;`).join(' ');
  await sql
    .raw(
      `DO $$ BEGIN ${alters} EXCEPTION WHEN others THEN RAISE NOTICE 'lz4 not available: pglz kept'; END $$`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
