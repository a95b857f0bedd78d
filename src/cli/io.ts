// Reading a case for the command line: a YAML or JSON file, or `-` for standard input. Syntax
// errors come back as problems with the line and column, like every other bad input.

import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { formatProblem, type Problem, type Result } from '../domain/problems.ts';

export function readInput(path: string): string {
  return readFileSync(path === '-' ? 0 : path, 'utf8');
}

/** Parses YAML (JSON is YAML too); a document with errors yields problems, not a value. */
export function parseCaseText(text: string, source = 'CASE'): Result<unknown> {
  // A JSON document is read by the JSON parser, many times faster on a big case; on a syntax
  // error the YAML parser below says where, with its line and column.
  if (/^\s*[{[]/.test(text))
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      // fall through
    }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0)
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        const where = pos ? `${source}:${pos.line}:${pos.col}` : source;
        return {
          path: where,
          code: 'syntax',
          zh: `YAML/JSON 语法错误：${e.message.split('\n')[0]}`,
          en: `YAML/JSON syntax error: ${e.message.split('\n')[0]}`,
        };
      }),
    };
  try {
    // An alias expands to a copy of what it names; a "billion laughs" document of a few lines
    // would expand to gigabytes. The yaml library stops after MAX_ALIASES expansions.
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    return {
      ok: false,
      problems: [
        {
          path: source,
          code: 'alias_bomb',
          zh: `YAML 别名（*）展开过多（超过 ${MAX_ALIASES} 次），拒绝读取：这样的文件会耗尽内存`,
          en: `too many YAML alias (*) expansions (over ${MAX_ALIASES}); refused: such a file would exhaust memory`,
        },
      ],
    };
  }
}

/** Expansions of YAML aliases allowed in one document (a real case uses none). */
export const MAX_ALIASES = 100;

export function readCase(path: string): Result<unknown> {
  let text: string;
  try {
    text = readInput(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const [zh, en] =
      code === 'ENOENT'
        ? ['文件不存在', 'no such file']
        : code === 'EACCES'
          ? ['没有读取权限', 'permission denied']
          : code === 'EISDIR'
            ? ['这是一个文件夹', 'it is a folder']
            : [`系统错误${code ?? ''}`, (e as Error).message];
    return {
      ok: false,
      problems: [{ path, code: 'read', zh: `无法读取：${zh}`, en: `cannot read: ${en}` }],
    };
  }
  return parseCaseText(text, path === '-' ? '(stdin)' : path);
}

/** `--set I2=sampled-villages-only` (repeatable; also `I2=a,I3=b`). */
export function parseSets(sets: string[] | undefined): Result<Record<string, string>> {
  const out: Record<string, string> = {};
  const problems: Problem[] = [];
  for (const s of (sets ?? []).flatMap((x) => x.split(','))) {
    const m = /^\s*(I\d+)\s*=\s*([\w-]+)\s*$/.exec(s);
    if (!m)
      problems.push({ path: `--set ${s}`, code: 'syntax', zh: '应写成 I2=取值', en: 'write it as I2=value' });
    else out[m[1]!] = m[2]!;
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: out };
}

export class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Prints the problems on stderr and exits with status 2. */
export function failWith(problems: Problem[]): never {
  throw new CliExit(2, problems.map(formatProblem).join('\n'));
}
