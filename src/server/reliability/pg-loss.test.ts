// Losing PostgreSQL: connections terminated by the server (pg_terminate_backend) are dropped and
// replaced, never an unhandled 'error' event; while the database cannot be reached the API answers
// 503 in Chinese and English with Retry-After, and it recovers by itself when the database returns.
// The database goes "away" behind a loopback proxy the test cuts and restores.

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyWithOffice } from '../../../test/support/county-kit.ts';
import { openStore, type Store } from '../../store/db.ts';
import { type TcpProxy, tcpProxy } from '../../store/tcp-proxy.ts';
import { createTestStore, PG_ADMIN_URL, type TestStore } from '../../store/testing.ts';
import { buildApp } from '../app.ts';

const PASSWORD = 'correct horse battery';

describe('PostgreSQL connection loss', () => {
  let s: TestStore;
  let proxy: TcpProxy;
  let store: Store;
  const dropped: string[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>;
  let dbName = '';

  const terminate = async () => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    try {
      const r = await c.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [dbName],
      );
      return r.rowCount ?? 0;
    } finally {
      await c.end();
    }
  };
  const login = () =>
    app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'office1', password: PASSWORD },
    });

  beforeAll(async () => {
    s = await createTestStore('postgres');
    await countyWithOffice(s.db, PASSWORD);
    const admin = new URL(PG_ADMIN_URL);
    const url = new URL(s.location.replace(':***@', '@'));
    dbName = url.pathname.slice(1);
    proxy = await tcpProxy(admin.hostname, Number(admin.port || 5432));
    url.host = `127.0.0.1:${proxy.port}`;
    store = openStore({ databaseUrl: url.toString(), onConnectionError: (e) => dropped.push(e.message) });
    app = await buildApp({ db: store.db, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await proxy?.close();
    await s?.drop();
  });

  it('survives pg_terminate_backend of idle connections and of one inside a transaction', async () => {
    expect((await login()).statusCode).toBe(200);
    // A connection checked out and idle in a transaction when it is terminated.
    let inside: Promise<unknown> | undefined;
    const held = new Promise<void>((resolve) => {
      inside = store.db
        .transaction()
        .execute(async (trx) => {
          await trx.selectFrom('counties').select('id').execute();
          resolve();
          await new Promise((r) => setTimeout(r, 300));
          await trx.selectFrom('counties').select('id').execute();
        })
        .catch((e: Error) => e);
    });
    await held;
    expect(await terminate()).toBeGreaterThan(0);
    const failed = await inside;
    expect(failed).toBeInstanceOf(Error);
    await new Promise((r) => setTimeout(r, 100));
    expect(dropped.length).toBeGreaterThan(0);
    // The pool replaces what it lost: the next requests succeed.
    const after = [];
    for (let i = 0; i < 3; i++) after.push((await login()).statusCode);
    expect(after.at(-1)).toBe(200);
    expect(after.every((c) => c === 200 || c === 503)).toBe(true);
  });

  it('answers 503 with Retry-After while the database is away, and recovers by itself', async () => {
    await proxy.cut();
    const r = await login();
    expect(r.statusCode).toBe(503);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    const body = r.json().error;
    expect(body.code).toBe('database_unavailable');
    expect(body.zh).toMatch(/数据库/);
    expect(body.en).toMatch(/database/);
    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await login()).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
