// The 警示通知书 table: the deadline light with its words, the unit, the matter, dates, status.

import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { tableDate } from '../../lib/format.ts';
import type { NoticeItem } from './api.ts';

export const STATUS_COLOR: Record<NoticeItem['status'], string> = {
  // White text on these meets 4.5:1.
  open: '#ad4e00',
  reported: '#0958d9',
  verified: '#237804',
  retracted: 'default',
};

/** The light as a dot and its words: colour is never the only sign. */
export function Light({ item }: { item: Pick<NoticeItem, 'light' | 'light_zh' | 'days_left'> }) {
  const days =
    item.days_left === null
      ? ''
      : item.days_left < 0
        ? `（逾期${-item.days_left}天）`
        : `（剩${item.days_left}天）`;
  return (
    <span>
      {item.light && <span className={`light light-${item.light}`} aria-hidden="true" />}
      {item.light_zh}
      {item.light && days}
    </span>
  );
}

export const noticeColumns: ColumnsType<NoticeItem> = [
  { title: '期限状态', key: 'light', width: 150, render: (_, n) => <Light item={n} /> },
  { title: '编号', dataIndex: 'id', width: 130 },
  { title: '单位', key: 'unit', width: 150, render: (_, n) => n.unit.name },
  { title: '事项', dataIndex: 'matter', ellipsis: true },
  { title: '下发日期', dataIndex: 'issued_on', width: 110, render: tableDate },
  {
    title: '整改期限',
    dataIndex: 'deadline',
    width: 110,
    render: (d: string | null) => tableDate(d) || '未定',
  },
  {
    title: '状态',
    dataIndex: 'status_zh',
    width: 160,
    render: (t: string, n) => <Tag color={STATUS_COLOR[n.status]}>{t}</Tag>,
  },
];
