// 系统管理 in a real browser: a county's administrator creates an account inside its county (the
// form offers only its own county and that county's towns; the API refuses another county),
// disables it and gives it a new password, lists another account's tokens; every user makes and
// revokes its own API token (the secret shown once); the assessment office sets its own
// letterhead and only that; a town user has no such screen.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SYSTEM } from '../../src/store/audit.ts';
import { createCounty } from '../../src/store/cases.ts';
import { systemScope } from '../../src/store/scope.ts';
import { createUser } from '../../src/store/users.ts';
import { importCase } from '../../src/store/year-import.ts';
import type { E2E } from './harness.ts';
import { OWN_TOWN, ownTownName, startScenario } from './scenario.ts';

const PASSWORD = 'county admin 2010';
let e: E2E;
let townName = '';
beforeAll(async () => {
  e = await startScenario();
  // An administrator of the demo county only, and another county (the example's, 东风镇 among its towns).
  await createUser(e.ctx, SYSTEM, {
    username: 'county-admin',
    password: PASSWORD,
    role: 'admin',
    county: e.county,
    display_name: '赵敏',
  });
  await createCounty(e.ctx, SYSTEM, { id: 'other', name: '外县' });
  await importCase(
    e.ctx,
    systemScope('other'),
    'other',
    2009,
    parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8')),
  );
  townName = await ownTownName(e);
}, 180_000);
afterAll(async () => e?.close());

async function signInAs(page: Page, username: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('who').waitFor();
}
const dropdown = (page: Page) => page.locator('.ant-select-dropdown:visible');

