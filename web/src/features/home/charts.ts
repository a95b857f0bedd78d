// The home screen's charts as ECharts options (pure, tested): rosters by status, villages by
// category in each town.

import type { EChartsOption } from 'echarts';
import { categoriesStackedBar } from '../../lib/chart/categories.ts';
import { ROSTER_STATUS_ZH, type RosterStatus } from '../../lib/labels.ts';
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
  return categoriesStackedBar(rows, { top: 16, bottom: 60 });
}

/** The sentence a screen reader reads instead of the rosters chart. */
export function rosterStatusText(counts: NonNullable<Worklist['rosters']>['counts']): string {
  return `名单上报情况：未上报 ${counts.not_submitted} 份，已退回 ${counts.returned} 份，待审核 ${counts.submitted} 份，已接受 ${counts.accepted} 份。`;
}
