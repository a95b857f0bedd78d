// Many rows in one transaction, a slice at a time, as plain multi-row INSERTs: the statement is
// written here rather than built by Kysely row by row (building and compiling a query of
// thousands of values was most of an import's time), and each slice stays under SQLite's and
// PostgreSQL's limits on bound parameters. Rows keep their order; a run of rows naming the same
// columns goes into one statement (a column a row leaves undefined is not written, as Kysely does).
// On SQLite the store keeps each statement prepared (db.ts), so the full slices of a large import
// reuse one statement.

import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Database, Db, Tx } from './schema.ts';

/** Rows per statement, and bound parameters per statement (SQLite allows 32,766, PostgreSQL 65,535). */
const MAX_ROWS = 500;
const MAX_PARAMS = 30_000;

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
    const per = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Math.max(1, cols.length))));
    const params: unknown[] = [];
    const tuples: string[] = [];
    const sqliteTuple = `(${cols.map(() => '?').join(', ')})`;
    for (; i < rows.length && tuples.length < per; i++) {
      const row = rows[i]!;
      if (tuples.length > 0 && !writes(row, cols)) break;
      const first = params.length;
      for (const c of cols) params.push(row[c]);
      tuples.push(pg ? `(${cols.map((_, k) => `$${first + k + 1}`).join(', ')})` : sqliteTuple);
    }
    const sql = `insert into ${quote(table)} (${cols.map(quote).join(', ')}) values ${tuples.join(', ')}`;
    await db.executeQuery(CompiledQuery.raw(sql, params));
  }
}
