// Every command of the command line says what it does, and what each of its arguments and options
// is, in Chinese and in English; its help, asked for as a user asks, reads in both; commander's
// own parsing errors come in both too.

import type { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bilingualError } from './help.ts';
import { buildProgram, main } from './main.ts';

const HAN = /\p{Script=Han}/u;
/** Chinese, then `/ ` (after a space or a full-width mark), then English with no Chinese. */
const bilingual = (t: string) => {
  const m = /^(.*?\p{Script=Han}.*?)(?: |(?<=[）。」”]))\/ (.*)$/su.exec(t);
  return !!m && /[A-Za-z]{2,}/.test(m[2]!) && !HAN.test(m[2]!);
};

/** Every command under the program, with the words to ask for it (`users add`). */
function commands(cmd: Command, path: string[] = []): [string[], Command][] {
  return cmd.commands.flatMap((c) => [
    [[...path, c.name()], c] as [string[], Command],
    ...commands(c, [...path, c.name()]),
  ]);
}

const program = await buildProgram();
const all = commands(program);

describe('the command line in both languages', () => {
  it('has every command group', () => {
    const names = all.map(([p]) => p.join(' '));
    for (const n of [
      'evaluate',
      'compare',
      'policy',
      'users add',
      'case import',
      'batch',
      'backup',
      'generate',
    ])
      expect(names).toContain(n);
  });

  it('tells a bilingual text from one in one language', () => {
    expect(bilingual('新建县 / add a county')).toBe(true);
    expect(bilingual('add a county (新建县)')).toBe(false);
    expect(bilingual('新建县')).toBe(false);
    expect(bilingual('是 / 否')).toBe(false);
  });

  it('describes every command, argument and option in Chinese and in English', () => {
    const bad: string[] = [];
    for (const cmd of [program, ...all.map(([, c]) => c)]) {
      const name = cmd.name();
      if (!bilingual(cmd.description())) bad.push(`${name}: ${cmd.description()}`);
      for (const a of cmd.registeredArguments)
        if (!bilingual(a.description)) bad.push(`${name} ${a.name()}: ${a.description}`);
      for (const o of cmd.options)
        if (!bilingual(o.description)) bad.push(`${name} ${o.flags}: ${o.description}`);
    }
    expect(bad).toEqual([]);
  });

  describe('prints help', () => {
    let out = '';
    afterEach(() => vi.restoreAllMocks());

    it.each(['', ...all.map(([p]) => p.join(' '))])('zeren %s --help', async (words) => {
      const path = words ? words.split(' ') : [];
      out = '';
      vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
        out += String(s);
        return true;
      });
      expect(await main([...path, '--help'])).toBe(0);
      expect(out).toContain('用法 / Usage:');
      expect(out).toContain('选项 / Options:');
      expect(out).toContain('显示帮助 / display help');
      expect(out).not.toMatch(/^(Usage|Options|Arguments|Commands):/m);
    });
  });

  it('writes commander’s errors in Chinese, then in English', async () => {
    expect(bilingualError("error: missing required argument 'CASE'\n")).toBe(
      "错误：缺少必填参数 CASE / error: missing required argument 'CASE'\n",
    );
    expect(bilingualError("error: unknown command 'evalute'\n(Did you mean evaluate?)\n")).toMatch(
      /^错误：未知命令 evalute \/ error: unknown command 'evalute'/,
    );
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      err += String(s);
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await main(['evaluate'])).toBe(2);
    expect(err).toContain("错误：缺少必填参数 CASE / error: missing required argument 'CASE'");
    vi.restoreAllMocks();
  });
});
