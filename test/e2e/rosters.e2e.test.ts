// 名单上报 (二(四)) in a real browser: a town downloads its template, uploads it with a mistake,
// sees the problem against its sheet and cell, fixes it and submits; the office sees the board
// (chart and search), the diff against the stored facts and last year, and accepts; a return with
// reasons after a 409 (the unit submitted again meanwhile) offers to reload; a town cannot reach
// another town's roster by menu, address or API; axe-clean; screenshots.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './harness.ts';
import { submitStored, withMistake, withNewCadre, YEAR } from './rosters-data.ts';
import { OTHER_TOWN, OWN_TOWN, SCENARIO_NOW } from './scenario.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let e: E2E;
let unitId: string;
beforeAll(async () => {
  e = await startE2E({ now: SCENARIO_NOW });
  unitId = e.accounts.find((a) => a.role === 'unit')!.unit!;
}, 180_000);
afterAll(async () => e?.close());

const api = (unit: string, tail = '') => `/api/v1/counties/${e.county}/years/${YEAR}/rosters/${unit}${tail}`;
const upload = (page: Page, buffer: Buffer) =>
  page.locator('input[type=file]').setInputFiles({ name: '名单.xlsx', mimeType: XLSX, buffer });
/** axe on the page at rest: not hovering the button last clicked. */
const axe = async (page: Page) => {
  await page.mouse.move(0, 0);
  return e.axe(page);
};
const statusOf = (page: Page) =>
  page.locator('.ant-descriptions-item').filter({ hasText: '状态' }).innerText();

/** The page's 退回 (not the confirming button of a dialog still closing). */
const returnButton = (page: Page) => page.locator('button:not(.ant-modal button)', { hasText: /退\s*回/ });

