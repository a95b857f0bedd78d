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
import { markOf, type YearCase } from './year-cases.ts';
import { type Held, type YearCollection, yearRows } from './year-view.ts';

const any = (db: Db | Tx) => db as unknown as Kysely<any>;
/** The order of units by kind, in a case and in an import. */
export const KIND_ORDER: Record<string, number> = { county: 0, town: 1, village: 2, county_unit: 3 };

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
  return (await currentCase(ctx, county, year)).kase;
}

/**
 * The case of a county and FP year, with where the store stands: the one kept since it was made
 * while the store is unchanged (year-cases.ts), or else read back. Shared: the caller does not
 * change it (under test every kept case is frozen).
 */
export function currentCase(ctx: Ctx, county: string, year: number): Promise<YearCase> {
  return readSnapshot(ctx.db, async (tx) => {
    const mark = await markOf(tx);
    const kept = ctx.years.get(county, year, mark);
    if (kept) return kept;
    const made: YearCase = { mark, kase: await caseOf(tx, county, year) };
    ctx.years.put(county, year, made);
    return made;
  });
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
  const units = await registryOf(db, 'units', county);
  const held: Held = settings ? JSON.parse(settings.held) : {};
  const collections = {} as YearFacts;
  for (const name of YEAR_COLLECTIONS) {
    const columns = [...FACTS[name].caseColumns, ...ORDER_COLUMNS[name]];
    collections[name] = (await yearRows(db, county, name, year, held, columns)).map((r) => ({
      id: String(r.id),
      position: r.position === undefined ? undefined : Number(r.position),
      api: FACTS[name].toApi(r),
    }));
  }
  // The county's people: one plain query, not an IN list of the thousands the year names.
  const people = await registryOf(db, 'people', county);
  return caseOfParts({
    policy: c.policy,
    year,
    decidedOn: settings?.decided_on ?? null,
    interpretations: settings ? JSON.parse(settings.interpretations) : {},
    units,
    collections,
    people,
  });
}

/** A county's units or people in their API form, only the columns the case reads (the history columns are most of a row's bytes). */
async function registryOf(db: Tx, name: 'units' | 'people', county: string): Promise<FactFields[]> {
  const rows = await any(db)
    .selectFrom(name)
    .select(FACTS[name].caseColumns)
    .where('county_id', '=', county)
    .execute();
  return rows.map((r) => FACTS[name].toApi(r));
}

/** A fact of the year in its API form, with what orders it in the case. */
export interface YearFact {
  id: string;
  /** An assessment's place in the office's order (I5 strict breaks ties by it). */
  position?: number;
  api: FactFields;
}
export type YearFacts = Record<YearCollection, YearFact[]>;

/** The columns that order each collection in the case, besides those it reads. */
const ORDER_COLUMNS: Record<YearCollection, readonly string[]> = {
  posts: ['id'],
  links: ['id'],
  categories: ['id'],
  assessments: ['id', 'position'],
  acceptances: ['id'],
  warning_notices: [],
  incidents: ['id'],
};

/** What a county's FP year is made of, each fact in its API form (the store's rows, or an import's). */
export interface YearParts {
  policy: string;
  year: number;
  decidedOn: string | null;
  interpretations: Record<string, string>;
  /** The county's units, in any order. */
  units: FactFields[];
  /** The facts the year holds, in any order. */
  collections: YearFacts;
  /** The county's people, in any order: the case keeps those the year's facts name. */
  people: FactFields[];
}

const byId = (a: { id?: unknown }, b: { id?: unknown }) => {
  const x = String(a.id);
  const y = String(b.id);
  return x < y ? -1 : x > y ? 1 : 0;
};
const byYearOrder = (a: YearFact, b: YearFact) => (a.position ?? 0) - (b.position ?? 0) || byId(a, b);

/**
 * The case of a year from its parts: units by kind and id, each collection by id (assessments in
 * the office's order first), compared as text whatever the database's collation, and the people
 * its facts name. The one place that says what a year's case is; an import makes the same from
 * what it wrote (year-import.ts), and a test holds the two equal.
 */
export function caseOfParts(p: YearParts): ZerenCase {
  const out: Record<string, unknown> = { format: 'zeren-case/1', policy: p.policy, fp_year: p.year };
  if (p.decidedOn) out.decided_on = p.decidedOn;
  if (Object.keys(p.interpretations).length) out.interpretations = p.interpretations;
  out.units = [...p.units]
    .sort((a, b) => (KIND_ORDER[String(a.kind)] ?? 9) - (KIND_ORDER[String(b.kind)] ?? 9) || byId(a, b))
    .map(FACTS.units.toCase);
  const referenced = new Set<string>();
  for (const name of YEAR_COLLECTIONS) {
    const facts = [...p.collections[name]].sort(byYearOrder);
    for (const f of facts) if (typeof f.api.person === 'string') referenced.add(f.api.person);
    out[name] = facts.map((f) => FACTS[name].toCase(f.api));
  }
  out.people = p.people
    .filter((a) => referenced.has(String(a.id)))
    .sort(byId)
    .map(FACTS.people.toCase);
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
