// What the data layer refuses, as values the API turns into HTTP answers: not found (or outside
// the caller's jurisdiction, which reads the same), a conflict, or invalid input with every
// problem named.

import type { Problem } from '../domain/problems.ts';
import { zhPunct } from '../domain/zh-punct.ts';

/** `too_large`: an input within the request limit that would expand past what may be processed (413). */
export type StoreErrorKind = 'not_found' | 'conflict' | 'invalid' | 'forbidden' | 'too_large';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    readonly zh: string,
    readonly en: string,
    readonly problems: Problem[] = [],
  ) {
    super(en);
    this.name = 'StoreError';
    this.zh = zhPunct(zh);
  }
}

/** The English of what a not-found error names; the Chinese is the key. */
export const NOUNS_EN = {
  县: 'county',
  单位: 'unit',
  人员: 'person',
  职务: 'post',
  挂钩关系: 'link',
  类别: 'category',
  考核结果: 'assessment',
  考核验收: 'acceptance',
  警示通知书: 'warning notice',
  事件: 'incident',
  评定: 'evaluation',
  上一次评定: 'previous evaluation',
  决定: 'decision',
  本年度的决定: 'decision of the year',
  处理建议: 'personnel recommendation',
  应收应付款项: 'obligation',
  分录: 'ledger entry',
  用户: 'user',
  令牌: 'token',
} as const;
export type Noun = keyof typeof NOUNS_EN;

/** 没有人员“p9” / no person "p9". */
export const notFound = (what: Noun, id: string) =>
  new StoreError('not_found', `没有${what}“${id}”`, `no ${NOUNS_EN[what]} "${id}"`);

export const invalid = (problems: Problem[]) =>
  new StoreError(
    'invalid',
    `输入有 ${problems.length} 处问题`,
    `the input has ${problems.length} problem(s)`,
    problems,
  );

export const conflict = (zh: string, en: string, problems: Problem[] = []) =>
  new StoreError('conflict', zh, en, problems);
