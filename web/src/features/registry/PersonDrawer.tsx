// One person in a drawer: name, staff type, posts and links over time (ended and retracted rows
// marked). The id comes from the address (?person=): another town's person is the server's refusal.

import { Button, Descriptions, Drawer, Space, Table } from 'antd';
import { Refusal } from '../../app/Refusal.tsx';
import { proseDate } from '../../lib/format.ts';
import { usePerson } from './api.ts';
import { linkColumns, postColumns } from './columns.tsx';
import { type DrawerActions, linkRowActions, Section } from './UnitDrawer.tsx';

export function PersonDrawer({
  county,
  id,
  asOf,
  actions,
  onEditPerson,
  onRetractPerson,
  onClose,
}: {
  county: string;
  id: string | null;
  asOf: string;
  actions: DrawerActions & { mayRetractPerson: boolean; mayEditPerson: boolean };
  onEditPerson: (id: string) => void;
  onRetractPerson: (id: string, label: string) => void;
  onClose: () => void;
}) {
  const person = usePerson(county, id, asOf);
  const p = person.data;
  const linkActions = linkRowActions(actions);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={860}
      title={p ? `人员：${p.name}` : `人员 ${id ?? ''}`}
      destroyOnHidden
      extra={
        p &&
        !p.retracted_at && (
          <Space>
            {actions.mayEditPerson && <Button onClick={() => onEditPerson(p.id)}>修改</Button>}
            {actions.mayRetractPerson && <Button onClick={() => onRetractPerson(p.id, p.name)}>撤回</Button>}
          </Space>
        )
      }
    >
      {person.error ? (
        <Refusal error={person.error} />
      ) : (
        p && (
          <div>
            <Descriptions column={2} bordered size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label="姓名">{p.name}</Descriptions.Item>
              <Descriptions.Item label="编号">{p.id}</Descriptions.Item>
              <Descriptions.Item label="身份">{p.staff_type_zh ?? '未记录'}</Descriptions.Item>
              <Descriptions.Item label="状态">
                {p.retracted_at ? `已撤回（${p.retract_reason ?? ''}）` : `截至${proseDate(p.as_of)}在册`}
              </Descriptions.Item>
            </Descriptions>
            <Section title={`职务（${p.posts.length}）`}>
              <Table
                size="small"
                rowKey="id"
                columns={postColumns('person', actions)}
                dataSource={p.posts}
                pagination={false}
                locale={{ emptyText: '没有职务记录' }}
              />
            </Section>
            <Section title={`挂钩关系（${p.links.length}）`}>
              <Table
                size="small"
                rowKey="id"
                columns={linkColumns(p.id, linkActions)}
                dataSource={p.links}
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
