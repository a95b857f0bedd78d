// Ledger reports as rows, pure: a statement of a unit's or a person's obligations, every entry
// with the running balance still owed (fines) or payable (rewards); and the fines past their
// deadline by the unit that must collect them, with what the county finance bureau may deduct
// from that unit's allocation (八: 执罚不力的单位,由县财政从该单位的拨款中直接扣除). Amounts are fen.

import { ENTRY_ZH, OBLIGATION_ZH } from '../../domain/labels.ts';
import { capitalYuan } from '../../domain/money.ts';
import { clauseLabel } from '../../engine/clauses.ts';
import type { Balance, EntryKind } from '../../store/ledger-core.ts';
import type { ObligationView } from '../../store/ledger-views.ts';
import type { Row } from '../../store/schema.ts';
import { daysBetween } from '../notices/days.ts';
import { byClause, type Names } from './reports.ts';

type LedgerEntry = Row<'ledger_entries'>;

/** What an entry does to the amount still owed or payable (a remittance moves cash, not debt). */
export function effect(e: Pick<LedgerEntry, 'kind' | 'amount_fen'>): number {
  switch (e.kind) {
    case 'assess':
    case 'refund':
    case 'finance_refund':
      return e.amount_fen;
    case 'collect':
    case 'deduct':
    case 'pay':
      return -e.amount_fen;
    default:
      return 0;
  }
}

export interface StatementLine {
  id: string;
  date: string;
  kind: string;
  kind_zh: string;
  amount_fen: number;
  receipt_no: string | null;
  note: string | null;
  /** Still owed (fine) or payable (reward) after this entry; below zero: settled beyond what is due. */
  balance_fen: number;
}

export interface StatementBlock {
  obligation: {
    id: string;
    kind: 'fine' | 'reward';
    kind_zh: string;
    subject: ObligationView['subject'];
    clause: string;
    clause_label: string;
    applies: string | null;
    collecting_unit: string | null;
    withholding_unit: string | null;
    due_on: string | null;
    /** The town pack (七) that gave it; null: the county's own pack. */
    source_pack: string | null;
    /** 来源: 县级办法, or the town pack's short name (东风镇办法). */
    source_zh: string;
  };
  lines: StatementLine[];
  balance_fen: number;
}

const SUMS = [
  'assessed_fen',
  'collected_fen',
  'refunded_fen',
  'remitted_fen',
  'deducted_fen',
  'recovered_fen',
  'finance_refunded_fen',
  'paid_fen',
  'outstanding_fen',
  'overdue_fen',
  'overpaid_fen',
  'held_fen',
  'finance_held_fen',
  'recoverable_fen',
] as const satisfies readonly (keyof Balance)[];
type Sums = Record<(typeof SUMS)[number], number>;
const zero = () => Object.fromEntries(SUMS.map((k) => [k, 0])) as Sums;

/** How an obligation cites its rules: its clause as its pack labels it, and its 来源. */
export type Cite = (o: Pick<ObligationView, 'clause' | 'source_pack'>) => {
  clause_label: string;
  source_zh: string;
};
const countyCite: Cite = (o) => ({ clause_label: clauseLabel(o.clause), source_zh: '县级办法' });

/**
 * One block per obligation, its entries in ledger order with a running balance; totals per kind.
 * The county's own come first, then a town pack's (七), each citing its clause as `cite` says.
 */
