// One audit entry in a drawer: who, when, what and where in words, then its values before and
// after as a table of the fields that changed (and, folded, those that did not), and the entry's
// place in the chain (its hash and the previous one).

import { Collapse, Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { fieldZh } from '../../../../src/domain/audit-labels.ts';
import { proseDate, tableDateTime } from '../../lib/format.ts';
import type { AuditEntry } from './api.ts';
import { actorText } from './columns.tsx';
import { CHANGE_ZH, type DiffRow, diffSummary, diffValues } from './diff.ts';

const diffColumns = [
  {
    title: '字段',
    dataIndex: 'path',
    width: 190,
    render: (p: string) => (fieldZh(p) === p ? p : `${fieldZh(p)}（${p}）`),
  },
  { title: '改动前', dataIndex: 'before', render: (t: string) => <span className="audit-value">{t}</span> },
  { title: '改动后', dataIndex: 'after', render: (t: string) => <span className="audit-value">{t}</span> },
  {
    title: '变化',
    dataIndex: 'change',
    width: 70,
    render: (c: DiffRow['change']) => <Tag>{CHANGE_ZH[c]}</Tag>,
  },
];

export function EntryDrawer({ entry, onClose }: { entry: AuditEntry | undefined; onClose: () => void }) {
  const rows = entry ? diffValues(entry.before, entry.after) : [];
  const changed = rows.filter((r) => r.change !== 'same');
  const same = rows.filter((r) => r.change === 'same');
  return (
    <Drawer
      open={entry !== undefined}
      onClose={onClose}
      width={760}
      title={entry ? `审计记录 第 ${entry.seq} 条：${entry.action_zh}` : '审计记录'}
      destroyOnHidden
    >
      {entry && (
        <>
          <Descriptions column={2} bordered size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="时间">
              {proseDate(tableDateTime(entry.at).slice(0, 10))} {tableDateTime(entry.at).slice(11)}
            </Descriptions.Item>
            <Descriptions.Item label="操作人">{actorText(entry)}</Descriptions.Item>
            <Descriptions.Item label="操作">{entry.action_zh}</Descriptions.Item>
            <Descriptions.Item label="登录名">{entry.actor}</Descriptions.Item>
            <Descriptions.Item label="对象">
              {entry.object_type_zh} {entry.object_id}
            </Descriptions.Item>
            <Descriptions.Item label="所属单位">{entry.unit_name ?? entry.unit_id ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>改动前后对照（{diffSummary(rows)}）</Typography.Title>
          <Table
            size="small"
            rowKey="path"
            columns={diffColumns}
            dataSource={changed}
            pagination={false}
            locale={{ emptyText: '没有改动的字段' }}
          />
          {same.length > 0 && (
            <Collapse
              size="small"
              style={{ marginTop: 12 }}
              items={[
                {
                  key: 'same',
                  label: `未改动的字段（${same.length} 项）`,
                  children: (
                    <Table
                      size="small"
                      rowKey="path"
                      columns={diffColumns
                        .slice(0, 2)
                        .map((c) => (c.dataIndex === 'before' ? { ...c, title: '值' } : c))}
                      dataSource={same}
                      pagination={false}
                    />
                  ),
                },
              ]}
            />
          )}
          <Descriptions column={1} size="small" style={{ marginTop: 16 }} title="在审计链中的位置">
            <Descriptions.Item label="本条哈希">
              <Typography.Text code copyable className="audit-hash">
                {entry.hash}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="上一条哈希">
              <Typography.Text code className="audit-hash">
                {entry.prev_hash}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Drawer>
  );
}
