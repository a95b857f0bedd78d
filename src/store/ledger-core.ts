// The fines ledger's arithmetic, pure: what each kind of entry does to an obligation, and what
// may happen next. A fine is assessed, collected by its unit (receipt in hand), remitted to the
// county finance bureau, or — past the deadline and not collected — deducted by the finance
// bureau from the unit's allocation (八). A correction that lowers a fine below what was settled
// leaves an overpayment the unit refunds. A reward is assessed and paid by the finance bureau.
// Entries are never edited: a mistake is reversed by an entry of kind `reverse`.

import { PostgresAdapter, sql } from 'kysely';
import type { Db, Tx } from './schema.ts';

export const MOVES = ['collect', 'remit', 'deduct', 'refund', 'pay'] as const;
export type Move = (typeof MOVES)[number];
export type EntryKind = 'assess' | Move | 'reverse';

export interface Entry {
  id: string;
  kind: EntryKind;
  amount_fen: number;
  reverses: string | null;
}

export interface LedgerState {
  assessed: number;
  collected: number;
  refunded: number;
  remitted: number;
  deducted: number;
  paid: number;
}

export const EMPTY: LedgerState = {
  assessed: 0,
  collected: 0,
  refunded: 0,
  remitted: 0,
  deducted: 0,
  paid: 0,
};

const FIELD: Record<Exclude<EntryKind, 'reverse'>, keyof LedgerState> = {
  assess: 'assessed',
  collect: 'collected',
  refund: 'refunded',
  remit: 'remitted',
  deduct: 'deducted',
  pay: 'paid',
};

/** The state after every entry, reversals undoing what they name. */
export function stateOf(entries: readonly Entry[]): LedgerState {
  const s = { ...EMPTY };
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const e of entries) {
    if (e.kind === 'reverse') {
      const target = byId.get(e.reverses ?? '');
      if (target && target.kind !== 'reverse') s[FIELD[target.kind]] -= target.amount_fen;
    } else s[FIELD[e.kind]] += e.amount_fen;
  }
  return s;
}

export interface Balance extends LedgerState {
  /** Still owed by the person (fines) or still to pay (rewards). */
  outstanding: number;
  /** Settled beyond what is now due (after a correction): to refund. */
  overpaid: number;
  /** Collected and neither refunded nor remitted: cash the collecting unit holds. */
  held: number;
}

export function balanceOf(s: LedgerState, kind: 'fine' | 'reward'): Balance {
  if (kind === 'reward') {
    return {
      ...s,
      outstanding: Math.max(0, s.assessed - s.paid),
      overpaid: Math.max(0, s.paid - s.assessed),
      held: 0,
    };
  }
  const settled = s.collected - s.refunded + s.deducted;
  return {
    ...s,
    outstanding: Math.max(0, s.assessed - settled),
    overpaid: Math.max(0, settled - s.assessed),
    held: s.collected - s.refunded - s.remitted,
  };
}

/** Every quantity of a state is a sum that can never be below zero. */
export function consistent(s: LedgerState): boolean {
  return (
    Object.values(s).every((v) => Number.isInteger(v) && v >= 0) &&
    s.collected - s.refunded - s.remitted >= 0 &&
    s.collected - s.refunded >= 0
  );
}

export interface Refusal {
  zh: string;
  en: string;
}

const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

/** Whether a move of `fen` may be made now; a refusal says why, in both languages. */
export function checkMove(
  kind: 'fine' | 'reward',
  s: LedgerState,
  move: Move,
  fen: number,
): Refusal | undefined {
  const b = balanceOf(s, kind);
  const over = (limit: number, zh: string, en: string): Refusal | undefined =>
    fen > limit
      ? { zh: `${zh},至多 ${yuan(limit)}`, en: `${en}; at most ${(limit / 100).toFixed(2)} yuan` }
      : undefined;
  if (!Number.isInteger(fen) || fen <= 0) return { zh: '金额应为正数', en: 'the amount must be positive' };
  if (move === 'pay') {
    if (kind !== 'reward') return { zh: '罚款不能支付,只能收缴', en: 'a fine is collected, not paid' };
    return over(b.outstanding, '超过应付奖金', 'more than the reward still to pay');
  }
  if (kind !== 'fine')
    return { zh: '奖金只能由财政局支付', en: 'a reward is only paid, by the finance bureau' };
  switch (move) {
    case 'collect':
      return over(b.outstanding, '超过尚欠罚款', 'more than the fine still owed');
    case 'deduct':
      return over(b.outstanding, '超过尚未收缴的罚款', 'more than the fine still uncollected');
    case 'remit':
      return over(b.held, '超过单位已收未缴的金额', 'more than the unit holds uncollected-for-remittance');
    case 'refund':
      return over(
        Math.min(b.overpaid, b.held),
        '超过应退且单位持有的金额',
        'more than both the overpayment and what the unit holds',
      );
  }
}

/** Whether reversing an entry leaves a consistent state. */
export function checkReversal(entries: readonly Entry[], target: Entry): Refusal | undefined {
  if (target.kind === 'reverse' || target.kind === 'assess')
    return {
      zh: '核定金额只能由更正决定改变,冲正分录不能再冲正',
      en: 'an assessment changes only by a correcting decision; a reversal is not reversed',
    };
  if (entries.some((e) => e.kind === 'reverse' && e.reverses === target.id))
    return { zh: '该分录已冲正', en: 'the entry is already reversed' };
  const after = stateOf([
    ...entries,
    { id: '_', kind: 'reverse', amount_fen: target.amount_fen, reverses: target.id },
  ]);
  if (!consistent(after))
    return {
      zh: '冲正后余额为负(须先冲正其后的上缴或退还)',
      en: 'the reversal would leave a negative balance (reverse the later remittance or refund first)',
    };
  return undefined;
}

/** One writer at a time: PostgreSQL takes a transaction lock; SQLite has one writer anyway. */
export async function lockLedger(trx: Tx): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(7421002)`.execute(trx);
}

export async function nextSeq(db: Db | Tx, county: string): Promise<number> {
  const r = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('county_id', '=', county)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}
