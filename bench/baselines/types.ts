// What every engine in the benchmark provides: a one-time setup (compiling its rules, outside the
// timings), then a function from a case to a zeren-result/1 document.

import type { ZerenCase } from '../../src/domain/case.ts';
import { fpYear } from '../../src/domain/dates.ts';
import type { ZerenResult } from '../../src/domain/result.ts';
import { parametersInForce } from '../../src/engine/pack.ts';
import { loadEngine } from '../../src/policy/load.ts';
import type { Params } from './assemble.ts';

export type Decide = (c: ZerenCase) => ZerenResult | Promise<ZerenResult>;

export interface Baseline {
  id: string;
  label: string;
  /** Whether it explains its consequences (Zeren and the hand-written function do). */
  explains: boolean;
  setup(): Promise<Decide>;
}

const params = new Map<number, Params>();

/** The pack's amounts (fen) and titles in force for an FP year: the same numbers for every engine. */
export function paramsFor(year: number): Params {
  let p = params.get(year);
  if (!p) {
    p = parametersInForce(loadEngine().pack, fpYear(year).start).values;
    params.set(year, p);
  }
  return p;
}
