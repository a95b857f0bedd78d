// The office's reports as rows, pure: from a decision's result and the ledger to the 奖惩兑现表
// (every reward, fine, veto and personnel action with its clause and how far it is settled), a
// ledger statement (every entry of every obligation with a running balance), and the overdue
// list by collecting unit (what the finance bureau may deduct from each allocation, 八). Amounts
// are integer fen, named `*_fen`, in JSON too; the Excel workbooks show yuan (元) and say so.

import { capitalYuan } from '../../domain/money.ts';
import type { Consequence, Withheld, ZerenResult } from '../../domain/result.ts';
import {
  CONSEQUENCE_TYPES,
  roleZh,
  unitKindZh,
  type Vocabulary,
  withheldReasonZh,
  wordZh,
} from '../../domain/vocabulary.ts';
import { clauseLabel } from '../../engine/clauses.ts';
import type { Balance } from '../../store/ledger-core.ts';
import type { ObligationView } from '../../store/ledger-views.ts';
import type { ActionView } from '../../store/personnel.ts';

export interface Names {
  units: Map<string, { name: string; kind: string; town: string | null }>;
  people: Map<string, string>;
  /** The words of the county's pack, with their labels. */
  words: Vocabulary;
}

export const GROUPS = ['town', 'village', 'county_unit', 'person'] as const;
export type ReportGroup = (typeof GROUPS)[number];
/** A group's heading: its kind of unit as the pack names it (镇（场）), or 个人. */
export function groupZh(g: ReportGroup, words: Vocabulary): string {
  return g === 'person' ? '个人' : unitKindZh(words, g);
}

export interface Line {
  group: ReportGroup;
  subject: { kind: string; id: string; name: string };
  /** A person's: the unit of the post or link the consequence is for. */
  unit: { id: string; name: string } | null;
  role_zh: string | null;
  type: string;
  type_zh: string;
  clause: string;
  clause_label: string;
  applies: string | null;
  applies_label: string | null;
  amount_fen: number | null;
  settled_fen: number | null;
  outstanding_fen: number | null;
  state: string;
  state_zh: string;
  detail: string;
  obligation_id: string | null;
  action_id: string | null;
}

export interface MoneyTotals {
  count: number;
  amount_fen: number;
  settled_fen: number;
  outstanding_fen: number;
}
export interface ReportTotals {
  rewards: MoneyTotals;
  fines: MoneyTotals;
  vetoes: number;
  personnel_actions: number;
  honours: number;
}

const zeroMoney = (): MoneyTotals => ({ count: 0, amount_fen: 0, settled_fen: 0, outstanding_fen: 0 });
export const zeroTotals = (): ReportTotals => ({
  rewards: zeroMoney(),
  fines: zeroMoney(),
  vetoes: 0,
  personnel_actions: 0,
  honours: 0,
});

