// 责任体系 in a real browser: the office browses the county tree as of a day, opens a town, ends a
// post on a date and retracts another with its reason, and sees both in the history; the people
// list is paged on the server and searched by name; a town user sees only its own town and is
// refused another town's unit and person by address and by API. axe-clean, screenshots at 1366×768.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2E } from './harness.ts';
import { OTHER_TOWN, OWN_TOWN, ownTownName, startScenario } from './scenario.ts';

let e: E2E;
let ownName = '';
let otherPerson = '';
beforeAll(async () => {
  e = await startScenario();
  ownName = await ownTownName(e);
  otherPerson = (
    await e.store.db
      .selectFrom('posts')
      .select('person_id')
      .where('unit_id', '=', OTHER_TOWN)
      .executeTakeFirstOrThrow()
  ).person_id;
}, 180_000);
afterAll(async () => e?.close());

const AS_OF = '2010-03-28';
const postRows = (page: Page) =>
  page.getByRole('dialog').locator('section').filter({ hasText: '职务（' }).locator('tbody tr');

describe('责任体系 (browser)', () => {
  it('lets the office browse the tree, open a town, end a post and retract another, kept as history', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.getByRole('menuitem', { name: '责任体系' }).click();
    await page.getByRole('heading', { name: '责任体系' }).waitFor();
    await page.goto(`/registry?year=2010&as_of=${AS_OF}`);
    await page.getByText(/共 \d+ 个单位/).waitFor();
    await page.locator('.ant-tree-title', { hasText: '县直单位' }).waitFor();
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'registry-office');

    await page.locator('.ant-tree-title', { hasText: ownName }).first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('类别（按计生年度）').waitFor();
    expect(page.url()).toContain(`unit=${OWN_TOWN}`);
    await postRows(page).first().waitFor();
    const live = await postRows(page).filter({ hasText: '在任' }).count();
    expect(live).toBeGreaterThan(1);

    // End the first post on 2010-03-01.
    const first = postRows(page).filter({ hasText: '在任' }).first();
    const firstName = (await first.locator('td').first().innerText()).trim();
    await first.getByRole('button', { name: /^结束/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '结束日期' });
    await modal.getByLabel('结束日期').fill('2010-03-01');
    await modal.getByLabel('结束日期').press('Enter');
    await modal.getByRole('button', { name: /结\s*束/ }).click();
    await modal.waitFor({ state: 'detached' });
    const ended = postRows(page).filter({ hasText: firstName }).filter({ hasText: '已结束' });
    await ended.first().waitFor();
    expect(await ended.first().innerText()).toContain('2010-03-01');

    // Retract another: a reason is required; then it shows, marked, with the reason.
    const second = postRows(page).filter({ hasText: '在任' }).first();
    const secondName = (await second.locator('td').first().innerText()).trim();
    await second.getByRole('button', { name: /^撤回/ }).click();
    const retract = page.locator('.ant-modal').filter({ hasText: '撤回原因' });
    await retract.getByRole('button', { name: /撤\s*回/ }).click();
    await retract.getByText('请填写撤回原因').waitFor();
    await retract.getByLabel('撤回原因').fill('重复录入');
    await retract.getByRole('button', { name: /撤\s*回/ }).click();
    await retract.waitFor({ state: 'detached' });
    await postRows(page)
      .filter({ hasText: secondName })
      .filter({ hasText: '已撤回（重复录入）' })
      .first()
      .waitFor();
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'registry-unit-drawer');

    // The server holds both, and the audit trail records them.
    const audit = await e.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'posts.close')
      .execute();
    expect(audit.length).toBe(2);
    expect(problems).toEqual([]);
  }, 150_000);

  it('pages the people on the server and finds a person by name', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.goto(`/registry?year=2010&as_of=${AS_OF}&tab=people`);
    const total = page.getByText(/共 \d+ 人/);
    await total.waitFor();
    const count = Number((await total.innerText()).replace(/\D/g, ''));
    expect(count).toBeGreaterThan(100);
    const firstRow = page.locator('.ant-table-tbody tr.ant-table-row').first();
    const name = (await firstRow.locator('td').first().innerText()).trim();
    await page.getByLabel('姓名').fill(name);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page
      .getByText(/共 \d+ 人/)
      .filter({ hasNotText: String(count) })
      .waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByText(`人员：${name}`).waitFor();
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'registry-people');
    expect(problems).toEqual([]);
  }, 150_000);

  it('keeps a town to its own town: tree, address and API', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'town');
    await page.getByRole('menuitem', { name: '责任体系' }).click();
    await page.getByText(/共 \d+ 个单位/).waitFor();
    const titles = await page.locator('.ant-tree-title').allInnerTexts();
    expect(titles.some((t) => t.startsWith(ownName))).toBe(true);
    expect(titles).not.toContain('县直单位');
    // Nothing to write: the buttons are not offered.
    await page.locator('.ant-tree-title', { hasText: ownName }).first().click();
    await postRows(page).first().waitFor();
    expect(
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /^结束|^撤回|新增职务/ })
        .count(),
    ).toBe(0);
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'registry-town');

    await page.goto(`/registry?year=2010&unit=${OTHER_TOWN}`);
    await page.getByRole('dialog').getByText('未找到或无权查看').waitFor();
    await page.goto(`/registry?year=2010&tab=people&person=${otherPerson}`);
    await page.getByRole('dialog').getByText('未找到或无权查看').waitFor();

    const c = `/api/v1/counties/${e.county}`;
    expect((await page.request.get(`${c}/registry/units/${OTHER_TOWN}`)).status()).toBe(404);
    expect((await page.request.get(`${c}/registry/people/${otherPerson}`)).status()).toBe(404);
    expect((await page.request.get(`${c}/units/${OTHER_TOWN}`)).status()).toBe(404);
    expect((await page.request.get(`${c}/registry/units/${OWN_TOWN}`)).status()).toBe(200);
    const close = await page.request.post(`${c}/units/${OWN_TOWN}/close`, { data: { on: '2010-03-01' } });
    expect(close.status()).toBe(403);
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
  }, 150_000);
});
