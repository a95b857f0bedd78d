// Runs the frozen migrations in order. The list is static (no directory scanning), so a build or
// a bundle carries them.

import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_initial.ts';
import * as m0002 from './migrations/0002_workflows.ts';
import * as m0003 from './migrations/0003_store_truth.ts';
import * as m0004 from './migrations/0004_security.ts';
import * as m0005 from './migrations/0005_documents.ts';
import * as m0006 from './migrations/0006_notifications.ts';
import * as m0007 from './migrations/0007_toast_lz4.ts';
import * as m0008 from './migrations/0008_implied_county_fks.ts';
import * as m0009 from './migrations/0009_town_packs.ts';
import type { Db } from './schema.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_workflows': m0002,
  '0003_store_truth': m0003,
  '0004_security': m0004,
  '0005_documents': m0005,
  '0006_notifications': m0006,
  '0007_toast_lz4': m0007,
  '0008_implied_county_fks': m0008,
  '0009_town_packs': m0009,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Brings the schema up to date; throws with the failing migration's name and error. */
export async function migrate(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error)
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export { MIGRATIONS };
