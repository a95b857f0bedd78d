// 0009: a town's own pack (七), seen by the office. Which town packs a county's towns follow
// (set by the administrator, from an FP year on); each evaluation's result under each of them,
// kept beside the county's receipt (which is untouched) and naming its pack; and the source pack
// of an obligation, so the ledger tells a town's fines and rewards from the county's (null: the
// county's own pack). Frozen: a later change is a new migration.

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('county_town_packs')
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    .addColumn('town_id', 'text', (c) => c.notNull())
    // A town pack's id under the policies folder (kind: town).
    .addColumn('pack', 'text', (c) => c.notNull())
    // The first FP year it applies to.
    .addColumn('from_year', 'integer', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('county_town_packs_pk', ['county_id', 'town_id', 'pack'])
    .addForeignKeyConstraint('county_town_packs_town_fk', ['county_id', 'town_id'], 'units', [
      'county_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('town_evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The county's evaluation it was run with: the same case, readings, actor and moment.
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    .addColumn('fp_year', 'integer', (c) => c.notNull())
    .addColumn('town_id', 'text', (c) => c.notNull())
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('pack_hash', 'text', (c) => c.notNull())
    .addColumn('engine_version', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('result_sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('town_evaluations_evaluation')
    .on('town_evaluations')
    .columns(['evaluation_id', 'town_id', 'pack'])
    .unique()
    .execute();

  await db.schema.alterTable('obligations').addColumn('source_pack', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
