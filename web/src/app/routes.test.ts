import { describe, expect, it } from 'vitest';
import { type AppRoute, menuFor, ROUTES, routeOf } from './routes.ts';

// Permissions as GET /api/v1/session gives them to each demo role (a part of each list).
const C = '/api/v1/counties/:county';
const Y = `${C}/years/:fpYear`;
const office = [
  'GET /api/v1/session',
  `GET ${C}/policy`,
  `GET ${C}/registry/tree`,
  `GET ${Y}/rosters`,
  `GET ${C}/assessments`,
  `GET ${Y}/evaluations`,
  `GET ${Y}/warning-notices`,
  `GET ${Y}/obligations`,
  `GET ${Y}/personnel-actions`,
  `GET ${Y}/reports/statement`,
];
const finance = [
  'GET /api/v1/session',
  `GET ${C}/policy`,
  `GET ${C}/units`,
  `GET ${Y}/evaluations`,
  `GET ${Y}/obligations`,
  `GET ${Y}/reports/statement`,
];
const admin = ['GET /api/v1/session', `GET ${C}/policy`, 'GET /api/v1/users'];

/** Every screen built, as when both parts are done. */
const built: AppRoute[] = ROUTES.map((r) => ({ ...r, page: async () => ({ default: () => null }) }));
const labels = (perms: string[], routes: readonly AppRoute[]) => menuFor(perms, routes).map((r) => r.label);

describe('the menu from the server’s permissions', () => {
  it('offers each role the screens its permissions open, in the table’s order', () => {
    expect(labels(office, built)).toEqual([
      '工作台',
      '责任体系',
      '名单上报',
      '考核',
      '奖惩评定',
      '政策',
      '警示通知书',
      '罚款与奖金',
      '人事',
      '报表',
    ]);
    // 责任体系 joins links and categories in, which the finance bureau does not read.
    expect(labels(finance, built)).toEqual(['工作台', '奖惩评定', '政策', '罚款与奖金', '报表']);
    expect(labels(admin, built)).toEqual(['工作台', '政策', '系统管理']);
  });

  it('offers nothing the server did not list', () => {
    expect(labels([], built)).toEqual([]);
  });

  it('leaves out screens not built yet, whatever the permissions', () => {
    const now = labels(office, ROUTES);
    expect(now).toContain('工作台');
    for (const r of ROUTES) if (!r.page) expect(now).not.toContain(r.label);
  });

  it('names the part-2 screens, so they plug in by adding a page', () => {
    expect(ROUTES.filter((r) => r.part === 2).map((r) => r.label)).toEqual([
      '警示通知书',
      '罚款与奖金',
      '人事',
      '报表',
      '审计',
      '系统管理',
    ]);
  });

  it('finds the screen of a path', () => {
    expect(routeOf('/')?.label).toBe('工作台');
    expect(routeOf('/rosters/t-dongfeng')?.label).toBe('名单上报');
    expect(routeOf('/rostersx')).toBeUndefined();
  });
});
