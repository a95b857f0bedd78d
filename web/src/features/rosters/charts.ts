// The rosters board's chart: how many towns and county units are in each status, as a bar per
// status stacked by kind, and the same in a sentence for a screen reader.

import type { EChartsOption } from 'echarts';
import { ROSTER_STATUS_ZH, type RosterStatus } from '../../lib/labels.ts';
import type { RosterItem } from './api.ts';

export const STATUS_ORDER: RosterStatus[] = ['not_submitted', 'returned', 'submitted', 'accepted'];
/** The axis has room for three characters a status. */
const SHORT: Record<RosterStatus, string> = {
  not_submitted: '未上报',
  returned: '已退回',
  submitted: '待审核',
  accepted: '已接受',
};
/** The kinds of unit that report rosters, each with its colour; named as the items name them (the pack's words). */
const KINDS = [
  { kind: 'town', color: '#1677ff' },
  { kind: 'county_unit', color: '#7cb305' },
] as const;

/** Counts by status and kind (every status present, zeros included). */
export function countsOf(items: readonly RosterItem[]): Record<RosterStatus, Record<string, number>> {
  const out = Object.fromEntries(
    STATUS_ORDER.map((s) => [s, Object.fromEntries(KINDS.map((k) => [k.kind, 0]))]),
  ) as Record<RosterStatus, Record<string, number>>;
  for (const i of items) out[i.status][i.unit_kind] = (out[i.status][i.unit_kind] ?? 0) + 1;
  return out;
}

export function statusBar(items: readonly RosterItem[]): EChartsOption {
  const counts = countsOf(items);
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: {
      type: 'category',
      data: STATUS_ORDER.map((s) => SHORT[s]),
      axisLabel: { interval: 0 },
    },
    yAxis: { type: 'value', name: '单位数', minInterval: 1 },
    series: KINDS.map((k) => ({
      name: items.find((i) => i.unit_kind === k.kind)?.unit_kind_zh ?? k.kind,
      type: 'bar',
      stack: 'kind',
      itemStyle: { color: k.color },
      label: { show: true, formatter: ({ value }: { value: unknown }) => (value ? String(value) : '') },
      data: STATUS_ORDER.map((s) => counts[s][k.kind] ?? 0),
    })),
  };
}

/** What the chart shows, in a sentence. */
export function statusText(items: readonly RosterItem[]): string {
  const counts = countsOf(items);
  const total = (s: RosterStatus) => Object.values(counts[s]).reduce((a, b) => a + b, 0);
  return `名单上报情况：${STATUS_ORDER.map((s) => `${ROSTER_STATUS_ZH[s]} ${total(s)} 个单位`).join('，')}。`;
}
