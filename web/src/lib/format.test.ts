import { describe, expect, it } from 'vitest';
import {
  defaultFpYear,
  fpYearLabel,
  proseDate,
  tableDate,
  tableDateTime,
  todayInChina,
  yuan,
  yuanWithCapital,
} from './format.ts';

describe('dates', () => {
  it('writes prose dates without leading zeros, tables as YYYY-MM-DD', () => {
    expect(proseDate('2009-10-01')).toBe('2009年10月1日');
    expect(proseDate('2010-09-30')).toBe('2010年9月30日');
    expect(tableDate('2009-10-01')).toBe('2009-10-01');
    expect(proseDate(null)).toBe('');
  });
  it('puts a timestamp on the county’s calendar (UTC+8)', () => {
    expect(tableDate('2009-09-30T17:00:00.000Z')).toBe('2009-10-01');
    expect(tableDateTime('2009-09-30T17:05:00.000Z')).toBe('2009-10-01 01:05');
    expect(todayInChina(new Date('2009-09-30T16:00:00Z'))).toBe('2009-10-01');
  });
});

describe('the FP year (计生年度, 1 October – 30 September)', () => {
  it('labels a year with its dates', () => {
    expect(fpYearLabel(2010)).toBe('2010年度（2009年10月1日至2010年9月30日）');
  });
  it('defaults to the current FP year when it has data, else the latest year with data', () => {
    expect(defaultFpYear([2009, 2010], '2009-10-01')).toBe(2010);
    expect(defaultFpYear([2009, 2010], '2009-09-30')).toBe(2009);
    expect(defaultFpYear([2009, 2010], '2026-05-01')).toBe(2010);
    expect(defaultFpYear([], '2026-05-01')).toBe(2026);
  });
});

describe('money', () => {
  it('writes yuan with thousands separators and the unit', () => {
    expect(yuan(150050)).toBe('1,500.50元');
    expect(yuan(123456789)).toBe('1,234,567.89元');
    expect(yuan(0)).toBe('0.00元');
    expect(yuan(null)).toBe('');
  });
  it('adds 金额大写 to a final sum', () => {
    expect(yuanWithCapital(150050)).toBe('1,500.50元（大写：壹仟伍佰元伍角整）');
    expect(yuanWithCapital(100000)).toBe('1,000.00元（大写：壹仟元整）');
  });
});
