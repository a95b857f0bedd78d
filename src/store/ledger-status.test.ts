import { describe, expect, it } from 'vitest';
import { balanceOf, EMPTY, type LedgerState } from './ledger-core.ts';
import { statusOf } from './ledger-status.ts';

const fine = (s: Partial<LedgerState>, overdue = 0) =>
  statusOf('fine', balanceOf({ ...EMPTY, assessed: 80000, ...s }, 'fine', overdue)).status_zh;
const reward = (s: Partial<LedgerState>) =>
  statusOf('reward', balanceOf({ ...EMPTY, assessed: 300000, ...s }, 'reward')).status_zh;

describe('an obligation’s status in one word', () => {
  it('follows a fine from 应缴 to 已解缴', () => {
    expect(fine({})).toBe('应缴');
    expect(fine({ collected: 30000 })).toBe('部分缴纳');
    expect(fine({ collected: 30000 }, 50000)).toBe('逾期');
    expect(fine({}, 80000)).toBe('逾期');
    expect(fine({ collected: 80000 })).toBe('已缴');
    expect(fine({ collected: 80000, remitted: 50000 })).toBe('已缴');
    expect(fine({ collected: 80000, remitted: 80000 })).toBe('已解缴');
  });

  it('says 已扣缴 once the finance bureau deducted it, recovered or not', () => {
    expect(fine({ deducted: 80000 })).toBe('已扣缴');
    expect(fine({ deducted: 80000, recovered: 80000 })).toBe('已扣缴');
    expect(fine({ collected: 20000, remitted: 20000, deducted: 60000 })).toBe('已扣缴');
  });

  it('says 多缴待退 after a correction lowered a fine already paid, and 已撤销 for a fine cut to nothing', () => {
    expect(fine({ assessed: 60000, collected: 80000 })).toBe('多缴待退');
    expect(fine({ assessed: 0 })).toBe('已撤销');
  });

  it('follows a reward from 应付 to 已支付', () => {
    expect(reward({})).toBe('应付');
    expect(reward({ paid: 100000 })).toBe('部分支付');
    expect(reward({ paid: 300000 })).toBe('已支付');
    expect(statusOf('reward', balanceOf({ ...EMPTY, assessed: 300000 }, 'reward')).status).toBe('due');
  });
});
