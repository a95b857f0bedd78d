// Dates for generated cases, as day offsets from the first day of the FP year: the generator
// draws numbers and turns them into `YYYY-MM-DD` through a table, not through Date on every draw.

import { addDays, fpYear, type IsoDate } from '../domain/dates.ts';

/** Days before the FP year that a table covers: a post may have started up to ~15 years earlier. */
const BEFORE = 16 * 366;
/** Days after the FP year's first day that a table covers: decisions come within the next year. */
const AFTER = 2 * 366;

export class Days {
  readonly start: IsoDate;
  /** Offset of the FP year's last day (364, or 365 in a year with 29 February). */
  readonly last: number;
  private readonly table: IsoDate[];

  constructor(year: number) {
    const fy = fpYear(year);
    this.start = fy.start;
    const first = addDays(fy.start, -BEFORE);
    this.table = [];
    let d = new Date(`${first}T00:00:00Z`);
    for (let i = 0; i <= BEFORE + AFTER; i++) {
      this.table.push(d.toISOString().slice(0, 10));
      d = new Date(d.getTime() + 86_400_000);
    }
    this.last = this.table.indexOf(fy.end) - BEFORE;
  }

  /** The date `offset` days after the FP year's first day (negative: before it). */
  at(offset: number): IsoDate {
    const d = this.table[offset + BEFORE];
    if (d === undefined) throw new RangeError(`day offset ${offset} is outside the table`);
    return d;
  }
}

const cache = new Map<number, Days>();

export function daysOf(year: number): Days {
  let d = cache.get(year);
  if (!d) {
    d = new Days(year);
    cache.set(year, d);
  }
  return d;
}
