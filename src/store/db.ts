// Opening the store: PostgreSQL when DATABASE_URL is set, otherwise an embedded SQLite file
// (ZEREN_DB, default ./data/zeren.db) in WAL mode with synchronous=FULL and foreign keys on.
// One code path (Kysely) for both.
// SQLite: each SQL text is prepared once and kept (the 256 most recent), with 64 MiB of page cache
// and a checkpoint of the write-ahead log every 64 MiB of it.
// PostgreSQL: a connection the server terminates (pg_terminate_backend, a restart) is logged and
// dropped from the pool, never an unhandled 'error' event; requests meanwhile fail as
// "unavailable" (unavailable.ts) and the pool reconnects by itself. SQLite: a write transaction
// takes the write lock first (BEGIN IMMEDIATE) and waits up to the busy timeout for another
// process's; a read snapshot (`readSnapshot`) is a deferred BEGIN.

import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  SqliteDriver,
  type TransactionSettings,
} from 'kysely';
import { copyingClient } from './pg-copy.ts';
import type { Database, Db, Tx } from './schema.ts';

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
  /** SQLite: how long a write waits for another process's lock (ZEREN_BUSY_TIMEOUT_MS, default 5000). */
  busyTimeoutMs?: number;
  /** Where a dropped PostgreSQL connection is reported (default: stderr, one line). */
  onConnectionError?: (err: Error) => void;
}

export const DEFAULT_SQLITE = 'data/zeren.db';

/** The store chosen by the environment: DATABASE_URL, else ZEREN_DB, else ./data/zeren.db. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  const busy = Number(env.ZEREN_BUSY_TIMEOUT_MS);
  return { sqlitePath: env.ZEREN_DB || DEFAULT_SQLITE, ...(busy > 0 && { busyTimeoutMs: busy }) };
}

const reportDropped = (err: Error) =>
  process.stderr.write(
    `${JSON.stringify({ level: 50, time: Date.now(), msg: 'database connection lost / 数据库连接中断', err: err.message })}\n`,
  );

/** SQLite's driver with writes that take the lock first and a rollback that tolerates none to undo. */
class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    config: ConstructorParameters<typeof SqliteDriver>[0],
    private readonly sqlite: SQLite.Database,
  ) {
    super(config);
  }
  /**
   * better-sqlite3 answers at once, so a chain of queries would otherwise run as one unbroken
   * stretch of microtasks; each query waits for a fresh turn of the event loop, so that requests
   * that arrived meanwhile (a health probe) are read between them.
   */
  override async acquireConnection(): Promise<DatabaseConnection> {
    await new Promise((r) => setImmediate(r));
    return super.acquireConnection();
  }
  override async beginTransaction(c: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    await c.executeQuery(
      CompiledQuery.raw(settings?.accessMode === 'read only' ? 'begin' : 'begin immediate'),
    );
  }
  override async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    // SQLite rolls back by itself on some errors (a full disk); a second rollback would hide the cause.
    if (this.sqlite.inTransaction) await super.rollbackTransaction(c);
  }
}

/** Statements kept per text, the most recently used 256 (Kysely asks to prepare every query anew). */
const STATEMENTS = 256;

/** The database as Kysely sees it, each SQL text prepared once; a statement still being iterated is not reused. */
function preparedOnce(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const known = cache.get(text);
      if (known && !known.busy) {
        cache.delete(text);
        cache.set(text, known);
        return known;
      }
      const stmt = sqlite.prepare(text);
      if (!known) {
        if (cache.size >= STATEMENTS) cache.delete(cache.keys().next().value!);
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

class ImmediateSqliteDialect extends SqliteDialect {
  private readonly database: SqliteDatabase;
  constructor(private readonly sqlite: SQLite.Database) {
    const database = preparedOnce(sqlite);
    super({ database });
    this.database = database;
  }
  override createDriver() {
    return new ImmediateSqliteDriver({ database: this.database }, this.sqlite);
  }
}

/**
 * Runs `f` on one consistent snapshot of the store (a read-only REPEATABLE READ transaction on
 * PostgreSQL, a deferred transaction on SQLite); inside a transaction already, on that one.
 */
export function readSnapshot<T>(db: Db | Tx, f: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return f(db as Tx);
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(f);
}

/** The PostgreSQL client, loaded only when the store is PostgreSQL (an SQLite server starts without it). */
const pgClient = () => createRequire(import.meta.url)('pg') as typeof import('pg');

export function openStore(opts: StoreOptions = storeOptionsFromEnv()): Store {
  if (opts.databaseUrl) {
    const pool = new (pgClient().Pool)({
      Client: copyingClient(pgClient().Client),
      connectionString: opts.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
    });
    const dropped = opts.onConnectionError ?? reportDropped;
    // An idle connection that dies is reported by the pool; one checked out, by the client itself.
    pool.on('error', dropped);
    pool.on('connect', (client) => client.on('error', dropped));
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
  // A county year's import touches more of the indexes than the default 2 MiB of page cache holds.
  sqlite.pragma('cache_size = -65536');
  // The write-ahead log is copied back into the database (a checkpoint) every 16,384 pages (64 MiB)
  // rather than every 1,000: a county year's import or receipt no longer pays for several
  // checkpoints, each with its own syncs. Every commit is still synced (synchronous=FULL); the log
  // is cut back to 64 MiB after a checkpoint.
  sqlite.pragma('wal_autocheckpoint = 16384');
  sqlite.pragma('journal_size_limit = 67108864');
  sqlite.pragma(`busy_timeout = ${Math.floor(opts.busyTimeoutMs ?? 5000)}`);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite) });
  return { db, dialect: 'sqlite', location: path, close: () => db.destroy() };
}
