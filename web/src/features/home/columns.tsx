// The home screen's table columns (titles in Chinese, dates as 2009-10-01, money in 元).

import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { tableDate, yuan } from '../../lib/format.ts';
import { ROSTER_STATUS_COLOR, ROSTER_STATUS_ZH } from '../../lib/labels.ts';
import { kindZh, type Vocabulary } from '../../lib/vocabulary.ts';
import type { Worklist } from './api.ts';

type Rosters = NonNullable<Worklist['rosters']>['waiting'][number];
type Missing = NonNullable<Worklist['assessments']>['missing'][number];
type Notice = NonNullable<Worklist['notices']>['items'][number];
type Fine = NonNullable<Worklist['fines']>['items'][number];

/** The rosters waiting, their kinds of unit in the words of the county's pack. */
export const rosterColumns = (words: Vocabulary | undefined): ColumnsType<Rosters> => [
  { title: '单位', dataIndex: 'unit_name' },
  { title: '类别', dataIndex: 'unit_kind', render: (k: string) => kindZh(words, k), width: 110 },
  {
    title: '状态',
    dataIndex: 'status',
    width: 140,
    render: (s: Rosters['status']) => <Tag color={ROSTER_STATUS_COLOR[s]}>{ROSTER_STATUS_ZH[s]}</Tag>,
  },
];

export const missingColumns: ColumnsType<Missing> = [
  { title: '单位', dataIndex: 'unit_name' },
  { title: '类别', dataIndex: 'unit_kind_zh', width: 130 },
  { title: '所属镇（场）', dataIndex: 'town_name', render: (t: string | null) => t ?? '—', width: 140 },
];

/** The deadline light as a dot and its words (colour is never the only sign). */
export function Light({ light, text }: { light: Notice['light']; text: string }) {
  return (
    <span>
      {light && <span className={`light light-${light}`} aria-hidden="true" />}
      {text}
    </span>
  );
}

export const noticeColumns: ColumnsType<Notice> = [
  {
    title: '期限',
    dataIndex: 'light_zh',
    width: 120,
    render: (t: string, n) => <Light light={n.light} text={t} />,
  },
  { title: '单位', dataIndex: 'unit_name', width: 140 },
  { title: '事项', dataIndex: 'matter', ellipsis: true },
  { title: '下达日期', dataIndex: 'issued_on', width: 110, render: tableDate },
  {
    title: '整改期限',
    dataIndex: 'deadline',
    width: 110,
    render: (d: string | null) => (d ? tableDate(d) : '—'),
  },
  { title: '状态', dataIndex: 'status_zh', width: 150 },
];

export const fineColumns: ColumnsType<Fine> = [
  { title: '对象', dataIndex: 'subject_name', width: 120 },
  { title: '依据条款', dataIndex: 'clause', width: 100 },
  { title: '收缴单位', dataIndex: 'unit_name', render: (u: string | null) => u ?? '—' },
  {
    title: '缴纳期限',
    dataIndex: 'due_on',
    width: 110,
    render: (d: string | null) => (d ? tableDate(d) : '—'),
  },
  {
    title: '未缴金额',
    dataIndex: 'outstanding_fen',
    width: 140,
    align: 'right',
    render: (f: number) => yuan(f),
  },
];
