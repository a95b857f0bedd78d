// The home screen's charts as ECharts options (pure, tested): rosters by status, villages by
// category in each town.

import type { EChartsOption } from 'echarts';
import { categoryZh, ROSTER_STATUS_ZH, type RosterStatus } from '../../lib/labels.ts';
import type { Worklist } from './api.ts';

const STATUS_COLOR: Record<RosterStatus, string> = {
  not_submitted: '#bfbfbf',
  submitted: '#1677ff',
  returned: '#d48806',
  accepted: '#389e0d',
};

export function rosterStatusPie(counts: NonNullable<Worklist['rosters']>['counts']): EChartsOption {
  const order: RosterStatus[] = ['not_submitted', 'returned', 'submitted', 'accepted'];
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item', formatter: '{b}：{c} 份（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c} 份' },
        data: order
          .filter((s) => counts[s] > 0)
          .map((s) => ({
            name: ROSTER_STATUS_ZH[s],
            value: counts[s],
            itemStyle: { color: STATUS_COLOR[s] },
          })),
      },
    ],
  };
}

/** A stacked bar per town: how many of its villages are in each category this year. */
export function categoriesByTownBar(rows: NonNullable<Worklist['assessments']>['categories']): EChartsOption {
  const categories = [...new Set(rows.flatMap((r) => Object.keys(r.counts)))].sort(
    (a, b) => Number(a) - Number(b),
  );
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 60 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.town_name),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', name: '村数', minInterval: 1 },
    series: categories.map((c) => ({
      name: categoryZh(c),
      type: 'bar',
      stack: 'category',
      data: rows.map((r) => r.counts[c] ?? 0),
    })),
  };
}

/** The sentence a screen reader reads instead of the rosters chart. */
export function rosterStatusText(counts: NonNullable<Worklist['rosters']>['counts']): string {
  return `名单上报情况：未上报 ${counts.not_submitted} 份，已退回 ${counts.returned} 份，待审核 ${counts.submitted} 份，已接受 ${counts.accepted} 份。`;
}
