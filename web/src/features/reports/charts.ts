// The reports' charts as ECharts options (pure, tested), each with the sentence a screen reader
// reads instead: rewards and fines by group, settled and outstanding; overdue fines by the unit
// that must collect them; a ranking's scores with the cut-off.

import type { EChartsOption } from 'echarts';
import { formatYuan } from '../../../../src/domain/money.ts';
import type { OverdueReport, RankingsReport, RewardsReport } from './api.ts';

const wan = (fen: number) => Math.round(fen / 100) / 10_000;

/** Settled and outstanding rewards and fines of each group of the 奖惩兑现表, in 万元. */
export function settlementBar(r: Pick<RewardsReport, 'groups'>): EChartsOption {
  const groups = r.groups.filter((g) => g.totals.rewards.count + g.totals.fines.count > 0);
  const series = (
    name: string,
    part: 'rewards' | 'fines',
    key: 'settled_fen' | 'outstanding_fen',
    color: string,
  ) => ({
    name,
    type: 'bar' as const,
    stack: part,
    itemStyle: { color },
    data: groups.map((g) => wan(g.totals[part][key])),
  });
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v} 万元` },
    legend: { bottom: 0 },
    grid: { left: 56, right: 16, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: groups.map((g) => g.zh) },
    yAxis: { type: 'value', name: '万元' },
    series: [
      series('奖金已支付', 'rewards', 'settled_fen', '#237804'),
      series('奖金未支付', 'rewards', 'outstanding_fen', '#95de64'),
      series('罚款已缴', 'fines', 'settled_fen', '#0958d9'),
      series('罚款未缴', 'fines', 'outstanding_fen', '#ff7875'),
    ],
  };
}

export function settlementText(r: Pick<RewardsReport, 'groups'>): string {
  return `奖惩兑现情况：${r.groups
    .filter((g) => g.totals.rewards.count + g.totals.fines.count > 0)
    .map(
      (g) =>
        `${g.zh}奖金${formatYuan(g.totals.rewards.amount_fen)}元，已支付${formatYuan(g.totals.rewards.settled_fen)}元；罚款${formatYuan(g.totals.fines.amount_fen)}元，已缴${formatYuan(g.totals.fines.settled_fen)}元`,
    )
    .join('；')}。`;
}

/** What the finance bureau may deduct from each unit's allocation (八), in 元. */
export function overdueBar(r: Pick<OverdueReport, 'units'>): EChartsOption {
  const units = [...r.units].sort((a, b) => b.deductible_fen - a.deductible_fen);
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v} 元` },
    grid: { left: 64, right: 16, top: 24, bottom: 64 },
    xAxis: {
      type: 'category',
      data: units.map((u) => u.unit.name),
      axisLabel: { interval: 0, rotate: units.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', name: '元' },
    series: [
      {
        name: '逾期未缴（可从拨款中扣除）',
        type: 'bar',
        itemStyle: { color: '#a8071a' },
        data: units.map((u) => u.deductible_fen / 100),
      },
    ],
  };
}

export function overdueText(r: Pick<OverdueReport, 'units' | 'total_fen'>): string {
  if (r.units.length === 0) return '没有逾期未缴的罚款。';
  return `逾期未缴的罚款共${formatYuan(r.total_fen)}元：${r.units
    .map((u) => `${u.unit.name}${u.lines.length}笔${formatYuan(u.deductible_fen)}元`)
    .join('，')}。`;
}

type Ranking = RankingsReport['rankings'][number];

/** A ranking's scores, the places within the cut-off and qualifying in the strong colour. */
export function rankingBar(r: Ranking): EChartsOption {
  const items = r.items.filter((i) => i.score !== null);
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 48, right: 16, top: 24, bottom: 72 },
    xAxis: {
      type: 'category',
      data: items.map((i) => i.name),
      axisLabel: { interval: 0, rotate: items.length > 6 ? 40 : 0 },
    },
    yAxis: { type: 'value', name: '得分', scale: true },
    series: [
      {
        name: '得分',
        type: 'bar',
        data: items.map((i) => ({
          value: i.score,
          itemStyle: { color: i.qualifies ? '#237804' : '#8c8c8c' },
        })),
      },
    ],
  };
}

export function rankingText(r: Ranking): string {
  const q = r.items.filter((i) => i.qualifies);
  return `${r.group_zh}按得分排名（${r.clause_zh}，前${r.top}名），参与排名${r.ranked}个，符合条件${q.length}个${
    q.length ? `：${q.map((i) => `${i.name}第${i.rank}名`).join('、')}` : ''
  }。`;
}
