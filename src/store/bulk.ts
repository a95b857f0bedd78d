// Many rows in one transaction, a slice at a time: the statement is written here rather than built
// by Kysely row by row (building and compiling a query of thousands of values was most of an
// import's time). Rows keep their order; a run of rows naming the same columns goes into one
// statement (a column a row leaves undefined is not written, as Kysely does). The one place the
// dialects differ:
//  - SQLite: multi-row INSERTs of up to 500 rows, under its limit on bound parameters; the store
//    keeps each statement prepared (db.ts), so the full slices of a large import reuse one;
//  - PostgreSQL: COPY of up to 10,000 rows as tab-separated text (pg-copy.ts), the fastest way in:
//    a multi-row VALUES of thousands of parameters took PostgreSQL longer to parse than to insert,
//    and with one JSON parameter (json_populate_recordset) a county's import took 15–20% longer. A COPY
//    takes one more round trip than an INSERT, so fewer than 64 rows (an audit entry, a year's few
//    notices) go in as one multi-row INSERT, as on SQLite.

import { CompiledQuery, PostgresAdapter } from 'kysely';
import { copySql, copyText } from './pg-copy.ts';
import type { Database, Db, Tx } from './schema.ts';

/** SQLite: rows and bound parameters per statement (it allows 32,766). PostgreSQL: rows per statement. */
const MAX_ROWS = 500;
const MAX_PARAMS = 30_000;
const PG_ROWS = 10_000;
const PG_COPY_FROM = 64;

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** The columns a row writes: its keys whose value is not undefined, in order. */
function columnsOf(row: Record<string, unknown>): string[] {
  const cols: string[] = [];
  for (const k in row) if (row[k] !== undefined) cols.push(k);
  return cols;
}

/** Whether a row writes exactly these columns, in this order (no array built per row). */
function writes(row: Record<string, unknown>, cols: readonly string[]): boolean {
  let n = 0;
  for (const k in row) {
    if (row[k] === undefined) continue;
    if (cols[n] !== k) return false;
    n++;
  }
  return n === cols.length;
}

export async function insertAll<T extends keyof Database>(
  db: Db | Tx,
  table: T,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  let i = 0;
  while (i < rows.length) {
    const cols = columnsOf(rows[i]!);
    const names = cols.map(quote).join(', ');
    const per = pg
      ? PG_ROWS
      : Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Math.max(1, cols.length))));
    const slice: Record<string, unknown>[] = [];
    for (; i < rows.length && slice.length < per; i++) {
      if (slice.length > 0 && !writes(rows[i]!, cols)) break;
      slice.push(rows[i]!);
    }
    if (pg && slice.length >= PG_COPY_FROM) {
      await db.executeQuery(CompiledQuery.raw(copySql(quote(table), names), [copyText(slice, cols)]));
      continue;
    }
    const params: unknown[] = [];
    const tuples: string[] = [];
    const same = `(${cols.map(() => '?').join(', ')})`;
    for (const row of slice) {
      const marks: string[] = [];
      for (const c of cols) {
        params.push(row[c]);
        if (pg) marks.push(`$${params.length}`);
      }
      tuples.push(pg ? `(${marks.join(', ')})` : same);
    }
    await db.executeQuery(
      CompiledQuery.raw(`insert into ${quote(table)} (${names}) values ${tuples.join(', ')}`, params),
    );
  }
}
