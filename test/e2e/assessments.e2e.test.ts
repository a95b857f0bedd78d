// 考核 in a real browser: the office records the county's assessment of a town with a sampled and
// an at-fault village, imports the score sheet (a mistake shown by its cell, then a clean file),
// reads the rankings (前 N 名, ties by I5, another reading previewed) and the category changes
// with their chart; a town sees its own units only and cannot write (menu, address, API);
// axe-clean; screenshots.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFact, listFacts } from '../../src/store/facts.ts';
import { systemScope } from '../../src/store/scope.ts';
import { readXlsx } from '../support/files.ts';
import { type E2E, startE2E } from './harness.ts';
import { OWN_TOWN, SCENARIO_NOW } from './scenario.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const YEAR = 2010;
let e: E2E;
let townName: string;
let villages: { id: string; name: string }[];
beforeAll(async () => {
  e = await startE2E({ now: SCENARIO_NOW });
  const office = systemScope(e.county, { name: 'office', role: 'office' });
  const units = (await listFacts(e.ctx, office, e.county, 'units', {}, { limit: 1000, offset: 0 })).items;
  townName = String(units.find((u) => u.id === OWN_TOWN)!.name);
  villages = units
    .filter((u) => u.town === OWN_TOWN)
    .map((u) => ({ id: String(u.id), name: String(u.name) }));
  // The county's assessment of the town is not recorded yet: the office records it in the browser.
  const own = await listFacts(
    e.ctx,
    office,
    e.county,
    'assessments',
    { fp_year: String(YEAR), by: 'county', subject: OWN_TOWN, kind: 'annual' },
    { limit: 10, offset: 0 },
  );
  for (const a of own.items)
    await closeFact(e.ctx, office, e.county, 'assessments', String(a.id), { reason: '重新录入' });
}, 180_000);
afterAll(async () => e?.close());

const axe = async (page: Page) => {
  await page.mouse.move(0, 0);
  return e.axe(page);
};
const pick = async (page: Page, label: string, text: string, search = true) => {
  // A required field's label starts with antd's mark (*), read as part of its name.
  const box = page.getByRole('combobox', { name: new RegExp(`^[*\\s]*${label}$`) });
  await box.click();
  if (search) {
    await box.fill(text);
    await page.locator('.ant-select-item-option-active', { hasText: text }).waitFor();
    await box.press('Enter');
  } else
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
      .first()
      .click();
};
const upload = (page: Page, buffer: Buffer) =>
  page.locator('input[type=file]').setInputFiles({ name: '评分表.xlsx', mimeType: XLSX, buffer });

