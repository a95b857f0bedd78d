// The fines ledger's arithmetic, pure: what each kind of entry does to an obligation, and what
// may happen next. A fine is assessed by a decision (each amount with the day it falls due),
// collected by its unit (receipt in hand), remitted to the county finance bureau, or — once due
// and not collected — deducted by the finance bureau from the unit's allocation (八), after which
// the unit recovers it from the person. A correction that lowers a fine below what was settled
// leaves an overpayment: the unit refunds what it still holds, the finance bureau what was
// remitted to it or deducted. A reward is assessed and paid by the finance bureau. Entries are
// never edited: a mistake is reversed by an entry of kind `reverse`. Amounts are integer fen.
// Pure: no database, no clock, no I/O — entries in, states and refusals out (ledger-due.ts
// likewise for when a fine falls due); the store's ledger-*.ts modules do the reading and writing.

import { dueOnOf, overdueOn, tranchesOf } from './ledger-due.ts';

export const MOVES = ['collect', 'remit', 'refund', 'deduct', 'recover', 'finance_refund', 'pay'] as const;
export type Move = (typeof MOVES)[number];
export type EntryKind = 'assess' | Move | 'reverse';

export interface LedgerEntry {
  id: string;
  kind: EntryKind | string;
  amount_fen: number;
  reverses: string | null;
  /** The day the money moved, or the decision was taken. */
  on_date: string;
  /** `assess`: the day its amount falls due. */
  due_on: string | null;
  decision_id: string | null;
}

export interface LedgerState {
  assessed: number;
  collected: number;
  refunded: number;
  remitted: number;
  deducted: number;
  recovered: number;
  finance_refunded: number;
  paid: number;
}

export const EMPTY: LedgerState = {
  assessed: 0,
  collected: 0,
  refunded: 0,
  remitted: 0,
  deducted: 0,
  recovered: 0,
  finance_refunded: 0,
  paid: 0,
};

const FIELD: Record<Exclude<EntryKind, 'reverse'>, keyof LedgerState> = {
  assess: 'assessed',
  collect: 'collected',
  refund: 'refunded',
  remit: 'remitted',
  deduct: 'deducted',
  recover: 'recovered',
  finance_refund: 'finance_refunded',
  pay: 'paid',
};

/** The state after every entry, reversals undoing what they name. */
export function stateOf(entries: readonly LedgerEntry[]): LedgerState {
  const s = { ...EMPTY };
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const e of entries) {
    if (e.kind === 'reverse') {
      const target = byId.get(e.reverses ?? '');
      if (target && target.kind !== 'reverse')
        s[FIELD[target.kind as Exclude<EntryKind, 'reverse'>]] -= target.amount_fen;
    } else s[FIELD[e.kind as Exclude<EntryKind, 'reverse'>]] += e.amount_fen;
  }
  return s;
}

/**
 * The entries in force on a day. A move reversed as entered by mistake never happened (both
 * drop out, whenever the reversal was made); a correction's reversal of an assessment counts
 * from its own day.
 */
export function asOf<E extends LedgerEntry>(entries: readonly E[], on: string): E[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const day = (e: LedgerEntry): string => {
    const target = e.kind === 'reverse' ? byId.get(e.reverses ?? '') : undefined;
    return target && target.kind !== 'assess' ? target.on_date : e.on_date;
  };
  return entries.filter((e) => day(e) <= on);
}

/** Money settled on a fine: what the person paid (net of refunds) and what was deducted. */
export const settledOf = (s: LedgerState) => s.collected - s.refunded - s.finance_refunded + s.deducted;

/** An obligation's sums and what follows from them, every amount in fen. */
export interface Balance {
  assessed_fen: number;
  collected_fen: number;
  refunded_fen: number;
  remitted_fen: number;
  deducted_fen: number;
  recovered_fen: number;
  finance_refunded_fen: number;
  paid_fen: number;
  /** Still owed by the person (fines) or still to pay (rewards). */
  outstanding_fen: number;
  /** Of what is outstanding, what fell due before the day of the balance. */
  overdue_fen: number;
  /** Settled beyond what is now due (after a correction): to refund. */
  overpaid_fen: number;
  /** Collected and neither refunded nor remitted: cash the collecting unit holds. */
  held_fen: number;
  /** Remitted or deducted and not refunded: what the finance bureau holds for this fine. */
  finance_held_fen: number;
  /** Deducted from the unit's allocation and not yet recovered from the person. */
  recoverable_fen: number;
}

export function balanceOf(s: LedgerState, kind: 'fine' | 'reward', overdue = 0): Balance {
  const sums = {
    assessed_fen: s.assessed,
    collected_fen: s.collected,
    refunded_fen: s.refunded,
    remitted_fen: s.remitted,
    deducted_fen: s.deducted,
    recovered_fen: s.recovered,
    finance_refunded_fen: s.finance_refunded,
    paid_fen: s.paid,
  };
  if (kind === 'reward')
    return {
      ...sums,
      outstanding_fen: Math.max(0, s.assessed - s.paid),
      overdue_fen: 0,
      overpaid_fen: Math.max(0, s.paid - s.assessed),
      held_fen: 0,
      finance_held_fen: 0,
      recoverable_fen: 0,
    };
  const settled = settledOf(s);
  return {
    ...sums,
    outstanding_fen: Math.max(0, s.assessed - settled),
    overdue_fen: overdue,
    overpaid_fen: Math.max(0, settled - s.assessed),
    held_fen: s.collected - s.refunded - s.remitted,
    finance_held_fen: s.remitted + s.deducted - s.finance_refunded,
    // The person never pays more than the fine: what he paid himself counts first.
    recoverable_fen: Math.max(0, Math.min(s.deducted, s.assessed - (s.collected - s.refunded)) - s.recovered),
  };
}

