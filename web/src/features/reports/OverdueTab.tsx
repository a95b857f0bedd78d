// 逾期罚款: fines past their deadline and not settled as of a day, by the unit that must collect
// them, with what the finance bureau may deduct from each unit's allocation (八); a chart; Excel.

import { Alert, Button, DatePicker, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { Chart } from '../../lib/chart/Chart.tsx';
import { proseDate, tableDate, yuan, yuanWithCapital } from '../../lib/format.ts';
import { type OverdueReport, useOverdue, xlsxHref } from './api.ts';
import { overdueBar, overdueText } from './charts.ts';
import { expandIcon } from './ExpandButton.tsx';

type UnitRow = OverdueReport['units'][number];
type Line = UnitRow['lines'][number];

const unitColumns: ColumnsType<UnitRow> = [
  { title: '收缴单位', dataIndex: ['unit', 'name'] },
  { title: '笔数', key: 'n', width: 80, render: (_: unknown, u) => `${u.lines.length} 笔` },
  {
    title: '可从拨款中扣除',
    dataIndex: 'deductible_fen',
    width: 160,
    align: 'right',
    render: (f: number) => yuan(f),
  },
];
const lineColumns: ColumnsType<Line> = [
  { title: '当事人', dataIndex: ['person', 'name'], width: 110 },
  { title: '依据条款', dataIndex: 'clause_label', width: 100 },
  { title: '来源', dataIndex: 'source_zh', width: 100 },
  { title: '缴纳期限', dataIndex: 'due_on', width: 110, render: tableDate },
  { title: '逾期天数', dataIndex: 'days_overdue', width: 90, render: (d: number) => `${d} 天` },
  { title: '应缴', dataIndex: 'assessed_fen', width: 110, align: 'right', render: (f: number) => yuan(f) },
  { title: '已缴', dataIndex: 'settled_fen', width: 110, align: 'right', render: (f: number) => yuan(f) },
  { title: '逾期未缴', dataIndex: 'overdue_fen', width: 110, align: 'right', render: (f: number) => yuan(f) },
];

export function OverdueTab({
  county,
  year,
  on,
  setOn,
}: {
  county: string;
  year: number;
  on: string | null;
  setOn: (d: string | null) => void;
}) {
  const q = useOverdue(county, year, on, true);
  if (q.isPending) return <PageLoading />;
  if (q.error) return <Refusal error={q.error} />;
  const r = q.data;
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <label htmlFor="overdue-on">截至日期</label>
        <DatePicker
          id="overdue-on"
          value={dayjs(r.on)}
          allowClear={false}
          onChange={(d) => d && setOn(d.format('YYYY-MM-DD'))}
        />
        <Button href={xlsxHref(county, year, 'overdue', { on: r.on })} download>
          下载Excel
        </Button>
      </Space>
      <Alert
        type={r.total_fen > 0 ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        message={
          <span data-testid="overdue-total">
            截至{proseDate(r.on)}，逾期未缴的罚款合计{yuanWithCapital(r.total_fen)}
            {r.fines_due_on ? `（缴纳期限${proseDate(r.fines_due_on)}）` : ''}。
          </span>
        }
      />
      {r.units.length > 0 && <Chart option={overdueBar(r)} label={overdueText(r)} height={240} />}
      <Table
        size="small"
        rowKey={(u) => u.unit.id ?? ''}
        columns={unitColumns}
        dataSource={r.units}
        pagination={false}
        expandable={{
          expandIcon: expandIcon((u: UnitRow) => u.unit.name),
          expandedRowRender: (u) => (
            <Table
              size="small"
              rowKey="obligation_id"
              columns={lineColumns}
              dataSource={u.lines}
              pagination={false}
            />
          ),
        }}
        locale={{ emptyText: '没有逾期未缴的罚款' }}
      />
      <Typography.Text type="secondary">
        八：执罚不力的单位，由县财政从该单位的拨款中直接扣除。
      </Typography.Text>
    </div>
  );
}
