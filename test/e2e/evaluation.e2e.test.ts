// 奖惩评定 in a real browser: the office reads the year's evaluations and the decision in force,
// opens a consequence (clause text, explanation, readings, pack hash), compares a reading in a
// what-if, evaluates, confirms a year's first decision and corrects another with its reason,
// downloads the decision document and verifies a receipt; a town sees its own part only, with no
// button to run, confirm or verify, and the API refuses it the rest. axe-clean, screenshots.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEvaluation } from '../../src/store/evaluations.ts';
import { systemScope } from '../../src/store/scope.ts';
import type { E2E } from './harness.ts';
import { OWN_TOWN, startScenario } from './scenario.ts';

let e: E2E;
beforeAll(async () => {
  e = await startScenario();
}, 180_000);
afterAll(async () => e?.close());

const Y = () => `/api/v1/counties/${e.county}/years`;
const open = async (page: Page, query: string) => {
  await page.goto(`/evaluation?${query}`);
  await page.getByRole('heading', { name: '奖惩评定' }).waitFor();
};
const receiptRows = (page: Page) =>
  page.locator('.ant-card').filter({ hasText: '评定记录（回执）' }).locator('tbody tr.ant-table-row');
const tab = (page: Page, name: RegExp) => page.getByRole('tab', { name });
const table = (page: Page) => page.locator('.ant-tabs-tabpane-active tbody');
const tabCount = async (page: Page) =>
  (await page.getByRole('tab').allInnerTexts())
    .map((t) => /（(\d+)）$/.exec(t.trim())?.[1])
    .reduce((s, n) => s + Number(n ?? 0), 0);

