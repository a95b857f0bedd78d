// The rosters screen's table columns: the board, a roster's lines, the diff, the history and an
// upload's problems (titles in Chinese, dates as 2009-10-01, codes by their Chinese label).

import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ROSTER_LINE_KIND_ZH } from '../../../../src/domain/labels.ts';
import { tableDate, tableDateTime } from '../../lib/format.ts';
import type { RosterStatus } from '../../lib/labels.ts';
import type { Line, Roster, RosterItem } from './api.ts';
import type { CellProblem } from './summary.ts';

/** Text and background of each status, dark enough on light to read at 4.5:1 (the words carry it too). */
const TAG_STYLE: Record<RosterStatus, { color: string; background: string; borderColor: string }> = {
  not_submitted: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
  submitted: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  returned: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  accepted: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
};

export function StatusTag({ status, zh }: { status: RosterStatus; zh: string }) {
  return <Tag style={TAG_STYLE[status]}>{zh}</Tag>;
}

/** When and by whom, on two lines (the date first). */
function When({ at, who }: { at: string | null; who: string | null }) {
  if (!at) return <span>—</span>;
  return (
    <span>
      {tableDateTime(at)}
      <br />
      {who}
    </span>
  );
}

export const boardColumns: ColumnsType<RosterItem> = [
  { title: '单位', dataIndex: 'unit_name', width: 150 },
  { title: '类别', dataIndex: 'unit_kind_zh', width: 96 },
  {
    title: '状态',
    dataIndex: 'status',
    width: 140,
    render: (s: RosterStatus, r) => <StatusTag status={s} zh={r.status_zh} />,
  },
  { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => (v ? `第 ${v} 版` : '—') },
  {
    title: '上报',
    dataIndex: 'submitted_at',
    width: 150,
    render: (at: string | null, r) => <When at={at} who={r.submitted_by_name} />,
  },
  {
    title: '审核',
    dataIndex: 'reviewed_at',
    width: 150,
    render: (at: string | null, r) => <When at={at} who={r.reviewed_by_name} />,
  },
];

const dates = (l: { from?: string | undefined; to?: string | undefined }) =>
  l.from || l.to ? `${l.from ? tableDate(l.from) : '…'} 至 ${l.to ? tableDate(l.to) : '今'}` : '—';

export const lineColumns: ColumnsType<Line> = [
  { title: '类型', dataIndex: 'kind', width: 80, render: (k: Line['kind']) => ROSTER_LINE_KIND_ZH[k] },
  { title: '单位或村', key: 'place', width: 150, render: (_, l) => l.unit_name ?? l.village_name ?? '—' },
  { title: '职务', dataIndex: 'role_zh', width: 150, render: (r?: string) => r ?? '—' },
  { title: '姓名', dataIndex: 'person_name', width: 110, render: (n?: string) => n ?? '—' },
  {
    title: '驻（挂钩）村',
    dataIndex: 'village_name',
    width: 140,
    render: (v: string | undefined, l) => (l.kind === 'post' ? '—' : (v ?? '—')),
  },
  { title: '任职（挂钩）期间', key: 'dates', render: (_, l) => dates(l) },
];

/** A diff's entries: the line as the server words it, and what accepting does to a removed one. */
export const diffColumns: ColumnsType<Line> = [
  { title: '类型', dataIndex: 'kind', width: 80, render: (k: Line['kind']) => ROSTER_LINE_KIND_ZH[k] },
  { title: '内容', dataIndex: 'zh' },
  {
    title: '说明',
    key: 'note',
    width: 280,
    render: (_, l) =>
      l.end
        ? l.end.how === 'close'
          ? `接受后于 ${tableDate(l.end.on)} 终止`
          : '接受后撤销（本年度内开始的记录）'
        : l.before || l.after
          ? `期间由 ${dates(l.before ?? {})} 改为 ${dates(l.after ?? {})}`
          : '—',
  },
];

type History = Roster['history'][number];
export const historyColumns: ColumnsType<History> = [
  { title: '时间', dataIndex: 'at', width: 170, render: tableDateTime },
  { title: '操作', dataIndex: 'action_zh', width: 80 },
  { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第 ${v} 版` },
  { title: '操作人', dataIndex: 'actor_name', width: 120 },
  { title: '退回原因', dataIndex: 'reasons', render: (r?: string[]) => (r?.length ? r.join('；') : '—') },
];

export const problemColumns: ColumnsType<CellProblem> = [
  { title: '工作表', dataIndex: 'sheet', width: 160, render: (s: string) => s || '（整个文件）' },
  { title: '单元格', dataIndex: 'cell', width: 90, render: (c: string) => c || '—' },
  { title: '问题', dataIndex: 'zh' },
];
