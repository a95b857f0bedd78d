// Villages by this year's category, a stacked bar per town: the one chart the 考核 screen and the
// home screen both draw (each with its own margins).

import type { EChartsOption } from 'echarts';
import { categoryZh } from '../labels.ts';

export interface TownCounts {
  town_name: string;
  /** Villages by category. */
  counts: Record<string, number>;
}

export function categoriesStackedBar(
  rows: readonly TownCounts[],
  margin: { top: number; bottom: number },
): EChartsOption {
  const categories = [...new Set(rows.flatMap((r) => Object.keys(r.counts)))].sort(
    (a, b) => Number(a) - Number(b),
  );
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, ...margin },
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
