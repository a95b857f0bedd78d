// `npm run screenshots`: the screens of the browser application at 1366×768 into
// docs/screenshots/, on the demo county as it stands on 2010-03-28 (test/e2e/scenario.ts).
// Screen authors add their screens to SHOTS; `npm run screenshots -- rosters` takes only theirs.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { UserRole } from '../../src/store/scope.ts';
import { type E2E, startE2E } from './harness.ts';
import { someRosters, withMistake } from './rosters-data.ts';
import { OWN_TOWN, prepareScenario, SCENARIO_START } from './scenario.ts';

const DOCS = new URL('../../docs/screenshots/', import.meta.url).pathname;

interface Shot {
  name: string;
  /** Signed in as; none for the sign-in page. */
  role?: UserRole;
  open(page: Page, e: E2E): Promise<void>;
}

const home = async (page: Page) => {
  await page.getByRole('heading', { name: '工作台' }).waitFor();
  await page
    .locator('.ant-spin-spinning')
    .waitFor({ state: 'detached' })
    .catch(() => {});
};

/** 奖惩评定 with its result shown. */
const evaluation = async (page: Page, query: string) => {
  await page.goto(`/evaluation?${query}`);
  await page.getByText(/^奖励合计$/).waitFor();
};

/** The first fine the town user's town collects (罚款与奖金). */
const townFine = async (e: E2E) =>
  (
    await e.ctx.db
      .selectFrom('obligations')
      .select('id')
      .where('kind', '=', 'fine')
      .where('collecting_unit_id', '=', OWN_TOWN)
      .orderBy('subject_id')
      .executeTakeFirstOrThrow()
  ).id;

/** A fine's drawer, by its address, with its entries shown. */
const ledgerDrawer = async (page: Page, id: string) => {
  await page.goto(`/ledger?year=2010&obligation=${id}`);
  await page.locator('.ant-drawer-content').getByText('分录（截至').waitFor();
};

/** A report's tab, once its data is on screen. */
const report = async (page: Page, query: string, text: RegExp) => {
  await page.goto(`/reports?year=2010${query}`);
  await page.getByText(text).first().waitFor();
};

