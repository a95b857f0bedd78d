// The restore drill: a store with a decided year and money moved is backed up while it is open
// (`zeren backup`), written to afterwards, refused while another process has it open (writing or
// idle), then restored (`zeren restore`, the server stopped):
// the audit trail verifies against the head kept at backup time, the receipt reproduces, the
// balances are those of the backup. A file that is not a Zeren store is refused.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeCtx } from '../compose.ts';
import { auditHead, SYSTEM } from '../store/audit.ts';
import { createCounty } from '../store/cases.ts';
import { openStore } from '../store/db.ts';
import { confirmDecision } from '../store/decisions.ts';
import { evaluateYear } from '../store/evaluations.ts';
import { move } from '../store/ledger-moves.ts';
import { balances, listObligations } from '../store/ledger-views.ts';
import { migrate } from '../store/migrate.ts';
import { systemScope } from '../store/scope.ts';
import { importCase } from '../store/year-import.ts';

const root = new URL('../../', import.meta.url).pathname;
const example = () => parse(readFileSync(join(root, 'examples/qingshui-2009.yaml'), 'utf8'));

describe('backup and restore (SQLite)', () => {
  it('passes the restore drill', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zeren-backup-'));
    const path = join(dir, 'z.db');
    const env = { ...process.env, ZEREN_DB: path, DATABASE_URL: '' };
    const zeren = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args], {
        cwd: root,
        env,
        encoding: 'utf8',
      });

    let store = openStore({ sqlitePath: path });
    await migrate(store.db);
    const ctx = makeCtx(store.db, () => new Date('2010-01-05T08:00:00Z'));
    const office = systemScope('qingshui', { name: 'office1', role: 'office' });
    await createCounty(ctx, SYSTEM, { id: 'qingshui', name: '清水县' });
    await importCase(ctx, office, 'qingshui', 2009, example());
    const { receipt } = await evaluateYear(ctx, office, 'qingshui', 2009);
    await confirmDecision(ctx, office, 'qingshui', 2009, {
      evaluation_id: receipt.id,
      fines_due_on: '2010-03-31',
    });
    const fine = (await listObligations(ctx, office, 'qingshui', 2009)).find((o) => o.kind === 'fine')!;
    await move(
      ctx,
      office,
      fine.id,
      'collect',
      { amount_fen: 10_000, receipt_no: 'R-1', on: '2010-01-05' },
      'drill-collect-0001',
    );
    const before = await balances(ctx, office, 'qingshui', 2009);
    const head = await auditHead(store.db);

    // Backed up while the store is open (as under a running server).
    const backup = join(dir, 'backup.db');
    const b = zeren(['backup', backup]);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toContain('已备份');
    expect(zeren(['backup', backup]).stderr).toContain('已存在');

    // Written to afterwards: a second collection the backup does not hold.
    await move(
      ctx,
      office,
      fine.id,
      'collect',
      { amount_fen: 5_000, receipt_no: 'R-2', on: '2010-01-05' },
      'drill-collect-0002',
    );
    expect(await balances(ctx, office, 'qingshui', 2009)).not.toEqual(before);

    // Not while the store is open for writing elsewhere... (held here by a write transaction)
    const held = new Promise<void>((release) => {
      void store.db.transaction().execute(async (trx) => {
        await trx.updateTable('counties').set({ name: '清水县' }).where('id', '=', 'qingshui').execute();
        const refused = zeren(['restore', backup]);
        expect(refused.status).toBe(2);
        expect(refused.stderr).toContain('请先停止服务');
        release();
      });
    });
    await held;
    // ...nor while it is merely open, as under an idle server.
    await store.db.selectFrom('counties').select('id').execute();
    const idle = zeren(['restore', backup]);
    expect(idle.status).toBe(2);
    expect(idle.stderr).toContain('请先停止服务');
    await store.close();

    // ...and with the server stopped: restored, the replaced file kept beside it.
    writeFileSync(join(dir, 'junk.db'), 'not a database');
    expect(zeren(['restore', join(dir, 'junk.db')]).status).toBe(2);
    const r = zeren(['restore', backup]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).some((f) => f.startsWith('z.db.before-restore-'))).toBe(true);

    const verified = zeren(['audit', 'verify', '--head', `${head.seq}:${head.hash}`]);
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`head ${head.seq}:${head.hash}`);
    const rec = zeren(['receipt', 'verify', receipt.id]);
    expect(rec.status).toBe(0);
    expect(rec.stdout).toMatch(/结果可复现 \/ reproduces:\s+是 yes/);
    store = openStore({ sqlitePath: path });
    expect(await balances({ ...ctx, db: store.db }, office, 'qingshui', 2009)).toEqual(before);
    await store.close();
  });
});
