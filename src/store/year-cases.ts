// A county year's case, kept in memory once made — by an import, from what it wrote, or read back
// for an evaluation — and used again while the store has not changed since. Where the store stands
// (its mark) is the head of the audit trail, the number and hash of the last entry: every write
// that matters appends to the trail in its own transaction, so a case made at a head is the year's
// case for as long as the head is that one (the hash tells apart a head reached again after a
// restore). SQLite also counts the rows its connection changed and the commits of other
// connections, so that a write made around the store — by hand, or by a test — is seen as well.
// PostgreSQL has no such count that other databases' work leaves alone: there a write made around
// the store (psql) is seen at the next write through it, or when the server restarts. Each process
// keeps the few most recent years; several server processes each keep their own, and the mark says
// whether one is still good.
//
// With ZEREN_CHECK_YEAR_CASES=1 (the tests set it: vitest.config.ts) every case an import keeps is
// compared with the year read back, and every kept case is frozen, so that a test which imports
// fails if the two ever differ or if anything changes a kept case.

import { SqliteAdapter, sql } from 'kysely';
import type { ZerenCase } from '../domain/case.ts';
import { auditHead } from './audit.ts';
import type { Sealed } from './kept-text.ts';
import type { Db, Tx } from './schema.ts';

/** Where the store stood when a case was made: the audit trail's head, and SQLite's own counts. */
export interface Mark {
  seq: number;
  hash: string;
  /** SQLite: the rows this connection changed, and the commits of others (empty on PostgreSQL). */
  changes: string;
}

/** Where the store stands, read in the caller's snapshot or transaction. */
export async function markOf(db: Db | Tx): Promise<Mark> {
  const { seq, hash } = await auditHead(db as Db);
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return { seq, hash, changes: '' };
  const rows = await sql<{ c: number }>`select total_changes() as c`.execute(db);
  const other = await sql<{ data_version: number }>`pragma data_version`.execute(db);
  return { seq, hash, changes: `${rows.rows[0]!.c}/${other.rows[0]!.data_version}` };
}

export const sameMark = (a: Mark, b: Mark) => a.seq === b.seq && a.hash === b.hash && a.changes === b.changes;

export interface YearCase {
  mark: Mark;
  kase: ZerenCase;
  /** Its canonical JSON sealed to keep (kept-text.ts), when made already. */
  sealed?: Sealed;
}

export class YearCases {
  private readonly kept = new Map<string, YearCase>();
  constructor(private readonly size = 8) {}

  /** The case of a county year made at `mark`, if kept. */
  get(county: string, year: number, mark: Mark): YearCase | undefined {
    const key = `${county}\u0000${year}`;
    const found = this.kept.get(key);
    if (!found) return undefined;
    this.kept.delete(key);
    if (!sameMark(found.mark, mark)) return undefined;
    this.kept.set(key, found);
    return found;
  }

  put(county: string, year: number, c: YearCase): void {
    if (checkingYearCases()) deepFreeze(c.kase);
    const key = `${county}\u0000${year}`;
    this.kept.delete(key);
    this.kept.set(key, c);
    for (const old of this.kept.keys()) {
      if (this.kept.size <= this.size) break;
      this.kept.delete(old);
    }
  }
}

/** Whether kept cases are checked (ZEREN_CHECK_YEAR_CASES=1, under test). */
export function checkingYearCases(): boolean {
  return process.env.ZEREN_CHECK_YEAR_CASES === '1';
}

function deepFreeze(v: unknown): void {
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const x of Object.values(v)) deepFreeze(x);
}
