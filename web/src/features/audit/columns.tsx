// The trail's columns: when (China time, to the minute), who by name and role, what, the object
// and its place. A row opens the entry's drawer with its values before and after.

import type { ColumnsType } from 'antd/es/table';
import { tableDateTime } from '../../lib/format.ts';
import type { AuditEntry } from './api.ts';

/** Who, as people know them: 王志刚（县人口考核办）, the login name when the account has no name. */
export function actorText(e: Pick<AuditEntry, 'actor' | 'actor_name' | 'actor_role_zh'>): string {
  return `${e.actor_name ?? e.actor}（${e.actor_role_zh}）`;
}

export const trailColumns: ColumnsType<AuditEntry> = [
  { title: '序号', dataIndex: 'seq', width: 80, align: 'right' },
  { title: '时间', dataIndex: 'at', width: 140, render: tableDateTime },
  { title: '操作人', key: 'actor', width: 200, render: (_: unknown, e) => actorText(e) },
  { title: '操作', dataIndex: 'action_zh', width: 170 },
  {
    title: '对象',
    key: 'object',
    ellipsis: true,
    render: (_: unknown, e) => `${e.object_type_zh} ${e.object_id}`,
  },
  {
    title: '所属单位',
    key: 'unit',
    width: 140,
    render: (_: unknown, e) => e.unit_name ?? e.unit_id ?? '—',
  },
];
