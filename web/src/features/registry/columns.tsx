// The history tables of the registry: posts and links with their span and standing (ended and
// retracted rows kept and marked), and the actions the server allows on each row.

import { Button, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { LinkView, PostView } from './api.ts';
import { actionsFor, STANDING_COLOR, span, standingText } from './history.ts';

export interface RowActions {
  /** Opens the person (from a unit's posts) or the unit (from a person's posts). */
  onOpenPerson?(id: string): void;
  onOpenUnit?(id: string): void;
  /** Offered only when the server allows the write (can(session, …)). */
  mayEdit: boolean;
  mayClose: boolean;
  onEdit(id: string): void;
  onEnd(id: string, label: string): void;
  onRetract(id: string, label: string): void;
}

/** A name that opens its person or unit (a button, so the keyboard reaches it). */
function Opener({
  name,
  id,
  open,
  what,
}: {
  name: string;
  id: string;
  open?: (id: string) => void;
  what: string;
}) {
  if (!open) return <span>{name}</span>;
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0 }}
      onClick={() => open(id)}
      aria-label={`查看${what}：${name}`}
    >
      {name}
    </Button>
  );
}

function StandingTag({ r }: { r: PostView | LinkView }) {
  return <Tag color={STANDING_COLOR[r.standing]}>{standingText(r)}</Tag>;
}

function actionsColumn<T extends PostView | LinkView>(a: RowActions, labelOf: (r: T) => string) {
  return {
    title: '操作',
    key: 'actions',
    width: 150,
    render: (_: unknown, r: T) => {
      const can = actionsFor(r);
      const label = labelOf(r);
      return (
        <Space size={0}>
          {a.mayEdit && can.edit && (
            <Button type="link" size="small" onClick={() => a.onEdit(r.id)} aria-label={`修改：${label}`}>
              修改
            </Button>
          )}
          {a.mayClose && can.end && (
            <Button
              type="link"
              size="small"
              onClick={() => a.onEnd(r.id, label)}
              aria-label={`结束：${label}`}
            >
              结束
            </Button>
          )}
          {a.mayClose && can.retract && (
            <Button
              type="link"
              size="small"
              onClick={() => a.onRetract(r.id, label)}
              aria-label={`撤回：${label}`}
            >
              撤回
            </Button>
          )}
        </Space>
      );
    },
  };
}

export const postLabel = (p: PostView) => `${p.person_name} ${p.unit_name}${p.role_zh}`;

/** Posts of a unit (`by: 'unit'`: the person is named) or of a person (`by: 'person'`: the unit is). */
export function postColumns(by: 'unit' | 'person', a?: RowActions): ColumnsType<PostView> {
  const cols: ColumnsType<PostView> = [
    by === 'unit'
      ? {
          title: '姓名',
          dataIndex: 'person_name',
          width: 110,
          render: (n: string, p) => <Opener name={n} id={p.person} open={a?.onOpenPerson} what="人员" />,
        }
      : {
          title: '单位',
          dataIndex: 'unit_name',
          width: 140,
          render: (n: string, p) => <Opener name={n} id={p.unit} open={a?.onOpenUnit} what="单位" />,
        },
    { title: '职务', dataIndex: 'role_zh' },
    { title: '任职期间', key: 'span', width: 210, render: (_, p) => span(p.from, p.to) },
    { title: '状态', key: 'standing', width: 170, render: (_, p) => <StandingTag r={p} /> },
  ];
  if (a && (a.mayEdit || a.mayClose)) cols.push(actionsColumn<PostView>(a, postLabel));
  return cols;
}

/** The other side of a link, seen from `from` (a unit id or a person id). */
export function counterpart(l: LinkView, from: string): string {
  const sides = [
    [l.person, l.person_name],
    [l.unit, l.unit_name],
    [l.village, l.village_name],
    [l.town, l.town_name],
  ] as const;
  const names = sides.filter(([id, name]) => id !== null && id !== from && name !== null).map(([, n]) => n);
  return names.join('、') || '—';
}

export const linkLabel = (l: LinkView, from: string) => `${l.kind_zh} ${counterpart(l, from)}`;

export function linkColumns(from: string, a?: RowActions): ColumnsType<LinkView> {
  const cols: ColumnsType<LinkView> = [
    { title: '类型', dataIndex: 'kind_zh', width: 160 },
    { title: '挂钩对象', key: 'other', render: (_, l) => counterpart(l, from) },
    { title: '期间', key: 'span', width: 210, render: (_, l) => span(l.from, l.to) },
    { title: '状态', key: 'standing', width: 170, render: (_, l) => <StandingTag r={l} /> },
  ];
  if (a && (a.mayEdit || a.mayClose)) cols.push(actionsColumn<LinkView>(a, (l) => linkLabel(l, from)));
  return cols;
}
