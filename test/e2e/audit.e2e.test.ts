// 审计 and the notification bell in a real browser: the auditor (纪委、审计) filters the trail by what, where and when, opens
// an entry and reads its values before and after, keeps the chain's head and verifies the chain
// against it (and sees a wrong head caught), and can change nothing — no write button on the
// screen, every write refused by the server. A town user cannot reach the trail at all; it sees
// in its bell that its roster was returned and notices were issued to it, and marks them read.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFact } from '../../src/store/facts.ts';
import { scopeFor, systemScope } from '../../src/store/scope.ts';
import { reportCorrection } from '../../src/workflows/notices/notices.ts';
import { returnRoster, submitRoster } from '../../src/workflows/rosters/rosters.ts';
import type { E2E } from './harness.ts';
import { OWN_TOWN, ownTownName, startScenario } from './scenario.ts';

let e: E2E;
let townName = '';
beforeAll(async () => {
  e = await startScenario();
  // The town reports its correction of JS-2010-001: an entry with values before and after.
  const town = await e.ctx.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', 'town')
    .executeTakeFirstOrThrow();
  const scope = await scopeFor(e.ctx.db, { ...town, role: 'town' });
  await reportCorrection(e.ctx, scope, e.county, 'JS-2010-001', {
    reported_on: '2010-03-27',
    note: '已逐户核查流动人口信息',
  });
  townName = await ownTownName(e);
}, 180_000);
afterAll(async () => e?.close());

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
const pick = async (page: Page, label: string, option: string) => {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByLabel(label, { exact: true }).fill(option);
  await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).first().click();
};
const search = async (page: Page) => {
  await page.getByRole('button', { name: /查\s*询/ }).click();
  // The pointer moves on (antd's hover colour of a primary button is lighter than 4.5:1 allows).
  await page.mouse.move(0, 0);
  await page
    .locator('.ant-spin-spinning')
    .waitFor({ state: 'detached' })
    .catch(() => {});
};

