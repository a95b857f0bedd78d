import { describe, expect, it } from 'vitest';
import type { Action, Restrictions } from './api.ts';
import { clauseText, filterActions, period, typeOptions, verdict } from './helpers.ts';

function action(id: string, name: string, type: string, type_zh: string, status: Action['status']): Action {
  return {
    id,
    fp_year: 2010,
    decision_id: 'd',
    subject: { kind: 'person', id: `p-${id}`, name },
    type,
    type_zh,
    clause: '4.2.2',
    clause_label: '四（二）2',
    applies: null,
    applies_label: null,
    explanation: '',
    status,
    status_zh: status === 'pending' ? '待决定' : '已采纳执行',
    records: [],
  };
}

const items = [
  action('1', '吴书记', 'transfer_promotion_freeze', '一年内不得平级调动、提拔', 'pending'),
  action('2', '吴书记', 'appraisal_cap', '年度考核不得评为称职、合格等次', 'adopted'),
  action('3', '许局长', 'admonishment_talk', '诫勉谈话', 'pending'),
];

describe('the recommendations table', () => {
  it('filters by part of a name, kind and status', () => {
    expect(filterActions(items, { name: '吴' }).map((a) => a.id)).toEqual(['1', '2']);
    expect(filterActions(items, { name: ' 吴 ', status: 'pending' }).map((a) => a.id)).toEqual(['1']);
    expect(filterActions(items, { type: 'admonishment_talk' }).map((a) => a.id)).toEqual(['3']);
    expect(filterActions(items, { name: 'p-3' }).map((a) => a.id)).toEqual(['3']);
    expect(filterActions(items, {})).toHaveLength(3);
  });

  it('offers the kinds present, labelled by the server', () => {
    expect(typeOptions(items).map((o) => o.label)).toEqual([
      '一年内不得平级调动、提拔',
      '年度考核不得评为称职、合格等次',
      '诫勉谈话',
    ]);
  });

  it('writes dates and clauses', () => {
    expect(period({ from: '2009-12-20', until: '2010-12-19' })).toBe('2009-12-20 至 2010-12-19');
    expect(period({})).toBe('—');
    expect(clauseText({ clause_label: '四（三）2（2）', applies_label: '四（三）1（3）' })).toBe(
      '四（三）2（2）（按四（三）1（3））',
    );
  });
});

describe('the lookup answer', () => {
  const freeze = {
    kind: 'transfer_promotion_freeze',
    kind_zh: '一年内不得平级调动、提拔',
    fp_year: 2010,
    clause: '4.2.2',
    clause_label: '四（二）2',
    applies: null,
    applies_label: null,
    from: '2009-12-20',
    until: '2010-12-19',
    blocks_transfer_or_promotion: true,
    action_id: 'a',
    status_zh: '待决定',
    zh: '',
    en: '',
  } as Restrictions['restrictions'][number];
  const veto = { ...freeze, kind: 'award_veto', blocks_transfer_or_promotion: false } as typeof freeze;

  it('says no, with the clause and dates of each freeze, and counts the other restrictions', () => {
    expect(
      verdict({
        person_name: '吴书记',
        on: '2010-06-01',
        may_transfer_or_promote: false,
        restrictions: [freeze, veto],
      }),
    ).toBe(
      '吴书记在2010-06-01不得平级调动、提拔：依据四（二）2，2009-12-20至2010-12-19。另有1项其他限制（见下表）。',
    );
  });

  it('says yes, and whether anything else holds', () => {
    expect(
      verdict({
        person_name: '许局长',
        on: '2010-06-01',
        may_transfer_or_promote: true,
        restrictions: [veto],
      }),
    ).toBe('许局长在2010-06-01可以平级调动、提拔。另有1项其他限制（见下表）。');
    expect(
      verdict({ person_name: '许局长', on: '2010-10-01', may_transfer_or_promote: true, restrictions: [] }),
    ).toBe('许局长在2010-10-01可以平级调动、提拔。没有在限制期内的处理。');
  });
});