/** Every quantity of a state is a sum that can never be below zero, nor cash anyone holds. */
export function consistent(s: LedgerState): boolean {
  return (
    Object.values(s).every((v) => Number.isInteger(v) && v >= 0) &&
    s.collected - s.refunded - s.remitted >= 0 &&
    s.remitted + s.deducted - s.finance_refunded >= 0 &&
    s.recovered <= s.deducted
  );
}

export interface Refusal {
  /** The field refused: `amount_fen`, or `on` for a deduction not yet due. */
  path: 'amount_fen' | 'on';
  code: 'balance' | 'not_due' | 'amount';
  zh: string;
  en: string;
}

const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`;

/** Whether a move of `fen` may be made on `on`; a refusal says why, in both languages. */
export function checkMove(
  kind: 'fine' | 'reward',
  entries: readonly LedgerEntry[],
  move: Move,
  fen: number,
  on: string,
): Refusal | undefined {
  const s = stateOf(entries);
  const tranches = tranchesOf(entries);
  const b = balanceOf(s, kind, overdueOn(tranches, s, on));
  const over = (limit: number, zh: string, en: string): Refusal | undefined =>
    fen > limit
      ? {
          path: 'amount_fen',
          code: 'balance',
          zh: `${zh}，至多 ${yuan(limit)}`,
          en: `${en}; at most ${(limit / 100).toFixed(2)} yuan (${limit} fen)`,
        }
      : undefined;
  if (!Number.isInteger(fen) || fen <= 0)
    return {
      path: 'amount_fen',
      code: 'amount',
      zh: '金额应为正整数（分）',
      en: 'the amount is a positive whole number of fen',
    };
  if (move === 'pay') {
    if (kind !== 'reward')
      return {
        path: 'amount_fen',
        code: 'balance',
        zh: '罚款不能支付，只能收缴',
        en: 'a fine is collected, not paid',
      };
    return over(b.outstanding_fen, '超过应付奖金', 'more than the reward still to pay');
  }
  if (kind !== 'fine')
    return {
      path: 'amount_fen',
      code: 'balance',
      zh: '奖金只能由财政局支付',
      en: 'a reward is only paid, by the finance bureau',
    };
  switch (move) {
    case 'collect':
      return over(b.outstanding_fen, '超过尚欠罚款', 'more than the fine still owed');
    case 'deduct': {
      // Owed, but nothing of it past due on that day (a correction's increase has its own date).
      if (b.outstanding_fen > 0 && b.overdue_fen === 0) {
        const first = dueOnOf(tranches, s);
        return {
          path: 'on',
          code: 'not_due',
          zh: `缴纳期限 ${first} 未过，不能从拨款中扣除`,
          en: `the fine is not overdue until after ${first}; no deduction yet`,
        };
      }
      return over(b.overdue_fen, '超过已逾期未缴的罚款', 'more than the fine overdue and unpaid');
    }
    case 'recover':
      return over(
        b.recoverable_fen,
        '超过从拨款中扣除后尚未向本人追回的金额',
        'more than was deducted and not yet recovered',
      );
    case 'remit':
      return over(
        b.held_fen,
        '超过单位已收未缴的金额',
        'more than the unit holds uncollected-for-remittance',
      );
    case 'refund':
      return over(
        Math.min(b.overpaid_fen, b.held_fen),
        '超过应退且单位持有的金额（已上缴或已扣除的由财政局退还）',
        'more than both the overpayment and what the unit holds (the finance bureau refunds what it holds)',
      );
    case 'finance_refund':
      return over(
        Math.min(b.overpaid_fen, b.finance_held_fen),
        '超过应退且财政局持有的金额',
        'more than both the overpayment and what the finance bureau holds',
      );
  }
}

/** Whether reversing an entry leaves a consistent state. */
export function checkReversal(
  entries: readonly LedgerEntry[],
  target: LedgerEntry,
): Omit<Refusal, 'path'> | undefined {
  if (target.kind === 'reverse' || target.kind === 'assess')
    return {
      code: 'balance',
      zh: '核定金额只能由更正决定改变，冲正分录不能再冲正',
      en: 'an assessment changes only by a correcting decision; a reversal is not reversed',
    };
  if (entries.some((e) => e.kind === 'reverse' && e.reverses === target.id))
    return { code: 'balance', zh: '该分录已冲正', en: 'the entry is already reversed' };
  const after = stateOf([...entries, { ...target, id: '_', kind: 'reverse', reverses: target.id }]);
  if (!consistent(after))
    return {
      code: 'balance',
      zh: '冲正后余额为负（须先冲正其后的上缴、退还或追回）',
      en: 'the reversal would leave a negative balance (reverse the later remittance, refund or recovery first)',
    };
  return undefined;
}
