// The shape of a generated county as the year's events read it (events.ts): its towns with their
// villages, its county units, who may be named in an incident, and the year's random source and
// days. county.ts builds it; keeping the shape here keeps the two modules free of a cycle.

import type { CaseUnit } from '../domain/case.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { Days } from './days.ts';
import type { Random } from './prng.ts';

/** Someone who held a post, or a link, at some time in the FP year. */
export interface Holder {
  person: string;
  from?: IsoDate;
  to?: IsoDate;
}

export interface Town {
  unit: CaseUnit;
  villages: CaseUnit[];
}

export interface CountyShape {
  readonly r: Random;
  readonly days: Days;
  readonly id: string;
  readonly year: number;
  readonly towns: readonly Town[];
  readonly countyUnits: readonly CaseUnit[];
  /** People who hold a post in a town or county unit: who an incident may name. */
  readonly officials: readonly string[];
}
