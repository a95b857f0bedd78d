// 0008: PostgreSQL drops the foreign key from a fact's county to `counties` where another
// constraint already enforces it: each of these tables has a NOT NULL reference within the county,
// (county_id, unit_id) → units or (county_id, person_id) → people, and every unit and person
// row references `counties` itself, so a fact of a county that does not exist is still refused.
// Checking it twice cost each imported row a second lookup (a fifth of a county year's import).
// Tables whose county-scoped references may all be null (people, links, …) keep theirs, and SQLite
// keeps every constraint (dropping one there rebuilds the table; its checks are cheap). Frozen: a
// later change is a new migration.

import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** Each table, and the NOT NULL county-scoped reference that implies its county. */
export const IMPLIED = [
  ['posts', 'posts_unit_id_fk'],
  ['categories', 'categories_unit_id_fk'],
  ['assessments', 'assessments_subject_id_fk'],
  ['acceptances', 'acceptances_unit_id_fk'],
  ['incidents', 'incidents_person_id_fk'],
  ['warning_notices', 'warning_notices_unit_id_fk'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table, kept] of IMPLIED) {
    // The foreign key on county_id alone, to counties (named by PostgreSQL, so found by its shape);
    // dropped only when the reference that implies it is there.
    await sql
      .raw(`DO $$ DECLARE n text; BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = '${table}'::regclass AND conname = '${kept}' AND contype = 'f') THEN
          RAISE EXCEPTION '${table}: ${kept} missing, the county foreign key is kept';
        END IF;
        FOR n IN SELECT c.conname FROM pg_constraint c
          WHERE c.conrelid = '${table}'::regclass AND c.contype = 'f' AND c.confrelid = 'counties'::regclass
            AND c.conkey = ARRAY[(SELECT attnum FROM pg_attribute WHERE attrelid = '${table}'::regclass AND attname = 'county_id')]::int2[]
        LOOP EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', '${table}', n); END LOOP;
      END $$`)
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
