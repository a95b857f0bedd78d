// 警示通知书 in a real browser: the office issues a notice (the deadline checked on its field),
// the town reports its correction, the office verifies it; a second notice for the same unit
// puts it two in a row, which the timeline shows and the next evaluation applies (4.3.2.2); the
// lights in words; the printable notice; a town kept to its own notices (menu, address, API).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateYear } from '../../src/store/evaluations.ts';
import { systemScope } from '../../src/store/scope.ts';
import { type E2E, startE2E } from './harness.ts';
import { OWN_TOWN, prepareScenario, SCENARIO_START } from './scenario.ts';

type Page = import('playwright-core').Page;

let e: E2E;
const UNIT = `${OWN_TOWN}-V03`;
let unitName = '';
beforeAll(async () => {
  e = await startE2E({ now: SCENARIO_START });
  await prepareScenario(e); // today is 2010-03-28
  const row = await e.ctx.db
    .selectFrom('units')
    .select('name')
    .where('county_id', '=', e.county)
    .where('id', '=', UNIT)
    .executeTakeFirstOrThrow();
  unitName = row.name;
}, 180_000);
afterAll(async () => e?.close());

/** axe on the page at rest: the pointer moved off the button it last clicked (antd's hover colour). */
async function axe(page: Page) {
  await page.mouse.move(0, 0);
  return e.axe(page);
}

