// The balances tab, pure: the figures each row shows (fen), the sum of the rows, and whether the
// rows of a level add up to the county's figures — the check the screen shows in words.

import type { Balances } from './api.ts';

type Sums = Balances['county'];
type B = Sums['fines'];

export interface Figures {
  fines_assessed_fen: number;
  fines_settled_fen: number;
  fines_remitted_fen: number;
  fines_deducted_fen: number;
  fines_outstanding_fen: number;
  fines_overdue_fen: number;
  rewards_assessed_fen: number;
  rewards_paid_fen: number;
  rewards_outstanding_fen: number;
}

export const FIGURE_TITLES: Record<keyof Figures, string> = {
  fines_assessed_fen: '应缴罚款',
  fines_settled_fen: '已缴（含扣除）',
  fines_remitted_fen: '已上缴',
  fines_deducted_fen: '从拨款中扣除',
  fines_outstanding_fen: '未缴罚款',
  fines_overdue_fen: '其中逾期',
  rewards_assessed_fen: '应付奖金',
  rewards_paid_fen: '已支付奖金',
  rewards_outstanding_fen: '未付奖金',
};

const settled = (b: B) => b.collected_fen - b.refunded_fen - b.finance_refunded_fen + b.deducted_fen;

export function figuresOf(s: Sums): Figures {
  return {
    fines_assessed_fen: s.fines.assessed_fen,
    fines_settled_fen: settled(s.fines),
    fines_remitted_fen: s.fines.remitted_fen,
    fines_deducted_fen: s.fines.deducted_fen,
    fines_outstanding_fen: s.fines.outstanding_fen,
    fines_overdue_fen: s.fines.overdue_fen,
    rewards_assessed_fen: s.rewards.assessed_fen,
    rewards_paid_fen: s.rewards.paid_fen,
    rewards_outstanding_fen: s.rewards.outstanding_fen,
  };
}

export function sumFigures(rows: readonly Figures[]): Figures {
  const out = Object.fromEntries(Object.keys(FIGURE_TITLES).map((k) => [k, 0])) as unknown as Figures;
  for (const r of rows) for (const k of Object.keys(out) as (keyof Figures)[]) out[k] += r[k];
  return out;
}

/** The figures where the rows do not add up to the whole (none: they add up). */
export function mismatches(rows: readonly Figures[], whole: Figures): (keyof Figures)[] {
  const sum = sumFigures(rows);
  return (Object.keys(whole) as (keyof Figures)[]).filter((k) => sum[k] !== whole[k]);
}

/**
 * What the screen says of a level: it adds up, or which figures do not. People are summed for
 * fines only (a unit's reward is no person's).
 */
export function checkText(
  level: string,
  rows: readonly Figures[],
  whole: Figures,
  finesOnly = false,
): string {
  const off = mismatches(rows, whole).filter((k) => !finesOnly || k.startsWith('fines_'));
  return off.length === 0
    ? `各${level}合计与全县合计相符。`
    : `各${level}合计与全县合计不符：${off.map((k) => FIGURE_TITLES[k]).join('、')}。`;
}
