// Health and readiness, request ids and logs: alive says nothing of the database; ready checks
// the database and the disk (a folder it cannot write, too little room, PostgreSQL away); every
// response carries its request id, which the JSON log lines carry too; a 500 is logged with its cause.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/db.ts';
import { migrate } from '../store/migrate.ts';
import { tcpProxy } from '../store/tcp-proxy.ts';
import { PG_ADMIN_URL } from '../store/testing.ts';
import { buildApp } from './app.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'zeren-health-'));

describe('health and readiness', () => {
  it('is ready with a database that answers and a disk that takes writes and has room', async () => {
    const d = dir();
    const store = openStore({ sqlitePath: join(d, 'z.db') });
    await migrate(store.db);
    const app = await buildApp({ db: store.db, logger: false, readiness: { dir: d, minFreeBytes: 1 } });
    const alive = await app.inject({ url: '/api/v1/health' });
    expect(alive.json()).toMatchObject({ ok: true });
    const ready = await app.inject({ url: '/api/v1/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ ok: true, database: { ok: true }, disk: { ok: true } });
    expect(ready.json().disk.free_bytes).toBeGreaterThan(0);
    await app.close();

    // A disk with less room than asked for (a full disk, as monitoring sees it).
    const full = await buildApp({
      db: store.db,
      logger: false,
      readiness: { dir: d, minFreeBytes: 2 ** 60 },
    });
    const r = await full.inject({ url: '/api/v1/health/ready' });
    expect(r.statusCode).toBe(503);
    expect(r.json().disk.zh).toMatch(/剩余空间不足/);
    expect(r.json().database.ok).toBe(true);
    expect((await full.inject({ url: '/api/v1/health' })).statusCode).toBe(200);
    await full.close();

    // A folder it cannot write (sysfs refuses new files even to root).
    const ro = await buildApp({ db: store.db, logger: false, readiness: { dir: '/sys', minFreeBytes: 1 } });
    const w = await ro.inject({ url: '/api/v1/health/ready' });
    expect(w.statusCode).toBe(503);
    expect(w.json().disk).toMatchObject({ ok: false });
    expect(w.json().disk.en).toMatch(/cannot be written/);
    await ro.close();
    await store.close();
  });

  it('is not ready while PostgreSQL is away, and ready again when it returns', async () => {
    const admin = new URL(PG_ADMIN_URL);
    const proxy = await tcpProxy(admin.hostname, Number(admin.port || 5432));
    const url = new URL(PG_ADMIN_URL);
    url.host = `127.0.0.1:${proxy.port}`;
    const store = openStore({ databaseUrl: url.toString(), onConnectionError: () => {} });
    const app = await buildApp({ db: store.db, logger: false, readiness: { dir: dir(), minFreeBytes: 1 } });
    expect((await app.inject({ url: '/api/v1/health/ready' })).statusCode).toBe(200);
    await proxy.cut();
    const r = await app.inject({ url: '/api/v1/health/ready' });
    expect(r.statusCode).toBe(503);
    expect(r.json().database).toMatchObject({ ok: false });
    expect(r.json().database.zh).toMatch(/数据库/);
    expect((await app.inject({ url: '/api/v1/health' })).statusCode).toBe(200);
    await proxy.restore();
    expect((await app.inject({ url: '/api/v1/health/ready' })).statusCode).toBe(200);
    await app.close();
    await store.close();
    await proxy.close();
  });

  it('sends the request id back and logs it, with the cause of every 500', async () => {
    const lines: Record<string, unknown>[] = [];
    const store = openStore({ sqlitePath: join(dir(), 'z.db') });
    await migrate(store.db);
    const app = await buildApp({
      db: store.db,
      logger: { level: 'info', stream: { write: (l: string) => lines.push(JSON.parse(l)) } },
      readiness: { dir: dir(), minFreeBytes: 1 },
    });
    const r = await app.inject({ url: '/api/v1/health' });
    const id = r.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.some((l) => l.reqId === id && l.msg === 'request completed')).toBe(true);
    // A proxy's id is kept; a strange one is replaced.
    expect(
      (await app.inject({ url: '/api/v1/health', headers: { 'x-request-id': 'abc-123' } })).headers[
        'x-request-id'
      ],
    ).toBe('abc-123');
    expect(
      (await app.inject({ url: '/api/v1/health', headers: { 'x-request-id': 'a b\n{' } })).headers[
        'x-request-id'
      ],
    ).not.toBe('a b\n{');
    // A failure the API cannot name (here: the store closed under it) is a 500 whose cause is logged.
    await store.close();
    const failed = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'office1', password: 'correct horse battery' },
    });
    expect(failed.statusCode).toBe(500);
    const rid = failed.headers['x-request-id'];
    expect(failed.json().error.request_id).toBe(rid);
    const logged = lines.find((l) => l.reqId === rid && l.level === 50) as { err?: { message?: string } };
    expect(logged?.err?.message).toMatch(/destroyed/);
    await app.close();
  });
});
