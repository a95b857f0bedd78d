// Signing in and out in a real browser, for every role; the server's refusals shown; a session
// that ends returns to sign-in and, once signed in again, to the page the user was on.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/store/scope.ts';
import { type E2E, recordMetrics, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ now: '2010-03-28T02:00:00Z' });
}, 180_000);
afterAll(async () => e?.close());

describe('sign-in (browser)', () => {
  it('shows the sign-in page in Chinese first, without ECharts, and measures the first usable screen', async () => {
    const { page, problems } = await e.page();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    const t0 = Date.now();
    await page.goto('/');
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    const firstScreenMs = Date.now() - t0;
    expect(page.url()).toBe(`${e.url}/sign-in`);
    await expect(page.title()).resolves.toContain('责任制管理系统');
    expect(await page.getByRole('heading', { name: '责任制管理系统' }).isVisible()).toBe(true);
    expect(scripts.some((s) => /echarts/i.test(s))).toBe(false);
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'sign-in');
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    recordMetrics({ first_screen_ms: firstScreenMs });
    process.stdout.write(`first usable screen (sign-in): ${firstScreenMs} ms\n`);
  });

  it('shows the server’s refusal of a wrong password in Chinese', async () => {
    const { page } = await e.page();
    await page.goto('/sign-in');
    await page.getByLabel('用户名').fill('office');
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: '用户名或密码不正确。' }).waitFor(),
    ).resolves.toBeUndefined();
    expect(await e.axe(page)).toEqual([]);
  });

  it('says how long to wait once too many attempts have failed', async () => {
    const { page } = await e.page();
    await page.goto('/sign-in');
    await page.getByLabel('用户名').fill('auditor');
    for (let i = 0; i < 6; i++) {
      await page.getByLabel('密码').fill(`wrong ${i}`);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByRole('alert').waitFor();
      await page.waitForTimeout(50);
    }
    await page
      .getByRole('alert')
      .filter({ hasText: /登录失败次数过多，请 \d+ 分钟后再试。/ })
      .waitFor();
  });

  for (const role of ROLES.filter((r) => r !== 'auditor'))
    it(`signs ${role} in, shows who and where, and signs out`, async () => {
      const { page, problems } = await e.page();
      const t0 = Date.now();
      await e.signIn(page, role);
      await page.getByRole('heading', { name: '工作台' }).waitFor();
      if (role === 'office') recordMetrics({ home_after_sign_in_ms: Date.now() - t0 });
      const who = await page.getByTestId('who').innerText();
      const account = e.accounts.find((a) => a.role === role)!;
      // People are shown by their names, never by their logins.
      expect(who).toContain(account.name);
      expect(who).not.toContain(account.username);
      if (role === 'town' || role === 'unit') {
        const unit = await e.ctx.db
          .selectFrom('units')
          .select('name')
          .where('id', '=', account.unit!)
          .executeTakeFirstOrThrow();
        expect(who).toContain(unit.name);
      }
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.getByRole('button', { name: /登\s*录/ }).waitFor();
      // Signed out on the server too: the home page sends back to sign-in.
      await page.goto('/');
      await page.waitForURL(/\/sign-in/);
      expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    });

  it('returns to sign-in when the session ends, then back to the page the user was on', async () => {
    const { page } = await e.page();
    await e.signIn(page, 'office');
    await page.goto('/?year=2009');
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    e.advance(31 * 60_000); // 30 idle minutes end a session
    // By keyboard: the picker opens with the arrow key.
    await page.getByRole('combobox', { name: '计生年度' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTitle('2010年度（2009年10月1日至2010年9月30日）').click();
    await page.waitForURL(/\/sign-in\?next=/);
    expect(decodeURIComponent(page.url())).toContain('next=/?year=2010');
    await page.getByText('请登录后继续访问刚才的页面。').waitFor();
    await e.signIn(page, 'office');
    await page.waitForURL(/\/\?year=2010$/);
    await page.getByText('2010年度（2009年10月1日至2010年9月30日）').first().waitFor();
  });
});
