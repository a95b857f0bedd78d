// The 考核 screen's table columns: the year's assessments, a ranking, the category changes.

import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { categoryZh } from '../../lib/labels.ts';
import type { Assessment, CategoryChange, Ranking } from './api.ts';

const names = (l: { name: string }[]) => (l.length ? l.map((u) => u.name).join('、') : '—');

export const assessmentColumns: ColumnsType<Assessment> = [
  { title: '考核机关', dataIndex: 'by_zh', width: 80 },
  {
    title: '考核对象',
    dataIndex: 'subject_name',
    width: 150,
    render: (n: string, a) => (a.town_name ? `${n}（${a.town_name}）` : n),
  },
  { title: '对象类别', dataIndex: 'subject_kind_zh', width: 120 },
  { title: '考核类型', dataIndex: 'kind_zh', width: 130 },
  { title: '考核结果', dataIndex: 'outcome_zh', width: 150, render: (o: string | null) => o ?? '—' },
  { title: '总分', dataIndex: 'score', width: 70, align: 'right', render: (s: number | null) => s ?? '—' },
  { title: '抽中', dataIndex: 'sampled', ellipsis: { showTitle: true }, render: names },
  { title: '失职', dataIndex: 'at_fault', ellipsis: { showTitle: true }, render: names },
  { title: '造成原因的县直单位', dataIndex: 'caused_by', width: 150, render: names },
];

type Ranked = Ranking['items'][number];
/** Light text on a light tag reads at 4.5:1 only in these darker tones. */
const YES = { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' };
const NO = { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' };

export const rankColumns = (top: number): ColumnsType<Ranked> => [
  {
    title: '名次',
    dataIndex: 'rank',
    width: 70,
    render: (r: number | null) => (r === null ? '—' : `第 ${r} 名`),
  },
  {
    title: '单位',
    dataIndex: 'name',
    width: 170,
    render: (n: string, i) => (i.town_name && i.town !== i.unit ? `${n}（${i.town_name}）` : n),
  },
  { title: '总分', dataIndex: 'score', width: 70, align: 'right', render: (s: number | null) => s ?? '—' },
  { title: '县考核结果', dataIndex: 'outcome_zh', width: 130, render: (o?: string) => o ?? '—' },
  {
    title: `奖励（前 ${top} 名）`,
    dataIndex: 'qualifies',
    width: 120,
    render: (q: boolean, i) => (
      <Tag style={q && !i.withheld ? YES : NO}>{q ? (i.withheld ? '符合但暂缓' : '符合') : '不符合'}</Tag>
    ),
  },
  {
    title: '说明',
    key: 'why',
    render: (_, i) => [...i.reasons.map((r) => r.zh), ...(i.withheld ? [i.withheld] : [])].join('；') || '—',
  },
];

export const categoryColumns: ColumnsType<CategoryChange> = [
  { title: '单位', dataIndex: 'name', width: 140 },
  { title: '类别', dataIndex: 'kind_zh', width: 130 },
  {
    title: '所属镇（场）',
    dataIndex: 'town_name',
    width: 120,
    render: (t: string | undefined, c) => (c.kind === 'village' ? (t ?? '—') : '—'),
  },
  {
    title: '上年度',
    dataIndex: 'previous',
    width: 90,
    render: (c: number | null) => (c ? categoryZh(c) : '无'),
  },
  {
    title: '本年度',
    dataIndex: 'current',
    width: 90,
    render: (c: number | null) => (c ? categoryZh(c) : '无'),
  },
  { title: '变化', dataIndex: 'zh' },
  {
    title: '晋级',
    dataIndex: 'improved',
    width: 80,
    render: (i: boolean) => <Tag style={i ? YES : NO}>{i ? '晋级' : '否'}</Tag>,
  },
];
