// 罚款与奖金 in a real browser, per role: a town collects a fine and remits it to the finance
// bureau, a double-submitted collection (double click, and the same request replayed with the
// form's key) lands once, the receipt downloads; the finance bureau deducts an uncollected fine
// from the town's allocation and pays a reward, the town recovers the deducted fine from the
// person, the office reverses an entry with its reason; the balances add up on screen; a town
// cannot reach another town's obligation by the menu, the address or the API. axe-clean.

import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFact, createFact } from '../../src/store/facts.ts';
import { listObligations, type ObligationView } from '../../src/store/ledger-views.ts';
import { systemScope } from '../../src/store/scope.ts';
import { type E2E, startE2E } from './harness.ts';
import { OTHER_TOWN, OWN_TOWN, prepareScenario, SCENARIO_START } from './scenario.ts';

let e: E2E;
let fines: ObligationView[];
let rewards: ObligationView[];
/** A town cadre fined under the decision who has since moved to the county unit user's unit. */
let moved: ObligationView;
const UNIT = 'C0001-U01';
beforeAll(async () => {
  e = await startE2E({ now: SCENARIO_START });
  await prepareScenario(e);
  const office = systemScope(e.county, { name: 'office', role: 'office' });
  fines = await listObligations(e.ctx, office, e.county, 2010, { kind: 'fine' });
  rewards = await listObligations(e.ctx, office, e.county, 2010, { kind: 'reward' });
  moved = fines.filter((o) => o.collecting_unit === OWN_TOWN).at(-1)!;
  const posts = await e.ctx.db
    .selectFrom('posts')
    .select('id')
    .where('county_id', '=', e.county)
    .where('person_id', '=', moved.subject.id)
    .where('to_date', 'is', null)
    .execute();
  for (const p of posts)
    await closeFact(e.ctx, office, e.county, 'posts', String(p.id), { on: '2010-03-19' });
  await createFact(e.ctx, office, e.county, 'posts', {
    person: moved.subject.id,
    unit: UNIT,
    role: 'fp_staff',
    from: '2010-03-20',
  });
}, 180_000);
afterAll(async () => e?.close());

const ownFines = () => fines.filter((o) => o.collecting_unit === OWN_TOWN && o.id !== moved.id);
const drawer = (page: Page) => page.locator('.ant-drawer-content');