describe('审计 (browser)', () => {
  it('lets the auditor filter the trail and read an entry’s values before and after', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'auditor');
    await page.getByRole('menuitem', { name: '审计' }).click();
    await page.getByRole('heading', { name: '审计' }).waitFor();
    await rows(page).first().waitFor();

    // What: the notices issued — four, each by the office's 王志刚, with its place in words.
    await pick(page, '操作', '下达警示通知书');
    await search(page);
    await page.getByText('共 4 条').waitFor();
    expect(page.url()).toContain('action=warning_notices.create');
    const issued = await rows(page).allInnerTexts();
    expect(issued.every((r) => r.includes('王志刚（县人口考核办）'))).toBe(true);
    expect(issued.map((r) => /JS-2010-00\d/.exec(r)?.[0]).sort()).toEqual([
      'JS-2010-001',
      'JS-2010-002',
      'JS-2010-003',
      'JS-2010-004',
    ]);

    // Where: the own town takes its village with it (JS-2010-002 is a village's), not the other town's.
    await page.getByLabel('所属单位', { exact: true }).click();
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: townName }).first().click();
    await search(page);
    await page.getByText('共 3 条').waitFor();
    expect((await rows(page).allInnerTexts()).join('\n')).not.toContain('JS-2010-004');

    // When: a day with none of them.
    await page.getByLabel('截止日期', { exact: true }).fill('2010-02-27');
    await page.getByLabel('截止日期', { exact: true }).press('Enter');
    await search(page);
    await page.getByText('没有符合条件的记录').waitFor();
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await page
      .locator('.ant-spin-spinning')
      .waitFor({ state: 'detached' })
      .catch(() => {});

    // Who and what object: the town's correction, opened by keyboard; its values before and after.
    await pick(page, '操作人', '刘建华（镇（场））');
    await page.getByLabel('对象编号', { exact: true }).fill('JS-2010-001');
    await search(page);
    await page.getByText('共 1 条').waitFor();
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'audit-auditor');
    await rows(page).first().focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    await drawer.getByText('改动前后对照').waitFor();
    expect(page.url()).toMatch(/entry=\d+/);
    const changed = await drawer.locator('.ant-table-tbody').first().innerText();
    expect(changed).toContain('correction_note');
    expect(changed).toContain('已逐户核查流动人口信息');
    expect(changed).toContain('2010-03-27');
    expect(await drawer.innerText()).toContain('刘建华（镇（场））');
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'audit-entry-drawer');

    // The drawer's address can be reloaded.
    await page.reload();
    await page.getByRole('dialog').getByText('改动前后对照').waitFor();
    expect(problems).toEqual([]);
  }, 150_000);

  it('verifies the chain against a head the auditor kept, and catches a wrong one', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'auditor');
    await page.goto('/audit');
    const kept = (await page.getByTestId('head').innerText()).trim();
    expect(kept).toMatch(/^\d+:[0-9a-f]{64}$/);

    // More is written after the head was kept: the chain still holds it.
    await createFact(
      e.ctx,
      systemScope(e.county, { name: 'office', role: 'office' }),
      e.county,
      'warning_notices',
      {
        id: 'JS-2010-005',
        unit: OWN_TOWN,
        issued_on: '2010-03-28',
        matter: '宣传品发放台账缺失',
        deadline: '2010-04-20',
      },
    );
    // By keyboard: Enter in the field checks (the pointer is not left hovering over the button).
    await page.getByLabel('此前保存的链头（编号：哈希）').fill(kept);
    await page.getByLabel('此前保存的链头（编号：哈希）').press('Enter');
    const result = page.getByRole('status').filter({ hasText: '审计链' });
    await result
      .getByText(/审计链完整：已逐条核对 \d+ 条记录，保存的第 \d+ 条仍在链中且未被改动。/)
      .waitFor();
    expect(page.url()).toContain(`head=${encodeURIComponent(kept)}`);
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'audit-verify');

    // A head that is not the chain's: named, with the entry.
    const [seq] = kept.split(':');
    await page.getByLabel('此前保存的链头（编号：哈希）').fill(`${seq}:${'0'.repeat(64)}`);
    await page.getByRole('button', { name: /校\s*验/ }).click();
    await result.getByText(`审计链有问题：第 ${seq} 条记录与此前导出的头哈希不符`).waitFor();

    // A garbled head never reaches the server.
    await page.getByLabel('此前保存的链头（编号：哈希）').fill('12-abc');
    await page.getByRole('button', { name: /校\s*验/ }).click();
    await page.getByText('格式应为“编号：哈希”').first().waitFor();
    expect(problems).toEqual([]);
  }, 150_000);

  it('gives the auditor no way to change anything: no write on the screen, every write refused', async () => {
    const { page } = await e.page();
    await e.signIn(page, 'auditor');
    await page.goto('/audit');
    await rows(page).first().waitFor();
    const buttons = (await page.locator('#main').getByRole('button').allInnerTexts()).map((t) =>
      t.replace(/\s/g, ''),
    );
    expect(buttons.filter((b) => b && !['查询', '重置', '校验'].includes(b))).toEqual([]);

    const county = `/api/v1/counties/${e.county}`;
    const writes = [
      page.request.post(`${county}/warning-notices`, {
        data: {
          id: 'JS-X',
          unit: OWN_TOWN,
          issued_on: '2010-03-28',
          matter: '审计员试写',
          deadline: '2010-04-30',
        },
      }),
      page.request.post(`${county}/warning-notices/JS-2010-001/verify`, {
        data: { verified_on: '2010-03-28' },
      }),
      page.request.post(`${county}/years/2010/evaluations`, { data: {} }),
      page.request.post('/api/v1/users', {
        data: { username: 'sneaky', password: 'sneaky password 1', role: 'office', county: e.county },
      }),
    ];
    for (const r of await Promise.all(writes)) expect(r.status()).toBe(403);
    const notice = await page.request.get(`${county}/warning-notices/JS-X`);
    expect(notice.status()).toBe(404);
  }, 150_000);

  it('keeps a town user out of the trail: no menu, a refusal at its address, no API', async () => {
    const { page } = await e.page();
    await e.signIn(page, 'town');
    expect(await page.getByRole('menuitem', { name: '审计' }).count()).toBe(0);
    await page.goto('/audit');
    await page.locator('.ant-result-title', { hasText: '无权访问' }).waitFor();
    expect((await page.request.get('/api/v1/audit')).status()).toBe(403);
    expect((await page.request.get('/api/v1/audit/head')).status()).toBe(403);
  }, 150_000);

  it('shows an administrator of every county the trail, with a county to pick', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'admin');
    await page.goto('/audit');
    await page.getByLabel('县', { exact: true }).waitFor();
    await rows(page).first().waitFor();
    expect(await e.axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 150_000);
});

