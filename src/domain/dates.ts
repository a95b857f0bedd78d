// Dates are plain `YYYY-MM-DD` strings: they compare correctly as strings, carry no time zone and
// round-trip through YAML and JSON unchanged. The FP year (计生年度) is a domain type.

export type IsoDate = string;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The value of the ASCII digits of `s` from `from` to `to` (exclusive); -1 if any is not one. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * True for a real calendar date written `YYYY-MM-DD` (2009-02-29 is not one): exactly ten
 * characters, ASCII digits and two dashes, read one by one rather than by a regular expression
 * because validation checks every date of a case.
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
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

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The calendar day in the county (China Standard Time, UTC+8, no daylight saving) at an instant:
 * a payment entered at 07:00 in the county is that day's, not the day before as in UTC.
 */
export function chinaDay(at: Date): IsoDate {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
