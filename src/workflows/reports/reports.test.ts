// The reports as pure functions: settlement states, the 奖惩兑现表's grouping and totals, a
// statement's running balance (reversals included), the overdue list by collecting unit, and
// fen turned into yuan at the edge.

import { describe, expect, it } from 'vitest';
import type { ZerenResult } from '../../domain/result.ts';
import { loadEngine } from '../../policy/load.ts';
import { balanceOf, EMPTY, type LedgerState, settledOf } from '../../store/ledger-core.ts';
import type { ObligationView } from '../../store/ledger-views.ts';
import type { ActionView } from '../../store/personnel.ts';
import type { Row } from '../../store/schema.ts';
import { byClause, type Names, rewardsAndSanctions, settlement } from './reports.ts';
import { effect, overdueByUnit, statementOf } from './reports-ledger.ts';

const names: Names = {
  units: new Map([
    ['t1', { name: '东风镇', kind: 'town', town: null }],
    ['v1', { name: '红星村', kind: 'village', town: 't1' }],
    ['u1', { name: '县公安局', kind: 'county_unit', town: null }],
  ]),
  people: new Map([
    ['p1', '张书记'],
    ['p2', '许局长'],
  ]),
  words: loadEngine().vocabulary,
};

const state = (s: Partial<LedgerState>): LedgerState => ({ ...EMPTY, ...s });

function obligation(
  id: string,
  kind: 'fine' | 'reward',
  subject: [string, string],
  clause: string,
  s: Partial<LedgerState>,
  extra: Partial<ObligationView> = {},
): ObligationView {
  return {
    id,
    fp_year: 2009,
    kind,
    subject: {
      kind: subject[0],
      id: subject[1],
      name: names.people.get(subject[1]) ?? names.units.get(subject[1])?.name ?? subject[1],
    },
    clause,
    applies: null,
    collecting_unit: kind === 'fine' ? 't1' : null,
    withholding_unit: null,
    due_on: kind === 'fine' ? '2010-03-31' : null,
    on: '2010-04-10',
    // As of 2010-04-10 all of a fine is past its deadline (2010-03-31).
    balance: balanceOf(
      state(s),
      kind,
      kind === 'fine' ? Math.max(0, (s.assessed ?? 0) - settledOf(state(s))) : 0,
    ),
    explanation: '……',
    source_pack: null,
    ...extra,
  };
}

describe('settlement', () => {
  it('says how far a reward is paid and a fine collected', () => {
    expect(settlement('reward', balanceOf(state({ assessed: 300000, paid: 300000 }), 'reward')).state).toBe(
      'paid',
    );
    expect(
      settlement('reward', balanceOf(state({ assessed: 300000, paid: 100000 }), 'reward')),
    ).toMatchObject({ state: 'partly_paid', settled: 100000 });
    expect(settlement('reward', balanceOf(state({ assessed: 300000 }), 'reward')).zh).toBe('未支付');
    expect(
      settlement('fine', balanceOf(state({ assessed: 150000, collected: 150000, remitted: 150000 }), 'fine'))
        .zh,
    ).toBe('已收缴');
    expect(settlement('fine', balanceOf(state({ assessed: 150000, deducted: 150000 }), 'fine')).state).toBe(
      'deducted',
    );
    expect(
      settlement('fine', balanceOf(state({ assessed: 150000, collected: 50000 }), 'fine')),
    ).toMatchObject({ state: 'partly_collected', settled: 50000 });
    expect(settlement('fine', balanceOf(state({ assessed: 100000, collected: 150000 }), 'fine')).state).toBe(
      'overpaid',
    );
    expect(settlement('fine', balanceOf(state({ assessed: 150000 }), 'fine')).state).toBe('outstanding');
  });

  it('orders clauses as they are read', () => {
    expect(['4.3.1.10', '3.1.1', '4.3.1.9', '1', '1.1'].sort(byClause)).toEqual([
      '1',
      '1.1',
      '3.1.1',
      '4.3.1.9',
      '4.3.1.10',
    ]);
  });
});

