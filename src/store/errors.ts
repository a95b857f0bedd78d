// What the data layer refuses, as values the API turns into HTTP answers: not found (or outside
// the caller's jurisdiction, which reads the same), a conflict, or invalid input with every
// problem named.

import type { Problem } from '../domain/problems.ts';

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
  }
}

export const notFound = (what: string, id: string) =>
  new StoreError('not_found', `没有${what} "${id}"`, `no ${what} "${id}"`);

export const invalid = (problems: Problem[]) =>
  new StoreError(
    'invalid',
    `输入有 ${problems.length} 处问题`,
    `the input has ${problems.length} problem(s)`,
    problems,
  );

export const conflict = (zh: string, en: string, problems: Problem[] = []) =>
  new StoreError('conflict', zh, en, problems);
