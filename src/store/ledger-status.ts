// An obligation's status in one word, from its balance (pure): what the fines screen and its
// filter show. A fine is 应缴 until something is paid, 部分缴纳 while part is, 逾期 once a part
// past its deadline is unpaid, 已缴 when paid in full and the unit still holds some of the cash,
// 已解缴 when all it collected is remitted to the finance bureau, 已扣缴 when the finance bureau
// deducted it from the unit's allocation (八); 多缴待退 after a correction lowered it below what was
// paid. A reward is 应付, 部分支付 or 已支付 (多付待退 after a correction). Amounts are fen.

import {
  FINE_STATUS_ZH,
  OBLIGATION_STATUSES,
  type ObligationStatus,
  REWARD_STATUS_ZH,
} from '../domain/labels.ts';
import { type Balance, settledOf } from './ledger-core.ts';

export { FINE_STATUS_ZH, OBLIGATION_STATUSES, type ObligationStatus, REWARD_STATUS_ZH };

/** The statuses a fine or a reward can have, for a filter. */
export const STATUSES_OF: Record<'fine' | 'reward', readonly ObligationStatus[]> = {
  fine: ['due', 'partly_paid', 'overdue', 'paid', 'remitted', 'deducted', 'overpaid', 'cancelled'],
  reward: ['due', 'partly_paid', 'paid', 'overpaid', 'cancelled'],
};

type Sums = Pick<
  Balance,
  | 'assessed_fen'
  | 'collected_fen'
  | 'refunded_fen'
  | 'finance_refunded_fen'
  | 'deducted_fen'
  | 'remitted_fen'
  | 'recovered_fen'
  | 'paid_fen'
  | 'outstanding_fen'
  | 'overdue_fen'
  | 'overpaid_fen'
  | 'held_fen'
>;

export function statusOf(kind: 'fine' | 'reward', b: Sums): { status: ObligationStatus; status_zh: string } {
  const zh = kind === 'fine' ? FINE_STATUS_ZH : REWARD_STATUS_ZH;
  const out = (status: ObligationStatus) => ({ status, status_zh: zh[status] });
  if (b.overpaid_fen > 0) return out('overpaid');
  if (kind === 'reward') {
    if (b.assessed_fen === 0 && b.paid_fen === 0) return out('cancelled');
    if (b.outstanding_fen === 0) return out('paid');
    return out(b.paid_fen > 0 ? 'partly_paid' : 'due');
  }
  const settled = settledOf({
    assessed: b.assessed_fen,
    collected: b.collected_fen,
    refunded: b.refunded_fen,
    remitted: b.remitted_fen,
    deducted: b.deducted_fen,
    recovered: b.recovered_fen,
    finance_refunded: b.finance_refunded_fen,
    paid: b.paid_fen,
  });
  if (b.outstanding_fen === 0) {
    if (b.assessed_fen === 0 && settled === 0) return out('cancelled');
    if (b.deducted_fen > 0) return out('deducted');
    return out(b.held_fen > 0 ? 'paid' : 'remitted');
  }
  if (b.overdue_fen > 0) return out('overdue');
  return out(settled > 0 ? 'partly_paid' : 'due');
}
