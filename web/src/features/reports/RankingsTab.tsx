// 排名: the rankings the engine reads (三（二）2 villages, 三（三）1 county units, 三（三）3 governance
// units) with the cut-off, why a unit does not qualify, a reward an award veto withholds; and the
// towns' and villages' category changes.

import { Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { Chart } from '../../lib/chart/Chart.tsx';
import { type RankingsReport, useRankings } from './api.ts';
import { rankingBar, rankingText } from './charts.ts';

type Item = RankingsReport['rankings'][number]['items'][number];
type Change = RankingsReport['categories'][number];

const itemColumns: ColumnsType<Item> = [
  { title: '名次', dataIndex: 'rank', width: 70, render: (r: number | null) => r ?? '—' },
  { title: '单位', dataIndex: 'name', width: 180 },
  { title: '得分', dataIndex: 'score', width: 80, render: (s: number | null) => s ?? '—' },
  { title: '考核结果', dataIndex: 'outcome_zh', width: 120, render: (o?: string) => o ?? '—' },
  {
    title: '是否获奖',
    key: 'q',
    render: (_: unknown, i) =>
      i.qualifies ? (
        i.withheld ? (
          <span>
            <Tag color="#ad4e00">一票否决</Tag>
            {i.withheld}
          </span>
        ) : (
          <Tag color="#237804">获奖</Tag>
        )
      ) : (
        <span>
          <Tag color="#595959">不获奖</Tag>
          {i.reasons.map((r) => r.zh).join('；')}
        </span>
      ),
  },
];
const changeColumns: ColumnsType<Change> = [
  { title: '单位', dataIndex: 'name', width: 180 },
  {
    title: '上年类别',
    dataIndex: 'previous',
    width: 100,
    render: (c: number | null) => (c ? `${c} 类` : '无'),
  },
  {
    title: '本年类别',
    dataIndex: 'current',
    width: 100,
    render: (c: number | null) => (c ? `${c} 类` : '无'),
  },
  { title: '变化', dataIndex: 'zh' },
];

export function RankingsTab({ county, year }: { county: string; year: number }) {
  const q = useRankings(county, year, true);
  if (q.isPending) return <PageLoading />;
  if (q.error) return <Refusal error={q.error} />;
  return (
    <div>
      {q.data.rankings.map((r) => (
        <Card
          key={r.clause}
          size="small"
          style={{ marginBottom: 16 }}
          title={`${r.group_zh}排名（${r.clause_zh}，前${r.top}名获奖）`}
        >
          {r.items.some((i) => i.score !== null) && r.items.length > 1 && (
            <Chart option={rankingBar(r)} label={rankingText(r)} height={220} />
          )}
          <Table
            size="small"
            rowKey="unit"
            columns={itemColumns}
            dataSource={r.items}
            pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: '没有参与排名的单位' }}
          />
        </Card>
      ))}
      <Card size="small" title="类别变化（三（一）4、三（二）3）">
        <Table
          size="small"
          rowKey="unit"
          columns={changeColumns}
          dataSource={q.data.categories}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        />
      </Card>
    </div>
  );
}
