// The command line, run in-process (and once as a real process through npm, as a user runs it).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/qingshui-2009.yaml', import.meta.url));
let out = '';
let err = '';

beforeEach(() => {
  out = '';
  err = '';
  process.exitCode = undefined;
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const run = (...argv: string[]) => {
  out = '';
  err = '';
  return main(argv);
};
const dir = mkdtempSync(join(tmpdir(), 'zeren-cli-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('zeren evaluate', () => {
  it('prints a Chinese report grouped by town, village, county unit and person, with totals', async () => {
    expect(await run('evaluate', EXAMPLE)).toBe(0);
    for (const heading of ['【镇（场）】', '【村（社区、工区）】', '【县直单位】', '【个人】', '【合计】'])
      expect(out).toContain(heading);
    expect(out).toContain('奖励28项，62,100.00元 / 28 rewards, 62,100.00 yuan');
    expect(out).toContain('罚款14项，19,600.00元 / 14 fines, 19,600.00 yuan');
    // Headings and totals in both languages; the lines themselves are the office's Chinese.
    expect(out).toContain('【镇（场）】 / towns');
    expect(out).toContain('解释：全部取默认值 / readings: all defaults');
    expect(out).toContain('吴书记（西山镇党委书记）');
  });

  it('prints exactly one zeren-result/1 document with --json', async () => {
    expect(await run('evaluate', EXAMPLE, '--json')).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.format).toBe('zeren-result/1');
    expect(doc.consequences).toHaveLength(73);
    expect(err).toBe('');
  });

  it('applies --set readings, and refuses unknown ones with status 2', async () => {
    expect(await run('evaluate', EXAMPLE, '--json', '--set', 'I4=no-effect')).toBe(0);
    expect(JSON.parse(out).withheld).toEqual([]);
    expect(await run('evaluate', EXAMPLE, '--set', 'I4=sometimes')).toBe(2);
    expect(err).toContain('--set I4: 解释 I4 没有取值“sometimes”');
  });

  it('exits 2 with every problem and its path when the case is invalid, printing no result', async () => {
    const bad = readFileSync(EXAMPLE, 'utf8').replace(
      'unit: t-dongfeng, role: mayor',
      'unit: t-nowhere, role: mayor',
    );
    expect(await run('evaluate', file('bad.yaml', bad), '--json')).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/posts\[2\]\.unit: 没有单位“t-nowhere” \/ no unit "t-nowhere"/);
  });

  it('names a missing file and a YAML syntax error', async () => {
    expect(await run('evaluate', '/nonexistent.yaml')).toBe(2);
    expect(err).toContain('/nonexistent.yaml: 无法读取');
    const broken = file('broken.yaml', 'format: [unclosed\n');
    expect(await run('validate', broken)).toBe(2);
    expect(err).toMatch(/broken\.yaml:\d+:\d+: YAML\/JSON 语法错误/);
  });
});

