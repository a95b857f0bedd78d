// SQLite shared by two processes: the server's writes and the CLI's wait for each other's write
// lock (BEGIN IMMEDIATE, busy timeout) instead of failing; a lock held past the timeout answers
// 503 with Retry-After (never 500), and the CLI retries.

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyWithOffice } from '../../../test/support/county-kit.ts';
import { makeCtx } from '../../compose.ts';
import { openStore, type Store } from '../../store/db.ts';
import { migrate } from '../../store/migrate.ts';
import { createToken } from '../../store/tokens.ts';
import { buildApp } from '../app.ts';

const root = new URL('../../../', import.meta.url).pathname;

/** `zeren users add NAME` in its own process, on the same file; its exit code and output. */
function cliAddUser(path: string, name: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/bin.ts', 'users', 'add', name, '--role', 'office', '--county', 'qingshui'],
      {
        cwd: root,
        env: { ...process.env, ZEREN_DB: path, DATABASE_URL: '' },
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.stdin.end('a long enough password\n');
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('SQLite written by the server and the CLI at once', () => {
  let dir: string;
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let token = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zeren-busy-'));
    store = openStore({ sqlitePath: join(dir, 'z.db'), busyTimeoutMs: 5000 });
    await migrate(store.db);
    const ctx = makeCtx(store.db);
    const u = await countyWithOffice(store.db, 'correct horse battery');
    token = (await createToken(ctx, u, 'load')).token;
    app = await buildApp({ db: store.db, logger: false });
    const county = await app.inject({
      method: 'POST',
      url: '/api/v1/counties/qingshui/units',
      headers: { authorization: `Bearer ${token}` },
      payload: { id: 'county', kind: 'county', name: '清水县' },
    });
    expect(county.statusCode).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  const addPerson = (i: number) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/counties/qingshui/people',
      headers: { authorization: `Bearer ${token}` },
      payload: { id: `p-${i}`, name: `干部${i}` },
    });

  it('loses no write on either side', { timeout: 180_000 }, async () => {
    const cli = Promise.all([1, 2, 3, 4].map((n) => cliAddUser(join(dir, 'z.db'), `clerk${n}`)));
    let done = false;
    void cli.finally(() => {
      done = true;
    });
    const statuses: number[] = [];
    for (let i = 0; !done || i < 20; i++) {
      const r = await addPerson(i);
      statuses.push(r.statusCode);
      if (r.statusCode >= 500) break;
    }
    const results = await cli;
    expect(
      results.map((r) => r.code),
      results.map((r) => r.out).join('\n'),
    ).toEqual([0, 0, 0, 0]);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const users = await store.db
      .selectFrom('users')
      .select('username')
      .where('username', 'like', 'clerk%')
      .execute();
    expect(users).toHaveLength(4);
  });

  it('answers 503 with Retry-After while another process holds the lock past the timeout', async () => {
    const busy = openStore({ sqlitePath: join(dir, 'z.db'), busyTimeoutMs: 200 });
    const busyApp = await buildApp({ db: busy.db, logger: false });
    const other = new SQLite(join(dir, 'z.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = await busyApp.inject({
        method: 'POST',
        url: '/api/v1/counties/qingshui/people',
        headers: { authorization: `Bearer ${token}` },
        payload: { id: 'p-busy', name: '忙碌' },
      });
      expect(r.statusCode).toBe(503);
      expect(r.headers['retry-after']).toBe('1');
      expect(r.json().error).toMatchObject({ code: 'database_busy' });
      expect(r.json().error.zh).toMatch(/数据库正忙/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const again = await busyApp.inject({
      method: 'POST',
      url: '/api/v1/counties/qingshui/people',
      headers: { authorization: `Bearer ${token}` },
      payload: { id: 'p-busy', name: '忙碌' },
    });
    expect(again.statusCode).toBe(201);
    await busyApp.close();
    await busy.close();
  });
});
