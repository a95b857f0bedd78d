// Errors at the boundaries are values: a path into the input and a message in Chinese and English.

import { zhPunct } from './zh-punct.ts';

export interface Problem {
  /** e.g. `posts[3].unit` */
  path: string;
  /** A stable machine-readable code, e.g. `unknown_ref`. */
  code: string;
  zh: string;
  en: string;
}

/** A problem; the Chinese gets full-width punctuation, whatever values it quotes (取值“x”无效). */
export function problem(path: string, code: string, zh: string, en: string): Problem {
  return { path, code, zh: zhPunct(zh), en };
}

/** One line per problem: `posts[3].unit: 没有单位“t9” / no unit "t9"`. */
export function formatProblem(p: Problem): string {
  return `${p.path || '（根）'}: ${p.zh} / ${p.en}`;
}

/** A value, or every problem that kept it from being one: the one shape of "it worked or here is why not". */
export type Result<T> = Ok<T> | Failed;
export interface Ok<T> {
  ok: true;
  value: T;
}
export interface Failed {
  ok: false;
  problems: Problem[];
}

export class InvalidInput extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InvalidInput';
  }
}