describe('zeren validate, explain, compare, policy', () => {
  it('validate says valid and exits 0', async () => {
    expect(await run('validate', EXAMPLE)).toBe(0);
    expect(out).toContain('有效：');
    expect(out).toContain(' / valid: ');
  });

  it('explain shows every consequence of one subject, why, and the clause text', async () => {
    expect(await run('explain', EXAMPLE, '--subject', 'p-xu')).toBe(0);
    expect(out).toContain('许局长（县公安局一把手）');
    expect(out).toContain('四（三）2（2）（按四（三）1（3）处理）  罚款1,200.00元');
    expect(out).toContain('规则 notices-in-a-row-talk-county-unit');
    expect(out).toContain('条款原文');
    expect(await run('explain', EXAMPLE, '--subject', 'nobody')).toBe(2);
  });

  it('compare lists what a reading adds and removes', async () => {
    expect(await run('compare', EXAMPLE, '--set', 'I2=sampled-villages-only', '--json')).toBe(0);
    const diff = JSON.parse(out);
    // Only those stationed at sampled 红星村 keep the 3.1.1 reward: 周干部 loses it (张书记 keeps his larger one).
    expect(
      diff.removed.map((c: { subject: { id: string }; clause: string }) => `${c.subject.id} ${c.clause}`),
    ).toEqual(['p-zhou 3.1.1']);
    expect(diff.added).toEqual([]);
    // The text writes amounts the way evaluate does (one money formatter): 62,100.00元 → 61,300.00元.
    expect(await run('compare', EXAMPLE, '--set', 'I2=sampled-villages-only')).toBe(0);
    expect(out).toContain(
      '奖励合计62,100.00元 → 61,300.00元；罚款合计19,600.00元 → 19,600.00元 / rewards 62,100.00 yuan → 61,300.00 yuan; fines 19,600.00 yuan → 19,600.00 yuan',
    );
    expect(out).toContain('取消：1项 / removed: 1');
    expect(out).toContain('周干部（东风镇干部、驻桥头村）  三（一）1  奖励800.00元');
  });

  it('writes an unreadable file as a message in Chinese, then in English', async () => {
    expect(await run('validate', 'no-such-file.yaml')).toBe(2);
    expect(err).toContain('no-such-file.yaml: 无法读取：文件不存在 / cannot read: no such file');
  });

  it('says what each command does in Chinese and in English', async () => {
    for (const cmd of ['evaluate', 'validate', 'explain', 'compare']) {
      expect(await run(cmd, '--help')).toBe(0);
      expect(out, cmd).toMatch(/[\u4e00-\u9fff].* \/ [a-z]/);
    }
  });

  it('policy lists clauses, rules, parameters and interpretations', async () => {
    expect(await run('policy')).toBe(0);
    for (const s of [
      '【条款】',
      '【规则】',
      '【参数】',
      '【解释】',
      '四（三）1（6）',
      'reward_3_1_1_town',
      'I13',
    ])
      expect(out).toContain(s);
    expect(await run('policy', 'interpretations', '--json')).toBe(0);
    expect(Object.keys(JSON.parse(out).interpretations)).toHaveLength(13);
  });

  it('policy clause shows one clause: text, citing rules, parameters in force, readings, covering tests', async () => {
    expect(await run('policy', 'clause', '3.1.1', '--on', '2009-06-01')).toBe(0);
    for (const s of [
      '三（一）1（3.1.1）',
      '给予抽中的镇（场）奖励10000元',
      '【规则 Rules】',
      'reward-province-pass-sampled-town',
      '【参数 Parameters】2009年6月1日施行的取值',
      'reward_3_1_1_town　省评达标，抽中的镇（场）：10,000.00元（自2008年10月1日起）',
      '* replace：以三（一）2 代替三（一）1（默认 / default）',
      'rewards-towns.yaml　3.1.1 只奖抽中的镇；',
    ])
      expect(out).toContain(s);
    // No ASCII comma, colon or parenthesis touching Chinese in what it prints.
    expect(out).not.toMatch(/[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]/);
    out = '';
    expect(await run('policy', 'clause', '三（一）1', '--on', '2008-09-01', '--json')).toBe(0);
    const c = JSON.parse(out);
    expect(c.id).toBe('3.1.1');
    expect(c.parameters[0]).toMatchObject({ value: null, value_zh: null });
    expect(c.tests.every((t: { covers: string[] }) => t.covers.includes('3.1.1'))).toBe(true);
    expect(await run('policy', 'clause', '9.9.9')).toBe(2);
    expect(err).toContain('没有条款“9.9.9”');
    expect(await run('policy', 'clause')).toBe(2);
    expect(await run('policy', 'clause', '3.1.1', '--on', '2009-6-1')).toBe(2);
    expect(err).toContain('--on');
  });
});

describe('as a user runs it', () => {
  it('npm run -s zeren -- evaluate - reads standard input', () => {
    const stdout = execFileSync('npm', ['run', '-s', 'zeren', '--', 'evaluate', '-', '--json'], {
      input: readFileSync(EXAMPLE),
      encoding: 'utf8',
    });
    expect(JSON.parse(stdout).consequences).toHaveLength(73);
  });

  it('exits with status 2 on an invalid case', () => {
    const r = spawnSync('npm', ['run', '-s', 'zeren', '--', 'validate', '-'], {
      input: 'format: zeren-case/1\n',
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('units: 缺少必填字段 / is required');
  });

  it('refuses a YAML alias bomb on standard input with status 2 and a clear error, no stack trace', () => {
    // "Billion laughs": nine levels of nine aliases each would expand to 9^9 strings.
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    let prev = 'a';
    for (const c of 'bcdefghi') {
      lines.push(`${c}: &${c} [${Array(9).fill(`*${prev}`).join(',')}]`);
      prev = c;
    }
    const r = spawnSync('npm', ['run', '-s', 'zeren', '--', 'validate', '-'], {
      input: `${lines.join('\n')}\n`,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('(stdin): YAML 别名（*）展开过多');
    expect(r.stderr).toContain('too many YAML alias (*) expansions');
    expect(r.stderr).not.toMatch(/ReferenceError|\n\s+at /);
  });
});
