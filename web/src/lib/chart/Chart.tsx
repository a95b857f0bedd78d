// A chart, with ECharts loaded only when the first chart is drawn (the first screen loads
// without it). The figure carries a text label for screen readers; the data is also in a table.

import { Skeleton } from 'antd';
import type { EChartsOption } from 'echarts';
import { lazy, Suspense } from 'react';

const EChart = lazy(() => import('./EChart.tsx'));

export interface ChartProps {
  option: EChartsOption;
  /** What the chart shows, in a sentence (read out instead of the picture). */
  label: string;
  height?: number;
}

export function Chart({ option, label, height = 260 }: ChartProps) {
  return (
    <figure role="img" aria-label={label} className="chart-box" style={{ margin: 0, height }}>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
        <EChart option={option} style={{ height, width: '100%' }} />
      </Suspense>
    </figure>
  );
}
