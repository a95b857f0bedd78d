import { describe, expect, it } from 'vitest';
import { makeCtx } from '../../compose.ts';
import { daysBetween, today } from './days.ts';

describe('days', () => {
  it('counts today in the county (UTC+8), whatever the server clock says', () => {
    const at = (iso: string) => today(makeCtx(undefined as never, () => new Date(iso)));
    expect(at('2009-06-30T15:59:59Z')).toBe('2009-06-30');
    expect(at('2009-06-30T16:00:00Z')).toBe('2009-07-01');
  });

  it('counts whole days between dates, across months and leap days', () => {
    expect(daysBetween('2009-04-28', '2009-05-02')).toBe(4);
    expect(daysBetween('2009-04-28', '2009-04-20')).toBe(-8);
    expect(daysBetween('2008-02-28', '2008-03-01')).toBe(2);
  });
});
