// The fines screen's columns: the obligation's person or unit, clause, the unit that collects it
// (the one that now withholds it, where the person has moved), deadline, amounts in 元, status.

import { Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { tableDate, yuan } from '../../lib/format.ts';
import type { LedgerEntry, Obligation, Status } from './api.ts';

/** Solid tags, white words on dark colours (4.5:1 and more); the words say the status too. */
export const STATUS_COLOR: Record<Status, string> = {
  due: '#595959',
  partly_paid: '#0958d9',
  overdue: '#a8071a',
  paid: '#237804',
  remitted: '#135200',
  deducted: '#ad4e00',
  overpaid: '#ad4e00',
  cancelled: '#595959',
};

export function StatusTag({ o }: { o: Pick<Obligation, 'status' | 'status_zh'> }) {
  return <Tag color={STATUS_COLOR[o.status]}>{o.status_zh}</Tag>;
}

/** Who collects: the unit that now withholds a moved person's fine, saying where it came from. */
export function Collector({ o }: { o: Obligation }) {
  if (o.withholding_unit)
    return (
      <Tooltip title={`当事人已调离${o.collecting_unit_name ?? ''}，由调入单位代扣`}>
        <span>
          {o.withholding_unit_name}代扣
          <Tag style={{ marginLeft: 6 }}>已调动</Tag>
        </span>
      </Tooltip>
    );
  return <span>{o.collecting_unit_name ?? (o.subject.kind === 'unit' ? o.subject.name : '—')}</span>;
}

export const obligationColumns: ColumnsType<Obligation> = [
  { title: '类别', dataIndex: 'kind_zh', width: 64 },
  { title: '对象', dataIndex: ['subject', 'name'], width: 150, ellipsis: true },
  {
    title: '依据条款',
    dataIndex: 'clause_label',
    width: 110,
    render: (l: string, o) => (o.applies_label ? `${l}（适用${o.applies_label}）` : l),
  },
  // 来源: the county's own rules (县级办法) or a town's (七), e.g. 东风镇办法.
  {
    title: '来源',
    dataIndex: 'source_zh',
    width: 100,
    render: (z: string, o) => (o.source_pack ? <Tag color="#0958d9">{z}</Tag> : z),
  },
  { title: '收缴或领取单位', key: 'unit', render: (_: unknown, o) => <Collector o={o} /> },
  {
    title: '缴纳期限',
    dataIndex: 'due_on',
    width: 110,
    render: (d: string | null) => (d ? tableDate(d) : '—'),
  },
  {
    title: '应缴（付）金额',
    dataIndex: ['balance', 'assessed_fen'],
    width: 130,
    align: 'right',
    render: (f: number) => yuan(f),
  },
  {
    title: '未缴（付）金额',
    dataIndex: ['balance', 'outstanding_fen'],
    width: 130,
    align: 'right',
    render: (f: number) => yuan(f),
  },
  { title: '状态', key: 'status', width: 100, render: (_: unknown, o) => <StatusTag o={o} /> },
];

export const entryColumns = (actions: (e: LedgerEntry) => React.ReactNode): ColumnsType<LedgerEntry> => [
  { title: '序号', dataIndex: 'seq', width: 60 },
  { title: '日期', dataIndex: 'on_date', width: 100, render: tableDate },
  {
    title: '摘要',
    dataIndex: 'kind_zh',
    width: 120,
    render: (k: string, e) => (e.reversed_by ? <span>{k}（已冲正）</span> : k),
  },
  { title: '金额', dataIndex: 'amount_fen', width: 120, align: 'right', render: (f: number) => yuan(f) },
  { title: '收据（凭证）号', dataIndex: 'receipt_no', width: 120, render: (r: string | null) => r ?? '—' },
  { title: '经办人', dataIndex: 'created_by_name', width: 90 },
  { title: '说明', dataIndex: 'note', ellipsis: true, render: (n: string | null) => n ?? '' },
  { title: '操作', key: 'actions', width: 150, render: (_: unknown, e) => actions(e) },
];
