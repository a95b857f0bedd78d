// A county's FP year as one zeren-case/1 document: the export is exactly what the engine
// evaluates. The import, which makes the stored year match a case, is year-import.ts.

import type { Kysely } from 'kysely';
import { CASE_COLLECTIONS, CASE_HEADER, YEAR_COLLECTIONS, type ZerenCase } from '../domain/case.ts';
import type { Vocabulary } from '../domain/vocabulary.ts';
import { AuditWriter } from './audit.ts';
import type { Ctx } from './ctx.ts';
import { readSnapshot } from './db.ts';
import { conflict, notFound, StoreError } from './errors.ts';
import { FACTS, type FactFields } from './fact-kinds.ts';
import type { Db, Tx } from './schema.ts';
import type { Scope } from './scope.ts';
import { type Held, yearRows } from './year-view.ts';

const any = (db: Db | Tx) => db as unknown as Kysely<any>;
const KIND_ORDER: Record<string, number> = { county: 0, town: 1, village: 2, county_unit: 3 };

export function requireCountyWide(scope: Scope, county: string): void {
  if (scope.county !== county) throw notFound('县', county);
  if (scope.units !== null)
    throw new StoreError(
      'forbidden',
      '只有全县范围的用户可以导出或导入整个案例',
      'only county-wide users may export or import a whole case',
    );
}

export async function getCounty(db: Db, county: string) {
  const c = await db.selectFrom('counties').selectAll().where('id', '=', county).executeTakeFirst();
  if (!c) throw notFound('县', county);
  return c;
}

/** The words of a county's pack, with their labels (its vocabulary.yaml). */
export async function countyWords(ctx: Ctx, county: string): Promise<Vocabulary> {
  return ctx.engine((await getCounty(ctx.db, county)).policy).vocabulary;
}

/** The case of a county and FP year, as the engine reads it. */
export async function exportCase(ctx: Ctx, scope: Scope, county: string, year: number): Promise<ZerenCase> {
  requireCountyWide(scope, county);
  return buildCase(ctx.db, county, year);
}

/** The case of a county and FP year, read from one snapshot (an import committing meanwhile is not half-seen). */
export function buildCase(db: Db | Tx, county: string, year: number): Promise<ZerenCase> {
  return readSnapshot(db, (tx) => caseOf(tx, county, year));
}

async function caseOf(db: Tx, county: string, year: number): Promise<ZerenCase> {
  const c = await getCounty(db as Db, county);
  const settings = await db
    .selectFrom('county_years')
    .selectAll()
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .executeTakeFirst();
  // Only the columns the case reads: the history columns are most of a row's bytes.
  const units = (
    await any(db)
      .selectFrom('units')
      .select(FACTS.units.caseColumns)
      .where('county_id', '=', county)
      .execute()
  )
    .sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || (a.id < b.id ? -1 : 1))
    .map((r) => FACTS.units.toCase(FACTS.units.toApi(r)));
  const out: Record<string, unknown> = { format: 'zeren-case/1', policy: c.policy, fp_year: year };
  if (settings?.decided_on) out.decided_on = settings.decided_on;
  const interpretations = settings ? JSON.parse(settings.interpretations) : {};
  if (Object.keys(interpretations).length) out.interpretations = interpretations;
  out.units = units;
  const referenced = new Set<string>();
  const held: Held = settings ? JSON.parse(settings.held) : {};
  for (const name of YEAR_COLLECTIONS) {
    const items: FactFields[] = (await yearRows(db, county, name, year, held, FACTS[name].caseColumns)).map(
      (r) => FACTS[name].toApi(r),
    );
    for (const a of items) if (typeof a.person === 'string') referenced.add(a.person);
    out[name] = items.map(FACTS[name].toCase);
  }
  // The county's people, those the year's facts name kept: one plain query, not an IN list of thousands.
  const people = referenced.size
    ? (
        await any(db)
          .selectFrom('people')
          .select(FACTS.people.caseColumns)
          .where('county_id', '=', county)
          .orderBy('id')
          .execute()
      ).filter((r) => referenced.has(r.id))
    : [];
  out.people = people.map((r) => FACTS.people.toCase(FACTS.people.toApi(r)));
  const ordered: Record<string, unknown> = {};
  for (const k of [...CASE_HEADER, ...CASE_COLLECTIONS]) if (out[k] !== undefined) ordered[k] = out[k];
  return ordered as unknown as ZerenCase;
}

/** Creates a county (the office's first step; `npm start` does it for the demo). */
export async function createCounty(
  ctx: Ctx,
  actor: { name: string; role: string },
  input: { id: string; name: string; policy?: string },
) {
  const at = ctx.now().toISOString();
  const policy = input.policy ?? 'county-fp-2009';
  ctx.engine(policy);
  return ctx.db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('counties')
      .select('id')
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (exists) throw conflict(`县编号“${input.id}”已存在`, `county "${input.id}" already exists`);
    const row = { id: input.id, name: input.name, policy, created_at: at, updated_at: at };
    await trx.insertInto('counties').values(row).execute();
    const audit = await AuditWriter.open(trx);
    audit.add(
      actor,
      {
        action: 'county.create',
        object_type: 'counties',
        object_id: input.id,
        county_id: input.id,
        after: row,
      },
      at,
    );
    await audit.flush();
    return row;
  });
}
