// 工作台 and the shell in a real browser, per role: the menu the server's permissions give, the
// figures and tables of what is waiting, charts drawn only when shown, a town kept to its own
// town (menu, address, API), axe-core clean, screenshots at 1366×768.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2E } from './harness.ts';
import { OTHER_TOWN, OWN_TOWN, startScenario } from './scenario.ts';

let e: E2E;
beforeAll(async () => {
  e = await startScenario();
}, 180_000);
afterAll(async () => e?.close());

/** Part-2 screens a town's permissions do not open, whether built or not. */
const NOT_FOR_TOWN = ['审计', '系统管理'];
const menuOf = async (page: import('playwright-core').Page) =>
  (await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem').allInnerTexts()).map((t) =>
    t.trim(),
  );
const cardTitles = async (page: import('playwright-core').Page) =>
  (await page.locator('.ant-statistic-title').allInnerTexts()).map((t) => t.trim());

describe('工作台 (browser)', () => {
  it('shows the office everything waiting in the year, charts loaded with the first chart', async () => {
    const { page, problems } = await e.page();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await e.signIn(page, 'office');
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.getByText('2010年度（2009年10月1日至2010年9月30日）').first().waitFor();
    expect(await cardTitles(page)).toEqual([
      '未上报或退回的名单',
      '待审核的名单',
      '未录入县考核的单位',
      '奖惩评定',
      '逾期或即将到期的警示通知书',
      '逾期未缴的罚款',
    ]);
    await page.getByText('有新的评定待确认').first().waitFor();
    // Deadline lights in words: 已逾期 (2010-03-20, 2010-03-25), 即将到期 (2010-03-30), 未到期.
    const notices = page.locator('.ant-card').filter({ hasText: '警示通知书（四（三）2）' });
    await expect(notices.getByRole('row').filter({ hasText: 'JS-2010' }).count()).resolves.toBe(0);
    expect(await notices.getByRole('row', { name: /流动人口信息未按时核查/ }).innerText()).toContain(
      '已逾期',
    );
    expect(await notices.getByRole('row', { name: /出生统计上报不及时/ }).innerText()).toContain('即将到期');
    expect(await notices.getByRole('row', { name: /台账不全/ }).innerText()).toContain('未到期');
    // Fines past 2010-03-15, with the total in 元 and 金额大写.
    await page.getByText(/合计 \d+ 笔，[\d,]+\.\d\d元（大写：.+）/).waitFor();
    await page.locator('figure canvas').first().waitFor();
    expect(scripts.some((s) => /\/echarts-/.test(s))).toBe(true);
    expect((await menuOf(page))[0]).toBe('工作台');
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'home-office');
    expect(problems).toEqual([]);
  });

  it('keeps a town to its own town: figures, tables, the address and the API', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'town');
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    expect(await cardTitles(page)).toEqual([
      '本单位名单',
      '未录入县考核的单位',
      '奖惩评定',
      '逾期或即将到期的警示通知书',
      '逾期未缴的罚款',
    ]);
    const notices = page.locator('.ant-card').filter({ hasText: '警示通知书（四（三）2）' });
    await notices.getByRole('row', { name: /流动人口信息未按时核查/ }).waitFor();
    expect(await notices.innerText()).not.toContain('计生专干未到岗');
    const ownName = await page.getByTestId('who').innerText();
    const rows = await page
      .locator('.ant-card')
      .filter({ hasText: '名单上报（二（四））' })
      .getByRole('row')
      .allInnerTexts();
    expect(rows.slice(1).length).toBe(1);
    expect(ownName).toContain(rows[1]!.split('\t')[0]!.trim());
    expect((await menuOf(page))[0]).toBe('工作台');
    expect(await menuOf(page)).not.toContain('审计');
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'home-town');

    // Its own notice opens in the drawer from the table, by keyboard.
    await notices.getByRole('row', { name: /流动人口信息未按时核查/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByText('2010年3月20日').waitFor();
    expect(page.url()).toContain('notice=JS-2010-001');
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'home-notice-drawer');
    await page.keyboard.press('Escape');

    // Another town's notice by editing the address: the server's refusal, shown as such.
    await page.goto('/?year=2010&notice=JS-2010-004');
    const drawer = page.getByRole('dialog');
    await drawer.getByText('未找到或无权查看').waitFor();
    expect(await drawer.innerText()).not.toContain('计生专干未到岗');

    // And the API itself, with the browser's own session.
    const other = await page.request.get(`/api/v1/counties/${e.county}/years/2010/rosters/${OTHER_TOWN}`);
    expect(other.status()).toBe(404);
    const own = await page.request.get(`/api/v1/counties/${e.county}/years/2010/rosters/${OWN_TOWN}`);
    expect(own.status()).toBe(200);
    const notice = await page.request.get(`/api/v1/counties/${e.county}/warning-notices/JS-2010-004`);
    expect(notice.status()).toBe(404);
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
  });

  it('shows the finance bureau only the evaluation and the fines', async () => {
    const { page } = await e.page();
    await e.signIn(page, 'finance');
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    expect(await cardTitles(page)).toEqual(['奖惩评定', '逾期未缴的罚款']);
    expect(await page.getByText('名单上报（二（四））').count()).toBe(0);
    expect(await e.axe(page)).toEqual([]);
  });

  it('shows a county unit its own roster and the auditor the county, read-only', async () => {
    for (const role of ['unit', 'auditor'] as const) {
      const { page } = await e.page();
      await e.signIn(page, role);
      await page.getByRole('heading', { name: '工作台' }).waitFor();
      const titles = await cardTitles(page);
      expect(titles[0], role).toBe(role === 'unit' ? '本单位名单' : '未上报或退回的名单');
      expect(titles, role).not.toContain('待审核的名单');
      expect(await e.axe(page), role).toEqual([]);
      if (role === 'auditor') await e.screenshot(page, 'home-auditor');
    }
  });

  it('shows the administrator the counties, with no year picker', async () => {
    const { page } = await e.page();
    await e.signIn(page, 'admin');
    await page.getByRole('cell', { name: 'demo', exact: true }).waitFor();
    expect(await page.getByRole('combobox', { name: '计生年度' }).count()).toBe(0);
    expect(await e.axe(page)).toEqual([]);
  });

  it('offers no screen the server does not allow or that is not built, and says so at its address', async () => {
    const { page } = await e.page();
    await e.signIn(page, 'town');
    for (const label of NOT_FOR_TOWN)
      expect(await page.getByRole('menuitem', { name: label }).count(), label).toBe(0);
    // A screen the town may not use (系统管理) is refused at its address; no screen at all is absent.
    await page.goto('/admin');
    await page.locator('.ant-result-title', { hasText: '无权访问' }).waitFor();
    await page.goto('/no/such/page');
    await page.locator('.ant-result-title', { hasText: '页面不存在' }).waitFor();
    expect(await e.axe(page)).toEqual([]);
  });

  it('is usable by keyboard: a skip link first, then the menu, the year picker and sign-out', async () => {
    const { page } = await e.page();
    await e.signIn(page, 'office');
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement.textContent)).toBe(
      '跳到主要内容',
    );
    const reached = new Set<string>();
    // Past every screen of the menu (twelve at most), until sign-out.
    for (let i = 0; i < 24 && !reached.has('退出登录'); i++) {
      await page.keyboard.press('Tab');
      reached.add(
        await page.evaluate(() => {
          const el = (globalThis as any).document.activeElement;
          return (el.getAttribute('aria-label') || el.textContent || '').trim();
        }),
      );
    }
    expect([...reached]).toEqual(expect.arrayContaining(['工作台', '计生年度', '退出登录']));
  });
});
