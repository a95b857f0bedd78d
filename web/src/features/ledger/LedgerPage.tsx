// 罚款与奖金 (八): the obligations of the year's confirmed decision — a search form (town, unit,
// name, clause, status), a table paged by the server, a drawer per obligation (?obligation=ID)
// with its entries and the money forms the user's role may use — and the balances by person,
// unit, town and county, which add up on screen (?tab=balances).

import { Card, Form, Input, Select, type SelectProps, Table, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { FINE_STATUS_ZH, obligationStatusZh } from '../../../../src/domain/labels.ts';
import { useShell } from '../../app/context.ts';
import { Refusal } from '../../app/Refusal.tsx';
import { fpYearLabel, proseDate, yuanWithCapital } from '../../lib/format.ts';
import { withParams } from '../../lib/params.ts';
import { opensOnClick } from '../../lib/rows.ts';
import { SearchButtons } from '../../lib/SearchButtons.tsx';
import { useObligations } from './api.ts';
import { BalancesTab } from './BalancesTab.tsx';
import { obligationColumns } from './columns.tsx';
import { ObligationDrawer } from './ObligationDrawer.tsx';
import { FILTERS, type Filter, formOf, PAGE_SIZE, queryOf, withFilters } from './search.ts';

const STATUS_OPTIONS = (
  ['due', 'partly_paid', 'overdue', 'paid', 'remitted', 'deducted', 'overpaid'] as const
).map((value) => ({
  value,
  label: ['remitted', 'deducted'].includes(value) ? FINE_STATUS_ZH[value] : obligationStatusZh(value),
}));

/** A search form's select: cleared to search all, and (for long lists) searched by what it shows. */
function filterSelect(
  name: Filter,
  label: string,
  width: number,
  options: SelectProps['options'],
  search = false,
) {
  return (
    <Form.Item name={name} label={label}>
      <Select
        allowClear
        {...(search && { showSearch: true, optionFilterProp: 'label' })}
        style={{ width }}
        aria-label={label}
        options={options}
      />
    </Form.Item>
  );
}

const named = (xs?: readonly { id: string; name: string }[]) =>
  xs?.map((x) => ({ value: x.id, label: x.name }));

export default function LedgerPage() {
  const { session, county, year } = useShell();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'balances' ? 'balances' : 'list';
  const open = params.get('obligation');
  const setParam = (k: string, v: string | null) => setParams((p) => withParams(p, { [k]: v }));
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
  const openRow = (id: string) => setParams((p) => withParams(p, { obligation: id }));
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
          {filterSelect('kind', '类别', 100, [
            { value: 'fine', label: '罚款' },
            { value: 'reward', label: '奖金' },
          ])}
          {filterSelect('town', '镇（场）', 130, named(c?.towns), true)}
          {filterSelect('unit', '单位', 170, named(c?.units), true)}
          <Form.Item name="name" label="对象">
            <Input allowClear style={{ width: 110 }} placeholder="姓名或单位名" />
          </Form.Item>
          {filterSelect(
            'clause',
            '条款',
            120,
            c?.clauses.map((x) => ({ value: x.id, label: x.label })),
          )}
          {filterSelect('source', '来源', 130, named(c?.sources))}
          {filterSelect('status', '状态', 140, STATUS_OPTIONS)}
          <SearchButtons
            onReset={() => {
              form.resetFields();
              form.setFieldsValue(Object.fromEntries(FILTERS.map((k) => [k, undefined])));
              setParams(withFilters(params, {}));
            }}
          />
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
          onChange: (n) => setParams((p) => withParams(p, { page: n > 1 ? String(n) : null })),
        }}
        onRow={(o) => opensOnClick(() => openRow(o.id))}
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
