// 人事 in a real browser: the recommendations of the year's decision with their clauses and
// Chinese labels; the office records what the deciding authority did and downloads the
// 人事处理建议函; the lookup by NAME answers with every restriction in force on a day, award vetoes
// included, each with its dates and clause; a town kept to its own people (address and API).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZerenResult } from '../../src/domain/result.ts';
import { liveActions } from '../../src/store/decision-personnel.ts';
import { currentDecision } from '../../src/store/decisions.ts';
import { keptText } from '../../src/store/kept-text.ts';
import { type E2E, startE2E } from './harness.ts';
import { OTHER_TOWN, OWN_TOWN, prepareScenario, SCENARIO_START } from './scenario.ts';

type Page = import('playwright-core').Page;
interface Person {
  id: string;
  name: string;
}

let e: E2E;
let vetoed: Person; // a person the decision vetoes for awards
let frozen: Person; // a person recommended for a transfer and promotion freeze
let frozenOn: string; // the first day of the freeze
let other: string; // a person of another town only
beforeAll(async () => {
  e = await startE2E({ now: SCENARIO_START });
  await prepareScenario(e); // today is 2010-03-28; the 2010 decision was confirmed on 2010-02-26
  const db = e.ctx.db;
  const decision = (await currentDecision(db, e.county, 2010))!;
  const ev = await db
    .selectFrom('evaluations')
    .select('result_json')
    .where('id', '=', decision.evaluation_id)
    .executeTakeFirstOrThrow();
  const result = JSON.parse(keptText(ev.result_json)) as ZerenResult;
  const veto = result.consequences.find((c) => c.type === 'award_veto' && c.subject.kind === 'person')!;
  const freeze = (await liveActions(db, e.county, 2010)).find((a) => a.type === 'transfer_promotion_freeze')!;
  const person = (id: string) =>
    db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('county_id', '=', e.county)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  vetoed = await person(veto.subject.id);
  frozen = await person(freeze.subject_id);
  frozenOn = freeze.from_date!;
  const own = await db
    .selectFrom('posts')
    .select('person_id')
    .where('unit_id', 'like', `${OWN_TOWN}%`)
    .execute();
  const others = await db
    .selectFrom('posts')
    .select('person_id')
    .where('unit_id', '=', OTHER_TOWN)
    .where('county_id', '=', e.county)
    .execute();
  other = others.map((o) => o.person_id).find((p) => !own.some((o) => o.person_id === p))!;
}, 180_000);
afterAll(async () => e?.close());

/** axe on the page at rest: the pointer moved off the button it last clicked (antd's hover colour). */
async function axe(page: Page) {
  await page.mouse.move(0, 0);
  return e.axe(page);
}

async function lookUp(page: Page, p: Person, on: string) {
  await page.getByRole('tab', { name: '调动提拔查询' }).click();
  const panel = page.getByRole('tabpanel', { name: '调动提拔查询' });
  const name = panel.getByLabel('姓名', { exact: true });
  await name.click();
  await name.fill(p.name.slice(0, 2));
  await page.locator('.ant-select-item-option', { hasText: `（${p.id}）` }).click();
  const day = panel.getByLabel('日期', { exact: true });
  await day.click();
  await day.fill(on);
  await day.press('Enter');
  await panel.getByRole('button', { name: /查\s*询/ }).click();
  await page.getByText(`${p.name}在${on}的限制`).waitFor();
}

describe('人事 (browser)', { timeout: 180_000 }, () => {
  it('shows the office the recommendations; it records a decision and downloads the letter', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '人事' }).click();
    await page.getByRole('heading', { name: '人事' }).waitFor();
    await page.getByLabel('姓名', { exact: true }).fill(frozen.name);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.getByRole('row', { name: `${frozen.name} 一年内不得平级调动、提拔` }).first();
    await row.waitFor();
    expect(await row.innerText()).toMatch(/四[（(].[）)].+待决定/s);
    expect(await axe(page)).toEqual([]);
    await e.screenshot(page, 'personnel-actions');

    await row.click();
    const drawer = page.getByRole('dialog', { name: `处理建议：${frozen.name}` });
    await drawer.getByLabel('决定机关或负责人').fill('中共某县委组织部');
    await drawer.getByRole('button', { name: '记录决定' }).click();
    await drawer.getByRole('cell', { name: '中共某县委组织部' }).waitFor();
    await drawer.getByText('已采纳执行').first().waitFor();
    const [letter] = await Promise.all([
      page.waitForEvent('download'),
      drawer.getByRole('link', { name: /下载人事处理建议函/ }).click(),
    ]);
    expect(letter.suggestedFilename()).toMatch(/\.docx$/);
    expect(await axe(page)).toEqual([]);
    await e.screenshot(page, 'personnel-action-drawer');
    const records = await e.ctx.db.selectFrom('personnel_records').select(['authority', 'outcome']).execute();
    expect(records).toEqual([{ authority: '中共某县委组织部', outcome: 'adopted' }]);
    expect(problems).toEqual([]);
  });

  it('answers the lookup by name with every restriction in force, its dates and its clause', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.goto('/personnel?year=2010');
    await lookUp(page, frozen, frozenOn);
    const answer = page.locator('.ant-card').filter({ hasText: `${frozen.name}在${frozenOn}的限制` });
    await answer.getByText('不得平级调动、提拔', { exact: true }).waitFor();
    const freezeRow = answer.getByRole('row').filter({ hasText: '一年内不得平级调动、提拔' }).first();
    expect(await freezeRow.innerText()).toMatch(
      /四[（(].[）)]\d.*\d{4}-\d\d-\d\d 至 \d{4}-\d\d-\d\d.*是.*已采纳执行/s,
    );
    expect(page.url()).toContain(`person=${encodeURIComponent(frozen.id)}`);
    expect(await axe(page)).toEqual([]);
    await e.screenshot(page, 'personnel-lookup');

    await page.goto('/personnel?year=2010');
    await lookUp(page, vetoed, '2010-03-28');
    const veto = page.getByRole('row').filter({ hasText: '评先评优一票否决' }).first();
    expect(await veto.innerText()).toMatch(/四[（(].[）)].*2009-10-01 至 2010-09-30.*否.*决定已生效/s);
    expect(problems).toEqual([]);
  });

  it("keeps a town to its own people: another town's person by address and by API", async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'town');
    await page.goto(`/personnel?year=2010&tab=lookup&person=${encodeURIComponent(other)}&on=2010-03-28`);
    await page.getByText('未找到或无权查看').waitFor();
    const api = `/api/v1/counties/${e.county}/people/${encodeURIComponent(other)}/restrictions?on=2010-03-28`;
    expect((await page.request.get(api)).status()).toBe(404);
    const actions = await (
      await page.request.get(`/api/v1/counties/${e.county}/years/2010/personnel-actions`)
    ).json();
    expect(actions.items.some((a: { subject: { id: string } }) => a.subject.id === other)).toBe(false);
    expect(await page.getByRole('button', { name: '记录决定' }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
  });
});
