// Start-up failures said plainly: a busy port refused before the store is touched, a store that
// cannot be made or written, a PostgreSQL that is not there yet (waited for, then refused).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/db.ts';
import { tcpProxy } from '../store/tcp-proxy.ts';
import { PG_ADMIN_URL } from '../store/testing.ts';
import { DeployError } from './deploy.ts';
import { checkPortFree, checkSqlitePath, waitForDatabase } from './startup.ts';

const listening = () =>
  new Promise<net.Server>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => resolve(s));
  });

describe('start-up checks', () => {
  it('refuses a busy port in both languages', async () => {
    const s = await listening();
    const port = (s.address() as net.AddressInfo).port;
    const e = await checkPortFree('127.0.0.1', port).catch((x) => x);
    s.close();
    expect(e).toBeInstanceOf(DeployError);
    expect(e.zh).toContain(`端口 ${port} 已被其他程序占用`);
    expect(e.en).toContain('already in use');
    await expect(checkPortFree('127.0.0.1', port)).resolves.toBeUndefined();
  });

  it('npm start refuses a busy port before it creates or migrates the store', async () => {
    const s = await listening();
    const port = (s.address() as net.AddressInfo).port;
    const dir = mkdtempSync(join(tmpdir(), 'zeren-port-'));
    const r = spawnSync('npx', ['tsx', 'src/server/start.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        ZEREN_DB: join(dir, 'z.db'),
        DATABASE_URL: '',
        ZEREN_WEB_BUILD: '0',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    s.close();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('已被其他程序占用');
    expect(r.stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
    expect(existsSync(join(dir, 'z.db'))).toBe(false);
  }, 70_000);

  it('makes a missing data folder, refuses one it cannot make or write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zeren-path-'));
    checkSqlitePath(join(dir, 'a', 'b', 'z.db'));
    expect(existsSync(join(dir, 'a', 'b'))).toBe(true);
    const cannotMake = (() => {
      try {
        checkSqlitePath('/etc/hostname/zeren/z.db');
      } catch (e) {
        return e as DeployError;
      }
    })();
    expect(cannotMake?.zh).toContain('无法创建数据目录');
    // sysfs refuses new files even to root: a read-only store as a deployment meets it.
    const readOnly = (() => {
      try {
        checkSqlitePath('/sys/zeren.db');
      } catch (e) {
        return e as DeployError;
      }
    })();
    expect(readOnly?.zh).toContain('只读或无权写入');
    expect(readOnly?.en).toContain('read-only');
  });

  it('waits for PostgreSQL, saying so, and goes on when it answers', async () => {
    const admin = new URL(PG_ADMIN_URL);
    const proxy = await tcpProxy(admin.hostname, Number(admin.port || 5432));
    await proxy.cut();
    const url = new URL(PG_ADMIN_URL);
    url.host = `127.0.0.1:${proxy.port}`;
    const store = openStore({ databaseUrl: url.toString(), onConnectionError: () => {} });
    const said: string[] = [];
    setTimeout(() => void proxy.restore(), 600);
    await waitForDatabase(store, { seconds: 20, pauseMs: 200, say: (l) => said.push(l) });
    expect(said[0]).toMatch(/数据库暂时无法连接.*第 1 次重试/);
    expect(said.at(-1)).toContain('数据库已连接');
    await proxy.cut();
    const e = await waitForDatabase(store, { seconds: 0.5, pauseMs: 100, say: () => {} }).catch((x) => x);
    expect(e).toBeInstanceOf(DeployError);
    expect(e.zh).toContain('无法连接数据库');
    expect(e.en).toContain('ZEREN_DB_WAIT_SECONDS');
    await store.close();
    await proxy.close();
  });
});
