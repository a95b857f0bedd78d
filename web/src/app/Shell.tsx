// The signed-in layout: a sidebar of the screens the server allows, a header with the FP-year
// picker, who is signed in and where, and sign-out; the screen below. A 401 from any call (the
// session ended) returns to sign-in with this page remembered.

import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Layout, Menu, Select, Space, Typography } from 'antd';
import { type ComponentType, type LazyExoticComponent, lazy, Suspense, useEffect, useMemo } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { onSessionExpired } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { Bell } from '../features/notifications/Bell.tsx';
import { fpYearLabel, fpYearShort } from '../lib/format.ts';
import { displayName, placeOf, signOut, useSession } from '../session/session.ts';
import { ShellCtx } from './context.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { NotFound } from './NotFound.tsx';
import { signInPath } from './navigation.ts';
import { PageLoading } from './PageLoading.tsx';
import { Refusal } from './Refusal.tsx';
import { menuFor, ROUTES, routeOf } from './routes.ts';
import { useFpYear, yearOptions } from './year.ts';

const { Sider, Header, Content } = Layout;

/** Each screen's code, loaded when first opened. */
const PAGES = new Map<string, LazyExoticComponent<ComponentType>>(
  ROUTES.filter((r) => r.page).map((r) => [r.path, lazy(r.page!)]),
);

export default function Shell() {
  const session = useSession();
  const location = useLocation();
  const here = location.pathname + location.search;
  if (session.isPending) return <PageLoading />;
  if (session.error) {
    if (session.error instanceof ApiError && session.error.status === 401)
      return <Navigate to={signInPath(here)} replace />;
    return <Refusal error={session.error} />;
  }
  return <SignedIn session={session.data} />;
}

function SignedIn({ session }: { session: NonNullable<ReturnType<typeof useSession>['data']> }) {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [year, setYear] = useFpYear(session.years);
  const menu = menuFor(session.permissions);
  const current = routeOf(location.pathname);

  useEffect(
    () =>
      onSessionExpired(() => {
        const here = window.location.pathname + window.location.search;
        queryClient.clear();
        message.warning('登录已过期，请重新登录');
        navigate(signInPath(here), { replace: true });
      }),
    [navigate, queryClient, message],
  );

  const ctx = useMemo(
    () => ({ session, county: session.user.county, year, setYear }),
    [session, year, setYear],
  );

  const out = async () => {
    await signOut();
    queryClient.clear();
    navigate('/sign-in', { replace: true });
  };

  return (
    <ShellCtx.Provider value={ctx}>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <Layout style={{ minHeight: '100vh' }}>
        <Sider width={200} theme="dark" breakpoint="lg" collapsedWidth={64}>
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              责
            </span>
            <span className="brand-name">责任制管理系统</span>
          </div>
          <nav aria-label="主菜单">
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={current ? [current.path] : []}
              items={menu.map((r) => ({
                key: r.path,
                icon: <r.icon />,
                label: <Link to={`${r.path}?year=${year}`}>{r.label}</Link>,
              }))}
            />
          </nav>
        </Sider>
        <Layout>
          <Header className="app-header">
            <Typography.Text strong className="header-title">
              {session.user.county_name ?? '全部县'}
              {' · 人口与计划生育工作层级动态管理责任制'}
            </Typography.Text>
            <Space size="middle" wrap>
              {session.user.county && (
                <Select
                  aria-label="计生年度"
                  value={year}
                  onChange={setYear}
                  style={{ width: 150 }}
                  popupMatchSelectWidth={false}
                  options={yearOptions(session.years, year).map((y) => ({
                    value: y,
                    label: fpYearShort(y),
                    title: fpYearLabel(y),
                  }))}
                  optionRender={(o) => fpYearLabel(Number(o.value))}
                />
              )}
              <Bell year={year} />
              <span className="who" data-testid="who">
                <UserOutlined aria-hidden="true" /> {displayName(session.user)}（{session.user.role_zh}）
                <Typography.Text type="secondary"> {placeOf(session.user)}</Typography.Text>
              </span>
              <Button icon={<LogoutOutlined />} onClick={out}>
                退出登录
              </Button>
            </Space>
          </Header>
          <Content id="main" tabIndex={-1} className="app-content">
            <ErrorBoundary key={location.pathname}>
              <Suspense fallback={<PageLoading />}>
                <Routes>
                  {menu.map((r) => {
                    const Page = PAGES.get(r.path)!;
                    return (
                      <Route key={r.path} path={r.path === '/' ? '/' : `${r.path}/*`} element={<Page />} />
                    );
                  })}
                  <Route path="*" element={<NotFound />} />
                </Routes>
              </Suspense>
            </ErrorBoundary>
          </Content>
        </Layout>
      </Layout>
    </ShellCtx.Provider>
  );
}
