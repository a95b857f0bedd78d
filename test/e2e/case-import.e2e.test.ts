// 导入年度案例 in a real browser: the office imports a whole year from a file. A case with a
// mistake stores nothing and lists each problem with its place; the year's own case imports with
// no change; the same case with one fact removed imports with that change, then evaluating
// follows it. A town is offered no import and the API refuses it. axe-clean.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCase } from '../../src/store/cases.ts';
import { systemScope } from '../../src/store/scope.ts';
import { type E2E, startE2E } from './harness.ts';
import { SCENARIO_START } from './scenario.ts';

let e: E2E;
const dir = mkdtempSync(join(tmpdir(), 'zeren-case-e2e-'));
beforeAll(async () => {
  e = await startE2E({ now: SCENARIO_START });
}, 180_000);
afterAll(async () => e?.close());

async function chooseFile(page: Page, name: string, body: string) {
  const file = join(dir, name);
  writeFileSync(file, body);
  await page.locator('.ant-modal input[type=file]').setInputFiles(file);
  await page.locator('.ant-modal').getByText(`已选择：${name}`).waitFor();
}

describe('导入年度案例 (browser)', () => {
  it('lists the problems of a wrong case, imports the year unchanged, then with a change', async () => {
    const office = systemScope(e.county, { name: 'office', role: 'office' });
    const kase = (await exportCase(e.ctx, office, e.county, 2010)) as unknown as Record<string, unknown>;
    const { page, problems } = await e.page();
    await e.signIn(page, 'office');
    await page.goto('/evaluation?year=2010');
    await page.getByRole('button', { name: '导入年度案例' }).click();
    const modal = page.locator('.ant-modal');
    // The footer's primary button; its name gains a loading icon's while a request is on its way.
    const importButton = modal.locator('.ant-modal-footer').getByRole('button', { name: /导\s*入$/ });
    await modal.getByText('导入后，本年度存档的事实与案例完全一致').waitFor();

    await chooseFile(page, 'wrong.json', JSON.stringify({ ...kase, fp_year: 2009 }));
    await importButton.click({ timeout: 60_000 });
    await modal.locator('tbody').getByText('fp_year').waitFor();
    expect(await e.axe(page)).toEqual([]);
    await e.screenshot(page, 'case-import-problems');

    await chooseFile(page, 'same.yaml', (await import('yaml')).stringify(kase));
    await importButton.click({ timeout: 60_000 });
    await modal.getByText('已导入：本年度已与案例一致，没有变动。').waitFor();

    const notices = (kase.warning_notices as unknown[]) ?? [];
    expect(notices.length).toBeGreaterThan(0);
    await chooseFile(page, 'fewer.json', JSON.stringify({ ...kase, warning_notices: notices.slice(1) }));
    await importButton.click({ timeout: 60_000 });
    await modal.getByText('已导入。').waitFor();
    const after = (await exportCase(e.ctx, office, e.county, 2010)) as unknown as Record<string, unknown>;
    expect((after.warning_notices as unknown[]).length).toBe(notices.length - 1);
    // The one refused request is the wrong case's 422, shown in the modal.
    expect(problems.filter((p) => !p.includes('422'))).toEqual([]);
  }, 180_000);

  it('offers a town no import, and the API refuses it', async () => {
    const { page, problems } = await e.page();
    await e.signIn(page, 'town');
    await page.goto('/evaluation?year=2010');
    await page.getByRole('heading', { name: '奖惩评定' }).waitFor();
    expect(await page.getByRole('button', { name: '导入年度案例' }).count()).toBe(0);
    const status = await page.evaluate(async (url) => {
      const r = await fetch(url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return r.status;
    }, `/api/v1/counties/${e.county}/years/2010/case`);
    expect(status).toBe(403);
    expect(problems.filter((p) => !p.includes('403'))).toEqual([]);
  }, 120_000);
});
