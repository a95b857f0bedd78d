// The bell in the shell's header: what changed for the user since they last looked (a roster
// returned, a notice issued to their unit, a decision confirmed, a fine falling due). Opening an
// item marks it read and goes where it can be seen; 全部标为已读 marks every one.

import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type NotificationItem, useMarkRead, useNotifications } from './api.ts';
import { bellLabel, whenText } from './bell.ts';

export function Bell({ year }: { year: number }) {
  const list = useNotifications();
  const mark = useMarkRead();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const go = (n: NotificationItem) => {
    if (!n.read) mark.mutate({ ids: [n.id] });
    setOpen(false);
    const link = n.link.includes('year=')
      ? n.link
      : `${n.link}${n.link.includes('?') ? '&' : '?'}year=${year}`;
    navigate(link);
  };

  const content = (
    <div className="bell-panel" data-testid="bell-panel">
      <div className="bell-head">
        <Typography.Text strong>通知</Typography.Text>
        <Button size="small" type="link" disabled={unread === 0} onClick={() => mark.mutate({ all: true })}>
          全部标为已读
        </Button>
      </div>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
      ) : (
        <ul className="bell-list" aria-label="通知列表">
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={`bell-item${n.read ? '' : ' bell-unread'}`}
                onClick={() => go(n)}
              >
                <span className="bell-item-title">
                  <Tag>{n.kind_zh}</Tag>
                  {n.read ? null : <span className="bell-dot">未读</span>}
                  {n.title}
                </span>
                <span className="bell-item-body">{n.body}</span>
                <span className="bell-item-when">{whenText(n.at)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={unread} size="small" offset={[-4, 4]} color="#b71c1c">
        <Button type="text" icon={<BellOutlined />} aria-label={bellLabel(unread)} data-testid="bell" />
      </Badge>
    </Popover>
  );
}