describe('通知 bell (browser)', () => {
  it('tells a town user its roster was returned and a notice issued to it, and marks them read', async () => {
    // The town submits its roster; the office returns it with its reasons.
    const users = await e.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('username', 'in', ['town', 'office'])
      .execute();
    const as = (name: string) => {
      const u = users.find((x) => x.username === name)!;
      return scopeFor(e.ctx.db, { ...u, role: u.role as 'town' | 'office' });
    };
    await submitRoster(e.ctx, await as('town'), e.county, 2010, OWN_TOWN, {
      people: [],
      posts: [],
      links: [],
    });
    await returnRoster(e.ctx, await as('office'), e.county, 2010, OWN_TOWN, { reasons: ['缺少村计生专干'] });

    const { page, problems } = await e.page();
    await e.signIn(page, 'town');
    const bell = page.getByTestId('bell');
    const unreadOf = async () =>
      Number(/（(\d+) 条未读）/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1] ?? 0);
    await page.waitForFunction(() =>
      /条未读/.test(
        (globalThis as any).document.querySelector('[data-testid=bell]')?.getAttribute('aria-label') ?? '',
      ),
    );
    const before = await unreadOf();
    expect(before).toBeGreaterThanOrEqual(4);
    await bell.click();
    const panel = page.getByTestId('bell-panel');
    await panel.getByText(`2010年度名单被退回：${townName}`).waitFor();
    await panel.getByText('退回原因：缺少村计生专干。请修改后重新上报。').waitFor();
    await panel.getByText('收到警示通知书（JS-2010-001）').first().waitFor();
    // Another town's notice is not the town's news.
    expect(await panel.innerText()).not.toContain('JS-2010-004');
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'notifications-bell');

    // Opening one marks it read and goes to it.
    await panel.getByRole('button', { name: /收到警示通知书（JS-2010-003）/ }).click();
    await page.getByRole('dialog').getByText('春季集中服务活动台账不全').waitFor();
    expect(page.url()).toContain('notice=JS-2010-003');
    await page.waitForFunction(
      (n) =>
        (globalThis as any).document.querySelector('[data-testid=bell]')?.getAttribute('aria-label') ===
        `通知（${n} 条未读）`,
      before - 1,
    );
    await page.keyboard.press('Escape');

    // The rest at once; the server keeps it (a reload shows none unread).
    await bell.click();
    await panel.getByRole('button', { name: '全部标为已读' }).click();
    await page.waitForFunction(
      () =>
        (globalThis as any).document.querySelector('[data-testid=bell]')?.getAttribute('aria-label') ===
        '通知（没有未读）',
    );
    await page.reload();
    await page.getByTestId('bell').waitFor();
    const r = await page.request.get('/api/v1/notifications');
    expect((await r.json()).unread).toBe(0);
    expect(await page.getByTestId('bell').getAttribute('aria-label')).toBe('通知（没有未读）');

    // The unit user of another place was told of none of it.
    const { page: other } = await e.page();
    await e.signIn(other, 'unit');
    const theirs = (await (await other.request.get('/api/v1/notifications')).json()) as {
      items: { title: string }[];
    };
    expect(theirs.items.map((i) => i.title).join('\n')).not.toMatch(/名单被退回|JS-2010-00/);
    expect(problems).toEqual([]);
  }, 180_000);
});
