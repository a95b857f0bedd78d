import { describe, expect, it } from 'vitest';
import { yearFrom, yearOptions } from './year.ts';

describe('the selected FP year', () => {
  it('takes ?year= when it is a year, else the default', () => {
    expect(yearFrom('2009', [2009, 2010], '2026-01-01')).toBe(2009);
    expect(yearFrom(null, [2009, 2010], '2026-01-01')).toBe(2010);
    expect(yearFrom('abc', [2009, 2010], '2009-11-01')).toBe(2010);
    expect(yearFrom('12', [2009], '2009-05-01')).toBe(2009);
  });
  it('offers the years with data and the selected one, newest first', () => {
    expect(yearOptions([2009, 2010], 2011)).toEqual([2011, 2010, 2009]);
    expect(yearOptions([2010, 2009], 2010)).toEqual([2010, 2009]);
  });
});
