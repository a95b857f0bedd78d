import { describe, expect, it } from 'vitest';
import type { OverdueReport, RankingsReport, RewardsReport } from './api.ts';
import { xlsxHref } from './api.ts';
import { overdueBar, overdueText, rankingBar, rankingText, settlementBar, settlementText } from './charts.ts';

const money = (count: number, amount: number, settled: number) => ({
  count,
  amount_fen: amount,
  settled_fen: settled,
  outstanding_fen: amount - settled,
});
const totals = (r: ReturnType<typeof money>, f: ReturnType<typeof money>) => ({
  rewards: r,
  fines: f,
  vetoes: 0,
  personnel_actions: 0,
  honours: 0,
});
const groups = [
  { group: 'town', zh: '镇(场)', lines: [], totals: totals(money(2, 4_000_000, 1_000_000), money(0, 0, 0)) },
  { group: 'village', zh: '村(社区、工区)', lines: [], totals: totals(money(0, 0, 0), money(0, 0, 0)) },
  { group: 'person', zh: '个人', lines: [], totals: totals(money(1, 50_000, 0), money(3, 240_000, 80_000)) },
] as unknown as RewardsReport['groups'];

describe('the reports’ charts', () => {
  it('stacks settled and outstanding money by group in 万元, leaving out empty groups', () => {
    const o = settlementBar({ groups });
    expect((o.xAxis as { data: string[] }).data).toEqual(['镇(场)', '个人']);
    const series = o.series as { name: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['奖金已支付', [1, 0]],
      ['奖金未支付', [3, 0.05]],
      ['罚款已缴', [0, 0.08]],
      ['罚款未缴', [0, 0.16]],
    ]);
    expect(settlementText({ groups })).toBe(
      '奖惩兑现情况：镇(场)奖金40,000.00元，已支付10,000.00元；罚款0.00元，已缴0.00元；个人奖金500.00元，已支付0.00元；罚款2,400.00元，已缴800.00元。',
    );
  });

  it('draws what may be deducted from each unit, largest first, and says it in words', () => {
    const line = { lines: [{}], deductible_capital: '' };
    const r = {
      total_fen: 140_000,
      units: [
        { ...line, unit: { id: 'a', name: '柏永镇' }, deductible_fen: 60_000 },
        { ...line, unit: { id: 'b', name: '高坪镇' }, deductible_fen: 80_000 },
      ],
    } as unknown as OverdueReport;
    const o = overdueBar(r);
    expect((o.xAxis as { data: string[] }).data).toEqual(['高坪镇', '柏永镇']);
    expect((o.series as { data: number[] }[])[0]!.data).toEqual([800, 600]);
    expect(overdueText(r)).toBe('逾期未缴的罚款共1,400.00元：柏永镇1笔600.00元，高坪镇1笔800.00元。');
    expect(overdueText({ units: [], total_fen: 0 })).toBe('没有逾期未缴的罚款。');
  });

  it('colours the places that win and names them', () => {
    const item = (name: string, score: number | null, rank: number | null, qualifies: boolean) => ({
      unit: name,
      name,
      score,
      rank,
      qualifies,
      reasons: [],
    });
    const r = {
      clause: '3.2.2',
      clause_zh: '三(二)2',
      group: 'villages',
      group_zh: '村(社区、工区)',
      top: 2,
      ranked: 3,
      items: [
        item('甲村', 98, 1, true),
        item('乙村', 95, 2, false),
        item('丙村', 90, 3, false),
        item('丁村', null, null, false),
      ],
    } as RankingsReport['rankings'][number];
    const series = (
      rankingBar(r).series as { data: { value: number; itemStyle: { color: string } }[] }[]
    )[0]!;
    expect(series.data.map((d) => [d.value, d.itemStyle.color])).toEqual([
      [98, '#237804'],
      [95, '#8c8c8c'],
      [90, '#8c8c8c'],
    ]);
    expect(rankingText(r)).toBe(
      '村(社区、工区)按得分排名（三(二)2，前2名），参与排名3个，符合条件1个：甲村第1名。',
    );
  });

  it('downloads a report from its own address with .xlsx and the same query', () => {
    expect(xlsxHref('demo', 2010, 'overdue', { on: '2010-03-28' })).toBe(
      '/api/v1/counties/demo/years/2010/reports/overdue.xlsx?on=2010-03-28',
    );
    expect(xlsxHref('demo', 2010, 'statement', { unit: null })).toBe(
      '/api/v1/counties/demo/years/2010/reports/statement.xlsx',
    );
  });
});
