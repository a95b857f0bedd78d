// One clause: its text, the rules citing it, the parameters in force on the day, the readings
// (I1–I13) it depends on with their values, and the policy tests that cover it.

import { Card, Empty, Table, Tag, Typography } from 'antd';
import { proseDate } from '../../lib/format.ts';
import type { Clause, Policy } from './api.ts';
import { testsByFile } from './clauses.ts';
import { parameterColumns, ruleColumns, testColumns } from './columns.tsx';

export function ClauseDetail({ clause, policy }: { clause: Clause; policy: Policy }) {
  const readings = policy.interpretations.filter((i) => clause.interpretations.includes(i.id));
  return (
    <div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {clause.label}
          <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 8 }}>
            （条款 {clause.id}）
          </Typography.Text>
        </Typography.Title>
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', marginBottom: 0, fontSize: 15 }}
          data-testid="clause-text"
        >
          {clause.text}
        </Typography.Paragraph>
      </Card>

      <Card size="small" title={`引用本条的规则（${clause.rules.length}）`} style={{ marginBottom: 12 }}>
        {clause.rules.length ? (
          <Table
            size="small"
            rowKey="id"
            columns={ruleColumns}
            dataSource={clause.rules}
            pagination={false}
          />
        ) : (
          <Empty description="本条不直接产生奖惩后果" image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
      </Card>

      <Card size="small" title={`参数（${proseDate(policy.as_of)}施行的取值）`} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          rowKey="name"
          columns={parameterColumns(false)}
          dataSource={clause.parameters}
          pagination={false}
          locale={{ emptyText: '本条没有参数' }}
        />
      </Card>

      <Card size="small" title={`相关解释（${readings.length}）`} style={{ marginBottom: 12 }}>
        {readings.length === 0 && <Typography.Text type="secondary">本条不涉及解释</Typography.Text>}
        {readings.map((i) => (
          <div key={i.id} style={{ marginBottom: 10 }}>
            <Typography.Text strong>
              {i.id}　{i.question_zh}
            </Typography.Text>
            <ul style={{ margin: '4px 0 0 0', paddingLeft: 20 }}>
              {i.values.map((v) => (
                <li key={v.value}>
                  <Typography.Text code>{v.value}</Typography.Text>：{v.zh}
                  {v.is_default && <Tag style={{ marginLeft: 6 }}>默认</Tag>}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Card>

      <Card size="small" title={`覆盖本条的政策测试（${clause.tests.length}）`}>
        {clause.tests.length === 0 ? (
          <Typography.Text type="secondary">尚无测试用例覆盖本条</Typography.Text>
        ) : (
          testsByFile(clause.tests).map(([file, tests]) => (
            <Table
              key={file}
              size="small"
              rowKey="name"
              columns={testColumns}
              dataSource={tests}
              pagination={false}
              style={{ marginBottom: 8 }}
            />
          ))
        )}
      </Card>
    </div>
  );
}
