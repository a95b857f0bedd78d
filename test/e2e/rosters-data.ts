// Rosters (二(四)) for the browser tests and the screenshots: a town's template with a mistake in
// it and the same template corrected (a new cadre added), and other units' rosters submitted by
// the office on their behalf (the stored facts of the year, as they stand).

import ExcelJS from 'exceljs';
import { systemScope } from '../../src/store/scope.ts';
import { getRoster, returnRoster, submitRoster } from '../../src/workflows/rosters/rosters.ts';
import type { E2E } from './harness.ts';

export const YEAR = 2010;
export const TOWN_SHEET = '镇（场）职务';
/** The office's demo login: what it does is shown by its holder's name. */
const office = (e: E2E) => systemScope(e.county, { name: 'office', role: 'office' });

async function edit(file: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template with a post no town has (村长) in the first row's 职务, D3. */
export const withMistake = (file: Buffer) =>
  edit(file, (wb) => {
    wb.getWorksheet(TOWN_SHEET)!.getCell('D3').value = '村长';
  });

/** The template with a new cadre (no 人员编号 yet) who took up the post this year. */
export const withNewCadre = (file: Buffer, name = '欧阳新') =>
  edit(file, (wb) => {
    wb.getWorksheet(TOWN_SHEET)!.addRow(['', name, '公务员', '干部', new Date('2010-03-01T00:00:00Z'), '']);
  });

/** The office submits a unit's roster on its behalf: the stored facts of the year as they stand. */
export async function submitStored(e: E2E, unit: string) {
  const r = await getRoster(e.ctx, office(e), e.county, YEAR, unit);
  return submitRoster(e.ctx, office(e), e.county, YEAR, unit, r.content ?? r.stored);
}

/** A board with every status: some units submitted, one returned with a reason. */
export async function someRosters(e: E2E, units: string[]): Promise<void> {
  for (const u of units) await submitStored(e, u);
  const last = units.at(-1);
  if (last)
    await returnRoster(e.ctx, office(e), e.county, YEAR, last, {
      reasons: ['挂钩村的起始日期未填写'],
      version: 1,
    });
}
