import { describe, expect, it } from 'vitest';
import { withParams } from './params.ts';

describe('withParams', () => {
  it('sets the values given, drops the null or empty ones and keeps the rest', () => {
    const before = new URLSearchParams('year=2010&tab=list&notice=JS-1');
    const after = withParams(before, { tab: 'balances', notice: null, q: '', line: 'a b' });
    expect(after.toString()).toBe('year=2010&tab=balances&line=a+b');
    expect(before.toString()).toBe('year=2010&tab=list&notice=JS-1');
  });
});