/** Opens an obligation's drawer by its address and waits for its entries. */
async function openObligation(page: Page, id: string) {
  await page.goto(`/ledger?year=2010&obligation=${id}`);
  await drawer(page).getByText('分录（截至').waitFor();
}
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
    expect(
      mine.items.every(
        (o: { town: string; collecting_unit: string }) =>
          o.town === OWN_TOWN || o.collecting_unit === OWN_TOWN,
      ),
    ).toBe(true);
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
    await drawer(page).locator('.ant-tag').getByText('逾期', { exact: true }).waitFor();

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
    await drawer(page).locator('.ant-tag').getByText('已缴', { exact: true }).waitFor();
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

    const notice = page.waitForEvent('download');
    await drawer(page).getByRole('link', { name: '罚款缴纳通知书' }).click();
    expect((await notice).suggestedFilename()).toMatch(/\.docx$/);

    // Remit what the town holds to the finance bureau.
    await makeMove(page, '上缴财政局', { capital: expect.stringContaining('元（大写：') });
    await drawer(page).locator('.ant-tag').getByText('已解缴', { exact: true }).waitFor();
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

  it('lets the finance bureau deduct an uncollected fine and pay a reward; the town recovers, the office reverses', async () => {
    const fine = ownFines()[1]!;
    const reward = rewards.find((o) => o.subject.kind === 'unit')!;
    {
      const { page, problems } = await e.page();
      await e.signIn(page, 'finance');
      await openObligation(page, fine.id);
      expect(await drawer(page).getByRole('button', { name: '收缴罚款' }).count()).toBe(0);
      await drawer(page).getByRole('button', { name: '从拨款中扣除' }).click();
      await dialog(page).getByRole('button', { name: '下一步' }).click();
      await dialog(page).getByTestId('confirm-amount').waitFor();
      expect(await e.axe(page)).toEqual([]);
      await e.screenshot(page, 'ledger-confirm-deduct');
      await dialog(page).getByRole('button', { name: '确认提交' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      await drawer(page).locator('.ant-tag').getByText('已扣缴', { exact: true }).waitFor();
      expect((await entryRows(page)).join()).toContain('扣除');
      await drawer(page).getByRole('link', { name: '扣缴通知书' }).waitFor();

      // A reward: the voucher number is required; the form says so before anything is sent.
      await openObligation(page, reward.id);
      await drawer(page).getByRole('button', { name: '支付奖金' }).click();
      await dialog(page).getByRole('button', { name: '下一步' }).click();
      await dialog(page).getByText('请填写凭证号').waitFor();
      await dialog(page)
        .getByRole('button', { name: /取\s*消/ })
        .click();
      await dialog(page).waitFor({ state: 'detached' });
      await makeMove(page, '支付奖金', {
        number: 'CZ-2010-0001',
        capital: expect.stringContaining('元（大写：'),
      });
      await drawer(page).locator('.ant-tag').getByText('已支付', { exact: true }).waitFor();
      expect(problems).toEqual([]);
    }
    {
      // The town recovers the deducted fine from the person.
      const { page, problems } = await e.page();
      await e.signIn(page, 'town');
      await openObligation(page, fine.id);
      await drawer(page).locator('.ant-tag').getByText('已扣缴', { exact: true }).waitFor();
      await makeMove(page, '向本人追回', {
        number: 'BY-2010-0002',
        capital: expect.stringContaining('元（大写：'),
      });
      expect((await entryRows(page)).join()).toContain('追回');
      expect(problems).toEqual([]);
    }
    {
      // The office reverses the recovery with its reason: a correcting entry, the original kept.
      const { page, problems } = await e.page();
      await e.signIn(page, 'office');
      await openObligation(page, fine.id);
      const row = drawer(page).locator('tr.ant-table-row', { hasText: '追回' });
      await row.getByRole('button', { name: /^冲\s*正$/ }).click();
      await dialog(page).getByRole('button', { name: '确认冲正' }).click();
      await dialog(page).getByText('请写明冲正理由').waitFor();
      await dialog(page).getByLabel('冲正理由').fill('收据号填错，重新登记');
      await dialog(page).getByRole('button', { name: '确认冲正' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      await drawer(page).getByText('冲正（追回）').waitFor();
      const rows = await entryRows(page);
      expect(rows.some((t) => t.includes('追回（已冲正）'))).toBe(true);
      expect(rows.some((t) => t.includes('收据号填错，重新登记'))).toBe(true);
      expect(problems).toEqual([]);
    }
  });

  it('shows a moved person’s fine with the unit that now withholds it, which collects it', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'unit');
    await page.goto(`/ledger?year=2010&name=${encodeURIComponent(moved.subject.name)}`);
    const row = page.locator('.ant-table-row', { hasText: moved.subject.name });
    await row.getByText('已调动').waitFor();
    expect(await row.innerText()).toMatch(/代扣/);
    await row.click();
    await drawer(page)
      .getByText(/原单位：/)
      .waitFor();
    await makeMove(page, '收缴罚款', {
      number: 'U01-2010-0001',
      capital: expect.stringContaining('元（大写：'),
    });
    await drawer(page).locator('.ant-tag').getByText('已缴', { exact: true }).waitFor();
    const d = await (await page.request.get(`/api/v1/obligations/${moved.id}`)).json();
    expect(d).toMatchObject({ withholding_unit: UNIT, collecting_unit: OWN_TOWN });
    expect(d.entries.find((x: { kind: string }) => x.kind === 'collect').unit).toBe(UNIT);
    expect(problems).toEqual([]);
  });

  it('adds the balances up on screen: towns, units and people to the county', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.goto('/ledger?year=2010&tab=balances');
    for (const level of ['镇（场）', '单位', '个人'])
      await page.getByText(`各${level}合计与全县合计相符。`).waitFor();
    for (const k of ['fines_assessed_fen', 'fines_settled_fen', 'fines_outstanding_fen', 'rewards_paid_fen'])
      expect(await page.getByTestId(`sum-镇（场）-${k}`).innerText(), k).toBe(
        (await page.getByTestId(`county-${k}`).innerText()).replace(/（大写：.+）$/, ''),
      );
    const settled = await page.getByTestId('county-fines_settled_fen').innerText();
    expect(settled).not.toBe('0.00元');
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'ledger-balances');
    expect(problems).toEqual([]);
  });
});
