// The consequences of one evaluation: the totals (元, with 金额大写), then one tab per group of
// subjects (town, village, county unit, person), each a searchable table with its totals. A row
// opens its drawer (by click or Enter).

import { Card, Col, Input, Row, Statistic, Table, Tabs, Typography } from 'antd';
import { capitalYuan, yuan, yuanWithCapital } from '../../lib/format.ts';
import { opensOnClick } from '../../lib/rows.ts';
import type { Evaluation, Line } from './api.ts';
import { lineColumns } from './columns.tsx';
import { lineKey, linesOf, type ReportGroup } from './helpers.ts';

export function ConsequencesCard({
  evaluation,
  scope,
  tab,
  search,
  onTab,
  onSearch,
  onOpen,
}: {
  evaluation: Evaluation;
  /** For a town or county unit: whose part the server gave (its name). */
  scope: string | null;
  tab: ReportGroup;
  search: string;
  onTab: (g: ReportGroup) => void;
  onSearch: (s: string) => void;
  onOpen: (l: Line) => void;
}) {
  const { view } = evaluation;
  const all = view.totals.all;
  return (
    <Card
      title={scope ? `评定结果（${scope}范围内的部分）` : '评定结果'}
      size="small"
      style={{ marginBottom: 16 }}
    >
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={8}>
          <Statistic title="奖励合计" value={yuan(all.rewards_fen)} valueStyle={{ fontSize: 20 }} />
          <Typography.Text type="secondary">大写：{capitalYuan(all.rewards_fen)}</Typography.Text>
        </Col>
        <Col span={8}>
          <Statistic title="罚款合计" value={yuan(all.fines_fen)} valueStyle={{ fontSize: 20 }} />
          <Typography.Text type="secondary">大写：{capitalYuan(all.fines_fen)}</Typography.Text>
        </Col>
        <Col span={8}>
          <Statistic title="暂缓兑现" value={`${all.withheld} 项`} valueStyle={{ fontSize: 20 }} />
          <Typography.Text type="secondary">
            共 {all.lines} 项奖惩{all.withheld_fen > 0 ? `，暂缓兑现金额 ${yuan(all.withheld_fen)}` : ''}
          </Typography.Text>
        </Col>
      </Row>
      <Tabs
        activeKey={tab}
        onChange={(k) => onTab(k as ReportGroup)}
        items={view.totals.groups.map((g) => ({
          key: g.group,
          label: `${g.group_zh}（${g.lines + g.withheld}）`,
          children: (
            <>
              <Input.Search
                allowClear
                aria-label={`在${g.group_zh}中查找对象、职务、奖惩或条款`}
                placeholder="查找对象、职务、奖惩或条款"
                defaultValue={search}
                onSearch={onSearch}
                style={{ width: 320, marginBottom: 8 }}
              />
              <Table
                size="small"
                rowKey={lineKey}
                columns={lineColumns}
                dataSource={linesOf(view, g.group, search)}
                pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
                locale={{ emptyText: `没有${g.group_zh}的奖惩` }}
                onRow={(l) => opensOnClick(() => onOpen(l))}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={6}>
                      {g.group_zh}合计：奖励 {yuanWithCapital(g.rewards_fen)}，罚款{' '}
                      {yuanWithCapital(g.fines_fen)}
                      {g.withheld > 0 && `；暂缓兑现 ${g.withheld} 项 ${yuan(g.withheld_fen)}`}
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            </>
          ),
        }))}
      />
    </Card>
  );
}
