// The store's commands, run as a user runs them (a real process, a SQLite file chosen by ZEREN_DB).

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'zeren-cli-store-'));
const env = { ...process.env, ZEREN_DB: join(dir, 'z.db'), DATABASE_URL: '' };
const zeren = (args: string[], input = '') =>
  spawnSync('npx', ['tsx', 'src/cli/bin.ts', ...args], { input, env, encoding: 'utf8' });

describe('zeren store commands', () => {
  it('adds a county and an account (password from standard input), imports a case, evaluates, verifies', () => {
    expect(zeren(['county', 'qingshui', '--name', '清水县']).status).toBe(0);
    const bad = zeren(['users', 'add', 'office1', '--role', 'office', '--county', 'qingshui'], 'short\n');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('password: 密码至少 10 个字符 / a password has at least 10 characters');
    const ok = zeren(
      ['users', 'add', 'office1', '--role', 'office', '--county', 'qingshui', '--name', '王志刚'],
      'a long enough password\n',
    );
    expect(ok.stdout).toContain('已添加 / added: office1 王志刚（县人口考核办 office，qingshui）');
    expect(zeren(['users', 'list']).stdout).toMatch(/office1\s+王志刚\s+县人口考核办（office）\s+qingshui/);
    const imported = zeren(['case', 'import', 'examples/qingshui-2009.yaml', '--county', 'qingshui']);
    expect(imported.stdout).toContain('已导入qingshui 2009年度：');
    const again = zeren(['case', 'import', 'examples/qingshui-2009.yaml', '--county', 'qingshui']);
    expect(again.stdout).toContain('共0处变动 / imported');
    const exported = JSON.parse(zeren(['case', 'export', '--county', 'qingshui', '--year', '2009']).stdout);
    expect(exported.units).toHaveLength(9);
    const evaluated = zeren(['case', 'evaluate', '--county', 'qingshui', '--year', '2009']);
    const id = /receipt ([0-9a-f-]{36})/.exec(evaluated.stdout)?.[1];
    expect(evaluated.stdout).toContain('73项后果，9项暂缓兑现');
    const verified = zeren(['receipt', 'verify', id!]);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/结果可复现 \/ reproduces:\s+是 yes/);
  });

  it('verifies the audit trail, and names the first entry an intruder altered', () => {
    const good = zeren(['audit', 'verify']);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('审计日志完好：');
    const head = zeren(['audit', 'head']).stdout.trim();
    expect(head).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect(zeren(['audit', 'verify', '--head', head]).status).toBe(0);
    const db = new SQLite(env.ZEREN_DB);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.exec(`UPDATE audit_log SET actor = 'someone else' WHERE seq = 2`);
    db.close();
    const bad = zeren(['audit', 'verify']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('entry 2 was altered');
  });
});