/** Clause ids in reading order: 4.3.1.10 after 4.3.1.9. */
export function byClause(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

/** How far a fine or reward is settled, from its balance in the ledger. */
export function settlement(
  kind: 'fine' | 'reward',
  b: Balance,
): { state: string; zh: string; settled: number } {
  if (kind === 'reward') {
    if (b.outstanding_fen === 0) return { state: 'paid', zh: '已支付', settled: b.paid_fen };
    return b.paid_fen > 0
      ? { state: 'partly_paid', zh: '部分支付', settled: b.paid_fen }
      : { state: 'unpaid', zh: '未支付', settled: 0 };
  }
  const settled = b.collected_fen - b.refunded_fen - b.finance_refunded_fen + b.deducted_fen;
  if (b.overpaid_fen > 0) return { state: 'overpaid', zh: '多缴待退', settled };
  if (b.outstanding_fen === 0)
    return b.collected_fen - b.refunded_fen === 0 && b.deducted_fen > 0
      ? { state: 'deducted', zh: '已从拨款中扣除', settled }
      : { state: 'collected', zh: '已收缴', settled };
  return settled > 0
    ? { state: 'partly_collected', zh: '部分收缴', settled }
    : { state: 'outstanding', zh: '未收缴', settled };
}

const key = (kind: string, id: string, type: string, clause: string) => `${kind}|${id}|${type}|${clause}`;

/** Which group of the 奖惩兑现表 a subject reads in. */
export function groupOf(subject: { kind: string; id: string }, names: Names): ReportGroup {
  if (subject.kind === 'person') return 'person';
  const kind = names.units.get(subject.id)?.kind;
  // The county itself is given nothing by this policy; were it, it would read with the county units.
  return kind === 'town' || kind === 'village' ? kind : 'county_unit';
}

/** One line of the 奖惩兑现表: a consequence with its names, its money's settlement or its action's status. */
function lineOf(
  c: Consequence,
  names: Names,
  o: ObligationView | undefined,
  actions: readonly ActionView[],
  personnel: ReadonlySet<string>,
): Line {
  const a = personnel.has(c.type)
    ? actions.find(
        (x) =>
          x.subject.id === c.subject.id &&
          x.subject.kind === c.subject.kind &&
          x.type === c.type &&
          x.clause === c.clause &&
          (x.from ?? null) === (c.from ?? null) &&
          (x.max_grade ?? null) === (c.max_grade ?? null),
      )
    : undefined;
  const unitId = c.subject.kind === 'person' ? (c.via?.unit ?? o?.collecting_unit ?? null) : null;
  const unit = unitId ? names.units.get(unitId) : undefined;
  const amount = c.amount_yuan === undefined ? null : Math.round(c.amount_yuan * 100);
  let state = { state: 'none', zh: '—', settled: null as number | null, outstanding: null as number | null };
  if (amount !== null) {
    const s = o ? settlement(o.kind, o.balance) : { state: 'unrecorded', zh: '未入账', settled: 0 };
    state = { ...s, outstanding: o ? o.balance.outstanding_fen : amount };
  } else if (a) state = { state: a.status, zh: a.status_zh, settled: null, outstanding: null };
  const role =
    c.via?.link === 'stationed'
      ? '驻村干部'
      : c.via?.role && unit
        ? roleZh(names.words, unit.kind, c.via.role)
        : null;
  const name =
    c.subject.kind === 'person' ? names.people.get(c.subject.id) : names.units.get(c.subject.id)?.name;
  return {
    group: groupOf(c.subject, names),
    subject: { ...c.subject, name: name ?? c.subject.id },
    unit: unitId ? { id: unitId, name: unit?.name ?? unitId } : null,
    role_zh: role,
    type: c.type,
    type_zh: wordZh(names.words, 'consequence_types', c.type),
    clause: c.clause,
    clause_label: clauseLabel(c.clause),
    applies: c.applies ?? null,
    applies_label: c.applies ? clauseLabel(c.applies) : null,
    amount_fen: amount,
    settled_fen: state.settled,
    outstanding_fen: state.outstanding,
    state: state.state,
    state_zh: state.zh,
    detail:
      c.title ?? (c.from && c.until ? `${c.from}至${c.until}` : c.max_grade ? `最高${c.max_grade}` : ''),
    obligation_id: o?.id ?? null,
    action_id: a?.id ?? null,
  };
}

/** A reward withheld (I4): what it would have been, and why it is not paid, in Chinese. */
export interface WithheldLine {
  group: ReportGroup;
  subject: { kind: string; id: string; name: string };
  type: string;
  type_zh: string;
  clause: string;
  clause_label: string;
  amount_fen: number | null;
  detail: string;
  reason: string;
  reason_zh: string;
}

function withheldLine(w: Withheld, names: Names): WithheldLine {
  const name =
    w.subject.kind === 'person' ? names.people.get(w.subject.id) : names.units.get(w.subject.id)?.name;
  return {
    group: groupOf(w.subject, names),
    subject: { ...w.subject, name: name ?? w.subject.id },
    type: w.type,
    type_zh: wordZh(names.words, 'consequence_types', w.type),
    clause: w.clause,
    clause_label: clauseLabel(w.clause),
    amount_fen: w.amount_yuan === undefined ? null : Math.round(w.amount_yuan * 100),
    detail: w.title ?? '',
    reason: w.reason,
    reason_zh: withheldReasonZh(w.reason),
  };
}

/**
 * 奖惩兑现表: every consequence of the decided result, grouped, with its settlement; `personnel`
 * is the pack's set of consequence types forwarded as personnel recommendations (engine.personnel).
 */
export function rewardsAndSanctions(
  result: ZerenResult,
  names: Names,
  obligations: readonly ObligationView[],
  actions: readonly ActionView[],
  personnel: ReadonlySet<string>,
) {
  const money = new Map(obligations.map((o) => [key(o.subject.kind, o.subject.id, o.kind, o.clause), o]));
  const lines = result.consequences.map((c) =>
    lineOf(c, names, money.get(key(c.subject.kind, c.subject.id, c.type, c.clause)), actions, personnel),
  );
  const typeOrder = (t: string) => (CONSEQUENCE_TYPES as readonly string[]).indexOf(t);
  lines.sort((x, y) =>
    x.subject.id < y.subject.id
      ? -1
      : x.subject.id > y.subject.id
        ? 1
        : byClause(x.clause, y.clause) || typeOrder(x.type) - typeOrder(y.type),
  );
  const total = zeroTotals();
  const groups = GROUPS.map((g) => {
    const mine = lines.filter((l) => l.group === g);
    const totals = zeroTotals();
    for (const l of mine) for (const t of [totals, total]) count(t, l, personnel);
    return { group: g, zh: groupZh(g, names.words), lines: mine, totals };
  });
  return {
    groups,
    totals: total,
    withheld: result.withheld.map((w) => withheldLine(w, names)),
    rewards_capital: capitalYuan(total.rewards.amount_fen),
    fines_capital: capitalYuan(total.fines.amount_fen),
  };
}

function count(t: ReportTotals, l: Line, personnel: ReadonlySet<string>): void {
  if (l.type === 'reward' || l.type === 'fine') {
    const m = l.type === 'reward' ? t.rewards : t.fines;
    m.count++;
    m.amount_fen += l.amount_fen ?? 0;
    m.settled_fen += l.settled_fen ?? 0;
    m.outstanding_fen += l.outstanding_fen ?? 0;
  } else if (l.type === 'award_veto') t.vetoes++;
  else if (personnel.has(l.type)) t.personnel_actions++;
  else t.honours++;
}