describe('奖惩评定 (browser)', () => {
  it("shows the office the year's receipts, the decision in force and the consequences by group; a row opens its drawer", async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await open(page, 'year=2010');
    await page.getByText(/^现行决定：2010年2月26日由王志刚确认，罚款缴纳期限2010年3月15日。$/).waitFor();
    expect(await receiptRows(page).count()).toBe(2);
    expect(await receiptRows(page).nth(0).innerText()).toContain('最新评定，未确认');
    expect(await receiptRows(page).nth(1).innerText()).toContain('现行决定');
    await page.getByText(/^奖励合计$/).waitFor();
    expect(await page.getByText(/^大写：.+元/).count()).toBeGreaterThanOrEqual(2);
    for (const name of [
      /^镇（场）（\d+）$/,
      /^村（社区、工区）（\d+）$/,
      /^县直单位（\d+）$/,
      /^个人（\d+）$/,
    ])
      await tab(page, name).waitFor();
    await page.getByText(/^镇（场）合计：奖励 [\d,]+\.\d\d元（大写：/).waitFor();

    // A person's fine, found by search, opened by keyboard.
    await tab(page, /^个人/).click();
    await page.getByRole('searchbox', { name: /在个人中查找/ }).fill('四（三）1（4）');
    await page.keyboard.press('Enter');
    const row = table(page).locator('tr', { hasText: '罚款' }).first();
    await row.waitFor();
    expect(await row.innerText()).toMatch(/四（三）1（4）[\s\S]*[\d,]+\.00元/);
    await row.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    await drawer.getByText('依据：四（三）1（4）').waitFor();
    expect(await drawer.getByTestId('clause-text').innerText()).toContain('通报批评、降类管理');
    const explanation = await drawer.getByTestId('explanation').innerText();
    expect(explanation).toContain('依据四（三）1（4）');
    expect(explanation).not.toMatch(/[\u4e00-\u9fff][,:;()]/);
    await drawer.getByRole('cell', { name: 'I1', exact: true }).waitFor();
    await drawer.getByText('计生年度内任何时间在职（在挂钩）者').first().waitFor();
    await drawer.getByText('county-criticized-village').waitFor();
    await drawer.getByText(/^[0-9a-f]{64}$/).waitFor();
    expect(page.url()).toMatch(/line=c\d+/);
    expect(page.url()).toContain('group=person');
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'evaluation-drawer');
    await page.keyboard.press('Escape');
    expect(page.url()).not.toContain('line=');
    // The address opens the same drawer again (a link to share).
    await tab(page, /^镇（场）/).click();
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'evaluation-office');
    expect(problems).toEqual([]);
  }, 180_000);

  it("shows a town pack's (七) consequences apart, titled with its short name, each citing the town's clause", async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await open(page, 'year=2010');
    const section = page.getByTestId('town-pack-section');
    await section.getByText('东风镇办法（镇级）', { exact: true }).waitFor();
    await section.getByText(/^适用于/).waitFor();
    const rows = section.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    for (const text of await rows.allInnerTexts()) expect(text).toMatch(/东风镇办法[二三四]/);
    // The county's tables cite none of the town's clauses.
    expect(
      await page
        .locator('.ant-tabs-tabpane-active')
        .getByText(/东风镇办法/)
        .count(),
    ).toBe(0);
    expect(await e.axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);

  it('compares another reading (saving nothing) and the latest run against the decision', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await open(page, 'year=2010');
    const before = await receiptRows(page).count();
    await page.getByRole('tab', { name: '换一种解读（不保存）' }).click();
    await page.getByRole('combobox', { name: '解释I4的比较解读' }).click({ force: true });
    await page.locator('.ant-select-item-option[title="不影响"]').click();
    await page.getByRole('button', { name: /^比\s*较$/ }).click();
    const changes = page.getByTestId('changes');
    await changes.getByText(/^恢复兑现 \d+ 项$/).waitFor();
    expect(await changes.locator('tbody tr').first().innerText()).toContain('恢复兑现');
    await changes.getByText(/奖励合计/).waitFor();
    expect(await changes.innerText()).toMatch(/增加 [\d,]+\.\d\d元/);
    await changes
      .getByRole('button', { name: /^展开.+的说明$/ })
      .first()
      .click();
    await changes
      .getByText(/依据三（/)
      .first()
      .waitFor();
    await page.mouse.move(0, 0);
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'evaluation-what-if');
    await page.getByRole('tab', { name: '与其他评定比较' }).click();
    await page.getByRole('button', { name: '与现行决定比较' }).click();
    // The latest run read the same facts and readings as the decision's.
    await page.locator('.ant-tabs-tabpane-active [data-testid=changes]').getByText('没有变化').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '奖惩评定' }).waitFor();
    expect(await receiptRows(page).count()).toBe(before);
    expect(problems).toEqual([]);
  }, 180_000);

  it("evaluates a year, confirms it as the year's decision, corrects it with a reason, downloads it and verifies a receipt", async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await open(page, 'year=2009');
    await page.getByText('本年度尚未确认奖惩决定。').waitFor();
    const runs = await receiptRows(page).count();
    await page.getByRole('button', { name: '开始评定' }).click();
    await expect.poll(() => receiptRows(page).count()).toBe(runs + 1);
    await receiptRows(page).nth(0).getByRole('button', { name: '确认为决定' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByText('确认为本年度的奖惩决定').first().waitFor();
    await modal.getByRole('button', { name: /确\s*认/ }).click();
    await modal.getByText('请选择罚款缴纳期限').waitFor();
    await modal.getByLabel('罚款缴纳期限').fill('2010-04-30');
    await modal.getByLabel('罚款缴纳期限').press('Enter');
    await page.mouse.move(0, 0); // axe judges colours at rest, not under the pointer
    expect(await e.axe(page)).toEqual([]);
    await modal.getByRole('button', { name: /确\s*认/ }).click();
    await page.getByText(/^现行决定：2010年3月28日由王志刚确认，罚款缴纳期限2010年4月30日。$/).waitFor();
    expect(await receiptRows(page).nth(0).innerText()).toContain('现行决定');

    // A second run, confirmed: a correction that names the decision it supersedes and its reason.
    await page.getByRole('button', { name: '开始评定' }).click();
    await expect.poll(() => receiptRows(page).count()).toBe(runs + 2);
    await receiptRows(page).nth(0).getByRole('button', { name: '更正决定' }).click();
    await modal.getByText('更正本年度的奖惩决定').first().waitFor();
    await modal.getByText(/本年度已有现行决定（2010年3月28日由王志刚确认，编号 [0-9a-f]{8}）/).waitFor();
    await modal.getByLabel('罚款缴纳期限').fill('2010-05-31');
    await modal.getByLabel('罚款缴纳期限').press('Enter');
    await modal.getByRole('button', { name: /确认更正/ }).click();
    await modal.getByText('更正决定须说明理由').waitFor();
    await modal.getByLabel('更正理由').fill('复核发现缴纳期限需延长');
    await page.mouse.move(0, 0);
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'evaluation-correction');
    await modal.getByRole('button', { name: /确认更正/ }).click();
    await page.getByText(/更正理由：复核发现缴纳期限需延长/).waitFor();
    await page.getByText(/罚款缴纳期限2010年5月31日。$/).waitFor();
    expect(await receiptRows(page).nth(1).innerText()).toContain('已被更正的决定');
    await page.getByRole('button', { name: '决定记录（2）' }).click();
    const chain = page.locator('.ant-collapse-content tbody tr.ant-table-row');
    await chain.nth(1).getByText('复核发现缴纳期限需延长').waitFor();
    expect(await chain.nth(0).innerText()).toContain('已被更正');
    expect(await chain.nth(1).innerText()).toContain('现行（更正）决定');

    // The decision document, as Word.
    const href = await page.getByRole('link', { name: '下载决定书' }).getAttribute('href');
    const doc = await page.request.get(href!);
    expect(doc.status()).toBe(200);
    expect(doc.headers()['content-type']).toContain('wordprocessingml');

    // A receipt re-run: it reproduces.
    await receiptRows(page).nth(1).getByRole('button', { name: '复核回执' }).click();
    await page
      .getByRole('dialog')
      .getByText(/^复核一致：/)
      .waitFor();
    await page.getByRole('dialog').getByText('存档的案件数据完整').waitFor();
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'evaluation-verify');
    expect(problems).toEqual([]);
  }, 180_000);

  it('lets the auditor read, compare and verify, but not run or confirm', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'auditor');
    await open(page, 'year=2010');
    await page.getByText(/^奖励合计$/).waitFor();
    await receiptRows(page).first().getByRole('button', { name: '复核回执' }).waitFor();
    await page.getByRole('tab', { name: '换一种解读（不保存）' }).waitFor();
    await page.getByRole('link', { name: '下载决定书' }).waitFor();
    for (const name of ['开始评定', '确认为决定', '更正决定'])
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    expect(await e.axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);

  it('shows a town its own part only, with no button to run, confirm, compare or verify; the API refuses the rest', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'town');
    await open(page, 'year=2010&group=person');
    await page.getByText(/^现行决定：/).waitFor();
    await table(page).locator('tr.ant-table-row').first().waitFor();
    await page.getByText(/^评定结果（.+范围内的部分）$/).waitFor();
    // Its part of the latest evaluation: the lines the server gives it, fewer than the county's.
    const list = await (await page.request.get(`${Y()}/2010/evaluations`)).json();
    const mine = await (await page.request.get(`/api/v1/evaluations/${list.items[0].id}`)).json();
    const office = systemScope(e.county, { name: 'office', role: 'office' });
    const all = await getEvaluation(e.ctx, office, list.items[0].id);
    expect(await tabCount(page)).toBe(mine.view.lines.length);
    expect(mine.view.lines.length).toBeLessThan(all.result.consequences.length + all.result.withheld.length);
    const units = mine.view.lines.filter((l: { subject: { kind: string } }) => l.subject.kind === 'unit');
    expect(units.length).toBeGreaterThan(0);
    for (const l of units) expect(l.subject.id.startsWith(OWN_TOWN)).toBe(true);
    for (const name of ['开始评定', '确认为决定', '更正决定', '复核回执', '下载决定书'])
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    expect(await page.getByRole('link', { name: '下载决定书' }).count()).toBe(0);
    expect(await page.getByText('换一种解读（不保存）').count()).toBe(0);
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'evaluation-town');

    // The API, with the browser's own session, refuses what the town may not do.
    const refused = [
      await page.request.post(`${Y()}/2010/what-if`, { data: { interpretations: { I4: 'no-effect' } } }),
      await page.request.get(`/api/v1/evaluations/${list.items[0].id}/verify`),
      await page.request.get(`/api/v1/evaluations/${list.items[0].id}/diff?against=previous`),
      await page.request.post(`${Y()}/2010/evaluations`, { data: {} }),
      await page.request.post(`${Y()}/2010/decisions`, {
        data: { evaluation_id: list.items[0].id, fines_due_on: '2010-12-31' },
      }),
    ];
    expect(refused.map((r) => r.status())).toEqual([403, 403, 403, 403, 403]);
    const decisions = await (await page.request.get(`${Y()}/2010/decisions`)).json();
    expect(
      (await page.request.get(`/api/v1/decisions/${decisions.items[0].id}/document.docx`)).status(),
    ).toBe(403);
    expect(problems).toEqual([]);
  }, 180_000);
});