describe('名单上报 (browser)', () => {
  it('lets a town download its template, see a mistake by its cell, fix it and submit', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'town');
    await page
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('menuitem', { name: '名单上报' })
      .click();
    // A town goes straight to its own roster.
    await page.getByRole('heading', { name: /名单（二（四））/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/rosters/${OWN_TOWN}`);
    expect(await statusOf(page)).toContain('未上报');
    expect(await page.getByRole('tab', { name: '现有数据（尚未上报）' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '接受' }).count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载模板/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const template = readFileSync((await download.path())!);

    await upload(page, await withMistake(template));
    const table = page.getByTestId('upload-problems');
    await table.getByRole('cell', { name: 'D3', exact: true }).waitFor();
    const row = await table.getByRole('row').filter({ hasText: 'D3' }).innerText();
    expect(row).toContain('镇（场）职务');
    expect(row).toMatch(/村长|职务/);
    expect(await table.innerText()).toContain('名单未上报');
    expect(await statusOf(page)).toContain('未上报');
    expect(await axe(page)).toEqual([]);
    await e.screenshot(page, 'rosters-upload-problems');

    await upload(page, await withNewCadre(template));
    await page.getByText('已上报第 1 版名单').waitFor();
    await page.getByTestId('upload-problems').waitFor({ state: 'detached' });
    expect(await statusOf(page)).toContain('已上报待审核');
    // The diff against the stored facts opens by itself: the new cadre is added.
    await page
      .getByRole('region', { name: '新增' })
      .getByText(/欧阳新/)
      .first()
      .waitFor();
    expect(page.url()).toContain('tab=stored');
    expect(await axe(page)).toEqual([]);
    expect(problems.filter((p) => !p.includes('422'))).toEqual([]);
  });

  it('keeps a town to its own roster: the address and the API', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'town');
    await page.goto(`/rosters/${OTHER_TOWN}?year=${YEAR}`);
    await page.locator('.ant-result-title', { hasText: '未找到或无权查看' }).waitFor();
    await page.goto(`/rosters?year=${YEAR}`);
    await page.waitForURL(new RegExp(`/rosters/${OWN_TOWN}`));
    expect(await page.getByText('名单上报总览').count()).toBe(0);
    for (const tail of ['', '/diff', '/template.xlsx'])
      expect((await page.request.get(api(OTHER_TOWN, tail))).status(), tail).toBe(404);
    const put = await page.request.put(api(OTHER_TOWN, '/xlsx'), {
      headers: { 'content-type': XLSX },
      data: Buffer.from('x'),
    });
    expect(put.status()).toBe(404);
    const accept = await page.request.post(api(OWN_TOWN, '/accept'), { data: {} });
    expect(accept.status()).toBe(403);
    const board = await page.request.get(`/api/v1/counties/${e.county}/years/${YEAR}/rosters`);
    expect((await board.json()).items.map((i: { unit: string }) => i.unit)).toEqual([OWN_TOWN]);
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
  });

  it('shows the office the board, the diff against the stored facts and last year, and accepts', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.goto(`/rosters?year=${YEAR}`);
    await page.getByRole('heading', { name: '名单上报（二（四））' }).waitFor();
    await page.locator('figure canvas').first().waitFor();
    expect(await page.locator('figure').getAttribute('aria-label')).toMatch(/已上报待审核 1 个单位/);
    // Search by status (kept in the address).
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.locator('.ant-select-item-option', { hasText: '已上报待审核' }).click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL(/status=submitted/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('已上报待审核');
    expect(await axe(page)).toEqual([]);
    await e.screenshot(page, 'rosters-board');

    await rows.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/rosters/${OWN_TOWN}`));
    await page.getByRole('tab', { name: '与现有数据比较' }).click();
    await page
      .getByRole('region', { name: '新增' })
      .getByText(/欧阳新/)
      .first()
      .waitFor();
    await page.getByRole('tab', { name: '与上年比较' }).click();
    await page.getByText(/与 2009 年度比较（依据：/).waitFor();
    expect(await axe(page)).toEqual([]);
    await e.screenshot(page, 'rosters-diff');

    await page.getByRole('button', { name: /接\s*受/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /接\s*受/ })
      .click();
    await page.getByText(/已接受。新增 \d+ 条/).waitFor();
    await page.waitForFunction(() => !(globalThis as any).document.querySelector('.ant-modal-confirm'));
    expect(await statusOf(page)).toContain('已接受');
    await page.getByRole('tab', { name: '上报记录' }).click();
    await page.waitForURL(/tab=history/);
    await page.locator('.ant-tabs-tabpane-active').getByText('王志刚').first().waitFor();
    const history = await page.locator('.ant-tabs-tabpane-active').innerText();
    expect(history).toContain('王志刚');
    expect(history).toContain('接受');
    expect(problems).toEqual([]);
  });

  it('returns a roster with reasons after a reload when the unit submitted again meanwhile (409)', async () => {
    await submitStored(e, unitId);
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.goto(`/rosters/${unitId}?year=${YEAR}`);
    await page.getByRole('heading', { name: /名单（二（四））/ }).waitFor();
    await submitStored(e, unitId); // version 2, behind the office's back
    await returnButton(page).click();
    await page.getByLabel('退回原因（每行一条）').fill('挂钩村的起始日期未填写\n计生专干的人员类别有误');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /退\s*回/ })
      .click();
    const reload = page.getByRole('dialog').filter({ hasText: '数据已被修改' });
    await reload.getByText(/第 2 版/).waitFor();
    await reload.getByRole('button', { name: '重新加载' }).click();
    await page.getByRole('heading', { name: /名单（二（四））/ }).waitFor();
    await page.getByText('第 2 版').first().waitFor();
    await returnButton(page).click();
    await page.getByLabel('退回原因（每行一条）').fill('挂钩村的起始日期未填写\n计生专干的人员类别有误');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /退\s*回/ })
      .click();
    await page.getByText('已退回，单位修改后可重新上报').waitFor();
    expect(await statusOf(page)).toContain('已退回待重报');

    // The unit sees the office's reasons.
    const unit = await e.page();
    await e.signIn(unit.page, 'unit');
    await unit.page.goto(`/rosters?year=${YEAR}`);
    await unit.page.getByText('计生专干的人员类别有误').waitFor();
    expect(await axe(unit.page)).toEqual([]);
    await e.screenshot(unit.page, 'rosters-returned');
    expect(problems.filter((p) => !p.includes('409'))).toEqual([]);
    expect(unit.problems).toEqual([]);
  });
});
