// What would change: under other readings of the policy (a what-if on the stored year, saving
// nothing), or between this evaluation and the previous one or the decision in force. Either
// way the answer is a list of changes (新增, 取消, 变更, 暂缓兑现, 恢复兑现) with the totals before
// and after.

import { Alert, Button, Card, Empty, Select, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { refusalOf } from '../../api/errors.ts';
import { yuan } from '../../lib/format.ts';
import { type Change, type Reading, useDiff, useWhatIf } from './api.ts';
import { changeColumns } from './columns.tsx';
import { changesText, deltaFen, overrides } from './helpers.ts';

interface ResultTotals {
  rewards_fen: number;
  fines_fen: number;
}

function Delta({ title, before, after }: { title: string; before: number; after: number }) {
  const d = deltaFen(before, after);
  const words = d.sign === 'same' ? '不变' : `${d.sign === 'up' ? '增加' : '减少'} ${yuan(d.fen)}`;
  return (
    <Statistic
      title={title}
      value={yuan(after)}
      suffix={<Typography.Text type="secondary">（{words}）</Typography.Text>}
      valueStyle={{ fontSize: 18 }}
    />
  );
}

export function ChangesTable({
  changes,
  before,
  after,
}: {
  changes: Change[];
  before: ResultTotals;
  after: ResultTotals;
}) {
  return (
    <div data-testid="changes">
      <Space size={48} style={{ marginBottom: 8 }}>
        <Delta title="奖励合计" before={before.rewards_fen} after={after.rewards_fen} />
        <Delta title="罚款合计" before={before.fines_fen} after={after.fines_fen} />
      </Space>
      <Alert
        type={changes.length ? 'warning' : 'success'}
        showIcon
        message={changesText(changes)}
        style={{ marginBottom: 8 }}
      />
      {changes.length > 0 && (
        <Table
          size="small"
          rowKey={(c) =>
            `${c.change}|${(c.after ?? c.before)!.subject.id}|${(c.after ?? c.before)!.type}|${(c.after ?? c.before)!.clause}|${(c.after ?? c.before)!.index}`
          }
          columns={changeColumns}
          dataSource={changes}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          expandable={{
            expandedRowRender: (c) => (
              <Typography.Paragraph style={{ margin: 0 }}>
                {(c.after ?? c.before)!.explanation}
              </Typography.Paragraph>
            ),
            expandIcon: ({ expanded, onExpand, record }) => (
              <Button
                type="link"
                size="small"
                aria-expanded={expanded}
                aria-label={`${expanded ? '收起' : '展开'}${(record.after ?? record.before)!.subject.name}的说明`}
                onClick={(e) => onExpand(record, e)}
              >
                {expanded ? '收起' : '说明'}
              </Button>
            ),
          }}
        />
      )}
    </div>
  );
}

function WhatIf({ county, year, readings }: { county: string; year: number; readings: Reading[] }) {
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const whatIf = useWhatIf(county, year);
  const send = overrides(readings, chosen);
  return (
    <div>
      <Typography.Paragraph type="secondary">
        以本年度当前存档的数据和现行解读的评定为基准，选择另一种解读，看重新评定会新增、取消或变更哪些奖惩。只作比较，不保存任何内容。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={readings}
        columns={[
          { title: '解释', dataIndex: 'id', width: 56 },
          { title: '问题', dataIndex: 'question_zh' },
          { title: '现行解读', dataIndex: 'value_zh', width: 220 },
          {
            title: '比较解读',
            key: 'choose',
            width: 260,
            render: (_, r) => (
              <Select
                aria-label={`解释${r.id}的比较解读`}
                style={{ width: '100%' }}
                value={chosen[r.id] ?? r.value}
                onChange={(v) => setChosen((c) => ({ ...c, [r.id]: v }))}
                options={r.values.map((v) => ({
                  value: v.value,
                  label: v.value === r.value ? `${v.zh}（现行）` : v.zh,
                }))}
              />
            ),
          },
        ]}
      />
      <Space style={{ margin: '12px 0' }}>
        <Button
          type="primary"
          loading={whatIf.isPending}
          disabled={Object.keys(send).length === 0}
          onClick={() => whatIf.mutate(send)}
        >
          比较
        </Button>
        <Button
          onClick={() => {
            setChosen({});
            whatIf.reset();
          }}
        >
          恢复现行解读
        </Button>
      </Space>
      {whatIf.data && (
        <ChangesTable changes={whatIf.data.changes} before={whatIf.data.before} after={whatIf.data.after} />
      )}
    </div>
  );
}

function Against({
  id,
  hasPrevious,
  hasDecision,
}: {
  id: string;
  hasPrevious: boolean;
  hasDecision: boolean;
}) {
  const [against, setAgainst] = useState<'previous' | 'decision' | null>(null);
  const diff = useDiff(id, against);
  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <Button
          disabled={!hasPrevious}
          onClick={() => setAgainst('previous')}
          type={against === 'previous' ? 'primary' : 'default'}
        >
          与上一次评定比较
        </Button>
        <Button
          disabled={!hasDecision}
          onClick={() => setAgainst('decision')}
          type={against === 'decision' ? 'primary' : 'default'}
        >
          与现行决定比较
        </Button>
      </Space>
      {diff.error && <Alert type="info" showIcon message={refusalOf(diff.error).text} />}
      {diff.data && <ChangesTable changes={diff.data.changes} before={diff.data.from} after={diff.data.to} />}
      {!against && <Empty description="选择比较对象" />}
    </div>
  );
}

export function WhatIfCard(props: {
  county: string;
  year: number;
  readings: Reading[];
  evaluation: string;
  hasPrevious: boolean;
  hasDecision: boolean;
}) {
  return (
    <Card title="比较" size="small" style={{ marginBottom: 16 }}>
      <Tabs
        items={[
          {
            key: 'what-if',
            label: '换一种解读（不保存）',
            children: <WhatIf county={props.county} year={props.year} readings={props.readings} />,
          },
          {
            key: 'against',
            label: '与其他评定比较',
            children: (
              <Against
                id={props.evaluation}
                hasPrevious={props.hasPrevious}
                hasDecision={props.hasDecision}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
