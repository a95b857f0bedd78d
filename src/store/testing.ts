// Test stores: every store test runs on SQLite (a temporary file) and on PostgreSQL (a fresh
// database created for the test and dropped after). PostgreSQL is required, not skipped: set
// ZEREN_TEST_PG to its admin URL (default postgres://postgres@127.0.0.1:5432/postgres).

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Dialect, openStore, type Store } from './db.ts';
import { StoreError } from './errors.ts';
import { migrate } from './migrate.ts';

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];
export const PG_ADMIN_URL = process.env.ZEREN_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestStore extends Store {
  drop(): Promise<void>;
}

async function admin<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}

/** A fresh store, its schema brought up to date (or left empty, to test a migration). */
export async function createTestStore(dialect: Dialect, migrated = true): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'zeren-test-'));
    const store = openStore({ sqlitePath: join(dir, 'zeren.db') });
    if (migrated) await migrate(store.db);
    return {
      ...store,
      drop: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `zeren_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const store = openStore({ databaseUrl: url.toString() });
  if (migrated) await migrate(store.db);
  return {
    ...store,
    drop: async () => {
      await store.close();
      // The pool's connections close a moment after it ends; forcing the drop before then kills
      // them mid-goodbye, which the client reports as an unhandled error. Wait for them first.
      await admin(async (c) => {
        for (let i = 0; i < 50; i++) {
          const { rows } = await c.query(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}

/** The StoreError a call is refused with; fails when it is not refused. */
export async function refused(p: Promise<unknown>): Promise<StoreError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected the store to refuse');
}
