// For the API tests of the workflows: an app over a test store (SQLite or PostgreSQL) holding the
// shared example county, a user (with an API token) for each role and place, a clock the test
// moves, and an upload of a filled workbook. Reading what comes back: files.ts.

import { readFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { parse } from 'yaml';
import { makeCtx } from '../../src/compose.ts';
import { buildApp } from '../../src/server/app.ts';
import { SYSTEM } from '../../src/store/audit.ts';
import { createCounty } from '../../src/store/cases.ts';
import type { Ctx } from '../../src/store/ctx.ts';
import type { Dialect } from '../../src/store/db.ts';
import { systemScope, type UserRole } from '../../src/store/scope.ts';
import { createTestStore, type TestStore } from '../../src/store/testing.ts';
import { createToken, TOKEN_MAX_DAYS } from '../../src/store/tokens.ts';
import { createUser } from '../../src/store/users.ts';
import { importCase } from '../../src/store/year-import.ts';
import { XLSX_TYPE } from '../../src/workflows/workbooks/excel.ts';

export const COUNTY = 'qingshui';
export const example = () =>
  parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));

/** Who signs in: the office, both towns, two county units, the finance bureau, an auditor. */
export const PEOPLE = {
  office: { role: 'office', unit: null },
  dongfeng: { role: 'town', unit: 't-dongfeng' },
  xishan: { role: 'town', unit: 't-xishan' },
  gongan: { role: 'unit', unit: 'u-gongan' },
  jiaoyu: { role: 'unit', unit: 'u-jiaoyu' },
  finance: { role: 'finance', unit: null },
  auditor: { role: 'auditor', unit: null },
} as const satisfies Record<string, { role: UserRole; unit: string | null }>;
export type Who = keyof typeof PEOPLE;

export interface Kit {
  s: TestStore;
  app: FastifyInstance;
  ctx: Ctx;
  office: ReturnType<typeof systemScope>;
  setClock(iso: string): void;
  /** A request as one of PEOPLE. */
  as(who: Who, opts: InjectOptions): Promise<LightMyRequestResponse>;
  /** Uploads a workbook as `who` (PUT, as a filled template is sent). */
  upload(who: Who, url: string, wb: ExcelJS.Workbook | Buffer): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function workflowKit(dialect: Dialect): Promise<Kit> {
  const s = await createTestStore(dialect);
  let clock = new Date('2009-12-01T08:00:00Z');
  const ctx: Ctx = makeCtx(s.db, () => clock);
  const app = await buildApp({ db: s.db, now: () => clock });
  await createCounty(ctx, SYSTEM, { id: COUNTY, name: '清水县' });
  const office = systemScope(COUNTY, { name: 'office1', role: 'office' });
  await importCase(ctx, office, COUNTY, 2009, example());
  const tokens: Partial<Record<Who, string>> = {};
  for (const [who, p] of Object.entries(PEOPLE) as [Who, (typeof PEOPLE)[Who]][]) {
    const u = await createUser(ctx, SYSTEM, {
      username: `${who}1`,
      password: 'workflow password',
      role: p.role,
      county: COUNTY,
      unit: p.unit,
    });
    // The longest a token lives: the tests move the clock months ahead.
    tokens[who] = (await createToken(ctx, u, 'test', TOKEN_MAX_DAYS)).token;
  }
  const as = (who: Who, opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...opts.headers, authorization: `Bearer ${tokens[who]}` } });
  return {
    s,
    app,
    ctx,
    office,
    setClock: (iso) => {
      clock = new Date(iso);
    },
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
