import { describe, expect, it } from 'vitest';
import type { Restrictions } from './api.ts';
import { actionSearchOf, clauseText, period, verdict } from './helpers.ts';

describe('the recommendations table', () => {
  it('reads its search from the address, leaving out what is malformed', () => {
    expect(actionSearchOf(new URLSearchParams('name=吴&type=appraisal_cap&status=adopted&page=3'))).toEqual({
      name: '吴',
      type: 'appraisal_cap',
      status: 'adopted',
      page: 3,
    });
    expect(actionSearchOf(new URLSearchParams('status=lost&page=0'))).toEqual({ page: 1 });
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
