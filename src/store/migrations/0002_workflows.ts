// 0002: the office workflows. Rosters (二(四)) and their history; decisions (confirmed
// evaluations, superseded only by corrections); the obligations a decision creates (fines owed,
// rewards payable, personnel actions recommended) and the append-only ledger of money moving;
// what the deciding authorities recorded; idempotency keys of money-moving requests; and the
// correction steps of warning notices. Frozen: a later change is a new migration.

import { type Kysely, SqliteAdapter, sql } from 'kysely';

const APPEND_ONLY = ['decisions', 'ledger_entries', 'roster_events', 'personnel_records'];

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  await db.schema
    .createTable('rosters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    .addColumn('fp_year', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    // submitted | returned | accepted (no row: not submitted)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reasons_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('rosters_unit_fk', ['county_id', 'unit_id'], 'units', ['county_id', 'id'])
    .addUniqueConstraint('rosters_one_per_year', ['county_id', 'fp_year', 'unit_id'])
    .execute();

  await db.schema
    .createTable('roster_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('roster_id', 'text', (c) => c.notNull().references('rosters.id'))
    .addColumn('county_id', 'text', (c) => c.notNull())
    // submit | return | accept
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('content_json', 'text')
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    .addColumn('fp_year', 'integer', (c) => c.notNull())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('supersedes', 'text', (c) => c.references('decisions.id'))
    .addColumn('reason', 'text')
    // When fines fall due: collecting units must have collected by then, or face deduction.
    .addColumn('fines_due_on', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('decisions_supersede_once', ['supersedes'])
    .execute();

  // A fine owed or a reward payable, by consequence: the identity ledger entries refer to. Rows
  // are written once; the amount due is the sum of its `assess` entries.
  await db.schema
    .createTable('obligations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    .addColumn('fp_year', 'integer', (c) => c.notNull())
    // fine | reward
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('clause', 'text', (c) => c.notNull())
    .addColumn('applies', 'text')
    // The unit that collects a fine: where the person held the post it was for (八). Where the
    // person has since moved, the unit of the new post withholds it instead (worked out at the time).
    .addColumn('collecting_unit_id', 'text')
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('obligations_one_per_consequence', [
      'county_id',
      'fp_year',
      'kind',
      'subject_kind',
      'subject_id',
      'clause',
    ])
    .execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The order entries were written in, per county (assigned under the ledger's lock).
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    .addColumn('fp_year', 'integer', (c) => c.notNull())
    .addColumn('obligation_id', 'text', (c) => c.notNull().references('obligations.id'))
    // assess | collect | remit | deduct | refund | pay | reverse
    .addColumn('kind', 'text', (c) => c.notNull())
    // Integer fen, positive; `reverse` undoes the entry it names.
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    // The day the money moved (or the decision was taken), as the person entering it gave it.
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('reverses', 'text', (c) => c.references('ledger_entries.id'))
    .addColumn('unit_id', 'text')
    .addColumn('receipt_no', 'text')
    .addColumn('decision_id', 'text', (c) => c.references('decisions.id'))
    .addColumn('note', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('personnel_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    .addColumn('fp_year', 'integer', (c) => c.notNull())
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    // award_veto | appraisal_cap | dismissal_or_demotion | three_stops | transfer_promotion_freeze |
    // admonishment_talk | report_to_superior
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('clause', 'text', (c) => c.notNull())
    .addColumn('applies', 'text')
    .addColumn('from_date', 'text')
    .addColumn('until_date', 'text')
    .addColumn('max_grade', 'text')
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // What the deciding authority did with a recommendation: adopted, not adopted, or withdrawn by
  // a correcting decision. The latest record stands.
  await db.schema
    .createTable('personnel_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('personnel_actions.id'))
    .addColumn('county_id', 'text', (c) => c.notNull())
    // adopted | not_adopted | withdrawn
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('authority', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('request_sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('response_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['actor', 'key'])
    .execute();

  // The order of a year's assessments as the office gave them: I5 strict breaks ties by it.
  await db.schema
    .alterTable('assessments')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Warning notices: the unit reports its correction; the office verifies it (`corrected_on`).
  await db.schema.alterTable('warning_notices').addColumn('correction_reported_on', 'text').execute();
  await db.schema.alterTable('warning_notices').addColumn('correction_note', 'text').execute();
  await db.schema.alterTable('warning_notices').addColumn('verified_by', 'text').execute();

  for (const [t, cols] of [
    ['rosters', ['county_id', 'fp_year']],
    ['roster_events', ['roster_id']],
    ['decisions', ['county_id', 'fp_year']],
    ['obligations', ['county_id', 'fp_year', 'subject_id']],
    ['obligations', ['county_id', 'collecting_unit_id']],
    ['ledger_entries', ['obligation_id']],
    ['ledger_entries', ['county_id', 'fp_year', 'seq']],
    ['personnel_actions', ['county_id', 'subject_id']],
    ['personnel_records', ['action_id']],
  ] as const)
    await db.schema
      .createIndex(`${t}_${cols.join('_')}`)
      .on(t)
      .columns([...cols])
      .execute();
  await db.schema
    .createIndex('ledger_entries_idempotency')
    .on('ledger_entries')
    .columns(['created_by', 'idempotency_key'])
    .unique()
    .where(sql<boolean>`idempotency_key is not null`)
    .execute();

  if (sqlite) {
    for (const t of APPEND_ONLY)
      for (const op of ['UPDATE', 'DELETE'])
        await sql
          .raw(
            `CREATE TRIGGER ${t}_no_${op.toLowerCase()} BEFORE ${op} ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END`,
          )
          .execute(db);
    for (const t of ['obligations', 'personnel_actions'])
      await sql
        .raw(
          `CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} rows are never deleted'); END`,
        )
        .execute(db);
  } else {
    for (const t of APPEND_ONLY) {
      await sql
        .raw(
          `CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION zeren_append_only()`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION zeren_append_only()`,
        )
        .execute(db);
    }
    for (const t of ['obligations', 'personnel_actions'])
      await sql
        .raw(
          `CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION zeren_append_only()`,
        )
        .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
