import { describe, expect, it } from 'vitest';
import type { Worklist } from './api.ts';
import { categoriesByTownBar, rosterStatusPie, rosterStatusText } from './charts.ts';
import { evaluationState, figures } from './summary.ts';

const worklist = (over: Partial<Worklist> = {}): Worklist => ({
  county: 'demo',
  fp_year: 2010,
  on: '2010-03-28',
  rosters: {
    counts: { not_submitted: 3, submitted: 2, returned: 1, accepted: 4 },
    waiting: [],
  },
  assessments: { expected: 10, recorded: 8, missing: [], categories: [] },
  evaluation: { latest: { id: 'e2', created_at: '2010-03-01T00:00:00Z' }, decision: null, pending: true },
  notices: { red: 1, yellow: 2, green: 3, items: [] },
  fines: { count: 2, outstanding_fen: 150050, items: [] },
  ...over,
});

describe('the home screen’s figures', () => {
  it('gives the office a card per concern, with what is waiting', () => {
    const f = figures(worklist(), 'office');
    expect(f.map((x) => [x.title, x.value])).toEqual([
      ['未上报或退回的名单', 4],
      ['待审核的名单', 2],
      ['未录入县考核的单位', 0],
      ['奖惩评定', '已评定，待确认'],
      ['逾期或即将到期的警示通知书', 3],
      ['逾期未缴的罚款', 2],
    ]);
    expect(f.find((x) => x.key === 'fines')?.note).toBe('合计 1,500.50元');
    expect(f.find((x) => x.key === 'notices')?.note).toBe('已逾期 1 份，三日内到期 2 份');
  });

  it('gives a town its own roster’s status and leaves out parts it may not read', () => {
    const own = worklist({
      rosters: { counts: { not_submitted: 0, submitted: 0, returned: 1, accepted: 0 }, waiting: [] },
      fines: null,
      assessments: null,
    });
    const f = figures(own, 'town');
    expect(f.map((x) => x.title)).toEqual(['本单位名单', '奖惩评定', '逾期或即将到期的警示通知书']);
    expect(f[0]).toMatchObject({ value: '已退回', alert: true });
  });

  it('says where the evaluation stands', () => {
    expect(evaluationState({ latest: null, decision: null, pending: false })).toBe('尚未评定');
    const decision = { id: 'd', evaluation_id: 'e1', confirmed_at: 'x' };
    expect(evaluationState({ latest: { id: 'e2', created_at: 'x' }, decision, pending: true })).toBe(
      '有新的评定待确认',
    );
    expect(evaluationState({ latest: { id: 'e1', created_at: 'x' }, decision, pending: false })).toBe(
      '已确认',
    );
  });
});

describe('the home screen’s charts', () => {
  it('draws rosters by status, leaving out empty statuses, and says the same in words', () => {
    const counts = { not_submitted: 3, submitted: 0, returned: 1, accepted: 4 };
    const series = (rosterStatusPie(counts).series as { data: { name: string; value: number }[] }[])[0]!;
    expect(series.data.map((d) => [d.name, d.value])).toEqual([
      ['未上报', 3],
      ['已退回待重报', 1],
      ['已接受', 4],
    ]);
    expect(rosterStatusText(counts)).toBe(
      '名单上报情况：未上报 3 份，已退回 1 份，待审核 0 份，已接受 4 份。',
    );
  });

  it('stacks each town’s villages by category, a zero where a town has none of one', () => {
    const option = categoriesByTownBar([
      { town: 't1', town_name: '东风镇', counts: { '1': 2, '3': 1 } },
      { town: 't2', town_name: '西山镇', counts: { '2': 4 } },
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['东风镇', '西山镇']);
    expect((option.series as { name: string; data: number[] }[]).map((s) => [s.name, s.data])).toEqual([
      ['一类', [2, 0]],
      ['二类', [0, 4]],
      ['三类', [1, 0]],
    ]);
  });
});
