// 政策 in a real browser: clause 3.1.1 with its text, the rule that cites it, its parameters in
// force on a day (and none before the pack took effect), the readings it depends on and the policy
// tests covering it; the interpretations and parameters tabs; every county role reads it. axe-clean.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2E } from './harness.ts';
import { startScenario } from './scenario.ts';

let e: E2E;
beforeAll(async () => {
  e = await startScenario();
}, 180_000);
afterAll(async () => e?.close());

describe('政策 (browser)', () => {
  it('shows clause 3.1.1 with its rules, parameters in force and covering tests', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.getByRole('menuitem', { name: '政策' }).click();
    await page.getByRole('heading', { name: '政策', exact: true }).waitFor();
    await page
      .getByRole('navigation', { name: '条款目录' })
      .getByRole('button', { name: /三（一）1 / })
      .click();
    expect(page.url()).toContain('clause=3.1.1');
    await page.getByTestId('clause-text').filter({ hasText: '给予抽中的镇（场）奖励10000元' }).waitFor();
    await page.getByText('reward-province-pass-sampled-town').first().waitFor();
    const params = page.locator('.ant-card').filter({ hasText: '施行的取值）' });
    expect(await params.getByRole('row', { name: /reward_3_1_1_town/ }).innerText()).toContain('10,000.00元');
    await page.getByText(/覆盖本条的政策测试（\d+）/).waitFor();
    expect(await page.getByRole('cell', { name: /rewards-towns\.yaml/ }).count()).toBeGreaterThan(0);
    await page
      .getByText(/I3　省考核一类（同时达标）时/)
      .first()
      .waitFor();
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'policy-clause');

    // Before the pack took effect no amount is in force.
    await page.goto('/policy?clause=3.1.1&as_of=2008-09-01');
    const early = page.locator('.ant-card').filter({ hasText: '2008年9月1日施行的取值' });
    await early
      .getByRole('row', { name: /reward_3_1_1_town/ })
      .getByText('尚未施行')
      .waitFor();

    await page.goto('/policy?tab=interpretations');
    await page.getByText(/^I13　/).waitFor();
    expect(await page.getByText('默认', { exact: true }).count()).toBeGreaterThanOrEqual(13);
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'policy-interpretations');
    expect(problems).toEqual([]);
  }, 150_000);

  it('is read by a town, a county unit and the finance bureau, each for its own county', async () => {
    for (const role of ['town', 'unit', 'finance'] as const) {
      const { page, problems } = await e.page();
      await e.signIn(page, role);
      await page.goto('/policy?clause=4.1.1');
      await page.getByTestId('clause-text').waitFor();
      expect(await e.axe(page), role).toEqual([]);
      expect((await page.request.get(`/api/v1/counties/${e.county}/policy`)).status(), role).toBe(200);
      expect((await page.request.get('/api/v1/counties/elsewhere/policy')).status(), role).toBe(404);
      expect(problems, role).toEqual([]);
    }
  }, 150_000);
});
