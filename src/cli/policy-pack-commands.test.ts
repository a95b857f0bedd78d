// `zeren policy check DIR` and `zeren policy test DIR` on copies of the seed pack: a sound pack
// loads and its tests pass with complete coverage; a YAML error is named by file and line, an
// unknown clause by file and place; a wrong expectation fails its test; rules no test reaches
// (all but the province's tests removed) leave coverage incomplete and the command fails.

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { packDir } from '../policy/load.ts';
import { main } from './main.ts';

let out = '';
beforeEach(() => {
  out = '';
  process.exitCode = undefined;
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** A copy of the seed pack, changed by `edit(dir)`. */
function packCopy(edit: (dir: string) => void = () => {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'zeren-pack-')), 'pack');
  cpSync(packDir(), dir, { recursive: true });
  edit(dir);
  return dir;
}
const change = (dir: string, file: string, from: string | RegExp, to: string) => {
  const p = join(dir, file);
  const text = readFileSync(p, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${file} changed`).not.toBe(text);
  writeFileSync(p, next);
};

describe('zeren policy check', () => {
  it('loads a sound pack and says what it holds', async () => {
    expect(await main(['policy', 'check', packCopy()])).toBe(0);
    expect(out).toMatch(/：可以加载，.* \/ .* loads: /);
    expect(out).toMatch(/规则 \d+ 条/);
  });

  it('names the file and line of a YAML error', async () => {
    const dir = packCopy((d) => change(d, 'rules.yaml', /\n {2}- id: /, '\n  - id: [unclosed\n  - id: '));
    expect(await main(['policy', 'check', dir])).toBe(1);
    expect(out).toMatch(/rules\.yaml:\d+:\d+ {2}不是有效的 YAML \/ not valid YAML/);
  });

  it('names the place of a rule citing a clause the text lacks', async () => {
    const dir = packCopy((d) => change(d, 'rules.yaml', 'cites: "4.3.1.1"', 'cites: "9.9.9"'));
    expect(await main(['policy', 'check', dir])).toBe(1);
    expect(out).toMatch(/rules\.yaml\.rules\[\d+\]\.cites {2}.*9\.9\.9/);
  });

  it('names the test, file and place of a reading, value or consequence type the pack lacks', async () => {
    const dir = packCopy((d) => {
      change(d, 'tests/city.yaml', 'covers: ["4.2.3", "4.2.4", "I8"]', 'covers: ["4.2.3", "4.2.4", "I99"]');
      change(d, 'tests/city.yaml', '      - 4.2.1 t2 award_veto\n', '      - 4.2.1 t2 award_vetoes\n');
      change(
        d,
        'tests/interactions.yaml',
        'interpretations: { I5: strict }',
        'interpretations: { I5: loose }',
      );
    });
    expect(await main(['policy', 'check', dir])).toBe(1);
    expect(out).toMatch(/tests\/city\.yaml\[2\]\.covers\[2\] {2}“.*”：策略包没有解释 I99/);
    expect(out).toMatch(/tests\/city\.yaml\[0\]\.expect\[0\] {2}.*没有后果类型 award_vetoes/);
    expect(out).toMatch(/tests\/interactions\.yaml\[\d+\]\.interpretations\.I5 {2}.*解释 I5 没有取值“loose”/);
  });

  it('names the file and place of a word the vocabulary lacks, and of one it lacks that the engine needs', async () => {
    const unknown = packCopy((d) =>
      change(d, 'rules.yaml', 'give: [admonishment_talk]', 'give: [public_apology]'),
    );
    expect(await main(['policy', 'check', unknown])).toBe(1);
    expect(out).toMatch(/rules\.yaml\.rules\[\d+\]\.then\[0\]\.give\[0\] {2}未知的后果/);
    const lacking = packCopy((d) => change(d, 'vocabulary.yaml', /\n {6}fp_office_head: 计生办主任/, ''));
    expect(await main(['policy', 'check', lacking])).toBe(1);
    expect(out).toMatch(/vocabulary\.yaml\.unit_kinds\.town\.roles {2}缺少引擎所需的职务 fp_office_head/);
    expect(out).toMatch(/duties\.yaml\.duties\[\d+\]\.holder\.roles\[\d+\] {2}没有职务 fp_office_head/);
  });
});

describe('zeren policy test', () => {
  it('passes the seed pack with complete coverage', async () => {
    expect(await main(['policy', 'test', packCopy()])).toBe(0);
    expect(out).toMatch(/测试 (\d+) 个，通过 \1 个/);
    expect(out).toMatch(/覆盖：规则 (\d+)\/\1，块 (\d+)\/\2，/);
  });

  it('fails a test whose expectation is wrong, naming the line', async () => {
    const dir = packCopy((d) =>
      change(d, 'tests/notices.yaml', '4.3.2.2 t1-sec admonishment_talk', '4.3.2.2 t1-lic admonishment_talk'),
    );
    expect(await main(['policy', 'test', dir])).toBe(1);
    expect(out).toContain('缺少后果 / missing consequence: 4.3.2.2 t1-lic admonishment_talk');
    expect(out).toContain('多出后果 / unexpected consequence: 4.3.2.2 t1-sec admonishment_talk');
  });

  it('fails when a rule is reached by no test', async () => {
    // Only the province's tests kept: the rules of warning notices are reached by none.
    const dir = packCopy((d) => {
      for (const f of readdirSync(join(d, 'tests')))
        if (f !== '_base.yaml' && f !== 'province.yaml') rmSync(join(d, 'tests', f));
    });
    expect(await main(['policy', 'test', dir])).toBe(1);
    expect(out).toMatch(/未覆盖的规则：.*notices-in-a-row-talk-town.* \/ rules not covered: /);
    expect(out).toMatch(/未覆盖的块：.*notices-in-a-row-talk-town#0.* \/ blocks not covered: /);
  });
});
