// Backups of an SQLite store, taken while the server runs: `VACUUM INTO` writes one consistent,
// compact copy (WAL included) to a new file. Restoring checks that the file is a Zeren store
// (integrity, migrations) and puts it in place of the store's file — the server stopped — keeping
// the file it replaces beside it. PostgreSQL stores are backed up with pg_dump / pg_restore.

import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Store } from './db.ts';
import { StoreError } from './errors.ts';

const refuse = (zh: string, en: string) => new StoreError('invalid', zh, en);

export const PG_BACKUP_HELP = {
  zh: 'PostgreSQL 数据库请用 pg_dump 备份：pg_dump -Fc -f zeren.dump "$DATABASE_URL"；恢复（先停止服务）：pg_restore --clean --if-exists -d "$DATABASE_URL" zeren.dump',
  en: 'back up a PostgreSQL store with pg_dump: pg_dump -Fc -f zeren.dump "$DATABASE_URL"; restore it (the server stopped) with pg_restore --clean --if-exists -d "$DATABASE_URL" zeren.dump',
};

/** Writes a consistent copy of the SQLite store to `file` (which must not exist yet). */
export async function backupSqlite(store: Store, file: string): Promise<{ file: string; bytes: number }> {
  if (store.dialect !== 'sqlite') throw refuse(PG_BACKUP_HELP.zh, PG_BACKUP_HELP.en);
  const target = resolve(file);
  if (existsSync(target))
    throw refuse(
      `备份文件 ${target} 已存在，不会覆盖`,
      `the backup file ${target} exists already; it is not overwritten`,
    );
  await sql`vacuum into ${target}`.execute(store.db);
  const fd = openSync(target, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  return { file: target, bytes: check(target).bytes };
}

/** That a file is a sound Zeren SQLite store: its integrity, its migrations, its size. */
function check(file: string): { bytes: number; migrations: number } {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw refuse(
      `无法打开备份文件 ${file}：${(e as Error).message}`,
      `cannot open the backup ${file}: ${(e as Error).message}`,
    );
  }
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw refuse(`备份文件 ${file} 已损坏：${ok}`, `the backup ${file} is damaged: ${ok}`);
    const m = db
      .prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get() as { n: number };
    if (!m.n) throw refuse(`${file} 不是 Zeren 数据库`, `${file} is not a Zeren store`);
    const migrations = (db.prepare('select count(*) as n from kysely_migration').get() as { n: number }).n;
    const bytes =
      (db.pragma('page_count', { simple: true }) as number) *
      (db.pragma('page_size', { simple: true }) as number);
    return { bytes, migrations };
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw refuse(
      `${file} 不是 Zeren 数据库：${(e as Error).message}`,
      `${file} is not a Zeren store: ${(e as Error).message}`,
    );
  } finally {
    db.close();
  }
}

/**
 * Puts the backup `file` in place of the SQLite store at `storePath`. The server must be stopped:
 * a store another process holds open (a running server, writing or idle) is refused. The replaced file is kept as
 * `<store>.before-restore-<time>`; returns its path.
 */
export function restoreSqlite(storePath: string, file: string, now = new Date()): { kept: string | null } {
  const source = resolve(file);
  const target = resolve(storePath);
  check(source);
  let kept: string | null = null;
  if (existsSync(target)) {
    // Refuse while any other process has it open (a server running, even idle): a store in WAL
    // mode can leave it only when no other connection holds it, so leaving WAL is the test.
    const live = new SQLite(target, { fileMustExist: true, timeout: 1000 });
    try {
      live.pragma('wal_checkpoint(TRUNCATE)');
      if (live.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw new Error('busy');
    } catch {
      throw refuse(
        `数据库 ${target} 正被其他程序使用，请先停止服务再恢复`,
        `the store ${target} is in use by another program; stop the server before restoring`,
      );
    } finally {
      live.close();
    }
    kept = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, kept);
    for (const ext of ['-wal', '-shm']) rmSync(`${target}${ext}`, { force: true });
  }
  const tmp = join(dirname(target), `.${basename(target)}.restoring`);
  copyFileSync(source, tmp);
  const fd = openSync(tmp, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, target);
  return { kept };
}