describe('系统管理 (browser)', () => {
  it('lets a county administrator create an account inside its county only', async () => {
    const { page, problems } = await e.page();
    await signInAs(page, 'county-admin', PASSWORD);
    await page.getByRole('menuitem', { name: '系统管理' }).click();
    await page.getByRole('tab', { name: '用户' }).waitFor();
    await page.getByRole('cell', { name: '刘建华' }).waitFor();
    expect(await page.getByRole('cell', { name: '镇（场）' }).count()).toBeGreaterThan(0);
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'admin-users');

    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('登录名').fill('li-ming');
    await dialog.getByLabel('姓名').fill('李明');
    await dialog.getByLabel('初始密码').fill('li ming password');
    await dialog.getByLabel('角色').click();
    await dropdown(page).getByText('镇（场）', { exact: true }).click();
    // The county is its own, and cannot be changed; the towns offered are that county's.
    expect(await dialog.getByLabel('县').isDisabled()).toBe(true);
    await dropdown(page).waitFor({ state: 'hidden' });
    await dialog.getByLabel('所属镇（场）').click();
    const towns = dropdown(page).filter({ hasText: townName });
    await towns.waitFor();
    const offered = await towns.innerText();
    expect(offered).not.toContain('县人口考核办');
    expect(offered).toContain(townName);
    expect(offered).not.toContain('东风镇');
    await towns.getByText(townName, { exact: true }).click();
    await dialog.getByText('新建账号').click(); // focus leaves the select (antd marks a focused one oddly)
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'admin-user-form');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const row = page.getByRole('row', { name: /李明/ });
    await row.waitFor();
    expect(await row.innerText()).toContain(townName);
    expect(await row.innerText()).toContain('镇（场）');

    // The API refuses an account in another county, in Chinese, naming the field.
    const outside = await page.request.post('/api/v1/users', {
      data: {
        username: 'wai-xian',
        password: 'wai xian password',
        role: 'town',
        county: 'other',
        unit: 't-dongfeng',
      },
    });
    expect(outside.status()).toBe(403);
    const body = await outside.json();
    expect(body.error.zh).toContain('县级管理员只能创建或修改本县');
    expect(body.error.problems[0].path).toBe('county');
    const users = (await (await page.request.get('/api/v1/users')).json()) as {
      items: { username: string }[];
    };
    expect(users.items.map((u) => u.username)).not.toContain('wai-xian');

    // Disable it, and give it a new password.
    await row.getByRole('button', { name: /停\s*用/ }).click();
    await page
      .locator('.ant-popover:visible')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await row.getByText('已停用').waitFor();
    await row.getByRole('button', { name: '重置 li-ming 的密码' }).click();
    await page.getByRole('dialog').getByLabel('新密码').fill('short');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /重\s*置/ })
      .click();
    await page.getByRole('dialog').getByText('密码至少 10 个字符').waitFor();
    await page.getByRole('dialog').getByLabel('新密码').fill('a new password 2010');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /重\s*置/ })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // Another account's tokens, listed for its administrator.
    await page.getByRole('button', { name: 'town 的 API 令牌' }).click();
    await page.getByRole('dialog').getByText('没有 API 令牌').waitFor();
    expect(await e.axe(page)).toEqual([]);
    // Expected failures only: the short password's refusal (422), and the 工作台's worklist, which
    // an administrator's role may not read (403; the home screen shows it as a refusal).
    expect(problems.filter((p) => !/\b(422|403)\b/.test(p))).toEqual([]);
  }, 180_000);

  it("lets a county administrator see, remove and set its towns' own packs (镇级办法, 七)", async () => {
    const { page, problems } = await e.page();
    await signInAs(page, 'county-admin', PASSWORD);
    await page.goto('/admin?tab=counties');
    await page.getByRole('button', { name: /的镇级办法$/ }).click();
    const dialog = page.getByRole('dialog');
    // The demo's first town follows the example town pack.
    const row = dialog.locator('tbody tr.ant-table-row', { hasText: townName });
    await row.getByText(/东风镇人口和计划生育村级工作考核奖惩办法/).waitFor();
    expect(await e.axe(page)).toEqual([]);
    await row.getByRole('button', { name: /^移除/ }).click();
    await dialog.getByText('本县各镇尚未设定镇级办法').waitFor();

    await dialog.getByLabel('镇（场）').click();
    await dropdown(page).getByText(townName, { exact: true }).click();
    await dialog.getByLabel('办法').click();
    await dropdown(page)
      .getByText(/东风镇人口和计划生育村级工作考核奖惩办法/)
      .click();
    expect(await dialog.getByLabel('起始年度').inputValue()).toBe('2009');
    await dialog.getByRole('button', { name: /设\s*定/ }).click();
    await row.getByText('2009').waitFor();
    const audit = await e.ctx.db
      .selectFrom('audit_log')
      .select('actor')
      .where('action', '=', 'town-packs.set')
      .execute();
    // The seed's setting, then the removal and the setting again.
    expect(audit.map((a) => a.actor)).toEqual(['demo-seed', 'county-admin', 'county-admin']);
    expect(problems).toEqual([]);
  }, 180_000);

  it('makes and revokes the user’s own API token, its secret shown once', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.goto('/admin?tab=tokens');
    await page.getByLabel('令牌名称').fill('月报导出脚本');
    await page.getByRole('button', { name: '创建令牌' }).click();
    const secret = (await page.getByTestId('new-token').innerText()).trim();
    expect(secret).toMatch(/^zrn_/);
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'admin-token-created');
    const api = await page.request.get('/api/v1/session', { headers: { authorization: `Bearer ${secret}` } });
    expect(api.status()).toBe(200);
    await page.getByRole('button', { name: '我已保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /月报导出脚本/ });
    expect(await row.innerText()).toContain('有效');
    expect(await page.locator('body').innerText()).not.toContain(secret);
    await row.getByRole('button', { name: '吊销令牌 月报导出脚本' }).click();
    await page
      .locator('.ant-popover:visible')
      .getByRole('button', { name: /吊\s*销/ })
      .click();
    await row.getByText('已吊销').waitFor();
    const after = await page.request.get('/api/v1/tokens', {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(after.status()).toBe(401);
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
  }, 180_000);

  it('lets the assessment office set its own letterhead, not the finance bureau’s', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.getByRole('menuitem', { name: '系统管理' }).click();
    await page.getByRole('tab', { name: '发文机关' }).waitFor();
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['发文机关', '我的 API 令牌']);
    await page.getByText('县人口考核办').first().waitFor();
    expect(await page.getByRole('button', { name: '设置本机关' }).count()).toBe(1);
    await page.getByRole('button', { name: '设置本机关' }).click();
    await page.getByRole('dialog').getByLabel('机关代字').fill('青人考');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('青人考').waitFor();
    expect(await e.axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);

  it('gives a town user no administration: no menu, a refusal at the address, the API refuses', async () => {
    const { page } = await e.page();
    await e.signIn(page, 'town');
    expect(await page.getByRole('menuitem', { name: '系统管理' }).count()).toBe(0);
    await page.goto('/admin');
    await page.locator('.ant-result-title', { hasText: '无权访问' }).waitFor();
    expect((await page.request.get('/api/v1/users')).status()).toBe(403);
    const made = await page.request.post('/api/v1/users', {
      data: {
        username: 'town-made',
        password: 'town made password',
        role: 'town',
        county: e.county,
        unit: OWN_TOWN,
      },
    });
    expect(made.status()).toBe(403);
  }, 120_000);
});
