// 政策: the county's policy pack to read — every clause beside the rules that cite it, the
// parameters in force on a day, the interpretations (I1–I13) with their values, and the policy
// tests covering each clause. The clause, the day and the tab live in the address
// (?clause=3.1.1&as_of=2009-10-01&tab=parameters).

import { Button, Card, Col, DatePicker, Input, Row, Select, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useShell } from '../../app/context.ts';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { fpYear, proseDate } from '../../lib/format.ts';
import { withParams } from '../../lib/params.ts';
import { type Policy, useCounties, usePolicy } from './api.ts';
import { ClauseDetail } from './ClauseDetail.tsx';
import { clauseItems } from './clauses.ts';
import { parameterColumns, testColumns } from './columns.tsx';

export default function PolicyPage() {
  const { county: own, year } = useShell();
  const [params, setParams] = useSearchParams();
  const counties = useCounties(own === null);
  const county = own ?? params.get('county') ?? counties.data?.items[0]?.id ?? null;
  // Parameters in force for an FP year are those of its first day (parameters.yaml).
  const asOf = params.get('as_of') ?? fpYear(year).start;
  const tab = params.get('tab') ?? 'clauses';
  const set = (changes: Record<string, string | null>) => setParams((p) => withParams(p, changes));
  const policy = usePolicy(county, asOf);

  if (policy.isPending) return <PageLoading />;
  if (policy.error) return <Refusal error={policy.error} />;
  const p = policy.data;
  return (
    <div>
      <Typography.Title level={3} className="page-title" style={{ marginTop: 0, marginBottom: 4 }}>
        政策
      </Typography.Title>
      <Typography.Text type="secondary" className="page-sub">
        《{p.title}》{p.issued_by ? `，${p.issued_by}` : ''}
        {p.issued_on ? `${proseDate(p.issued_on)}印发` : ''}，自{p.first_fp_year}
        计生年度起施行。政策包 {p.id}，校验值 {p.pack_hash.slice(0, 12)}…
      </Typography.Text>
      <Card size="small" style={{ marginTop: 12, marginBottom: 4 }}>
        <Row gutter={24} align="middle">
          {own === null && (
            <Col>
              <Select
                aria-label="县"
                value={county ?? undefined}
                style={{ width: 200 }}
                options={(counties.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                onChange={(v) => set({ county: v })}
              />
            </Col>
          )}
          <Col>
            <label htmlFor="policy-as-of" style={{ marginRight: 8 }}>
              参数施行日期
            </label>
            <DatePicker
              id="policy-as-of"
              allowClear={false}
              value={dayjs(asOf)}
              onChange={(d) => d && set({ as_of: d.format('YYYY-MM-DD') })}
            />
          </Col>
          <Col>
            <Typography.Text type="secondary">
              {p.clauses.length} 个条款，{p.parameters.length} 个参数，{p.interpretations.length} 项解释，
              {p.tests_total} 个政策测试
            </Typography.Text>
          </Col>
        </Row>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'clauses' ? null : k })}
        items={[
          {
            key: 'clauses',
            label: '条款',
            children: <Clauses policy={p} id={params.get('clause')} onOpen={(id) => set({ clause: id })} />,
          },
          {
            key: 'parameters',
            label: '参数',
            children: (
              <Table
                size="small"
                rowKey="name"
                columns={parameterColumns(true)}
                dataSource={p.parameters}
                pagination={{ pageSize: 20, showSizeChanger: false }}
              />
            ),
          },
          { key: 'interpretations', label: '解释（I1–I13）', children: <Interpretations policy={p} /> },
        ]}
      />
    </div>
  );
}

function Clauses({
  policy,
  id,
  onOpen,
}: {
  policy: Policy;
  id: string | null;
  onOpen: (id: string) => void;
}) {
  const [q, setQ] = useState('');
  const items = clauseItems(policy.clauses, q);
  const clause = policy.clauses.find((c) => c.id === (id ?? items[0]?.id));
  return (
    <Row gutter={16}>
      <Col span={7}>
        <Card size="small">
          <Input.Search
            aria-label="查找条款"
            placeholder="条款号、文字或规则名"
            allowClear
            onSearch={setQ}
            onChange={(e) => setQ(e.target.value)}
            style={{ marginBottom: 8 }}
          />
          <nav aria-label="条款目录" style={{ maxHeight: 560, overflowY: 'auto' }} tabIndex={-1}>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((c) => (
                <li key={c.id}>
                  <Button
                    type="text"
                    block
                    aria-current={c.id === clause?.id ? 'true' : undefined}
                    onClick={() => onOpen(c.id)}
                    style={{
                      paddingLeft: 8 + c.depth * 12,
                      textAlign: 'left',
                      justifyContent: 'flex-start',
                      height: 'auto',
                      whiteSpace: 'normal',
                      ...(c.id === clause?.id && { background: '#e6f4ff', color: '#003eb3' }),
                    }}
                  >
                    <span>
                      <strong>{c.label}</strong> {c.gist}
                      {c.note && <span>（{c.note}）</span>}
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          </nav>
        </Card>
      </Col>
      <Col span={17}>
        {clause ? <ClauseDetail clause={clause} policy={policy} /> : <Card>没有符合条件的条款</Card>}
      </Col>
    </Row>
  );
}

function Interpretations({ policy }: { policy: Policy }) {
  return (
    <div>
      {policy.interpretations.map((i) => (
        <Card key={i.id} size="small" style={{ marginBottom: 12 }} title={`${i.id}　${i.question_zh}`}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
            涉及条款：{i.clauses.join('、')}。{i.question}
          </Typography.Paragraph>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {i.values.map((v) => (
              <li key={v.value}>
                <Typography.Text code>{v.value}</Typography.Text>：{v.zh}
                {v.is_default && <Tag style={{ marginLeft: 6 }}>默认</Tag>}
              </li>
            ))}
          </ul>
          {i.tests.length > 0 && (
            <Table
              size="small"
              rowKey="name"
              columns={testColumns}
              dataSource={i.tests}
              pagination={false}
              style={{ marginTop: 8 }}
            />
          )}
        </Card>
      ))}
    </div>
  );
}
