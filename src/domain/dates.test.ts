import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fpYear, fpYearOf, isIsoDate, oneYearUntil, overlaps } from './dates.ts';

describe('dates', () => {
  it('knows a real calendar date', () => {
    expect(['2009-02-28', '2008-02-29', '2000-02-29'].every(isIsoDate)).toBe(true);
    expect(
      ['2009-02-29', '1900-02-29', '2009-13-01', '2009-1-1', '20090101', 20090101, null].some(isIsoDate),
    ).toBe(false);
  });

  it('runs FP year N from (N−1)-10-01 to N-09-30', () => {
    expect(fpYear(2009)).toEqual({ year: 2009, start: '2008-10-01', end: '2009-09-30' });
    expect([fpYearOf('2008-09-30'), fpYearOf('2008-10-01'), fpYearOf('2009-09-30')]).toEqual([
      2008, 2009, 2009,
    ]);
  });

  it('ends a one-year freeze the day before its anniversary', () => {
    expect(oneYearUntil('2009-12-20')).toBe('2010-12-19');
    expect(oneYearUntil('2009-01-01')).toBe('2009-12-31');
    expect(oneYearUntil('2008-02-29')).toBe('2009-02-27');
    expect(oneYearUntil('2011-03-01')).toBe('2012-02-29');
  });

  it('counts a post for the year when its range overlaps it', () => {
    const y = fpYear(2009);
    expect(overlaps('2009-05-01', undefined, y)).toBe(true);
    expect(overlaps(undefined, '2008-10-01', y)).toBe(true);
    expect(overlaps(undefined, '2008-09-30', y)).toBe(false);
    expect(overlaps('2009-10-01', undefined, y)).toBe(false);
  });

  it('adds days across months and years', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        fc.integer({ min: -800, max: 800 }),
        (d, n) => {
          const iso = d.toISOString().slice(0, 10);
          const moved = addDays(iso, n);
          expect(isIsoDate(moved)).toBe(true);
          expect(addDays(moved, -n)).toBe(iso);
        },
      ),
    );
  });
});