export function statementOf(
  obligations: readonly (ObligationView & { entries: LedgerEntry[] })[],
  dates: ReadonlyMap<string, string>,
  cite: Cite = countyCite,
) {
  const byId = new Map(obligations.flatMap((o) => o.entries.map((e) => [e.id, e] as const)));
  const blocks: StatementBlock[] = [...obligations]
    .sort((a, b) =>
      (a.source_pack ?? '') !== (b.source_pack ?? '')
        ? (a.source_pack ?? '') < (b.source_pack ?? '')
          ? -1
          : 1
        : a.kind !== b.kind
          ? a.kind === 'fine'
            ? -1
            : 1
          : a.subject.id < b.subject.id
            ? -1
            : a.subject.id > b.subject.id
              ? 1
              : byClause(a.clause, b.clause),
    )
    .map((o) => {
      let balance = 0;
      const lines = [...o.entries]
        .sort((a, b) => a.seq - b.seq)
        .map((e) => {
          const target = e.reverses ? byId.get(e.reverses) : undefined;
          balance += e.kind === 'reverse' ? -(target ? effect(target) : 0) : effect(e);
          return {
            id: e.id,
            date: dates.get(e.id) ?? e.created_at.slice(0, 10),
            kind: e.kind,
            kind_zh: target
              ? `${ENTRY_ZH.reverse}（${ENTRY_ZH[target.kind as EntryKind]}）`
              : ENTRY_ZH[e.kind as EntryKind],
            amount_fen: e.amount_fen,
            receipt_no: e.receipt_no,
            note: e.note,
            balance_fen: balance,
          };
        });
      return {
        obligation: {
          id: o.id,
          kind: o.kind,
          kind_zh: OBLIGATION_ZH[o.kind],
          subject: o.subject,
          clause: o.clause,
          applies: o.applies,
          collecting_unit: o.collecting_unit,
          withholding_unit: o.withholding_unit,
          due_on: o.due_on,
          source_pack: o.source_pack,
          ...cite(o),
        },
        lines,
        balance_fen: balance,
      };
    });
  const totals = { fines: zero(), rewards: zero() };
  for (const o of obligations) {
    const t = o.kind === 'fine' ? totals.fines : totals.rewards;
    for (const k of SUMS) t[k] += o.balance[k];
  }
  return {
    blocks,
    totals,
    fines_outstanding_capital: capitalYuan(totals.fines.outstanding_fen),
    rewards_outstanding_capital: capitalYuan(totals.rewards.outstanding_fen),
    held_capital: capitalYuan(totals.fines.held_fen),
  };
}

export interface OverdueLine {
  obligation_id: string;
  person: { id: string; name: string };
  clause: string;
  clause_label: string;
  applies: string | null;
  collecting_unit: string | null;
  assessed_fen: number;
  settled_fen: number;
  outstanding_fen: number;
  /** Of what is outstanding, what fell due before the day of the list: what may be deducted. */
  overdue_fen: number;
  due_on: string;
  days_overdue: number;
  /** 来源: 县级办法, or a town pack's (七) short name. */
  source_zh: string;
}

/** Overdue fines by the unit that must collect them (the new unit, where the person has moved). */
export function overdueByUnit(
  list: readonly ObligationView[],
  names: Names,
  on: string,
  cite: Cite = countyCite,
) {
  const units = new Map<string, OverdueLine[]>();
  for (const o of list) {
    const unit = o.withholding_unit ?? o.collecting_unit ?? '';
    const b = o.balance;
    units.set(unit, [
      ...(units.get(unit) ?? []),
      {
        obligation_id: o.id,
        person: { id: o.subject.id, name: o.subject.name },
        clause: o.clause,
        ...cite(o),
        applies: o.applies,
        collecting_unit: o.collecting_unit,
        assessed_fen: b.assessed_fen,
        settled_fen: b.collected_fen - b.refunded_fen - b.finance_refunded_fen + b.deducted_fen,
        outstanding_fen: b.outstanding_fen,
        overdue_fen: b.overdue_fen,
        due_on: o.due_on ?? '',
        days_overdue: o.due_on ? daysBetween(o.due_on, on) : 0,
      },
    ]);
  }
  const out = [...units.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, lines]) => {
      const deductible = lines.reduce((s, l) => s + l.overdue_fen, 0);
      return {
        unit: { id: id || null, name: names.units.get(id)?.name ?? (id || '（未定）') },
        lines: lines.sort((a, b) => (a.person.id < b.person.id ? -1 : 1)),
        /** 八: the finance bureau may deduct this from the unit's allocation. */
        deductible_fen: deductible,
        deductible_capital: capitalYuan(deductible),
      };
    });
  const total = out.reduce((s, u) => s + u.deductible_fen, 0);
  return { on, units: out, total_fen: total, total_capital: capitalYuan(total) };
}
