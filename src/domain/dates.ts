// Dates are plain `YYYY-MM-DD` strings: they compare correctly as strings, carry no time zone and
// round-trip through YAML and JSON unchanged. The FP year (计生年度) is a domain type.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type IsoDate = string;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written `YYYY-MM-DD` (2009-02-29 is not one). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The last day of a one-year period starting on `from`: the day before its anniversary.
 * 2009-12-20 → 2010-12-19. A period from 29 February has its anniversary on 28 February
 * (the month has no 29th that year), so it runs until 27 February.
 */
export function oneYearUntil(from: IsoDate): IsoDate {
  const year = Number(from.slice(0, 4)) + 1;
  const month = Number(from.slice(5, 7));
  const day = Math.min(Number(from.slice(8, 10)), daysInMonth(year, month));
  return addDays(`${pad(year, 4)}-${pad(month)}-${pad(day)}`, -1);
}

/** FP year N runs from (N−1)-10-01 to N-09-30. */
export interface FpYear {
  readonly year: number;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export function fpYear(year: number): FpYear {
  return { year, start: `${pad(year - 1, 4)}-10-01`, end: `${pad(year, 4)}-09-30` };
}

/** The FP year a date falls in. */
export function fpYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '10-01' ? year + 1 : year;
}

export function within(date: IsoDate, year: FpYear): boolean {
  return date >= year.start && date <= year.end;
}

/** Whether the inclusive range [from, to] (either end open when absent) overlaps the FP year. */
export function overlaps(from: IsoDate | undefined, to: IsoDate | undefined, year: FpYear): boolean {
  return (from === undefined || from <= year.end) && (to === undefined || to >= year.start);
}

/** Whether the inclusive range [from, to] contains the given day. */
export function covers(from: IsoDate | undefined, to: IsoDate | undefined, day: IsoDate): boolean {
  return (from === undefined || from <= day) && (to === undefined || to >= day);
}
