// The office's (and the auditor's) board of 二(四) rosters: every town and county unit with its
// roster status for the FP year, a chart of counts by status, and a search form. A row opens the
// unit's roster. The filter lives in the address (?status=submitted), so it can be shared.

import { Button, Card, Col, Form, Input, Row, Select, Table, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useShell } from '../../app/context.ts';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { Chart } from '../../lib/chart/Chart.tsx';
import { fpYearLabel } from '../../lib/format.ts';
import { ROSTER_STATUS_ZH } from '../../lib/labels.ts';
import { opensOnClick } from '../../lib/rows.ts';
import { kindZh, useVocabulary } from '../../lib/vocabulary.ts';
import { useRosterList } from './api.ts';
import { STATUS_ORDER, statusBar, statusText } from './charts.ts';
import { boardColumns } from './columns.tsx';
import { type BoardFilter, filterBoard } from './summary.ts';

const FIELDS = ['name', 'kind', 'status'] as const;

export function Board() {
  const { county, year } = useShell();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const list = useRosterList(county, year);
  const words = useVocabulary(county);
  const [form] = Form.useForm<BoardFilter>();
  const filter: BoardFilter = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? undefined]));
  const search = (f: BoardFilter) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const k of FIELDS) {
        const v = f[k]?.trim();
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  const open = (unit: string) => navigate(`/rosters/${encodeURIComponent(unit)}?year=${year}`);

  if (list.isPending) return <PageLoading />;
  if (list.error) return <Refusal error={list.error} />;
  const items = list.data.items;
  const rows = filterBoard(items, filter);

  return (
    <div>
      <Typography.Title level={3} className="page-title" style={{ marginTop: 0, marginBottom: 4 }}>
        名单上报（二（四））
      </Typography.Title>
      <Typography.Text type="secondary" className="page-sub">
        {fpYearLabel(year)}　各镇（场）和县直单位的名单：共 {items.length} 个单位，待审核{' '}
        {list.data.counts.submitted} 个。
      </Typography.Text>
      <Row gutter={16}>
        <Col xs={24} xl={7}>
          <Card title="各状态的单位数" size="small" style={{ marginBottom: 16 }}>
            <Chart option={statusBar(items)} label={statusText(items)} height={250} />
          </Card>
        </Col>
        <Col xs={24} xl={17}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Form
              form={form}
              layout="inline"
              initialValues={filter}
              onFinish={search}
              aria-label="查询名单"
              style={{ marginBottom: 12 }}
            >
              <Form.Item name="name" label="单位">
                <Input allowClear placeholder="名称或编号" style={{ width: 130 }} />
              </Form.Item>
              <Form.Item name="kind" label="类别">
                <Select
                  allowClear
                  aria-label="类别"
                  style={{ width: 110 }}
                  options={(['town', 'county_unit'] as const).map((k) => ({
                    value: k,
                    label: kindZh(words, k),
                  }))}
                />
              </Form.Item>
              <Form.Item name="status" label="状态">
                <Select
                  allowClear
                  aria-label="状态"
                  style={{ width: 140 }}
                  options={STATUS_ORDER.map((s) => ({ value: s, label: ROSTER_STATUS_ZH[s] }))}
                />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit">
                  查询
                </Button>
              </Form.Item>
              <Form.Item>
                <Button
                  onClick={() => {
                    form.resetFields();
                    form.setFieldsValue({ name: undefined, kind: undefined, status: undefined });
                    search({});
                  }}
                >
                  重置
                </Button>
              </Form.Item>
            </Form>
            <Table
              size="small"
              rowKey="unit"
              columns={boardColumns}
              dataSource={rows}
              pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
              onRow={(r) => opensOnClick(() => open(r.unit))}
              locale={{ emptyText: '没有符合条件的单位' }}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
