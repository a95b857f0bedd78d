// The application's one route table: every screen, its menu label and icon, the route keys the
// user needs (any one of them) for it to be offered, and its page, loaded when first opened.
// Part 1 screens (issue 8) and part 2 screens (issue 9) plug in here: give an entry its `page`
// and it appears in the menu of every role the server allows; an entry without a page is not
// shown at all. See web/README.md.

import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  FileProtectOutlined,
  FormOutlined,
  HomeOutlined,
  ReadOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';

const C = '/api/v1/counties/:county';
const Y = `${C}/years/:fpYear`;

export interface AppRoute {
  /** The path in the browser, under which the screen owns every sub-path (`/rosters/*`). */
  path: string;
  /** The menu label, in Chinese. */
  label: string;
  icon: ComponentType;
  /** The issue the screen belongs to. */
  part: 1 | 2;
  /** Route keys of the access table; the screen is offered when the user may call any of them. */
  needs: readonly string[];
  /** The screen, loaded on first use; absent until the screen is built (then it is not offered). */
  page?: () => Promise<{ default: ComponentType }>;
}

export const ROUTES: readonly AppRoute[] = [
  {
    path: '/',
    label: '工作台',
    icon: HomeOutlined,
    part: 1,
    needs: ['GET /api/v1/session'],
    page: () => import('../features/home/HomePage.tsx'),
  },
  {
    path: '/registry',
    label: '责任体系',
    icon: ClusterOutlined,
    part: 1,
    needs: [`GET ${C}/registry/tree`],
    page: () => import('../features/registry/RegistryPage.tsx'),
  },
  {
    path: '/rosters',
    label: '名单上报',
    icon: TeamOutlined,
    part: 1,
    needs: [`GET ${Y}/rosters`],
    page: () => import('../features/rosters/RostersPage.tsx'),
  },
  {
    path: '/assessments',
    label: '考核',
    icon: FormOutlined,
    part: 1,
    needs: [`GET ${C}/assessments`],
    page: () => import('../features/assessments/AssessmentsPage.tsx'),
  },
  {
    path: '/evaluation',
    label: '奖惩评定',
    icon: FileProtectOutlined,
    part: 1,
    needs: [`GET ${Y}/evaluations`],
    page: () => import('../features/evaluation/EvaluationPage.tsx'),
  },
  {
    path: '/policy',
    label: '政策',
    icon: ReadOutlined,
    part: 1,
    needs: [`GET ${C}/policy`],
    page: () => import('../features/policy/PolicyPage.tsx'),
  },
  {
    path: '/notices',
    label: '警示通知书',
    icon: AlertOutlined,
    part: 2,
    needs: [`GET ${Y}/warning-notices`],
    page: () => import('../features/notices/NoticesPage.tsx'),
  },
  {
    path: '/ledger',
    label: '罚款与奖金',
    icon: AccountBookOutlined,
    part: 2,
    needs: [`GET ${Y}/obligations`],
    page: () => import('../features/ledger/LedgerPage.tsx'),
  },
  {
    path: '/personnel',
    label: '人事',
    icon: SolutionOutlined,
    part: 2,
    needs: [`GET ${Y}/personnel-actions`],
    page: () => import('../features/personnel/PersonnelPage.tsx'),
  },
  {
    path: '/reports',
    label: '报表',
    icon: BarChartOutlined,
    part: 2,
    needs: [`GET ${Y}/reports/statement`],
    page: () => import('../features/reports/ReportsPage.tsx'),
  },
  {
    path: '/audit',
    label: '审计',
    icon: AuditOutlined,
    part: 2,
    needs: ['GET /api/v1/audit'],
    page: () => import('../features/audit/AuditPage.tsx'),
  },
  {
    path: '/admin',
    label: '系统管理',
    icon: SettingOutlined,
    part: 2,
    // Administrators (accounts, counties) and the offices that set their own letterhead.
    needs: ['GET /api/v1/users', `PUT ${C}/issuing-offices`],
    page: () => import('../features/admin/AdminPage.tsx'),
  },
];

/** Whether the server's permissions let the user open a screen. */
export function mayOpen(route: Pick<AppRoute, 'needs'>, permissions: readonly string[]): boolean {
  return route.needs.some((k) => permissions.includes(k));
}

/** The screens offered to a user: built, and allowed by the permissions, in the table's order. */
export function menuFor(permissions: readonly string[], routes: readonly AppRoute[] = ROUTES): AppRoute[] {
  return routes.filter((r) => r.page !== undefined && mayOpen(r, permissions));
}

/** The screen a browser path belongs to (the longest matching path). */
export function routeOf(pathname: string, routes: readonly AppRoute[] = ROUTES): AppRoute | undefined {
  return [...routes]
    .sort((a, b) => b.path.length - a.path.length)
    .find((r) =>
      r.path === '/' ? pathname === '/' : pathname === r.path || pathname.startsWith(`${r.path}/`),
    );
}
