// The recommendations of the year's decision: searched by name, kind and status and paged by the
// server (the search in the address); a row opens its drawer (?action=ID) with what was decided
// and the 人事处理建议函.

import { Card, Form, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router';
import { PERSONNEL_STATUS_ZH } from '../../../../src/domain/labels.ts';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { withParams } from '../../lib/params.ts';
import { opensOnClick } from '../../lib/rows.ts';
import { SearchButtons } from '../../lib/SearchButtons.tsx';
import { ActionDrawer } from './ActionDrawer.tsx';
import { type Action, type ActionSearch, PAGE_SIZE, useAction, useActions } from './api.ts';
import { actionSearchOf, clauseText, period } from './helpers.ts';

export const STATUS_COLOR: Record<Action['status'], string> = {
  pending: '#ad4e00',
  adopted: '#237804',
  not_adopted: 'default',
};
const STATUS_OPTIONS = (['pending', 'adopted', 'not_adopted'] as const).map((value) => ({
  value,
  label: PERSONNEL_STATUS_ZH[value],
}));

const columns: ColumnsType<Action> = [
  { title: '对象', key: 'subject', width: 130, render: (_, a) => a.subject.name },
  { title: '处理建议', dataIndex: 'type_zh' },
  { title: '依据条款', key: 'clause', width: 170, render: (_, a) => clauseText(a) },
  { title: '期限', key: 'period', width: 210, render: (_, a) => period(a) },
  {
    title: '决定情况',
    dataIndex: 'status_zh',
    width: 120,
    render: (t: string, a) => <Tag color={STATUS_COLOR[a.status]}>{t}</Tag>,
  },
];

export function ActionsTab({ county, year }: { county: string; year: number }) {
  const [params, setParams] = useSearchParams();
  const search = actionSearchOf(params);
  const actions = useActions(county, year, search);
  const open = params.get('action');
  const opened = useAction(county, year, open);
  const set = (changes: Record<string, string | undefined>) => setParams((p) => withParams(p, changes));
  if (actions.isPending) return <PageLoading />;
  if (actions.error && !actions.data) return <Refusal error={actions.error} />;
  const page = actions.data!;
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form<Omit<ActionSearch, 'page'>>
          name="actions-filter"
          layout="inline"
          initialValues={search}
          onFinish={(v) => set({ name: v.name?.trim(), type: v.type, status: v.status, page: undefined })}
        >
          <Form.Item label="姓名" name="name">
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label="处理建议" name="type">
            <Select
              allowClear
              placeholder="全部"
              options={page.types.map((t) => ({ value: t.type, label: t.type_zh }))}
              style={{ width: 240 }}
            />
          </Form.Item>
          <Form.Item label="决定情况" name="status">
            <Select allowClear placeholder="全部" options={STATUS_OPTIONS} style={{ width: 140 }} />
          </Form.Item>
          <SearchButtons />
        </Form>
      </Card>
      <Table
        size="small"
        rowKey="id"
        loading={actions.isFetching}
        columns={columns}
        dataSource={page.items}
        pagination={{
          current: search.page,
          pageSize: PAGE_SIZE,
          total: page.total,
          showSizeChanger: false,
          showTotal: (t) => `共 ${t} 项`,
          onChange: (p) => set({ page: p > 1 ? String(p) : undefined }),
        }}
        onRow={(a) => opensOnClick(() => set({ action: a.id }), `${a.subject.name} ${a.type_zh}`)}
        locale={{ emptyText: page.types.length ? '没有符合条件的处理建议' : '本年度的决定没有人事处理建议' }}
      />
      <ActionDrawer
        action={opened.data ?? null}
        missing={open !== null && opened.isSuccess && opened.data === null}
        onClose={() => set({ action: undefined })}
      />
    </>
  );
}
