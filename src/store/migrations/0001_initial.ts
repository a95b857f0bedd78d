// 0001: the registry, the assessments and events, imports and evaluations, accounts, the audit
// trail. Frozen: a later change is a new migration. Uses Kysely<any> and nothing of the app.

import { type Kysely, SqliteAdapter, sql } from 'kysely';

const APPEND_ONLY = ['audit_log', 'evaluations', 'case_imports'];

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const stamped = (t: any) =>
    t
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull());
  const retractable = (t: any) =>
    t.addColumn('retracted_at', 'text').addColumn('retracted_by', 'text').addColumn('retract_reason', 'text');

  await stamped(
    db.schema
      .createTable('counties')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('policy', 'text', (c) => c.notNull()),
  ).execute();

  await stamped(
    db.schema
      .createTable('county_years')
      .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
      .addColumn('fp_year', 'integer', (c) => c.notNull())
      .addColumn('decided_on', 'text')
      .addColumn('interpretations', 'text', (c) => c.notNull().defaultTo('{}'))
      .addPrimaryKeyConstraint('county_years_pk', ['county_id', 'fp_year']),
  ).execute();

  await stamped(
    db.schema
      .createTable('units')
      .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('town_id', 'text')
      .addColumn('governance_duty', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('closed_on', 'text')
      .addPrimaryKeyConstraint('units_pk', ['county_id', 'id'])
      .addForeignKeyConstraint('units_town_fk', ['county_id', 'town_id'], 'units', ['county_id', 'id']),
  ).execute();

  await retractable(
    stamped(
      db.schema
        .createTable('people')
        .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('staff_type', 'text')
        .addPrimaryKeyConstraint('people_pk', ['county_id', 'id']),
    ),
  ).execute();

  // A fact of a county: its own id, the county, and references within the county.
  const fact = (name: string, columns: (t: any) => any, refs: [string, 'units' | 'people'][]) => {
    let t: any = db.schema.createTable(name);
    t = t
      .addColumn('id', 'text', (c: any) => c.primaryKey())
      .addColumn('county_id', 'text', (c: any) => c.notNull().references('counties.id'));
    t = columns(t);
    for (const [col, target] of refs)
      t = t.addForeignKeyConstraint(`${name}_${col}_fk`, ['county_id', col], target, ['county_id', 'id']);
    return retractable(stamped(t)).execute();
  };

  await fact(
    'posts',
    (t) =>
      t
        .addColumn('person_id', 'text', (c: any) => c.notNull())
        .addColumn('unit_id', 'text', (c: any) => c.notNull())
        .addColumn('role', 'text', (c: any) => c.notNull())
        .addColumn('from_date', 'text')
        .addColumn('to_date', 'text'),
    [
      ['unit_id', 'units'],
      ['person_id', 'people'],
    ],
  );
  await fact(
    'links',
    (t) =>
      t
        .addColumn('kind', 'text', (c: any) => c.notNull())
        .addColumn('person_id', 'text')
        .addColumn('unit_id', 'text')
        .addColumn('village_id', 'text')
        .addColumn('town_id', 'text')
        .addColumn('from_date', 'text')
        .addColumn('to_date', 'text'),
    [
      ['person_id', 'people'],
      ['unit_id', 'units'],
      ['village_id', 'units'],
      ['town_id', 'units'],
    ],
  );
  await fact(
    'categories',
    (t) =>
      t
        .addColumn('unit_id', 'text', (c: any) => c.notNull())
        .addColumn('fp_year', 'integer', (c: any) => c.notNull())
        .addColumn('category', 'integer', (c: any) => c.notNull()),
    [['unit_id', 'units']],
  );
  await fact(
    'assessments',
    (t) =>
      t
        .addColumn('fp_year', 'integer', (c: any) => c.notNull())
        .addColumn('by', 'text', (c: any) => c.notNull())
        .addColumn('subject_id', 'text', (c: any) => c.notNull())
        .addColumn('kind', 'text', (c: any) => c.notNull())
        .addColumn('outcome', 'text')
        .addColumn('score', 'double precision')
        .addColumn('sampled', 'text', (c: any) => c.notNull().defaultTo('[]'))
        .addColumn('at_fault', 'text', (c: any) => c.notNull().defaultTo('[]'))
        .addColumn('caused_by', 'text', (c: any) => c.notNull().defaultTo('[]'))
        .addColumn('decided_on', 'text'),
    [['subject_id', 'units']],
  );
  await fact(
    'acceptances',
    (t) =>
      t
        .addColumn('fp_year', 'integer', (c: any) => c.notNull())
        .addColumn('unit_id', 'text', (c: any) => c.notNull())
        .addColumn('kind', 'text', (c: any) => c.notNull())
        .addColumn('by', 'text', (c: any) => c.notNull())
        .addColumn('passed', 'integer', (c: any) => c.notNull()),
    [['unit_id', 'units']],
  );
  await fact(
    'incidents',
    (t) =>
      t
        .addColumn('kind', 'text', (c: any) => c.notNull())
        .addColumn('person_id', 'text', (c: any) => c.notNull())
        .addColumn('occurred_on', 'text', (c: any) => c.notNull()),
    [['person_id', 'people']],
  );

  // Notices keep the ids the office gives them (w1, 2009-07…), unique in the county.
  await retractable(
    stamped(
      db.schema
        .createTable('warning_notices')
        .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('issued_on', 'text', (c) => c.notNull())
        .addColumn('matter', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text')
        .addColumn('corrected_on', 'text')
        .addPrimaryKeyConstraint('warning_notices_pk', ['county_id', 'id'])
        .addForeignKeyConstraint('warning_notices_unit_id_fk', ['county_id', 'unit_id'], 'units', [
          'county_id',
          'id',
        ]),
    ),
  ).execute();

  await db.schema
    .createTable('case_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    .addColumn('fp_year', 'integer', (c) => c.notNull())
    .addColumn('case_sha256', 'text', (c) => c.notNull())
    .addColumn('case_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    .addColumn('fp_year', 'integer', (c) => c.notNull())
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('pack_hash', 'text', (c) => c.notNull())
    .addColumn('engine_version', 'text', (c) => c.notNull())
    .addColumn('case_sha256', 'text', (c) => c.notNull())
    .addColumn('case_json', 'text', (c) => c.notNull())
    .addColumn('interpretations', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('result_sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('county_id', 'text', (c) => c.references('counties.id'))
    .addColumn('unit_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', sqlite ? 'integer' : 'serial', (c) =>
      sqlite ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('county_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  // One live row per natural key; retracted rows stay as history.
  const live = sql<boolean>`retracted_at is null`;
  await db.schema
    .createIndex('categories_live')
    .on('categories')
    .columns(['county_id', 'unit_id', 'fp_year'])
    .unique()
    .where(live)
    .execute();
  await db.schema
    .createIndex('assessments_live')
    .on('assessments')
    .columns(['county_id', 'fp_year', 'by', 'subject_id', 'kind'])
    .unique()
    .where(live)
    .execute();
  for (const [t, cols] of [
    ['posts', ['county_id', 'unit_id']],
    ['posts', ['county_id', 'person_id']],
    ['links', ['county_id', 'village_id']],
    ['links', ['county_id', 'person_id']],
    ['assessments', ['county_id', 'fp_year']],
    ['acceptances', ['county_id', 'fp_year']],
    ['warning_notices', ['county_id', 'unit_id']],
    ['incidents', ['county_id', 'occurred_on']],
    ['evaluations', ['county_id', 'fp_year']],
    ['login_attempts', ['username', 'at']],
    ['audit_log', ['county_id', 'seq']],
  ] as const)
    await db.schema
      .createIndex(`${t}_${cols.join('_')}`)
      .on(t)
      .columns([...cols])
      .execute();

  // The application can append to these, never change or remove a row.
  if (sqlite) {
    for (const t of APPEND_ONLY)
      for (const op of ['UPDATE', 'DELETE'])
        await sql
          .raw(
            `CREATE TRIGGER ${t}_no_${op.toLowerCase()} BEFORE ${op} ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END`,
          )
          .execute(db);
  } else {
    await sql
      .raw(
        `CREATE FUNCTION zeren_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`,
      )
      .execute(db);
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
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
