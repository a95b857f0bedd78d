// Rankings as the engine reads them: villages (三(二)2, 前 N 名), county units (三(三)1) and
// governance units (三(三)3), each unit's rank with ties as the county's reading of I5 has them,
// whether it is rewarded and why not. Another reading of I5, offered in the pack's words, can be
// previewed (?I5=…).

import { Alert, Card, Segmented, Space, Table } from 'antd';
import { useSearchParams } from 'react-router';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { withParams } from '../../lib/params.ts';
import type { useRankings } from './api.ts';
import { rankColumns } from './columns.tsx';

export function RankingsTab({ query }: { query: ReturnType<typeof useRankings> }) {
  const [params, setParams] = useSearchParams();
  if (query.isPending) return <PageLoading />;
  if (query.error) return <Refusal error={query.error} />;
  const r = query.data;
  const preview = params.get('I5');
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <span id="i5-label">{r.I5_question_zh}（I5）</span>
        <Segmented
          aria-labelledby="i5-label"
          value={r.I5}
          options={r.I5_options.map((o) => ({ value: o.value, label: o.zh }))}
          onChange={(v) => setParams((p) => withParams(p, { I5: String(v) }))}
        />
      </Space>
      {preview && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="正在预览另一种读法，不改变本县的设置，也不保存任何内容。"
        />
      )}
      {r.rankings.map((k) => (
        <Card
          key={k.clause}
          size="small"
          style={{ marginBottom: 16 }}
          title={`${k.clause_zh} ${k.group_zh}排名（前 ${k.top} 名奖励，参加排名 ${k.ranked} 个）`}
        >
          <Table
            size="small"
            rowKey="unit"
            columns={rankColumns(k.top)}
            dataSource={k.items}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: '没有参加排名的单位' }}
          />
        </Card>
      ))}
    </div>
  );
}
