// 系统管理: accounts (administrators), counties, the county's issuing offices (each office its
// own), and the signed-in user's API tokens. Each tab is there when the server's permissions
// allow what it shows; the tab is kept in the address (?tab=).

import { Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useShell } from '../../app/context.ts';
import { withParams } from '../../lib/params.ts';
import { can } from '../../session/session.ts';
import { CountiesTab } from './CountiesTab.tsx';
import { MyTokensTab } from './MyTokensTab.tsx';
import { OfficesTab } from './OfficesTab.tsx';
import { UsersTab } from './UsersTab.tsx';

export default function AdminPage() {
  const { session, county } = useShell();
  const [params, setParams] = useSearchParams();
  const tabs: ({ key: string; label: string; children: ReactNode } | false)[] = [
    can(session, 'GET /api/v1/users') && { key: 'users', label: '用户', children: <UsersTab /> },
    can(session, 'GET /api/v1/users') && { key: 'counties', label: '县', children: <CountiesTab /> },
    county !== null &&
      can(session, 'GET /api/v1/counties/:county/issuing-offices') && {
        key: 'offices',
        label: '发文机关',
        children: <OfficesTab />,
      },
    can(session, 'GET /api/v1/tokens') && {
      key: 'tokens',
      label: '我的 API 令牌',
      children: <MyTokensTab />,
    },
  ];
  const shown = tabs.filter((t) => t !== false);
  const active = shown.find((t) => t.key === params.get('tab'))?.key ?? shown[0]?.key;
  return (
    <div>
      <Typography.Title level={3} className="page-title" style={{ marginTop: 0, marginBottom: 4 }}>
        系统管理
      </Typography.Title>
      <Typography.Text type="secondary" className="page-sub">
        账号、县、发文机关和 API 令牌。每项改动都记入审计日志。
      </Typography.Text>
      <Tabs
        activeKey={active}
        onChange={(k) => setParams((p) => withParams(p, { tab: k }))}
        items={shown}
        destroyOnHidden
      />
    </div>
  );
}