export const SHOTS: Shot[] = [
  {
    name: 'sign-in',
    open: async (page) => {
      await page.goto('/sign-in');
      await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    },
  },
  { name: 'home-office', role: 'office', open: home },
  { name: 'home-town', role: 'town', open: home },
  {
    name: 'home-notice-drawer',
    role: 'town',
    open: async (page) => {
      await page.goto('/?year=2010&notice=JS-2010-001');
      await page.getByRole('dialog').getByText('2010年3月20日').waitFor();
    },
  },
  { name: 'home-finance', role: 'finance', open: home },
  {
    name: 'rosters-board',
    role: 'office',
    open: async (page, e) => {
      const unit = e.accounts.find((a) => a.role === 'unit')!.unit!;
      await someRosters(e, [OWN_TOWN, 'C0001-T03', 'C0001-T04', unit]);
      await page.goto('/rosters?year=2010');
      await page.locator('figure canvas').waitFor();
    },
  },
  {
    name: 'rosters-upload-problems',
    role: 'town',
    open: async (page, e) => {
      await page.goto(`/rosters/${OWN_TOWN}?year=2010`);
      const template = await page.request.get(
        `/api/v1/counties/${e.county}/years/2010/rosters/${OWN_TOWN}/template.xlsx`,
      );
      await page.locator('input[type=file]').setInputFiles({
        name: '名单.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await withMistake(await template.body()),
      });
      await page.getByTestId('upload-problems').getByRole('cell', { name: 'D3' }).waitFor();
    },
  },
  {
    name: 'rosters-diff',
    role: 'office',
    open: async (page) => {
      await page.goto(`/rosters/${OWN_TOWN}?year=2010&tab=last-year`);
      await page.getByText(/与 2009 年度比较/).waitFor();
    },
  },
  {
    name: 'audit-auditor',
    role: 'auditor',
    open: async (page) => {
      await page.goto('/audit?action=warning_notices.create');
      await page.getByText('共 4 条').waitFor();
    },
  },
  {
    name: 'audit-entry-drawer',
    role: 'auditor',
    open: async (page) => {
      await page.goto('/audit?object_id=JS-2010-001');
      await page.locator('.ant-table-tbody tr.ant-table-row').first().click();
      await page.getByRole('dialog').getByText('改动前后对照').waitFor();
    },
  },
  {
    name: 'audit-verify',
    role: 'auditor',
    open: async (page) => {
      await page.goto('/audit');
      const kept = (await page.getByTestId('head').innerText()).trim();
      await page.getByLabel('此前保存的链头（编号：哈希）').fill(kept);
      await page.getByLabel('此前保存的链头（编号：哈希）').press('Enter');
      await page.getByText(/审计链完整/).waitFor();
    },
  },
  {
    name: 'notifications-bell',
    role: 'town',
    open: async (page) => {
      await page.getByTestId('bell').click();
      await page.getByTestId('bell-panel').getByText('收到警示通知书（JS-2010-001）').first().waitFor();
    },
  },
  { name: 'evaluation-office', role: 'office', open: (page) => evaluation(page, 'year=2010') },
  {
    name: 'evaluation-drawer',
    role: 'office',
    open: async (page) => {
      await evaluation(page, 'year=2010&group=person&q=四（三）1（4）');
      await page.locator('.ant-tabs-tabpane-active tbody tr.ant-table-row').first().click();
      await page.getByRole('dialog').getByTestId('clause-text').waitFor();
    },
  },
  {
    name: 'evaluation-what-if',
    role: 'office',
    open: async (page) => {
      await evaluation(page, 'year=2010');
      await page.getByRole('tab', { name: '换一种解读（不保存）' }).click();
      await page.getByRole('combobox', { name: '解释I4的比较解读' }).click({ force: true });
      await page.locator('.ant-select-item-option[title="不影响"]').click();
      await page.getByRole('button', { name: /^比\s*较$/ }).click();
      await page.getByTestId('changes').scrollIntoViewIfNeeded();
    },
  },
  { name: 'evaluation-town', role: 'town', open: (page) => evaluation(page, 'year=2010&group=person') },
  {
    name: 'notices-office',
    role: 'office',
    open: async (page) => {
      await page.goto('/notices?year=2010');
      await page.getByRole('row').filter({ hasText: '流动人口信息未按时核查' }).waitFor();
    },
  },
  {
    name: 'notices-timeline',
    role: 'town',
    open: async (page) => {
      await page.goto('/notices?year=2010&notice=JS-2010-001');
      const escalated = page.getByRole('dialog').getByText(/连续二次下发警示通知书/);
      await escalated.waitFor();
      await escalated.scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'personnel-actions',
    role: 'office',
    open: async (page) => {
      await page.goto('/personnel?year=2010');
      await page.getByRole('row').filter({ hasText: '一年内不得平级调动、提拔' }).first().waitFor();
    },
  },
  {
    name: 'personnel-lookup',
    role: 'office',
    open: async (page, e) => {
      const freeze = await e.ctx.db
        .selectFrom('personnel_actions')
        .select(['subject_id', 'from_date'])
        .where('type', '=', 'transfer_promotion_freeze')
        .orderBy('subject_id')
        .executeTakeFirstOrThrow();
      await page.goto(`/personnel?year=2010&tab=lookup&person=${freeze.subject_id}&on=${freeze.from_date}`);
      await page.getByText('不得平级调动、提拔', { exact: true }).waitFor();
    },
  },
  {
    name: 'ledger-town',
    role: 'town',
    open: async (page) => {
      await page.goto('/ledger?year=2010');
      await page.getByText(/共 \d+ 笔/).waitFor();
    },
  },
  {
    name: 'ledger-drawer',
    role: 'town',
    open: async (page, e) => {
      const id = await townFine(e);
      const o = await (await page.request.get(`/api/v1/obligations/${id}`)).json();
      for (const [path, body] of [
        ['collect', { amount_fen: o.balance.outstanding_fen, receipt_no: 'BY-2010-0001' }],
        ['remit', { amount_fen: o.balance.outstanding_fen }],
      ] as const)
        await page.request.post(`/api/v1/obligations/${id}/${path}`, {
          headers: { 'idempotency-key': `shot-${path}-${id}` },
          data: body,
        });
      await ledgerDrawer(page, id);
    },
  },
  {
    name: 'ledger-confirm',
    role: 'town',
    open: async (page, e) => {
      const fines = await e.ctx.db
        .selectFrom('obligations')
        .select('id')
        .where('kind', '=', 'fine')
        .where('collecting_unit_id', '=', OWN_TOWN)
        .orderBy('subject_id')
        .limit(2)
        .execute();
      await ledgerDrawer(page, fines[1]!.id);
      await page.getByRole('button', { name: '收缴罚款' }).click();
      await page.locator('.ant-modal-content input#number').fill('BY-2010-0002');
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByTestId('confirm-amount').waitFor();
    },
  },
  {
    name: 'ledger-balances',
    role: 'office',
    open: async (page) => {
      await page.goto('/ledger?year=2010&tab=balances');
      await page.getByText('各镇（场）合计与全县合计相符。').waitFor();
    },
  },
  { name: 'reports-rewards', role: 'office', open: (page) => report(page, '', /决定确认于/) },
  {
    name: 'reports-overdue',
    role: 'office',
    open: (page) => report(page, '&tab=overdue', /逾期未缴的罚款合计/),
  },
  { name: 'reports-rankings', role: 'office', open: (page) => report(page, '&tab=rankings', /类别变化/) },
  { name: 'reports-statement-town', role: 'town', open: (page) => report(page, '', /对账单（截至/) },
  {
    name: 'assessments-rankings',
    role: 'office',
    open: async (page) => {
      await page.goto('/assessments?year=2010&tab=rankings');
      await page.getByRole('cell', { name: '第 1 名' }).first().waitFor();
    },
  },
  {
    name: 'assessments-categories',
    role: 'office',
    open: async (page) => {
      await page.goto('/assessments?year=2010&tab=categories');
      await page.locator('figure canvas').waitFor();
    },
  },
  {
    name: 'admin-users',
    role: 'admin',
    open: async (page) => {
      await page.goto('/admin');
      await page.getByRole('cell', { name: '刘建华' }).waitFor();
    },
  },
  {
    name: 'admin-user-form',
    role: 'admin',
    open: async (page) => {
      await page.goto('/admin');
      await page.getByRole('button', { name: '新建账号' }).click();
      await page.getByRole('dialog').getByLabel('登录名').fill('li-ming');
      await page.getByRole('dialog').getByLabel('姓名').fill('李明');
    },
  },
  {
    name: 'admin-token-created',
    role: 'office',
    open: async (page) => {
      await page.goto('/admin?tab=tokens');
      await page.getByLabel('令牌名称').fill('月报导出脚本');
      await page.getByRole('button', { name: '创建令牌' }).click();
      await page.getByTestId('new-token').waitFor();
    },
  },
  {
    name: 'registry-office',
    role: 'office',
    open: async (page) => {
      await page.goto('/registry?year=2010&as_of=2010-03-28');
      await page.getByText(/共 \d+ 个单位/).waitFor();
    },
  },
  {
    name: 'registry-unit-drawer',
    role: 'office',
    open: async (page) => {
      await page.goto('/registry?year=2010&as_of=2010-03-28&unit=C0001-T01-V01');
      await page.getByRole('dialog').getByText('类别（按计生年度）').waitFor();
    },
  },
  {
    name: 'registry-people',
    role: 'office',
    open: async (page) => {
      await page.goto('/registry?year=2010&as_of=2010-03-28&tab=people');
      await page.getByText(/共 \d+ 人/).waitFor();
    },
  },
  {
    name: 'policy-clause',
    role: 'office',
    open: async (page) => {
      await page.goto('/policy?year=2010&clause=3.1.1');
      await page.getByTestId('clause-text').waitFor();
    },
  },
  {
    name: 'policy-interpretations',
    role: 'town',
    open: async (page) => {
      await page.goto('/policy?year=2010&tab=interpretations');
      await page.getByText(/^I13　/).waitFor();
    },
  },
];

const e = await startE2E({ now: SCENARIO_START });
try {
  await prepareScenario(e);
  mkdirSync(DOCS, { recursive: true });
  // `npm run screenshots -- rosters` takes only the shots whose names start with an argument.
  const only = process.argv.slice(2);
  for (const shot of SHOTS.filter((s) => only.length === 0 || only.some((o) => s.name.startsWith(o)))) {
    const { page } = await e.page();
    if (shot.role) await e.signIn(page, shot.role);
    await shot.open(page, e);
    await page.waitForTimeout(800); // charts finish their entrance animation
    await page.screenshot({ path: join(DOCS, `${shot.name}.png`) });
    process.stdout.write(`docs/screenshots/${shot.name}.png\n`);
  }
} finally {
  await e.close();
}
