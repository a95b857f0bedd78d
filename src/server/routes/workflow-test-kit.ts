// For the workflow API tests: an app over a test store holding the shared example county, a user
// (with an API token) for each role and place, a clock the test moves, and a reader of one entry
// of a zip file (a .docx or .xlsx) with nothing but node:zlib.

import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { parse } from 'yaml';
import { makeCtx } from '../../compose.ts';
import { SYSTEM } from '../../store/audit.ts';
import { createCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import type { Dialect } from '../../store/db.ts';
import { systemScope, type UserRole } from '../../store/scope.ts';
import { createTestStore, type TestStore } from '../../store/testing.ts';
import { createToken, TOKEN_MAX_DAYS } from '../../store/tokens.ts';
import { createUser } from '../../store/users.ts';
import { importCase } from '../../store/year-import.ts';
import { buildApp } from '../app.ts';

export const COUNTY = 'qingshui';
export const example = () =>
  parse(readFileSync(new URL('../../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));

/** Who signs in: the office, both towns, a county unit, the finance bureau, an auditor. */
export const PEOPLE = {
  office: { role: 'office', unit: null },
  dongfeng: { role: 'town', unit: 't-dongfeng' },
  xishan: { role: 'town', unit: 't-xishan' },
  gongan: { role: 'unit', unit: 'u-gongan' },
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
  return {
    s,
    app,
    ctx,
    office,
    setClock: (iso) => {
      clock = new Date(iso);
    },
    as: (who, opts) =>
      app.inject({ ...opts, headers: { ...opts.headers, authorization: `Bearer ${tokens[who]}` } }),
    close: async () => {
      await app.close();
      await s.drop();
    },
  };
}

/** One entry of a zip archive, as text (the central directory names it; stored or deflated). */
export function zipEntry(zip: Buffer, name: string): string | undefined {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return undefined;
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const skip = nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    p += 46 + skip;
  }
  return undefined;
}

/** The text of a Word document's body: the runs of word/document.xml, tags dropped. */
export function docxText(docx: Buffer): string {
  const xml = zipEntry(docx, 'word/document.xml') ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