describe('考核 (browser)', () => {
  it('lets the office record a county assessment with a sampled and an at-fault village', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '考核' }).click();
    await page.getByRole('heading', { name: '考核', exact: true }).waitFor();
    await page.getByRole('button', { name: '录入考核结果' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(`录入 ${YEAR} 年度考核结果`).waitFor();
    await pick(page, '考核对象', townName);
    await pick(page, '考核结果', '不达标', false);
    await drawer.getByRole('spinbutton', { name: '总分' }).fill('78.5');
    await pick(page, '抽中的单位', villages[0]!.name);
    await pick(page, '抽中的单位', villages[1]!.name);
    await page.keyboard.press('Escape');
    await pick(page, '失职的单位（在抽中的单位中）', villages[1]!.name);
    await page.keyboard.press('Escape');
    expect(await axe(page)).toEqual([]);
    await e.screenshot(page, 'assessments-record');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('考核结果已录入').waitFor();

    await page.getByRole('searchbox').or(page.getByPlaceholder('单位或所属镇名称')).fill(townName);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.getByRole('row').filter({ hasText: '不达标' }).filter({ hasText: '78.5' });
    const text = await row.innerText();
    expect(text).toContain(townName);
    expect(text).toContain(villages[0]!.name);
    expect(text).toContain(villages[1]!.name);
    expect(problems).toEqual([]);
  });

  it('imports the score sheet: a mistake by its cell, then the clean file', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.goto(`/assessments?year=${YEAR}`);
    await page.getByRole('button', { name: /上传评分表/ }).waitFor();
    const template = await (
      await page.request.get(`/api/v1/counties/${e.county}/years/${YEAR}/scores/template.xlsx`)
    ).body();
    const wb = await readXlsx(template);
    const sheet = wb.getWorksheet('村（社区、工区）')!;
    sheet.getCell('E3').value = '九十';
    await upload(page, Buffer.from(await wb.xlsx.writeBuffer()));
    const table = page.getByTestId('scores-problems');
    await table.getByRole('cell', { name: 'E3', exact: true }).waitFor();
    expect(await table.innerText()).toContain('村（社区、工区）');
    expect(await table.innerText()).toContain('没有导入任何分数');
    expect(await axe(page)).toEqual([]);
    await e.screenshot(page, 'assessments-import-problems');

    sheet.getCell('E3').value = 99.5;
    await upload(page, Buffer.from(await wb.xlsx.writeBuffer()));
    await page.getByText(/已导入：新增 \d+ 条，更新 \d+ 条/).waitFor();
    await page.getByTestId('scores-problems').waitFor({ state: 'detached' });
    expect(problems.filter((p) => !p.includes('422'))).toEqual([]);
  });

  it('shows the rankings (前 N 名, ties by I5, another reading previewed) and the categories by town', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.goto(`/assessments?year=${YEAR}&tab=rankings`);
    const villagesCard = page.locator('.ant-card').filter({ hasText: /三（二）2.*前 10 名/ });
    await villagesCard.getByRole('cell', { name: '第 1 名' }).first().waitFor();
    // The imported 99.5 is among the top village scores now.
    expect(await villagesCard.innerText()).toContain('99.5');
    await page
      .locator('.ant-card')
      .filter({ hasText: /前 5 名/ })
      .first()
      .waitFor();
    expect(await axe(page)).toEqual([]);
    await e.screenshot(page, 'assessments-rankings');
    // The readings offered are the pack's own words.
    await page.getByText('至多N个，并列时按数据中考核的先后', { exact: true }).click();
    await page.waitForURL(/I5=strict/);
    await page.getByText('正在预览另一种读法').waitFor();

    await page.getByRole('tab', { name: '类别变化' }).click();
    await page.locator('figure canvas').first().waitFor();
    expect(await page.locator('figure').getAttribute('aria-label')).toContain(townName);
    expect(await axe(page)).toEqual([]);
    await e.screenshot(page, 'assessments-categories');
    expect(problems).toEqual([]);
  });

  it("keeps a town to its own units' outcomes, read only (screen and API)", async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'town');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '考核' }).click();
    await page.getByRole('heading', { name: '考核', exact: true }).waitFor();
    await page.getByRole('row').filter({ hasText: townName }).first().waitFor();
    expect(await page.getByRole('button', { name: '录入考核结果' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /上传评分表/ }).count()).toBe(0);
    const own = new Set([OWN_TOWN, ...villages.map((v) => v.id), 'C0001']);
    const list = await page.request.get(`/api/v1/counties/${e.county}/years/${YEAR}/assessments`);
    for (const a of (await list.json()).items as { subject: string }[])
      expect(own.has(a.subject) || a.subject.length < 6, a.subject).toBe(true);
    const post = await page.request.post(`/api/v1/counties/${e.county}/assessments`, {
      data: { fp_year: YEAR, by: 'county', subject: OWN_TOWN, outcome: 'pass' },
    });
    expect(post.status()).toBe(403);
    const put = await page.request.put(`/api/v1/counties/${e.county}/years/${YEAR}/scores/xlsx`, {
      headers: { 'content-type': XLSX },
      data: Buffer.from('x'),
    });
    expect(put.status()).toBe(403);
    expect(await axe(page)).toEqual([]);
    await e.screenshot(page, 'assessments-town');
    expect(problems).toEqual([]);
  });
});
