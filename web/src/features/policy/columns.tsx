// The 政策 screen's tables: rules citing a clause, parameters in force, policy tests.

import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { tableDate } from '../../lib/format.ts';
import type { Parameter, Rule, TestRef } from './api.ts';

const Code = ({ children }: { children: string }) => (
  <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
    {children}
  </Typography.Text>
);

export const ruleColumns: ColumnsType<Rule> = [
  {
    title: '规则',
    dataIndex: 'id',
    width: 230,
    render: (id: string, r) => (
      <div>
        <Code>{id}</Code>
        {r.applies && <div>按 {r.applies} 处理</div>}
      </div>
    ),
  },
  {
    title: '适用情形与后果',
    key: 'body',
    render: (_, r) => (
      <div>
        <div>
          考察：<Code>{r.looks_at}</Code>
        </div>
        {r.condition && (
          <div>
            条件：<Code>{r.condition}</Code>
          </div>
        )}
        {r.gives.map((g) => (
          <div key={g}>
            给予：<Code>{g}</Code>
          </div>
        ))}
      </div>
    ),
  },
];

export const parameterColumns = (withClause: boolean): ColumnsType<Parameter> => [
  ...(withClause ? [{ title: '条款', dataIndex: 'clause', width: 90 }] : []),
  { title: '参数', dataIndex: 'name', width: 250, render: (n: string) => <Code>{n}</Code> },
  { title: '说明', dataIndex: 'zh' },
  {
    title: '施行的取值',
    dataIndex: 'value_zh',
    width: 130,
    align: 'right' as const,
    render: (v: string | null) => v ?? <Tag>尚未施行</Tag>,
  },
  {
    title: '施行日期',
    dataIndex: 'valid_from',
    width: 110,
    render: (d: string | null) => (d ? tableDate(d) : '—'),
  },
];

export const testColumns: ColumnsType<TestRef> = [
  { title: '测试文件', dataIndex: 'file', width: 170, render: (f: string) => <Code>{f}</Code> },
  { title: '测试用例', dataIndex: 'name' },
  {
    title: '覆盖',
    dataIndex: 'covers',
    width: 200,
    render: (c: string[]) => c.join('、'),
  },
];
