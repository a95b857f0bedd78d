// 责任体系: the county as a tree (county → towns → villages; county units beside) as of a day, a
// unit in a drawer with its posts, links and categories over time; the people, a page at a time,
// searched by name, each in a drawer with posts and links. Writes go through the facts routes and
// are offered only where the server allows them. The day, the tab and the open drawer live in the
// address (?as_of=, ?tab=people, ?unit=, ?person=).

import { Card, Col, DatePicker, Input, Row, Tabs, Tree, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useShell } from '../../app/context.ts';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { proseDate, todayInChina } from '../../lib/format.ts';
import { withParams } from '../../lib/params.ts';
import { useTree } from './api.ts';
import { CloseModal, type CloseTarget } from './CloseModal.tsx';
import { FactFormModal, type FormTarget } from './FactFormModal.tsx';
import { PeoplePane } from './PeoplePane.tsx';
import { PersonDrawer } from './PersonDrawer.tsx';
import { useRegistryPermissions } from './permissions.ts';
import { buildTree, countUnits, dayInYear, openKeys } from './tree.ts';
import { type DrawerActions, UnitDrawer } from './UnitDrawer.tsx';

export default function RegistryPage() {
  const { session, county, year } = useShell();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('as_of') ?? dayInYear(todayInChina(), year);
  const tab = params.get('tab') === 'people' ? 'people' : 'units';
  const set = (changes: Record<string, string | null>) => setParams((p) => withParams(p, changes));
  const perms = useRegistryPermissions(session);
  const [closing, setClosing] = useState<CloseTarget | null>(null);
  const [editing, setEditing] = useState<FormTarget | null>(null);

  if (county === null) return <Refusal error={null} />;
  const actions = (seg: 'posts' | 'links'): Pick<DrawerActions, 'onEdit' | 'onEnd' | 'onRetract'> => ({
    onEdit: (id) => setEditing({ seg, id }),
    onEnd: (id, label) => setClosing({ seg, id, label, mode: 'end' }),
    onRetract: (id, label) => setClosing({ seg, id, label, mode: 'retract' }),
  });
  const posts = actions('posts');
  const links = actions('links');
  const drawerActions: DrawerActions = {
    mayEdit: perms.update.posts,
    mayClose: perms.close.posts,
    mayCreate: perms.create.posts,
    ...posts,
    onEditLink: links.onEdit,
    onEndLink: links.onEnd,
    onRetractLink: links.onRetract,
    onAddPost: (unit) => setEditing({ seg: 'posts', preset: { unit } }),
    onAddLink: (unit, kind) =>
      setEditing({
        seg: 'links',
        preset:
          kind === 'county_unit'
            ? { kind: 'unit_village', unit }
            : kind === 'town'
              ? { kind: 'leader_town', town: unit }
              : { kind: 'stationed', village: unit },
      }),
    onSetCategory: (unit) => setEditing({ seg: 'categories', preset: { unit } }),
    onOpenPerson: (id) => set({ person: id }),
    onOpenUnit: (id) => set({ unit: id, person: null }),
  };

  return (
    <div>
      <Typography.Title level={3} className="page-title" style={{ marginTop: 0, marginBottom: 4 }}>
        责任体系
      </Typography.Title>
      <Typography.Text type="secondary" className="page-sub">
        各级单位、职务和挂钩（帮扶、驻村）关系，截至{proseDate(asOf)}。
      </Typography.Text>
      <Card size="small" style={{ marginTop: 12 }}>
        <Row gutter={16} align="middle">
          <Col>
            <label htmlFor="registry-as-of" style={{ marginRight: 8 }}>
              截至日期
            </label>
            <DatePicker
              id="registry-as-of"
              allowClear={false}
              value={dayjs(asOf)}
              onChange={(d) => d && set({ as_of: d.format('YYYY-MM-DD') })}
            />
          </Col>
        </Row>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'people' ? 'people' : null })}
        items={[
          {
            key: 'units',
            label: '单位',
            children: <UnitsPane county={county} asOf={asOf} onOpen={(id) => set({ unit: id })} />,
          },
          {
            key: 'people',
            label: '人员',
            children: (
              <PeoplePane
                county={county}
                asOf={asOf}
                mayCreate={perms.create.people}
                onCreate={() => setEditing({ seg: 'people' })}
                onOpen={(id) => set({ person: id })}
              />
            ),
          },
        ]}
      />
      <UnitDrawer
        county={county}
        id={params.get('unit')}
        asOf={asOf}
        actions={drawerActions}
        onClose={() => set({ unit: null })}
      />
      <PersonDrawer
        county={county}
        id={params.get('person')}
        asOf={asOf}
        actions={{
          ...drawerActions,
          mayRetractPerson: perms.close.people,
          mayEditPerson: perms.update.people,
        }}
        onEditPerson={(id) => setEditing({ seg: 'people', id })}
        onRetractPerson={(id, label) => setClosing({ seg: 'people', id, label, mode: 'retract' })}
        onClose={() => set({ person: null })}
      />
      <CloseModal county={county} target={closing} onDone={() => setClosing(null)} />
      <FactFormModal county={county} asOf={asOf} target={editing} onDone={() => setEditing(null)} />
    </div>
  );
}

function UnitsPane({ county, asOf, onOpen }: { county: string; asOf: string; onOpen: (id: string) => void }) {
  const tree = useTree(county, asOf);
  const [search, setSearch] = useState('');
  const nodes = useMemo(() => buildTree(tree.data?.units ?? [], search), [tree.data, search]);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  if (tree.isPending) return <PageLoading />;
  if (tree.error) return <Refusal error={tree.error} />;
  const keys = search.trim() ? openKeys(nodes, true) : (expanded ?? openKeys(nodes, false));
  return (
    <Card size="small">
      <Input.Search
        aria-label="查找单位"
        placeholder="输入单位名称或编号查找"
        allowClear
        onSearch={setSearch}
        onChange={(e) => e.target.value === '' && setSearch('')}
        style={{ width: 320, marginBottom: 12 }}
      />
      <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
        共 {countUnits(nodes)} 个单位；点击单位查看职务、挂钩关系和类别
      </Typography.Text>
      <nav aria-label="单位树">
        <Tree
          treeData={nodes}
          expandedKeys={keys}
          onExpand={(k) => setExpanded(k.map(String))}
          selectedKeys={[]}
          onSelect={(_, info) => info.node.selectable !== false && onOpen(String(info.node.key))}
          height={520}
          blockNode
        />
      </nav>
    </Card>
  );
}