const list = async (page: Page) => {
  await page.getByRole('heading', { name: '警示通知书' }).waitFor();
  await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
};
const drawer = (page: Page) => page.getByRole('dialog').filter({ hasText: '警示通知书 ' });
async function pickDate(page: Page, label: string, date: string, within = page.getByRole('dialog')) {
  const input = within.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function issue(page: Page, matter: string, deadline: string): Promise<string> {
  await page.getByRole('button', { name: '下发警示通知书' }).click();
  const modal = page.getByRole('dialog', { name: '下发警示通知书' });
  await modal.getByLabel('单位').fill(unitName);
  await page.locator('.ant-select-item-option', { hasText: unitName }).first().click();
  const id = await modal.getByLabel('编号').inputValue();
  await modal.getByLabel('事项').fill(matter);
  await pickDate(page, '整改期限', deadline, modal);
  await modal.getByRole('button', { name: /下\s*发/ }).click();
  await modal.waitFor({ state: 'detached' });
  await drawer(page).getByText(matter).first().waitFor();
  return id;
}

describe('警示通知书 (browser)', { timeout: 180_000 }, () => {
  let first = '';
  let second = '';

  it('shows the office the year with lights in words; a deadline before the issue date is refused', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('menuitem', { name: '警示通知书' })
      .click();
    await list(page);
    const row = (text: string) => page.getByRole('row').filter({ hasText: text });
    expect(await row('流动人口信息未按时核查').innerText()).toContain('已逾期（逾期8天）');
    expect(await row('出生统计上报不及时').innerText()).toContain('即将到期（剩2天）');
    expect(await row('台账不全').innerText()).toContain('未到期');
    expect(await row('计生专干未到岗').count()).toBe(1);
    // Search by status: only verified notices (the demo's own), none of the scenario's.
    await page.getByLabel('状态').click();
    await page.locator('.ant-select-item-option', { hasText: '已验收' }).click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await row('流动人口信息未按时核查').waitFor({ state: 'detached' });
    expect(page.url()).toContain('status=verified');
    const rows = await page.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toContain('已验收');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await row('计生专干未到岗').waitFor();
    await e.screenshot(page, 'notices-office');

    await page.getByRole('button', { name: '下发警示通知书' }).click();
    const modal = page.getByRole('dialog', { name: '下发警示通知书' });
    await pickDate(page, '下发日期', '2010-03-28', modal);
    await pickDate(page, '整改期限', '2010-03-20', modal);
    await modal.getByRole('button', { name: /下\s*发/ }).click();
    await modal.getByText('整改期限不能早于下发日期（2010-03-28）').waitFor();
    await modal.getByText('请选择单位').waitFor();
    expect(await axe(page)).toEqual([]);
    await e.screenshot(page, 'notices-issue');
    await modal.getByRole('button', { name: /取\s*消/ }).click();

    first = await issue(page, '育龄妇女信息台账未更新', '2010-04-10');
    expect(first).toBe('JS-2010-005');
    expect(page.url()).toContain(`notice=${first}`);
    expect(problems).toEqual([]);
  });

  it('lets the town report its correction and the office verify it', async () => {
    const town = await e.page();
    await e.signIn(town.page, 'town');
    await town.page.goto(`/notices?year=2010&notice=${first}`);
    const d = drawer(town.page);
    await d.getByRole('button', { name: '报告整改' }).waitFor();
    expect(await d.getByRole('button', { name: '验收通过' }).count()).toBe(0);
    await d.getByLabel('整改情况', { exact: true }).fill('已逐户核对并更新台账');
    await d.getByRole('button', { name: '报告整改' }).click();
    await d.getByText('已报告整改，待验收').first().waitFor();
    expect(await axe(town.page)).toEqual([]);
    await e.screenshot(town.page, 'notices-town-correction');
    expect(town.problems).toEqual([]);

    const office = await e.page();
    await e.signIn(office.page, 'office');
    await office.page.goto(`/notices?year=2010&notice=${first}`);
    const o = drawer(office.page);
    await o.getByText('已逐户核对并更新台账').first().waitFor();
    await o.getByRole('button', { name: '验收通过' }).click();
    await o.getByText('已验收').first().waitFor();
    expect(await o.getByRole('button', { name: '验收通过' }).count()).toBe(0);
    const stored = await e.ctx.db
      .selectFrom('warning_notices')
      .select(['corrected_on', 'correction_reported_on', 'verified_by'])
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      corrected_on: '2010-03-28',
      correction_reported_on: '2010-03-28',
      verified_by: 'office',
    });
    expect(office.problems).toEqual([]);
  });

  it('escalates a second notice for the same unit: the timeline shows it, the evaluation applies 4.3.2.2', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.goto('/notices?year=2010');
    await list(page);
    // Issued the day the first was verified: not corrected before it (I13), so two in a row.
    second = await issue(page, '出生信息上报迟报', '2010-04-20');
    const d = drawer(page);
    await d.getByText(`连续二次下发警示通知书（${first}、${second}）`).waitFor();
    await d.getByText('提醒注意', { exact: true }).waitFor();
    expect(await d.locator('section').last().innerText()).toContain('年度计生工作予以提醒注意');
    // The printable notice, numbered.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      d.getByRole('link', { name: /下载通知书/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    expect(await axe(page)).toEqual([]);
    await d.locator('section').last().scrollIntoViewIfNeeded();
    await e.screenshot(page, 'notices-timeline');

    const office = systemScope(e.county, { name: 'office', role: 'office' });
    const { result } = await evaluateYear(e.ctx, office, e.county, 2010);
    const applied = result.consequences.filter(
      (c) => c.clause === '4.3.2.2' && (c.subject.id === UNIT || c.via?.unit === UNIT),
    );
    expect(applied.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('keeps a town to its own notices: the list, the address and the API', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'town');
    await page.goto('/notices?year=2010');
    await list(page);
    expect(await page.getByRole('row').filter({ hasText: '计生专干未到岗' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '下发警示通知书' }).count()).toBe(0);
    await page.goto('/notices?year=2010&notice=JS-2010-004');
    await drawer(page).getByText('未找到或无权查看').waitFor();
    for (const url of [
      `/api/v1/counties/${e.county}/years/2010/warning-notices/JS-2010-004`,
      `/api/v1/counties/${e.county}/warning-notices/JS-2010-004`,
      `/api/v1/counties/${e.county}/warning-notices/JS-2010-004/document.docx`,
    ])
      expect((await page.request.get(url)).status(), url).toBe(404);
    const listed = await (
      await page.request.get(`/api/v1/counties/${e.county}/years/2010/warning-notices`)
    ).json();
    expect(listed.items.map((i: { id: string }) => i.id)).not.toContain('JS-2010-004');
    expect(await axe(page)).toEqual([]);
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
  });
});
