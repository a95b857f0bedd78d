// For the roster and score API tests: an app over a test store (SQLite or PostgreSQL) holding the
// shared example county, an API token per user (the office, both towns, a county unit, an
// auditor), and workbook helpers (exceljs) to read a download and upload a filled file.

import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { parse } from 'yaml';
import { makeCtx } from '../compose.ts';
import { buildApp } from '../server/app.ts';
import { SYSTEM } from '../store/audit.ts';
import { createCounty } from '../store/cases.ts';
import type { Ctx } from '../store/ctx.ts';
import type { Dialect } from '../store/db.ts';
import { systemScope } from '../store/scope.ts';
import { createTestStore, type TestStore } from '../store/testing.ts';
import { createToken } from '../store/tokens.ts';
import { createUser } from '../store/users.ts';
import { importCase } from '../store/year-import.ts';
import { XLSX_TYPE } from './excel.ts';

export const example = () =>
  parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));

const USERS = {
  office: { role: 'office', unit: null },
  dongfeng: { role: 'town', unit: 't-dongfeng' },
  xishan: { role: 'town', unit: 't-xishan' },
  jiaoyu: { role: 'unit', unit: 'u-jiaoyu' },
  auditor: { role: 'auditor', unit: null },
} as const;
export type Who = keyof typeof USERS;

export interface Fixture {
  s: TestStore;
  app: FastifyInstance;
  ctx: Ctx;
  as(who: Who, opts: InjectOptions): Promise<LightMyRequestResponse>;
  /** Uploads a workbook as `who`. */
  upload(who: Who, url: string, wb: ExcelJS.Workbook | Buffer): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function fixture(dialect: Dialect): Promise<Fixture> {
  const s = await createTestStore(dialect);
  const ctx: Ctx = makeCtx(s.db, () => new Date('2009-12-01T08:00:00Z'));
  const app = await buildApp({ db: s.db, now: ctx.now });
  await createCounty(ctx, SYSTEM, { id: 'qingshui', name: '清水县' });
  await importCase(ctx, systemScope('qingshui'), 'qingshui', 2009, example());
  const tokens: Partial<Record<Who, string>> = {};
  for (const [who, u] of Object.entries(USERS) as [Who, (typeof USERS)[Who]][]) {
    const user = await createUser(ctx, SYSTEM, {
      username: `${who}1`,
      password: 'roster password',
      role: u.role,
      county: 'qingshui',
      unit: u.unit,
    });
    tokens[who] = (await createToken(ctx, user, 'test')).token;
  }
  const as = (who: Who, opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...opts.headers, authorization: `Bearer ${tokens[who]}` } });
  return {
    s,
    app,
    ctx,
    as,
    upload: async (who, url, wb) =>
      as(who, {
        method: 'PUT',
        url,
        headers: { 'content-type': XLSX_TYPE },
        payload: Buffer.isBuffer(wb) ? wb : Buffer.from(await wb.xlsx.writeBuffer()),
      }),
    close: async () => {
      await app.close();
      await s.drop();
    },
  };
}

export async function readXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** The first data row of a sheet: the one under the frozen title and header rows. */
export const firstRow = (ws: ExcelJS.Worksheet) => ((ws.views[0] as { ySplit?: number })?.ySplit ?? 1) + 1;

/** The rows of a sheet below its header, as text (dates as YYYY-MM-DD). */
export function rowsOf(wb: ExcelJS.Workbook, sheet: string): string[][] {
  const ws = wb.getWorksheet(sheet)!;
  const out: string[][] = [];
  for (let r = firstRow(ws); r <= ws.rowCount; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = ws.getCell(r, c).value;
      cells.push(
        v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v),
      );
    }
    out.push(cells);
  }
  return out;
}

/** The row number of the first row of a sheet whose cells include every given text. */
export function findRow(wb: ExcelJS.Workbook, sheet: string, ...texts: string[]): number {
  const i = rowsOf(wb, sheet).findIndex((cells) => texts.every((t) => cells.includes(t)));
  if (i < 0) throw new Error(`no row with ${texts.join(', ')} on ${sheet}`);
  return i + firstRow(wb.getWorksheet(sheet)!);
}
