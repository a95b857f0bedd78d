// isIsoDate reads dates character by character (validation checks thousands per case); it must say
// exactly what the regular expression and the calendar say.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from './dates.ts';

function reference(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days;
}

describe('isIsoDate', () => {
  it('agrees with the regular expression and the calendar', () => {
    const dateLike = fc
      .tuple(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      );
    const mangled = fc
      .tuple(dateLike, fc.nat(9), fc.string({ maxLength: 1 }))
      .map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1));
    fc.assert(
      fc.property(fc.oneof(dateLike, mangled, fc.string({ maxLength: 12 }), fc.anything()), (v) => {
        expect(isIsoDate(v)).toBe(reference(v));
      }),
      { numRuns: 5000 },
    );
    for (const v of ['0000-01-01', '2009-02-29', '2008-02-29', '٢٠٠٩-٠١-٠١', '2009-01-01\n', ' 2009-01-01'])
      expect(isIsoDate(v)).toBe(reference(v));
  });
});
