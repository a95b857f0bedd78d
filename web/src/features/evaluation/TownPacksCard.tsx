// A town's own packs (七) in an evaluation: each town pack's consequences in a section of its own,
// titled with the pack's short name (东风镇办法（镇级）), apart from the county's; every line cites
// the town's clause (东风镇办法二), and opens to the explanation the pack gives.

import { Button, Card, Table, Typography } from 'antd';
import { yuanWithCapital } from '../../lib/format.ts';
import type { Evaluation } from './api.ts';
import { lineColumns } from './columns.tsx';
import { lineKey } from './helpers.ts';

export type TownSection = Evaluation['towns'][number];

export function TownPacksCard({ towns }: { towns: readonly TownSection[] }) {
  if (towns.length === 0) return null;
  return (
    <>
      {towns.map((t) => {
        const all = t.view.totals.all;
        return (
          <Card
            key={`${t.town}/${t.pack}`}
            size="small"
            style={{ marginBottom: 16 }}
            title={t.section_zh}
            extra={<Typography.Text type="secondary">适用于{t.town_name}</Typography.Text>}
            data-testid="town-pack-section"
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t.title}：镇自定的奖惩，在县的奖惩之外另行兑现，不改变县的奖惩。奖励合计{' '}
              {yuanWithCapital(all.rewards_fen)}，罚款合计 {yuanWithCapital(all.fines_fen)}。
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey={lineKey}
              columns={lineColumns}
              dataSource={t.view.lines}
              pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
              locale={{ emptyText: `${t.section_zh}没有奖惩` }}
              expandable={{
                expandedRowRender: (l) =>
                  (l.withheld ? t.result.withheld[l.index] : t.result.consequences[l.index])?.explanation,
                expandIcon: ({ expanded, onExpand, record }) => (
                  <Button
                    type="link"
                    size="small"
                    aria-expanded={expanded}
                    aria-label={`${expanded ? '收起' : '展开'}${record.subject.name}的依据说明`}
                    onClick={(e) => onExpand(record, e)}
                  >
                    {expanded ? '收起' : '说明'}
                  </Button>
                ),
              }}
            />
          </Card>
        );
      })}
    </>
  );
}
