import { describe, expect, it } from 'vitest';
import { deadlineLight } from './deadlines.ts';

describe('deadline light (四(三)2 限期改正)', () => {
  it('is green while more than three days remain', () => {
    expect(deadlineLight('2010-03-31', '2010-03-27')).toBe('green');
    expect(deadlineLight('2010-03-31', '2009-12-01')).toBe('green');
  });
  it('turns yellow three days before the deadline and stays yellow on the day itself', () => {
    expect(deadlineLight('2010-03-31', '2010-03-28')).toBe('yellow');
    expect(deadlineLight('2010-03-31', '2010-03-31')).toBe('yellow');
  });
  it('is red from the day after the deadline, across months and years', () => {
    expect(deadlineLight('2010-03-31', '2010-04-01')).toBe('red');
    expect(deadlineLight('2009-12-31', '2010-01-01')).toBe('red');
  });
});
