// Many rows in one transaction, a slice at a time, as plain multi-row INSERTs: the statement is
// written here rather than built by Kysely row by row (building and compiling a query of
// thousands of values was most of an import's time), and each slice stays under SQLite's and
// PostgreSQL's limits on bound parameters. Rows keep their order; a run of rows naming the same
// columns goes into one statement (a column a row leaves undefined is not written, as Kysely does).

import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Database, Db, Tx } from './schema.ts';

/** Rows per statement, and bound parameters per statement (SQLite allows 32,766, PostgreSQL 65,535). */
const MAX_ROWS = 500;
const MAX_PARAMS = 30_000;

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

export async function insertAll<T extends keyof Database>(
  db: Db | Tx,
  table: T,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  let i = 0;
  while (i < rows.length) {
    const cols = Object.keys(rows[i]!).filter((k) => rows[i]![k] !== undefined);
    const signature = cols.join('\0');
    const per = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Math.max(1, cols.length))));
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (; i < rows.length && tuples.length < per; i++) {
      const row = rows[i]!;
      const mine = Object.keys(row).filter((k) => row[k] !== undefined);
      if (mine.join('\0') !== signature) break;
      const marks = cols.map((c) => {
        params.push(row[c]);
        return pg ? `$${params.length}` : '?';
      });
      tuples.push(`(${marks.join(', ')})`);
    }
    const sql = `insert into ${quote(table)} (${cols.map(quote).join(', ')}) values ${tuples.join(', ')}`;
    await db.executeQuery(CompiledQuery.raw(sql, params));
  }
}
