// 罚款与奖金 (八): the obligations of the year's confirmed decision — a search form (town, unit,
// name, clause, status), a table paged by the server, a drawer per obligation (?obligation=ID)
// with its entries and the money forms the user's role may use — and the balances by person,
// unit, town and county, which add up on screen (?tab=balances).

import { Button, Card, Form, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { FINE_STATUS_ZH, obligationStatusZh } from '../../../../src/domain/labels.ts';
import { useShell } from '../../app/context.ts';
import { Refusal } from '../../app/Refusal.tsx';
import { fpYearLabel, proseDate, yuanWithCapital } from '../../lib/format.ts';
import { useObligations } from './api.ts';
import { BalancesTab } from './BalancesTab.tsx';
import { obligationColumns } from './columns.tsx';
import { ObligationDrawer } from './ObligationDrawer.tsx';
import { type Filter, formOf, PAGE_SIZE, queryOf, withFilters } from './search.ts';

const STATUS_OPTIONS = (
  ['due', 'partly_paid', 'overdue', 'paid', 'remitted', 'deducted', 'overpaid'] as const
).map((value) => ({
  value,
  label: ['remitted', 'deducted'].includes(value) ? FINE_STATUS_ZH[value] : obligationStatusZh(value),
}));

export default function LedgerPage() {
  const { session, county, year } = useShell();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'balances' ? 'balances' : 'list';
  const open = params.get('obligation');
  const setParam = (k: string, v: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (v) next.set(k, v);
      else next.delete(k);
      return next;
    });
  return (
    <div>
      <Typography.Title level={3} className="page-title" style={{ marginTop: 0, marginBottom: 4 }}>
        罚款与奖金
      </Typography.Title>
      <Typography.Text type="secondary" className="page-sub">
        {fpYearLabel(year)}　已确认的奖惩决定所定的罚款（八）与奖金
      </Typography.Text>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam('tab', k === 'balances' ? 'balances' : null)}
        items={[
          {
            key: 'list',
            label: '应收应付款项',
            children: county && <ObligationList county={county} year={year} />,
          },
          {
            key: 'balances',
            label: '余额汇总',
            children: county && <BalancesTab county={county} year={year} active={tab === 'balances'} />,
          },
        ]}
      />
      <ObligationDrawer id={open} session={session} onClose={() => setParam('obligation', null)} />
    </div>
  );
}

function ObligationList({ county, year }: { county: string; year: number }) {
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const list = useObligations(county, year, query);
  const [form] = Form.useForm<Partial<Record<Filter, string>>>();
  const page = list.data;
  const c = page?.choices;
  if (list.error) return <Refusal error={list.error} />;
  const openRow = (id: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('obligation', id);
      return next;
    });
  return (
    <div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form
          form={form}
          layout="inline"
          initialValues={formOf(params)}
          onFinish={(v) => setParams(withFilters(params, v))}
          aria-label="查询条件"
        >
          <Form.Item name="kind" label="类别">
            <Select
              allowClear
              style={{ width: 100 }}
              aria-label="类别"
              options={[
                { value: 'fine', label: '罚款' },
                { value: 'reward', label: '奖金' },
              ]}
            />
          </Form.Item>
          <Form.Item name="town" label="镇（场）">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 130 }}
              aria-label="镇（场）"
              options={c?.towns.map((t) => ({ value: t.id, label: t.name }))}
            />
          </Form.Item>
          <Form.Item name="unit" label="单位">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 170 }}
              aria-label="单位"
              options={c?.units.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="name" label="对象">
            <Input allowClear style={{ width: 110 }} placeholder="姓名或单位名" />
          </Form.Item>
          <Form.Item name="clause" label="条款">
            <Select
              allowClear
              style={{ width: 120 }}
              aria-label="条款"
              options={c?.clauses.map((x) => ({ value: x.id, label: x.label }))}
            />
          </Form.Item>
          <Form.Item name="source" label="来源">
            <Select
              allowClear
              style={{ width: 130 }}
              aria-label="来源"
              options={c?.sources.map((x) => ({ value: x.id, label: x.name }))}
            />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select allowClear style={{ width: 140 }} aria-label="状态" options={STATUS_OPTIONS} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  form.setFieldsValue({
                    kind: undefined,
                    town: undefined,
                    unit: undefined,
                    name: undefined,
                    clause: undefined,
                    source: undefined,
                    status: undefined,
                  });
                  setParams(withFilters(params, {}));
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Table
        size="small"
        rowKey="id"
        loading={list.isFetching}
        columns={obligationColumns}
        dataSource={page?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={{
          current: Math.floor((query.offset ?? 0) / PAGE_SIZE) + 1,
          pageSize: PAGE_SIZE,
          total: page?.total ?? 0,
          showSizeChanger: false,
          showTotal: (t) => `共 ${t} 笔`,
          onChange: (n) =>
            setParams((p) => {
              const next = new URLSearchParams(p);
              if (n > 1) next.set('page', String(n));
              else next.delete('page');
              return next;
            }),
        }}
        onRow={(o) => ({
          onClick: () => openRow(o.id),
          onKeyDown: (e) => e.key === 'Enter' && openRow(o.id),
          tabIndex: 0,
          style: { cursor: 'pointer' },
        })}
        locale={{ emptyText: '没有符合条件的款项' }}
      />
      {page && page.total > 0 && (
        <Typography.Paragraph data-testid="list-totals" style={{ marginTop: 8 }}>
          截至{proseDate(page.on)}，符合条件的罚款未缴 {yuanWithCapital(page.totals.fines.outstanding_fen)}
          ，其中逾期 {yuanWithCapital(page.totals.fines.overdue_fen)}；奖金未付{' '}
          {yuanWithCapital(page.totals.rewards.outstanding_fen)}。
        </Typography.Paragraph>
      )}
    </div>
  );
}
