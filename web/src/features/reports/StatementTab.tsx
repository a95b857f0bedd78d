// 对账单: a unit's (or the user's own unit's) obligations, each with its entries and the balance
// after each, the totals in 元 with 金额大写, and the Excel file.

import { Button, Descriptions, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { proseDate, tableDate, yuan, yuanWithCapital } from '../../lib/format.ts';
import { type StatementReport, useStatement, useUnits, xlsxHref } from './api.ts';
import { expandIcon } from './ExpandButton.tsx';

type Block = StatementReport['blocks'][number];
type Line = Block['lines'][number];

const blockColumns: ColumnsType<Block> = [
  { title: '类别', dataIndex: ['obligation', 'kind_zh'], width: 70 },
  { title: '对象', dataIndex: ['obligation', 'subject', 'name'], width: 150 },
  { title: '依据条款', dataIndex: ['obligation', 'clause_label'], width: 110 },
  // 来源: 县级办法, or a town pack's (七) short name.
  { title: '来源', dataIndex: ['obligation', 'source_zh'], width: 100 },
  {
    title: '缴纳期限',
    dataIndex: ['obligation', 'due_on'],
    width: 110,
    render: (d: string | null) => (d ? tableDate(d) : '—'),
  },
  { title: '分录', key: 'n', width: 70, render: (_: unknown, b) => `${b.lines.length} 笔` },
  { title: '余额', dataIndex: 'balance_fen', width: 130, align: 'right', render: (f: number) => yuan(f) },
];
const lineColumns: ColumnsType<Line> = [
  { title: '日期', dataIndex: 'date', width: 110, render: tableDate },
  { title: '摘要', dataIndex: 'kind_zh', width: 120 },
  { title: '金额', dataIndex: 'amount_fen', width: 120, align: 'right', render: (f: number) => yuan(f) },
  { title: '收据（凭证）号', dataIndex: 'receipt_no', width: 140, render: (r: string | null) => r ?? '—' },
  { title: '余额', dataIndex: 'balance_fen', width: 120, align: 'right', render: (f: number) => yuan(f) },
  { title: '说明', dataIndex: 'note', ellipsis: true },
];

export function StatementTab({
  county,
  year,
  unit,
  ownUnit,
  setUnit,
}: {
  county: string;
  year: number;
  unit: string | null;
  /** The user's own unit (a town or county unit), asked for when none is picked. */
  ownUnit: string | null;
  setUnit: (u: string | null) => void;
}) {
  const units = useUnits(county, true);
  const asking = unit !== null || ownUnit !== null;
  const q = useStatement(county, year, unit, asking);
  const picker = (
    <Space style={{ marginBottom: 12 }} wrap>
      <span id="statement-unit">单位</span>
      <Select
        aria-labelledby="statement-unit"
        showSearch
        allowClear
        optionFilterProp="label"
        placeholder={ownUnit ? '本单位' : '请选择单位'}
        style={{ width: 220 }}
        value={unit ?? undefined}
        onChange={(v) => setUnit(v ?? null)}
        loading={units.isPending}
        options={units.data?.map((u) => ({ value: u.id, label: u.name }))}
      />
      {q.data && (
        <Button href={xlsxHref(county, year, 'statement', { unit: q.data.subject.id })} download>
          下载Excel
        </Button>
      )}
    </Space>
  );
  if (!asking)
    return (
      <div>
        {picker}
        <Typography.Paragraph>请选择要对账的单位。</Typography.Paragraph>
      </div>
    );
  if (q.isPending) return <PageLoading />;
  if (q.error)
    return (
      <div>
        {picker}
        <Refusal error={q.error} />
      </div>
    );
  const s = q.data;
  return (
    <div>
      {picker}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {s.subject.name}对账单（截至{proseDate(s.on)}）
      </Typography.Title>
      <Descriptions bordered size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="罚款未缴">
          {yuanWithCapital(s.totals.fines.outstanding_fen)}
        </Descriptions.Item>
        <Descriptions.Item label="已收未上缴">{yuanWithCapital(s.totals.fines.held_fen)}</Descriptions.Item>
        <Descriptions.Item label="奖金未付">
          {yuanWithCapital(s.totals.rewards.outstanding_fen)}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey={(b) => b.obligation.id}
        columns={blockColumns}
        dataSource={s.blocks}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        expandable={{
          expandIcon: expandIcon((b: Block) => `${b.obligation.subject.name}${b.obligation.clause_label}`),
          expandedRowRender: (b) => (
            <Table size="small" rowKey="id" columns={lineColumns} dataSource={b.lines} pagination={false} />
          ),
        }}
        locale={{ emptyText: '该单位本年度没有罚款或奖金' }}
      />
    </div>
  );
}
