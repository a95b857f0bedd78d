// One unit in a drawer: what it is, its category by FP year, its posts and its links over time
// (ended and retracted rows kept and marked). Its id comes from the address (?unit=), so another
// town's unit gets the server's refusal, shown in the drawer.

import { Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { Refusal } from '../../app/Refusal.tsx';
import { fpYearShort, proseDate } from '../../lib/format.ts';
import { useUnit } from './api.ts';
import { linkColumns, postColumns, type RowActions } from './columns.tsx';

export interface DrawerActions extends RowActions {
  mayCreate: boolean;
  onAddPost(unit: string): void;
  onAddLink(unit: string, kind: string): void;
  onSetCategory(unit: string): void;
  onEditLink(id: string): void;
  onEndLink(id: string, label: string): void;
  onRetractLink(id: string, label: string): void;
}

/** The row actions of a drawer's links table: its edit, end and retract are the link's. */
export const linkRowActions = (actions: DrawerActions): RowActions => ({
  ...actions,
  onEdit: actions.onEditLink,
  onEnd: actions.onEndLink,
  onRetract: actions.onRetractLink,
});

export function UnitDrawer({
  county,
  id,
  asOf,
  actions,
  onClose,
}: {
  county: string;
  id: string | null;
  asOf: string;
  actions: DrawerActions;
  onClose: () => void;
}) {
  const unit = useUnit(county, id, asOf);
  const u = unit.data;
  const linkActions = linkRowActions(actions);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={860}
      title={u ? `${u.unit.kind_zh}：${u.unit.name}` : `单位 ${id ?? ''}`}
      destroyOnHidden
    >
      {unit.error ? (
        <Refusal error={unit.error} />
      ) : (
        u && (
          <div>
            <Descriptions column={2} bordered size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label="编号">{u.unit.id}</Descriptions.Item>
              <Descriptions.Item label="类型">{u.unit.kind_zh}</Descriptions.Item>
              {u.unit.town_name && (
                <Descriptions.Item label="所属镇（场）">{u.unit.town_name}</Descriptions.Item>
              )}
              {u.unit.kind === 'county_unit' && (
                <Descriptions.Item label="承担计生治理职责">
                  {u.unit.governance_duty ? '是' : '否'}
                </Descriptions.Item>
              )}
              <Descriptions.Item label="状态">
                {u.unit.closed_on ? `已于${proseDate(u.unit.closed_on)}撤销` : '存续'}
              </Descriptions.Item>
              <Descriptions.Item label="截至">{proseDate(u.as_of)}</Descriptions.Item>
            </Descriptions>

            <Section
              title="类别（按计生年度）"
              extra={
                actions.mayCreate &&
                u.unit.kind !== 'county' && (
                  <Button size="small" onClick={() => actions.onSetCategory(u.unit.id)}>
                    设定类别
                  </Button>
                )
              }
            >
              {u.categories.length === 0 ? (
                <Typography.Text type="secondary">尚无类别记录</Typography.Text>
              ) : (
                <Space wrap>
                  {u.categories.map((c) => (
                    <Tag key={c.id} color={c.retracted_at ? '#a8071a' : '#1d39c4'}>
                      {fpYearShort(c.fp_year)}：{c.category_zh}
                      {c.retracted_at ? `（已撤回${c.retract_reason ? `：${c.retract_reason}` : ''}）` : ''}
                    </Tag>
                  ))}
                </Space>
              )}
            </Section>

            <Section
              title={`职务（${u.posts.length}）`}
              extra={
                actions.mayCreate && (
                  <Button size="small" type="primary" onClick={() => actions.onAddPost(u.unit.id)}>
                    新增职务
                  </Button>
                )
              }
            >
              <Table
                size="small"
                rowKey="id"
                columns={postColumns('unit', actions)}
                dataSource={u.posts}
                pagination={false}
                locale={{ emptyText: '没有职务记录' }}
              />
            </Section>

            <Section
              title={`挂钩关系（${u.links.length}）`}
              extra={
                actions.mayCreate &&
                u.unit.kind !== 'county' && (
                  <Button size="small" onClick={() => actions.onAddLink(u.unit.id, u.unit.kind)}>
                    新增挂钩关系
                  </Button>
                )
              }
            >
              <Table
                size="small"
                rowKey="id"
                columns={linkColumns(u.unit.id, linkActions)}
                dataSource={u.links}
                pagination={false}
                locale={{ emptyText: '没有挂钩、帮扶或驻村记录' }}
              />
            </Section>
          </div>
        )
      )}
    </Drawer>
  );
}

export function Section({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section style={{ marginBottom: 20 }}>
      <div
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}
      >
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}
