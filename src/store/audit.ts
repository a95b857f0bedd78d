// The audit trail: every write, login, failed login and denied request, with who, when, what,
// the object, its jurisdiction and the values before and after. Append-only (the database
// refuses UPDATE and DELETE on it) and hash-chained: each entry holds the hash of the previous,
// so `verify` names the first entry that was altered, removed or reordered, and a head hash an
// auditor exported earlier shows whether the tail was cut off.

import { PostgresAdapter, sql } from 'kysely';
import { canonicalJson, sha256 } from '../domain/canonical.ts';
import { insertAll } from './bulk.ts';
import type { Db, Row, Tx } from './schema.ts';

export const GENESIS = '0'.repeat(64);

export interface Actor {
  name: string;
  role: string;
}

export const SYSTEM: Actor = { name: 'system', role: 'system' };

export interface AuditEvent {
  action: string;
  object_type: string;
  object_id: string;
  county_id?: string | null;
  unit_id?: string | null;
  before?: unknown;
  after?: unknown;
}

type Entry = Omit<Row<'audit_log'>, 'hash'>;

function entryHash(e: Entry): string {
  return sha256(canonicalJson(e));
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Appends entries inside the caller's transaction, so they commit with the writes they record.
 * Holds the chain's head while open: a bulk import records thousands of entries in one pass.
 */
export class AuditWriter {
  private pending: Row<'audit_log'>[] = [];

  private constructor(
    private readonly trx: Tx,
    private head: { seq: number; hash: string },
  ) {}

  static async open(trx: Tx): Promise<AuditWriter> {
    // Serialise appenders: SQLite runs one writer at a time; PostgreSQL takes a transaction lock.
    if (trx.getExecutor().adapter instanceof PostgresAdapter)
      await sql`select pg_advisory_xact_lock(7421001)`.execute(trx);
    const head = await trx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return new AuditWriter(trx, head ?? { seq: 0, hash: GENESIS });
  }

  add(actor: Actor, event: AuditEvent, at: string): number {
    const entry: Entry = {
      seq: this.head.seq + 1,
      at,
      actor: actor.name,
      actor_role: actor.role,
      action: event.action,
      object_type: event.object_type,
      object_id: event.object_id,
      county_id: event.county_id ?? null,
      unit_id: event.unit_id ?? null,
      before: json(event.before),
      after: json(event.after),
      prev_hash: this.head.hash,
    };
    const row = { ...entry, hash: entryHash(entry) };
    this.pending.push(row);
    this.head = { seq: row.seq, hash: row.hash };
    return row.seq;
  }

  async flush(): Promise<void> {
    await insertAll(this.trx, 'audit_log', this.pending);
    this.pending = [];
  }
}

/** One audited change as a step records it: the action, the object, its values before and after. */
export type Recorder = (action: string, type: string, id: string, before: unknown, after: unknown) => void;

/** Records one actor's changes in one county at one time, through an open writer. */
export function recorderOf(audit: AuditWriter, actor: Actor, county: string, at: string): Recorder {
  return (action, type, id, before, after) => {
    audit.add(actor, { action, object_type: type, object_id: id, county_id: county, before, after }, at);
  };
}

/** Appends one entry, inside the caller's transaction. */
export async function appendAudit(trx: Tx, actor: Actor, event: AuditEvent, at: string): Promise<number> {
  const w = await AuditWriter.open(trx);
  const seq = w.add(actor, event, at);
  await w.flush();
  return seq;
}

/** Appends an entry in a transaction of its own (logins, denied requests). */
export async function recordAudit(db: Db, actor: Actor, event: AuditEvent, at: string): Promise<number> {
  return db.transaction().execute((trx) => appendAudit(trx, actor, event, at));
}

export interface Head {
  seq: number;
  hash: string;
}

export async function auditHead(db: Db): Promise<Head> {
  const head = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return head ?? { seq: 0, hash: GENESIS };
}

export interface Verification {
  ok: boolean;
  entries: number;
  head: Head;
  /** The first entry found wrong, and how. */
  problem?: { seq: number; zh: string; en: string };
}

/** Walks the chain from the first entry; with `expected` (an exported head) checks it is still there. */
export async function verifyAudit(db: Db, expected?: Head, batch = 5000): Promise<Verification> {
  let want = 1;
  let prev = GENESIS;
  let last: Head = { seq: 0, hash: GENESIS };
  const fail = (seq: number, zh: string, en: string): Verification => ({
    ok: false,
    entries: want - 1,
    head: last,
    problem: { seq, zh, en },
  });
  // The chain starts at 1: an entry numbered 0 or below was put there by hand, not appended.
  const stray = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('seq', '<', 1)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  if (stray)
    return fail(
      stray.seq,
      `第 ${stray.seq} 条记录的编号不可能出现（编号从 1 开始）：它是伪造或插入的`,
      `entry ${stray.seq} has an impossible number (entries start at 1): it was forged or inserted`,
    );
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', want)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const row of rows) {
      if (row.seq !== want)
        return fail(
          want,
          `第 ${want} 条记录缺失（被删除或顺序被改动）`,
          `entry ${want} is missing (removed or reordered)`,
        );
      if (row.prev_hash !== prev)
        return fail(
          row.seq,
          `第 ${row.seq} 条记录与前一条不衔接（前面的记录被删除、改动或调换）`,
          `entry ${row.seq} does not follow entry ${row.seq - 1} (an entry before it was removed, altered or swapped)`,
        );
      const { hash, ...entry } = row;
      if (entryHash(entry) !== hash)
        return fail(row.seq, `第 ${row.seq} 条记录被改动`, `entry ${row.seq} was altered`);
      prev = hash;
      last = { seq: row.seq, hash };
      want++;
    }
    if (rows.length < batch) break;
  }
  if (expected && expected.seq > 0) {
    if (last.seq < expected.seq)
      return fail(
        last.seq + 1,
        `日志在第 ${last.seq} 条终止，此前导出的第 ${expected.seq} 条及其后的记录被删除`,
        `the trail ends at entry ${last.seq}; entries up to the exported head ${expected.seq} were removed`,
      );
    const at = await db
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', expected.seq)
      .executeTakeFirst();
    if (at?.hash !== expected.hash)
      return fail(
        expected.seq,
        `第 ${expected.seq} 条记录与此前导出的头哈希不符`,
        `entry ${expected.seq} does not match the exported head hash`,
      );
  }
  return { ok: true, entries: last.seq, head: last };
}
