// 罚款与奖金 in a real browser, per role: a town collects a fine and remits it to the finance
// bureau, a double-submitted collection (double click, and the same request replayed with the
// form's key) lands once, the receipt downloads; the finance bureau deducts an uncollected fine
// from the town's allocation and pays a reward, the town recovers the deducted fine from the
// person, the office reverses an entry with its reason; the balances add up on screen; a town
// cannot reach another town's obligation by the menu, the address or the API. axe-clean.

import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listObligations, type ObligationView } from '../../src/store/ledger.ts';
import { systemScope } from '../../src/store/scope.ts';
import { type E2E, startE2E } from './harness.ts';
import { OTHER_TOWN, OWN_TOWN, prepareScenario, SCENARIO_START } from './scenario.ts';

let e: E2E;
let fines: ObligationView[];
beforeAll(async () => {
  e = await startE2E({ now: SCENARIO_START });
  await prepareScenario(e);
  const office = systemScope(e.county, { name: 'office', role: 'office' });
  fines = await listObligations(e.ctx, office, e.county, 2010, { kind: 'fine' });
}, 180_000);
afterAll(async () => e?.close());

const ownFines = () => fines.filter((o) => o.collecting_unit === OWN_TOWN && !o.withholding_unit);
const drawer = (page: Page) => page.locator('.ant-drawer-content');
const dialog = (page: Page) => page.locator('.ant-modal-content');

/** Fills a move's form, checks the amount in 元 and 金额大写 on the confirm step, and submits. */
async function makeMove(
  page: Page,
  button: string,
  f: { amount?: string; number?: string; capital: unknown },
  submit: (b: import('playwright-core').Locator) => Promise<void> = (b) => b.click(),
) {
  await drawer(page).getByRole('button', { name: button }).click();
  const m = dialog(page);
  if (f.amount) await m.getByLabel('金额（元）').fill(f.amount);
  if (f.number) await m.locator('input#number').fill(f.number);
  await m.getByRole('button', { name: '下一步' }).click();
  await expect(m.getByTestId('confirm-amount').innerText()).resolves.toEqual(f.capital);
  await submit(m.getByRole('button', { name: '确认提交' }));
  await m.waitFor({ state: 'detached' });
}

const entryRows = async (page: Page) =>
  (await drawer(page).locator('.ant-table-tbody tr.ant-table-row').allInnerTexts()).map((t) =>
    t.replace(/\s+/g, ' '),
  );

describe('罚款与奖金 (browser)', () => {
  it('lets a town collect a fine once, however often it is submitted, and remit it', async () => {
    const { page, problems } = await e.page();
    const fine = ownFines()[0]!;
    await e.signIn(page, 'town');
    await page.getByRole('menuitem', { name: '罚款与奖金' }).click();
    await page.getByRole('heading', { name: '罚款与奖金' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    // Only what the town collects or receives: every obligation is in its own town.
    const mine = await (
      await page.request.get(`/api/v1/counties/${e.county}/years/2010/obligations?limit=1000`)
    ).json();
    expect(mine.total).toBeGreaterThan(ownFines().length - 1);
    expect(mine.items.every((o: { town: string }) => o.town === OWN_TOWN)).toBe(true);
    expect(mine.choices.towns).toEqual([{ id: OWN_TOWN, name: expect.any(String) }]);
    await page.getByText(`共 ${mine.total} 笔`).waitFor();
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'ledger-town');

    // Search by name, open the row by keyboard.
    await page.getByPlaceholder('姓名或单位名').fill(fine.subject.name);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByText('共 1 笔').waitFor();
    expect(page.url()).toContain(`name=${encodeURIComponent(fine.subject.name)}`);
    await page.locator('.ant-table-row').first().focus();
    await page.keyboard.press('Enter');
    await drawer(page).getByText('分录（截至').waitFor();
    expect(page.url()).toContain(`obligation=${fine.id}`);
    await drawer(page).getByText('逾期', { exact: true }).waitFor();

    // Collect: a double click on 确认提交 sends the form's one key; the entry is recorded once.
    const sent: Request[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/obligations/${fine.id}/collect`)) sent.push(r);
    });
    const amount = fine.balance.assessed_fen;
    const yuanOf = (fen: number) => `${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}元`;
    await makeMove(
      page,
      '收缴罚款',
      { number: 'BY-2010-0001', capital: expect.stringMatching(/^[\d,]+\.00元（大写：.+元整）$/) },
      (b) => b.dblclick(),
    );
    await drawer(page).getByText('已缴', { exact: true }).waitFor();
    expect(sent.length).toBeGreaterThanOrEqual(1);
    const keys = new Set(sent.map((r) => r.headers()['idempotency-key']));
    expect(keys.size).toBe(1);
    const [key] = [...keys];
    expect(key).toMatch(/^zr-[0-9a-f]{32}$/);
    // The same request again (a retry) answers with the first result and moves nothing.
    const replay = await page.request.post(`/api/v1/obligations/${fine.id}/collect`, {
      headers: { 'idempotency-key': key!, 'content-type': 'application/json' },
      data: sent[0]!.postDataJSON(),
    });
    expect(replay.status()).toBe(200);
    expect(replay.headers()['idempotent-replayed']).toBe('true');
    const detail = await (await page.request.get(`/api/v1/obligations/${fine.id}`)).json();
    expect(detail.entries.filter((x: { kind: string }) => x.kind === 'collect')).toHaveLength(1);
    expect(detail.balance).toMatchObject({ collected_fen: amount, outstanding_fen: 0, held_fen: amount });
    expect((await entryRows(page)).filter((t) => t.includes('收缴'))).toHaveLength(1);
    expect((await entryRows(page)).join()).toContain(yuanOf(amount));

    // The receipt (收款收据) downloads as Word.
    const download = page.waitForEvent('download');
    await drawer(page).getByRole('link', { name: '收款收据' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);

    // Remit what the town holds to the finance bureau.
    await makeMove(page, '上缴财政局', { capital: expect.stringContaining('元（大写：') });
    await drawer(page).getByText('已解缴', { exact: true }).waitFor();
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'ledger-drawer');
    expect(problems).toEqual([]);
  });

  it('keeps a town out of another town’s obligation: list, address and API', async () => {
    const { page, problems } = await e.page();
    const other = fines.find((o) => o.collecting_unit === OTHER_TOWN)!;
    await e.signIn(page, 'town');
    await page.goto(`/ledger?year=2010&name=${encodeURIComponent(other.subject.name)}`);
    await page.getByText('没有符合条件的款项').waitFor();
    await page.goto(`/ledger?year=2010&obligation=${other.id}`);
    await drawer(page).getByText('未找到或无权查看').waitFor();
    expect(await drawer(page).innerText()).not.toContain(other.subject.name);
    expect((await page.request.get(`/api/v1/obligations/${other.id}`)).status()).toBe(404);
    const collect = await page.request.post(`/api/v1/obligations/${other.id}/collect`, {
      headers: { 'idempotency-key': 'zr-cross-town-0001', 'content-type': 'application/json' },
      data: { amount_fen: 100, receipt_no: 'X-1' },
    });
    expect(collect.status()).toBe(404);
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
  });
});
