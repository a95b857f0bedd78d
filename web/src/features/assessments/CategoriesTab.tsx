// Category changes (3.1.4, 3.2.3): each town's villages by this year's category in a chart, and
// every town and village with last year's and this year's category and whether it moved up.

import { Card, Empty, Table } from 'antd';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { Chart } from '../../lib/chart/Chart.tsx';
import type { useRankings } from './api.ts';
import { categoriesBar, categoriesByTown, categoriesText } from './charts.ts';
import { categoryColumns } from './columns.tsx';

export function CategoriesTab({ query }: { query: ReturnType<typeof useRankings> }) {
  if (query.isPending) return <PageLoading />;
  if (query.error) return <Refusal error={query.error} />;
  const rows = categoriesByTown(query.data.categories);
  return (
    <div>
      <Card size="small" title="各镇（场）所辖村的本年度类别" style={{ marginBottom: 16 }}>
        {rows.length ? (
          <Chart option={categoriesBar(rows)} label={categoriesText(rows)} height={260} />
        ) : (
          <Empty description="本年度尚无村的类别" />
        )}
      </Card>
      <Table
        size="small"
        rowKey="unit"
        columns={categoryColumns}
        dataSource={query.data.categories}
        pagination={{ pageSize: 12, showSizeChanger: false }}
      />
    </div>
  );
}
