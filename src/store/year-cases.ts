// A county year's case, kept in memory once made — by an import, from what it wrote, or read back
// for an evaluation — and used again while the store has not changed since. Its version is the
// head of the audit trail (the number and hash of the last entry): every write that matters
// appends to the trail in its own transaction, so a case made at a head is the year's case for as
// long as the head is that one. The hash tells apart a head reached again after a restore. Each
// process keeps the few most recent years; several server processes each keep their own, and the
// head says whether one is still good.
//
// With ZEREN_CHECK_YEAR_CASES=1 (the tests set it: vitest.config.ts) every case an import keeps is
// compared with the year read back, and every kept case is frozen, so that a test which imports
// fails if the two ever differ or if anything changes a kept case.

import type { ZerenCase } from '../domain/case.ts';
import type { Sealed } from './kept-text.ts';

/** The audit trail's head: where the store stood when a case was made. */
export interface Head {
  seq: number;
  hash: string;
}

export interface YearCase {
  head: Head;
  kase: ZerenCase;
  /** Its canonical JSON sealed to keep (kept-text.ts), when made already. */
  sealed?: Sealed;
}

export class YearCases {
  private readonly kept = new Map<string, YearCase>();
  constructor(private readonly size = 8) {}

  /** The case of a county year made at `head`, if kept. */
  get(county: string, year: number, head: Head): YearCase | undefined {
    const key = `${county}\u0000${year}`;
    const found = this.kept.get(key);
    if (!found) return undefined;
    this.kept.delete(key);
    if (found.head.seq !== head.seq || found.head.hash !== head.hash) return undefined;
    this.kept.set(key, found);
    return found;
  }

  put(county: string, year: number, c: YearCase): void {
    if (checkingYearCases()) deepFreeze(c.kase);
    const key = `${county}\u0000${year}`;
    this.kept.delete(key);
    this.kept.set(key, c);
    for (const old of this.kept.keys()) {
      if (this.kept.size <= this.size) break;
      this.kept.delete(old);
    }
  }
}

/** Whether kept cases are checked (ZEREN_CHECK_YEAR_CASES=1, under test). */
export function checkingYearCases(): boolean {
  return process.env.ZEREN_CHECK_YEAR_CASES === '1';
}

function deepFreeze(v: unknown): void {
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const x of Object.values(v)) deepFreeze(x);
}
