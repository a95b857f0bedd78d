// What `npm start` checks before it touches the store, each failure said in Chinese and English
// without a stack trace: the port is free (before migrating), the SQLite file's folder exists or
// can be made and is writable, and PostgreSQL answers — waited for, with a line per attempt, for
// ZEREN_DB_WAIT_SECONDS (default 60) before giving up.

import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Store, StoreOptions } from '../store/db.ts';
import { unavailability } from '../store/unavailable.ts';
import { DeployError } from './deploy.ts';

/** Refuses a port another program holds, before anything is migrated. */
export function checkPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolvePort, reject) => {
    const probe = net.createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new DeployError(
              `端口 ${port} 已被其他程序占用（${host}），请停止该程序或设置 PORT 使用其他端口`,
              `port ${port} on ${host} is already in use; stop the other program or set PORT to another port`,
            )
          : e.code === 'EACCES'
            ? new DeployError(
                `无权使用端口 ${port}（1024 以下的端口需要管理员权限），请设置 PORT`,
                `no permission to listen on port ${port} (ports below 1024 need privileges); set PORT`,
              )
            : new DeployError(
                `无法在 ${host}:${port} 上监听：${e.message}`,
                `cannot listen on ${host}:${port}: ${e.message}`,
              ),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolvePort()));
  });
}

/** The SQLite file's folder: made when missing, refused when it cannot be made or written. */
export function checkSqlitePath(path: string): void {
  if (path === ':memory:') return;
  const file = resolve(path);
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new DeployError(
      `无法创建数据目录 ${dir}（${(e as NodeJS.ErrnoException).code}），请检查 ZEREN_DB 的路径和权限`,
      `cannot create the data folder ${dir} (${(e as NodeJS.ErrnoException).code}); check ZEREN_DB and its permissions`,
    );
  }
  // A real write, not a permission check: root passes those, and a read-only mount fails only this.
  const probe = join(dir, `.zeren-write-probe-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe);
    if (existsSync(file)) closeSync(openSync(file, 'r+'));
  } catch (e) {
    throw new DeployError(
      `数据库位置 ${dir} 只读或无权写入（${(e as NodeJS.ErrnoException).code}），请检查 ZEREN_DB 的路径和权限`,
      `the store at ${dir} is read-only or not writable (${(e as NodeJS.ErrnoException).code}); check ZEREN_DB and its permissions`,
    );
  }
}

/** Waits for the database to answer, saying so at each attempt; throws a DeployError at the deadline. */
export async function waitForDatabase(
  store: Store,
  opts: { seconds: number; say: (line: string) => void; pauseMs?: number },
): Promise<void> {
  const deadline = Date.now() + opts.seconds * 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`.execute(store.db);
      if (attempt > 1) opts.say('数据库已连接 / the database answers');
      return;
    } catch (e) {
      const why = (e as Error).message || String((e as { code?: string }).code ?? e);
      if (!unavailability(e) || Date.now() >= deadline)
        throw new DeployError(
          `无法连接数据库 ${store.location}：${why}`,
          `cannot reach the database ${store.location}: ${why}` +
            (unavailability(e) ? ` (waited ${opts.seconds} s; ZEREN_DB_WAIT_SECONDS)` : ''),
        );
      opts.say(
        `数据库暂时无法连接（${why}），第 ${attempt} 次重试… / waiting for the database ${store.location} (${why}), attempt ${attempt}…`,
      );
      await new Promise((r) => setTimeout(r, opts.pauseMs ?? 2000));
    }
  }
}

export const dbWaitSeconds = (env: NodeJS.ProcessEnv = process.env) => {
  const n = Number(env.ZEREN_DB_WAIT_SECONDS);
  return Number.isFinite(n) &&
    n >= 0 &&
    env.ZEREN_DB_WAIT_SECONDS !== '' &&
    env.ZEREN_DB_WAIT_SECONDS !== undefined
    ? n
    : 60;
};

export type { StoreOptions };
