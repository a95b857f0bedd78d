// The 奖惩评定 screen's table columns: consequences (依据 clause, 元, Chinese labels), receipts,
// and the changes of a what-if or a diff.

import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { tableDateTime, yuan } from '../../lib/format.ts';
import type { Change, Line } from './api.ts';

export const lineColumns: ColumnsType<Line> = [
  { title: '对象', key: 'subject', render: (_, l) => l.subject.name, width: 150 },
  { title: '职务或挂钩', dataIndex: 'via_zh', render: (v: string | null) => v ?? '—', ellipsis: true },
  {
    title: '奖惩',
    key: 'type',
    width: 220,
    render: (_, l) => (
      <span>
        {l.type_zh}
        {l.detail && `（${l.detail}）`}
        {l.withheld && (
          <Tag color="#ad4e00" style={{ marginLeft: 6 }}>
            暂缓兑现
          </Tag>
        )}
      </span>
    ),
  },
  {
    title: '依据',
    key: 'clause',
    width: 150,
    render: (_, l) => (l.applies_label ? `${l.clause_label}（按${l.applies_label}）` : l.clause_label),
  },
  {
    title: '金额',
    dataIndex: 'amount_fen',
    width: 120,
    align: 'right',
    render: (f: number | null) => (f === null ? '—' : yuan(f)),
  },
  { title: '说明', dataIndex: 'reason_zh', render: (r: string | null) => r ?? '', ellipsis: true },
];

const side = (c: Change) => (c.after ?? c.before)!;
const amount = (l: Change['before']) => (l?.amount_fen == null ? '—' : yuan(l.amount_fen));
const CHANGE_COLOR: Record<Change['change'], string> = {
  added: '#237804',
  removed: '#a8071a',
  changed: '#0958d9',
  withheld: '#ad4e00',
  released: '#006d75',
};

export const changeColumns: ColumnsType<Change> = [
  {
    title: '变化',
    dataIndex: 'change_zh',
    width: 110,
    render: (t: string, c) => <Tag color={CHANGE_COLOR[c.change]}>{t}</Tag>,
  },
  { title: '对象', key: 'subject', width: 130, render: (_, c) => side(c).subject.name },
  { title: '职务或挂钩', key: 'via', ellipsis: true, render: (_, c) => side(c).via_zh ?? '—' },
  { title: '奖惩', key: 'type', width: 170, render: (_, c) => side(c).type_zh },
  { title: '依据', key: 'clause', width: 110, render: (_, c) => side(c).clause_label },
  { title: '原金额', key: 'before', width: 110, align: 'right', render: (_, c) => amount(c.before) },
  { title: '新金额', key: 'after', width: 110, align: 'right', render: (_, c) => amount(c.after) },
];

export const receiptTime = (at: string) => tableDateTime(at);
