// The command line's help and commander's own errors in both languages: section titles
// (用法 / Usage:), the help option and command, and each parsing error as 错误：… / error: ….
// The commands' own descriptions are written 中文 / English where they are declared; help.test.ts
// checks every command, argument and option for both.

import type { Command } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': '用法 / Usage:',
  'Arguments:': '参数 / Arguments:',
  'Options:': '选项 / Options:',
  'Commands:': '命令 / Commands:',
  'Global Options:': '全局选项 / Global Options:',
};

/** commander's parsing errors (its English, `error: …`), each with its Chinese. */
const ERRORS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^error: missing required argument '(.+)'/, (m) => `缺少必填参数 ${m[1]}`],
  [/^error: option '(.+)' argument missing/, (m) => `选项 ${m[1]} 缺少取值`],
  [/^error: required option '(.+)' not specified/, (m) => `必须给出选项 ${m[1]}`],
  [/^error: unknown option '([^']+)'/, (m) => `未知选项 ${m[1]}`],
  [/^error: unknown command '([^']+)'/, (m) => `未知命令 ${m[1]}`],
  [/^error: too many arguments/, () => '参数过多'],
  [/^error: option '(.+)' argument '(.*)' is invalid/, (m) => `选项 ${m[1]} 的取值“${m[2]}”无效`],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.+)'/,
    (m) => `参数 ${m[2]} 的取值“${m[1]}”无效`,
  ],
  [/^error: (.+) cannot be used with (.+)/, () => '两个选项不能同时使用'],
];

/** A commander error with its Chinese first: `错误：缺少必填参数 CASE / error: missing required argument 'CASE'`. */
export function bilingualError(text: string): string {
  const line = text.trimEnd();
  for (const [re, zh] of ERRORS) {
    const m = re.exec(line);
    if (m) return `错误：${zh(m)} / ${line}\n`;
  }
  return text;
}

/** Bilingual titles, help option, help command and errors, for the program and every command made after. */
export function bilingualHelp(program: Command): Command {
  return program
    .configureHelp({ styleTitle: (title) => TITLES[title] ?? title })
    .configureOutput({ outputError: (text, write) => write(bilingualError(text)) })
    .helpOption('-h, --help', '显示帮助 / display help for command')
    .helpCommand('help [command]', '显示某个命令的帮助 / display help for command');
}
