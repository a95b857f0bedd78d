// The year's decision and evaluations: the decision in force (its document, the chain of
// corrections with their reasons) and every receipt, newest first, each selectable, verifiable
// and (for the office) confirmable as the year's decision.

import { Alert, Button, Card, Collapse, Space, Table, Tag, Typography } from 'antd';
import { proseDate, tableDateTime } from '../../lib/format.ts';
import type { Decision, Reading, Receipt } from './api.ts';
import { decisionDocumentUrl } from './api.ts';
import { inForce, readingsText, receiptState } from './helpers.ts';

export interface ReceiptActions {
  mayConfirm: boolean;
  mayVerify: boolean;
  mayDownload: boolean;
  onSelect: (id: string) => void;
  onConfirm: (r: Receipt) => void;
  onVerify: (r: Receipt) => void;
}

export function DecisionAlert({ decisions, mayDownload }: { decisions: Decision[]; mayDownload: boolean }) {
  const current = inForce(decisions);
  if (!current)
    return <Alert type="info" showIcon message="本年度尚未确认奖惩决定。" style={{ marginBottom: 16 }} />;
  const superseded = decisions.find((d) => d.id === current.supersedes);
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      message={`现行决定：${proseDate(current.confirmed_at.slice(0, 10))}由${current.confirmed_by_name}确认，罚款缴纳期限${proseDate(current.fines_due_on)}。`}
      description={
        <div>
          {superseded && (
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              本决定是更正决定，取代{tableDateTime(superseded.confirmed_at)}确认的决定（编号{' '}
              {superseded.id.slice(0, 8)}），更正理由：{current.reason}
            </Typography.Paragraph>
          )}
          {decisions.length > 1 && (
            <Typography.Text type="secondary">
              本年度共确认 {decisions.length} 次（含更正），见下方决定记录。
            </Typography.Text>
          )}
        </div>
      }
      action={
        mayDownload && (
          <Button href={decisionDocumentUrl(current.id)} download>
            下载决定书
          </Button>
        )
      }
    />
  );
}

/** Every decision of the year, oldest first: who confirmed it, the deadline, the reason of a correction. */
export function DecisionsTable({ decisions, mayDownload }: { decisions: Decision[]; mayDownload: boolean }) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={decisions}
      columns={[
        { title: '确认时间', dataIndex: 'confirmed_at', width: 150, render: tableDateTime },
        { title: '确认人', dataIndex: 'confirmed_by_name', width: 100 },
        { title: '罚款缴纳期限', dataIndex: 'fines_due_on', width: 120 },
        {
          title: '状态',
          dataIndex: 'in_force',
          width: 130,
          render: (f: boolean, d) => (
            <Tag color={f ? '#237804' : '#595959'}>
              {f ? (d.supersedes ? '现行（更正）决定' : '现行决定') : '已被更正'}
            </Tag>
          ),
        },
        { title: '更正理由', dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
        {
          title: '决定书',
          key: 'document',
          width: 110,
          render: (_, d) =>
            mayDownload ? (
              <Button
                size="small"
                href={decisionDocumentUrl(d.id)}
                download
                aria-label={`下载${tableDateTime(d.confirmed_at)}的决定书`}
              >
                下载
              </Button>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

export function ReceiptsCard({
  receipts,
  decisions,
  readings,
  selected,
  actions,
}: {
  receipts: Receipt[];
  decisions: Decision[];
  readings: Reading[];
  selected: string | null;
  actions: ReceiptActions;
}) {
  const latest = receipts[0]?.id;
  return (
    <Card title="评定记录（回执）" size="small" style={{ marginBottom: 16 }}>
      <Table
        size="small"
        rowKey="id"
        dataSource={receipts}
        pagination={{ pageSize: 5, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: '本年度尚未评定' }}
        rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
        columns={[
          { title: '评定时间', dataIndex: 'created_at', width: 150, render: tableDateTime },
          { title: '评定人', dataIndex: 'created_by_name', width: 100 },
          {
            title: '解读',
            key: 'readings',
            width: 150,
            render: (_, r) => readingsText(r.interpretations, readings),
          },
          {
            title: '状态',
            key: 'state',
            render: (_, r) =>
              receiptState(r, decisions, latest).map((s) => (
                <Tag key={s.text} color={s.color}>
                  {s.text}
                </Tag>
              )),
          },
          {
            title: '操作',
            key: 'actions',
            width: 300,
            render: (_, r) => (
              <Space size={4}>
                <Button
                  size="small"
                  type={r.id === selected ? 'primary' : 'default'}
                  onClick={() => actions.onSelect(r.id)}
                >
                  {r.id === selected ? '正在查看' : '查看'}
                </Button>
                {actions.mayVerify && (
                  <Button size="small" onClick={() => actions.onVerify(r)}>
                    复核回执
                  </Button>
                )}
                {actions.mayConfirm && (
                  <Button size="small" onClick={() => actions.onConfirm(r)}>
                    {inForce(decisions) ? '更正决定' : '确认为决定'}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {decisions.length > 0 && (
        <Collapse
          ghost
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'decisions',
              label: `决定记录（${decisions.length}）`,
              children: <DecisionsTable decisions={decisions} mayDownload={actions.mayDownload} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
