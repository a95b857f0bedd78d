// 0003: what a year holds, and money that follows corrections. A warning notice keeps its id in
// the year's case (`case_id`: ids are unique within a case, not within the county) and the FP
// year it was issued in; one notice per (county, FP year of issue, case id). A county's year
// remembers the facts its imported case holds outside the year's dates (`held`: a notice of the
// previous year, a post that ended before it), so an export gives back what was imported. Each
// `assess` entry of the ledger carries the day its amount falls due (`due_on`): an amount a
// correction adds is due by the correction's date, never by the first decision's. Frozen: a
// later change is a new migration. Uses Kysely<any> and nothing of the app.

import { type Kysely, SqliteAdapter, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema.alterTable('warning_notices').addColumn('case_id', 'text').execute();
  await db.schema.alterTable('warning_notices').addColumn('fp_year', 'integer').execute();
  // FP year N runs from (N-1)-10-01 to N-09-30.
  await sql`update warning_notices set case_id = id, fp_year = case
      when substr(issued_on, 6, 2) >= '10' then cast(substr(issued_on, 1, 4) as integer) + 1
      else cast(substr(issued_on, 1, 4) as integer) end`.execute(db);
  await db.schema
    .createIndex('warning_notices_case_id')
    .on('warning_notices')
    .columns(['county_id', 'fp_year', 'case_id'])
    .unique()
    .execute();

  // JSON: { table: [row ids] } of the facts the year's case holds outside the year's dates.
  await db.schema
    .alterTable('county_years')
    .addColumn('held', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();

  await db.schema.alterTable('ledger_entries').addColumn('due_on', 'text').execute();
  // The entries written so far fall due on their decision's date. The ledger is append-only (0002's
  // triggers): lifted for this one statement of the migration, and put back.
  const backfill = sql`update ledger_entries set due_on = (
      select d.fines_due_on from decisions d where d.id = ledger_entries.decision_id)
    where kind = 'assess'`;
  if (sqlite) {
    await sql`drop trigger ledger_entries_no_update`.execute(db);
    await backfill.execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END`,
      )
      .execute(db);
  } else {
    await sql`alter table ledger_entries disable trigger ledger_entries_append_only`.execute(db);
    await backfill.execute(db);
    await sql`alter table ledger_entries enable trigger ledger_entries_append_only`.execute(db);
  }
  await db.schema
    .createIndex('ledger_entries_receipt')
    .on('ledger_entries')
    .columns(['county_id', 'fp_year', 'receipt_no'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
