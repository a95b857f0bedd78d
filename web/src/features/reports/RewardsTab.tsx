// 奖惩兑现表: every reward, fine, veto and personnel action of the year's confirmed decision, by
// group, with how far each is settled; the totals in 元 with 金额大写; a chart; the Excel file.

import { Button, Descriptions, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { Chart } from '../../lib/chart/Chart.tsx';
import { proseDate, tableDateTime, yuan, yuanWithCapital } from '../../lib/format.ts';
import { type RewardsReport, useRewardsReport, xlsxHref } from './api.ts';
import { settlementBar, settlementText } from './charts.ts';

type Line = RewardsReport['groups'][number]['lines'][number];

const money = (f: number | null) => (f === null ? '—' : yuan(f));
const columns: ColumnsType<Line> = [
  { title: '对象', dataIndex: ['subject', 'name'], width: 140, ellipsis: true },
  {
    title: '单位、职务',
    key: 'unit',
    width: 180,
    ellipsis: true,
    render: (_: unknown, l) => [l.unit?.name, l.role_zh].filter(Boolean).join('　') || '—',
  },
  { title: '奖惩', dataIndex: 'type_zh', width: 110 },
  { title: '依据条款', dataIndex: 'clause_label', width: 100 },
  { title: '金额', dataIndex: 'amount_fen', width: 110, align: 'right', render: money },
  { title: '已兑现', dataIndex: 'settled_fen', width: 110, align: 'right', render: money },
  { title: '未兑现', dataIndex: 'outstanding_fen', width: 110, align: 'right', render: money },
  { title: '兑现情况', dataIndex: 'state_zh', width: 120 },
  { title: '说明', dataIndex: 'detail', ellipsis: true },
];

export function RewardsTab({ county, year }: { county: string; year: number }) {
  const q = useRewardsReport(county, year, true);
  const [group, setGroup] = useState<string>('all');
  if (q.isPending) return <PageLoading />;
  if (q.error) return <Refusal error={q.error} />;
  const r = q.data;
  const t = r.totals;
  const lines = r.groups.filter((g) => group === 'all' || g.group === group).flatMap((g) => g.lines);
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>
          决定确认于{tableDateTime(r.decision.confirmed_at)}，罚款缴纳期限
          {r.decision.fines_due_on ? proseDate(r.decision.fines_due_on) : '未定'}，数据截至{proseDate(r.on)}。
        </Typography.Text>
        <Button href={xlsxHref(county, year, 'rewards-and-sanctions')} download>
          下载Excel
        </Button>
      </Space>
      <Descriptions
        bordered
        size="small"
        column={2}
        style={{ marginBottom: 16 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
      >
        <Descriptions.Item label={`奖金（${t.rewards.count}笔）`}>
          <span data-testid="rewards-total">{yuanWithCapital(t.rewards.amount_fen)}</span>
          ，已支付{yuan(t.rewards.settled_fen)}，未支付{yuan(t.rewards.outstanding_fen)}
        </Descriptions.Item>
        <Descriptions.Item label={`罚款（${t.fines.count}笔）`}>
          <span data-testid="fines-total">{yuanWithCapital(t.fines.amount_fen)}</span>
          ，已缴{yuan(t.fines.settled_fen)}，未缴{yuan(t.fines.outstanding_fen)}
        </Descriptions.Item>
        <Descriptions.Item label="评先评优一票否决">{t.vetoes} 项</Descriptions.Item>
        <Descriptions.Item label="人事处理建议">{t.personnel_actions} 项</Descriptions.Item>
      </Descriptions>
      <Chart option={settlementBar(r)} label={settlementText(r)} height={240} />
      <Space style={{ margin: '12px 0' }}>
        <span id="rs-group">分组</span>
        <Select
          aria-labelledby="rs-group"
          value={group}
          onChange={setGroup}
          style={{ width: 180 }}
          options={[
            { value: 'all', label: '全部' },
            ...r.groups.map((g) => ({ value: g.group, label: `${g.zh}（${g.lines.length}项）` })),
          ]}
        />
      </Space>
      <Table
        size="small"
        rowKey={(l) =>
          `${l.subject.kind}|${l.subject.id}|${l.type}|${l.clause}|${l.detail}|${l.unit?.id ?? ''}`
        }
        columns={columns}
        dataSource={lines}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 15, showSizeChanger: false, showTotal: (n) => `共 ${n} 项` }}
      />
      {r.towns.length > 0 && (
        <Typography.Title level={4} style={{ marginTop: 24 }}>
          镇级办法
        </Typography.Title>
      )}
      {r.towns.map((town) => (
        <Table
          key={`${town.town}/${town.pack}`}
          size="small"
          data-testid="town-pack-report"
          title={() => (
            <span>
              <Typography.Text strong>{town.section_zh}</Typography.Text>（适用于{town.town_name}
              ，镇自定的奖惩另行兑现，不计入县的合计）：奖金 {yuanWithCapital(town.totals.rewards.amount_fen)}
              ，罚款 {yuanWithCapital(town.totals.fines.amount_fen)}
            </span>
          )}
          rowKey={(l) =>
            `${l.subject.kind}|${l.subject.id}|${l.type}|${l.clause}|${l.detail}|${l.unit?.id ?? ''}`
          }
          columns={columns}
          dataSource={town.groups.flatMap((g) => g.lines)}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 15, showSizeChanger: false, hideOnSinglePage: true }}
        />
      ))}
      {r.withheld.length > 0 && (
        <Table
          size="small"
          title={() => `暂不兑现的奖励（${r.withheld.length}项）`}
          rowKey={(w) => `${w.subject.kind}|${w.subject.id}|${w.type}|${w.clause}|${w.detail}`}
          dataSource={r.withheld}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { title: '对象', dataIndex: ['subject', 'name'], width: 140 },
            { title: '奖惩', dataIndex: 'type_zh', width: 110 },
            { title: '依据条款', dataIndex: 'clause_label', width: 100 },
            { title: '金额', dataIndex: 'amount_fen', width: 110, align: 'right', render: money },
            { title: '原因', dataIndex: 'reason_zh' },
          ]}
        />
      )}
    </div>
  );
}
