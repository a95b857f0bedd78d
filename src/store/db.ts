// Opening the store: PostgreSQL when DATABASE_URL is set, otherwise an embedded SQLite file
// (ZEREN_DB, default ./data/zeren.db) in WAL mode with synchronous=FULL and foreign keys on.
// One code path (Kysely) for both.

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database, Db } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Db;
  dialect: Dialect;
  /** Where it is, for people: a file path or a URL without its password. */
  location: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  databaseUrl?: string;
  sqlitePath?: string;
}

export const DEFAULT_SQLITE = 'data/zeren.db';

/** The store chosen by the environment: DATABASE_URL, else ZEREN_DB, else ./data/zeren.db. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { sqlitePath: env.ZEREN_DB || DEFAULT_SQLITE };
}

export function openStore(opts: StoreOptions = storeOptionsFromEnv()): Store {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      location: opts.databaseUrl.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@'),
      close: () => db.destroy(),
    };
  }
  const path = opts.sqlitePath === ':memory:' ? ':memory:' : resolve(opts.sqlitePath ?? DEFAULT_SQLITE);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: path, close: () => db.destroy() };
}
