// `zeren backup FILE` and `zeren restore FILE`: an SQLite store copied while the server runs, and
// put back with the server stopped. A PostgreSQL store: pg_dump and pg_restore (the command says how).

import type { Command } from 'commander';
import { backupSqlite, PG_BACKUP_HELP, restoreSqlite } from '../store/backup.ts';
import { openStore, storeOptionsFromEnv } from '../store/db.ts';
import { StoreError } from '../store/errors.ts';
import { retrying } from '../store/unavailable.ts';
import { CliExit } from './io.ts';

const print = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

function failed(e: unknown): never {
  if (e instanceof StoreError) throw new CliExit(2, `${e.zh}\n${e.en}`);
  throw e;
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .argument('<FILE>', '新的备份文件（不得已存在）/ the new backup file (it must not exist)')
    .description(
      '在服务运行时把 SQLite 数据库复制到 FILE（PostgreSQL 用 pg_dump）/ copy the SQLite store into FILE while the server runs (PostgreSQL: pg_dump)',
    )
    .action(async (file: string) => {
      const opts = storeOptionsFromEnv();
      if (!opts.sqlitePath) throw new CliExit(2, `${PG_BACKUP_HELP.zh}\n${PG_BACKUP_HELP.en}`);
      const store = openStore(opts);
      try {
        const b = await retrying(() => backupSqlite(store, file), { attempts: 6, pauseMs: 1000 });
        print(`已备份 / backed up ${store.location} → ${b.file} (${b.bytes} bytes)`);
      } catch (e) {
        failed(e);
      } finally {
        await store.close();
      }
    });
  program
    .command('restore')
    .argument('<FILE>', '由 zeren backup 生成的备份 / a backup made by `zeren backup`')
    .description(
      '停止服务后，用备份替换 SQLite 数据库（PostgreSQL 用 pg_restore）/ put a backup in place of the SQLite store, the server stopped (PostgreSQL: pg_restore)',
    )
    .action(async (file: string) => {
      const opts = storeOptionsFromEnv();
      if (!opts.sqlitePath) throw new CliExit(2, `${PG_BACKUP_HELP.zh}\n${PG_BACKUP_HELP.en}`);
      try {
        const r = restoreSqlite(opts.sqlitePath, file);
        print(`已恢复 / restored ${file} → ${opts.sqlitePath}`);
        if (r.kept) print(`原数据库已保留为 / the replaced store is kept as ${r.kept}`);
        print(
          '请运行 zeren audit verify --head <保存的头> 核对 / now run zeren audit verify --head <the kept head>',
        );
      } catch (e) {
        failed(e);
      }
    });
}