describe('奖惩兑现表', () => {
  const c = (
    subject: [string, string],
    type: string,
    clause: string,
    extra: Record<string, unknown> = {},
  ) => ({
    subject: { kind: subject[0], id: subject[1] },
    type,
    clause,
    rule: 'r',
    depends_on: [],
    explanation: '……',
    ...extra,
  });
  const result = {
    format: 'zeren-result/1',
    policy: 'county-fp-2009',
    fp_year: 2009,
    interpretations: {},
    withheld: [],
    consequences: [
      c(['unit', 't1'], 'reward', '3.1.1', { amount_yuan: 10000 }),
      c(['unit', 'v1'], 'award_veto', '4.3.1.5'),
      c(['unit', 'u1'], 'plaque', '3.3.1'),
      c(['person', 'p1'], 'reward', '3.1.1', {
        amount_yuan: 2000,
        via: { unit: 't1', role: 'party_secretary' },
      }),
      c(['person', 'p2'], 'fine', '4.3.2.2', {
        amount_yuan: 1200,
        applies: '4.3.1.3',
        via: { unit: 'u1', role: 'head' },
      }),
      c(['person', 'p2'], 'admonishment_talk', '4.3.2.2', { via: { unit: 'u1', role: 'head' } }),
      c(['person', 'p1'], 'transfer_promotion_freeze', '4.3.1.1', {
        from: '2009-12-20',
        until: '2010-12-19',
        via: { unit: 't1', role: 'party_secretary' },
      }),
    ],
  } as unknown as ZerenResult;
  const obligations = [
    obligation('o1', 'reward', ['unit', 't1'], '3.1.1', { assessed: 1000000, paid: 1000000 }),
    obligation('o2', 'reward', ['person', 'p1'], '3.1.1', { assessed: 200000 }),
    obligation(
      'o3',
      'fine',
      ['person', 'p2'],
      '4.3.2.2',
      { assessed: 120000, collected: 20000 },
      { collecting_unit: 'u1' },
    ),
  ];
  const actions = [
    {
      id: 'a1',
      subject: { kind: 'person', id: 'p2' },
      type: 'admonishment_talk',
      clause: '4.3.2.2',
      status: 'adopted',
      status_zh: '已采纳执行',
    },
    {
      id: 'a2',
      subject: { kind: 'person', id: 'p1' },
      type: 'transfer_promotion_freeze',
      clause: '4.3.1.1',
      from: '2009-12-20',
      until: '2010-12-19',
      status: 'pending',
      status_zh: '待决定',
    },
  ] as unknown as ActionView[];
  const r = rewardsAndSanctions(result, names, obligations, actions, loadEngine().personnel);

  it('groups every consequence by town, village, county unit and person, each with its clause and settlement', () => {
    expect(r.groups.map((g) => [g.zh, g.lines.length])).toEqual([
      ['镇（场）', 1],
      ['村（社区、工区）', 1],
      ['县直单位', 1],
      ['个人', 4],
    ]);
    const person = r.groups[3]!.lines;
    expect(person[0]).toMatchObject({
      subject: { name: '张书记' },
      clause_label: '三（一）1',
      unit: { name: '东风镇' },
      role_zh: '党委书记',
      state: 'unpaid',
      amount_fen: 200000,
      outstanding_fen: 200000,
    });
    expect(person[1]).toMatchObject({
      type_zh: '一年内不得平级调动、提拔',
      clause_label: '四（三）1（1）',
      detail: '2009-12-20至2010-12-19',
      state: 'pending',
      action_id: 'a2',
    });
    expect(person[2]).toMatchObject({
      type: 'fine',
      applies_label: '四（三）1（3）',
      state: 'partly_collected',
      settled_fen: 20000,
      outstanding_fen: 100000,
    });
    expect(person[3]).toMatchObject({ type: 'admonishment_talk', state: 'adopted', state_zh: '已采纳执行' });
    expect(r.groups[0]!.lines[0]).toMatchObject({ state: 'paid', state_zh: '已支付', settled_fen: 1000000 });
    expect(r.groups[1]!.lines[0]).toMatchObject({
      type_zh: '评先评优一票否决',
      state_zh: '—',
      amount_fen: null,
    });
  });

  it('totals rewards and fines per group and for the county, the totals also in capital numerals', () => {
    expect(r.totals.rewards).toEqual({
      count: 2,
      amount_fen: 1200000,
      settled_fen: 1000000,
      outstanding_fen: 200000,
    });
    expect(r.totals.fines).toEqual({
      count: 1,
      amount_fen: 120000,
      settled_fen: 20000,
      outstanding_fen: 100000,
    });
    expect(r.totals).toMatchObject({ vetoes: 1, personnel_actions: 2, honours: 1 });
    expect(r.rewards_capital).toBe('壹万贰仟元整');
    expect(r.fines_capital).toBe('壹仟贰佰元整');
    expect(r.groups[3]!.totals.rewards.amount_fen).toBe(200000);
  });
});

