// 报表 in a real browser, per role: the office reads the 奖惩兑现表 (totals in 元 with 金额大写,
// a chart), the overdue list as of a day and the rankings, and downloads them as Excel; the
// finance bureau has no rankings; a town reads its own statement and cannot ask for another
// town's by the address or the API. axe-clean; screenshots.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2E } from './harness.ts';
import { OTHER_TOWN, OWN_TOWN, startScenario } from './scenario.ts';

let e: E2E;
beforeAll(async () => {
  e = await startScenario();
}, 180_000);
afterAll(async () => e?.close());

const tabs = async (page: Page) => (await page.getByRole('tab').allInnerTexts()).map((t) => t.trim());

/** Clicks the visible 下载Excel and returns the downloaded file's name and size. */
async function downloadExcel(page: Page) {
  const wait = page.waitForEvent('download');
  await page
    .locator('.ant-tabs-tabpane-active')
    .getByRole('link', { name: /下载Excel/ })
    .click();
  const d = await wait;
  const path = await d.path();
  const { statSync } = await import('node:fs');
  return { name: d.suggestedFilename(), size: path ? statSync(path).size : 0 };
}

describe('报表 (browser)', () => {
  it('gives the office the 奖惩兑现表, the overdue list as of a day and the rankings, with Excel', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.getByRole('menuitem', { name: '报表' }).click();
    await page.getByRole('heading', { name: '报表' }).waitFor();
    expect(await tabs(page)).toEqual(['奖惩兑现表', '对账单', '逾期罚款', '排名']);
    await page.getByText(/决定确认于2010-02-26/).waitFor();
    expect(await page.getByTestId('rewards-total').innerText()).toMatch(/^[\d,]+\.\d\d元（大写：.+）$/);
    expect(await page.getByTestId('fines-total').innerText()).toMatch(/^[\d,]+\.\d\d元（大写：.+）$/);
    await page.locator('figure canvas').first().waitFor();
    await page.getByText(/共 \d+ 项/).waitFor();
    // 镇级办法: the town pack's (七) consequences apart, each citing the town's clause.
    const town = page.getByTestId('town-pack-report');
    await town.getByText('东风镇办法（镇级）', { exact: true }).waitFor();
    const rows = await town.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    for (const text of rows) expect(text).toMatch(/东风镇办法[二三四]/);
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'reports-rewards');
    const rs = await downloadExcel(page);
    expect(rs.name).toMatch(/^奖惩兑现表-.+-2010\.xlsx$/);
    expect(rs.size).toBeGreaterThan(1000);

    // The overdue list: fines due 2010-03-15 are overdue on the 28th, none on the 10th.
    await page.getByRole('tab', { name: '逾期罚款' }).click();
    await page
      .getByTestId('overdue-total')
      .getByText(/截至2010年3月28日，逾期未缴的罚款合计[\d,]+\.\d\d元（大写：/)
      .waitFor();
    expect(await page.getByTestId('overdue-total').innerText()).not.toContain('合计0.00元');
    await page.locator('figure canvas').first().waitFor();
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'reports-overdue');
    const od = await downloadExcel(page);
    expect(od.name).toMatch(/^逾期罚款-.+-2010-2010-03-28\.xlsx$/);
    await page.goto('/reports?year=2010&tab=overdue&on=2010-03-10');
    await page
      .getByTestId('overdue-total')
      .getByText('截至2010年3月10日，逾期未缴的罚款合计0.00元（大写：零元整）')
      .waitFor();
    await page.getByText('没有逾期未缴的罚款').waitFor();

    // The rankings, with the cut-off and why a unit does not win.
    await page.getByRole('tab', { name: '排名' }).click();
    await page.getByText(/村[(（]社区、工区[)）]排名（三[(（]二[)）]2，前\d+名获奖）/).waitFor();
    await page.getByText('类别变化（三（一）4、三（二）3）').waitFor();
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'reports-rankings');
    expect(problems).toEqual([]);
  });

  it('gives the finance bureau the money reports and no rankings', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'finance');
    await page.goto('/reports?year=2010');
    await page.getByText(/决定确认于/).waitFor();
    expect(await tabs(page)).toEqual(['奖惩兑现表', '对账单', '逾期罚款']);
    await page.getByRole('tab', { name: '对账单' }).click();
    await page.getByText('请选择要对账的单位。').waitFor();
    expect(await e.axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('gives a town its own statement, and nobody else’s', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'town');
    await page.goto('/reports?year=2010');
    await page.getByRole('heading', { name: /对账单（截至2010年3月28日）/ }).waitFor();
    expect(await tabs(page)).toEqual(['对账单', '逾期罚款', '排名']);
    await page.getByRole('heading', { name: /对账单（截至2010年3月28日）/ }).waitFor();
    const own = await page.getByRole('heading', { name: /对账单/ }).innerText();
    expect(own).toContain(
      (await page.getByTestId('who').innerText()).split(/\s/).find((w) => w.endsWith('镇')) ?? '镇',
    );
    await page.locator('.ant-table-row').first().waitFor();
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'reports-statement-town');
    const st = await downloadExcel(page);
    expect(st.name).toMatch(/^对账单-.+-2010\.xlsx$/);

    // Its overdue list holds its own town only.
    await page.getByRole('tab', { name: '逾期罚款' }).click();
    await page.getByTestId('overdue-total').waitFor();
    const overdue = await (
      await page.request.get(`/api/v1/counties/${e.county}/years/2010/reports/overdue`)
    ).json();
    expect(overdue.units.map((u: { unit: { id: string } }) => u.unit.id)).toEqual([OWN_TOWN]);

    // Another town's statement, by the address and by the API.
    await page.goto(`/reports?year=2010&tab=statement&unit=${OTHER_TOWN}`);
    await page.getByText('未找到或无权查看').waitFor();
    const api = await page.request.get(
      `/api/v1/counties/${e.county}/years/2010/reports/statement?unit=${OTHER_TOWN}`,
    );
    expect(api.status()).toBe(404);
    const xlsx = await page.request.get(
      `/api/v1/counties/${e.county}/years/2010/reports/statement.xlsx?unit=${OTHER_TOWN}`,
    );
    expect(xlsx.status()).toBe(404);
    expect(
      (
        await page.request.get(`/api/v1/counties/${e.county}/years/2010/reports/rewards-and-sanctions`)
      ).status(),
    ).toBe(403);
    expect(problems.filter((p) => !/40[34]/.test(p))).toEqual([]);
  });
});
