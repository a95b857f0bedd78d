import { describe, expect, it } from 'vitest';
import { bellLabel, whenText } from './bell.ts';

describe('the bell', () => {
  it('says how many are unread', () => {
    expect(bellLabel(3)).toBe('通知（3 条未读）');
    expect(bellLabel(0)).toBe('通知（没有未读）');
  });
  it('writes when in China time, today and yesterday in words', () => {
    const now = new Date('2010-03-28T02:00:00Z'); // 10:00 in China
    expect(whenText('2010-03-28T01:30:00Z', now)).toBe('今天 09:30');
    expect(whenText('2010-03-27T00:00:00Z', now)).toBe('昨天 08:00');
    expect(whenText('2010-03-27T15:59:00Z', now)).toBe('昨天 23:59');
    expect(whenText('2010-03-01T00:00:00Z', now)).toBe('2010-03-01 08:00');
  });
});