describe('ledger statement and overdue list', () => {
  const e = (
    id: string,
    seq: number,
    kind: string,
    fen: number,
    extra: Partial<Row<'ledger_entries'>> = {},
  ): Row<'ledger_entries'> => ({
    id,
    seq,
    county_id: 'c',
    fp_year: 2009,
    obligation_id: 'o1',
    kind,
    amount_fen: fen,
    on_date: `2010-01-0${seq}`,
    reverses: null,
    unit_id: 't1',
    receipt_no: null,
    decision_id: null,
    note: null,
    idempotency_key: null,
    created_by: 'x',
    created_at: `2010-01-0${seq}T08:00:00Z`,
    due_on: null,
    ...extra,
  });

  it('runs a balance through every entry, a reversal undoing what it names', () => {
    const entries = [
      e('e1', 1, 'assess', 150000),
      e('e2', 2, 'collect', 100000, { receipt_no: 'R1' }),
      e('e3', 3, 'remit', 100000),
      e('e4', 4, 'collect', 30000, { receipt_no: 'R2' }),
      e('e5', 5, 'reverse', 30000, { reverses: 'e4' }),
    ];
    const o = {
      ...obligation('o1', 'fine', ['person', 'p1'], '4.3.1.1', {
        assessed: 150000,
        collected: 100000,
        remitted: 100000,
      }),
      entries,
    };
    const s = statementOf([o], new Map([['e2', '2009-12-28']]));
    const lines = s.blocks[0]!.lines;
    expect(lines.map((l) => [l.kind_zh, l.balance_fen])).toEqual([
      ['核定', 150000],
      ['收缴', 50000],
      ['上缴', 50000],
      ['收缴', 20000],
      ['冲正（收缴）', 50000],
    ]);
    expect(lines[1]).toMatchObject({ date: '2009-12-28', receipt_no: 'R1' });
    expect(lines[0]!.date).toBe('2010-01-01');
    expect(s.blocks[0]!.balance_fen).toBe(o.balance.outstanding_fen - o.balance.overpaid_fen);
    expect(s.totals.fines).toMatchObject({
      assessed_fen: 150000,
      collected_fen: 100000,
      outstanding_fen: 50000,
      held_fen: 0,
    });
    expect(s.fines_outstanding_capital).toBe('伍佰元整');
    expect(effect({ kind: 'refund', amount_fen: 5 })).toBe(5);
  });

  it('lists overdue fines by the unit that must collect them, with what may be deducted', () => {
    const list = [
      obligation('o1', 'fine', ['person', 'p1'], '4.3.1.1', { assessed: 120000, collected: 20000 }),
      obligation(
        'o2',
        'fine',
        ['person', 'p2'],
        '4.3.2.2',
        { assessed: 150000 },
        { collecting_unit: 't1', withholding_unit: 'u1' },
      ),
    ];
    const o = overdueByUnit(list, names, '2010-04-10');
    expect(o.units.map((u) => [u.unit.name, u.lines.length, u.deductible_fen, u.deductible_capital])).toEqual(
      [
        ['东风镇', 1, 100000, '壹仟元整'],
        ['县公安局', 1, 150000, '壹仟伍佰元整'],
      ],
    );
    expect(o.units[0]!.lines[0]).toMatchObject({
      days_overdue: 10,
      settled_fen: 20000,
      clause_label: '四（三）1（1）',
    });
    expect(o.total_fen).toBe(250000);
  });
});
