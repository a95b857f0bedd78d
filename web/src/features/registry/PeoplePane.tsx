// The people of the county (thousands): a search by name, a table paged on the server, each row
// with the person's posts and links as of the day; a row opens the person's drawer.

import { Button, Card, Checkbox, Form, Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Refusal } from '../../app/Refusal.tsx';
import { opensOnClick } from '../../lib/rows.ts';
import { SearchButtons } from '../../lib/SearchButtons.tsx';
import { type PersonView, usePeople } from './api.ts';
import { counterpart } from './columns.tsx';

const columns: ColumnsType<PersonView> = [
  {
    title: '姓名',
    dataIndex: 'name',
    width: 120,
    render: (n: string, p) => (
      <span>
        {n}
        {p.retracted_at && (
          <Tag color="#a8071a" style={{ marginLeft: 6 }}>
            已撤回
          </Tag>
        )}
      </span>
    ),
  },
  { title: '编号', dataIndex: 'id', width: 170 },
  { title: '身份', dataIndex: 'staff_type_zh', width: 120, render: (t: string | null) => t ?? '—' },
  {
    title: '现任职务',
    key: 'posts',
    render: (_, p) =>
      p.posts
        .filter((x) => x.standing === 'current')
        .map((x) => `${x.unit_name}${x.role_zh}`)
        .join('；') || '—',
  },
  {
    title: '挂钩（帮扶、驻村）',
    key: 'links',
    render: (_, p) =>
      p.links
        .filter((x) => x.standing === 'current')
        .map((x) => `${x.kind_zh}：${counterpart(x, p.id)}`)
        .join('；') || '—',
  },
];

export function PeoplePane({
  county,
  asOf,
  mayCreate,
  onCreate,
  onOpen,
}: {
  county: string;
  asOf: string;
  mayCreate: boolean;
  onCreate: () => void;
  onOpen: (id: string) => void;
}) {
  const [filter, setFilter] = useState({ q: '', page: 1, pageSize: 20, includeRetracted: false });
  const people = usePeople(county, asOf, filter);
  if (people.error) return <Refusal error={people.error} />;
  return (
    <Card size="small">
      <Form
        layout="inline"
        onFinish={(v: { q?: string; includeRetracted?: boolean }) =>
          setFilter((f) => ({ ...f, q: v.q ?? '', includeRetracted: v.includeRetracted === true, page: 1 }))
        }
        style={{ marginBottom: 12 }}
      >
        <Form.Item name="q" label="姓名">
          <Input placeholder="姓名或编号" allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="includeRetracted" valuePropName="checked">
          <Checkbox>含已撤回的人员</Checkbox>
        </Form.Item>
        <SearchButtons>{mayCreate && <Button onClick={onCreate}>新增人员</Button>}</SearchButtons>
      </Form>
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        loading={people.isFetching}
        dataSource={people.data?.items ?? []}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: people.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t} 人`,
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
        onRow={(p) => opensOnClick(() => onOpen(p.id))}
        locale={{ emptyText: '没有符合条件的人员' }}
      />
    </Card>
  );
}
