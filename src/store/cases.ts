// A county's FP year as one zeren-case/1 document: the export is exactly what the engine
// evaluates; an import makes the stored year match a case. An import that does not validate
// writes nothing; one that does runs in one transaction, keeps the document, and records in the
// audit trail every row it changed or withdrew, with its values before.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson, sha256 } from '../domain/canonical.ts';
import { CASE_COLLECTIONS, CASE_HEADER, YEAR_COLLECTIONS, type ZerenCase } from '../domain/case.ts';
import type { Problem } from '../domain/problems.ts';
import { AuditWriter } from './audit.ts';
import { insertAll } from './bulk.ts';
import { type Changes, importCollection, noChanges, type Recorder } from './case-import.ts';
import type { Ctx } from './ctx.ts';
import { readSnapshot } from './db.ts';
import { conflict, invalid, notFound, StoreError } from './errors.ts';
import { type Api, FACTS } from './fact-kinds.ts';
import type { Db, Tx } from './schema.ts';
import type { Scope } from './scope.ts';
import { type Held, heldOf, yearRows } from './year-view.ts';

const any = (db: Db | Tx) => db as unknown as Kysely<any>;
const KIND_ORDER: Record<string, number> = { county: 0, town: 1, village: 2, county_unit: 3 };

function requireCountyWide(scope: Scope, county: string): void {
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
  const held = await heldOf(db, county, year);
  for (const name of YEAR_COLLECTIONS) {
    const items = (await yearRows(db, county, name, year, held, FACTS[name].caseColumns)).map((r) =>
      FACTS[name].toApi(r),
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

export interface ImportSummary extends Changes {
  import_id: string;
  case_sha256: string;
  /** Every change above added up: 0 when the stored year already was the case. */
  changes: number;
}

/** Units and people: added or updated (a field left out is cleared), never withdrawn (other years name them). */
async function importRegistry(
  trx: Tx,
  county: string,
  kase: ZerenCase,
  at: string,
  s: Changes,
  record: Recorder,
): Promise<void> {
  for (const name of ['units', 'people'] as const) {
    const kind = FACTS[name];
    const existing = new Map(
      (await any(trx).selectFrom(name).selectAll().where('county_id', '=', county).execute()).map((r) => [
        r.id,
        kind.toApi(r),
      ]),
    );
    const fresh: Record<string, unknown>[] = [];
    const incoming = (name === 'units'
      ? [...kase.units].sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9))
      : (kase.people ?? [])) as unknown as Api[];
    for (const a of incoming) {
      const before = existing.get(a.id);
      if (!before) fresh.push({ ...kind.toRow(a), county_id: county, created_at: at, updated_at: at });
      else if (canonicalJson(kind.toCase(before)) !== canonicalJson(kind.toCase(a))) {
        await any(trx)
          .updateTable(name)
          .set({ ...kind.toRow(a), updated_at: at })
          .where('county_id', '=', county)
          .where('id', '=', a.id)
          .execute();
        record(`${name}.update`, name, String(a.id), before, a);
        s.updated++;
      }
    }
    await insertAll(trx, name, fresh);
    s.inserted += fresh.length;
  }
}

/**
 * Makes the stored year equal to a case, and nothing else: the year's facts become the case's
 * (importing the same case again changes nothing), its settings the case's. An invalid case
 * writes nothing; a valid one is one transaction, kept as a document and audited row by row.
 */
export async function importCase(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  input: unknown,
): Promise<ImportSummary> {
  requireCountyWide(scope, county);
  const c = await getCounty(ctx.db, county);
  const engine = ctx.engine(c.policy);
  const v = engine.validate(input);
  if (!v.ok) throw invalid(v.problems);
  const kase = v.value;
  const problems: Problem[] = [];
  if (kase.fp_year !== year)
    problems.push({
      path: 'fp_year',
      code: 'year',
      zh: `应为 ${year}（与地址一致）`,
      en: `must be ${year}, as in the address`,
    });
  const countyUnit = kase.units.find((u) => u.kind === 'county')!;
  const storedCounty = await ctx.db
    .selectFrom('units')
    .select('id')
    .where('county_id', '=', county)
    .where('kind', '=', 'county')
    .executeTakeFirst();
  if (storedCounty && storedCounty.id !== countyUnit.id)
    problems.push({
      path: 'units',
      code: 'county_unit',
      zh: `本县的编号为“${storedCounty.id}”，不是“${countyUnit.id}”`,
      en: `this county's unit id is "${storedCounty.id}", not "${countyUnit.id}"`,
    });
  if (problems.length) throw invalid(problems);

  const text = canonicalJson(kase);
  const hash = sha256(text);
  const at = ctx.now().toISOString();
  const importId = randomUUID();
  const s = noChanges();

  await ctx.db.transaction().execute(async (trx) => {
    const audit = await AuditWriter.open(trx);
    const record: Recorder = (action, name, id, before, after) =>
      audit.add(
        scope.actor,
        { action, object_type: name, object_id: id, county_id: county, before, after },
        at,
      );
    await trx
      .insertInto('case_imports')
      .values({
        id: importId,
        county_id: county,
        fp_year: year,
        case_sha256: hash,
        case_json: text,
        created_by: scope.actor.name,
        created_at: at,
      })
      .execute();
    await importRegistry(trx, county, kase, at, s, record);

    const had = await trx
      .selectFrom('county_years')
      .selectAll()
      .where('county_id', '=', county)
      .where('fp_year', '=', year)
      .executeTakeFirst();
    const heldBefore: Held = had ? JSON.parse(had.held) : {};
    const held: Held = {};
    const where = { county, year, at, actor: scope.actor.name, importId, held: heldBefore };
    for (const name of YEAR_COLLECTIONS) {
      const list = ((kase as unknown as Record<string, Api[]>)[name] ?? []) as Api[];
      const r = await importCollection(trx, where, name, list, record);
      for (const k of Object.keys(s) as (keyof Changes)[]) s[k] += r.changes[k];
      if (r.held.length) held[name] = r.held;
    }

    const settings = {
      decided_on: kase.decided_on ?? null,
      interpretations: canonicalJson(kase.interpretations ?? {}),
      held: canonicalJson(held),
    };
    const before = had && {
      decided_on: had.decided_on,
      interpretations: canonicalJson(JSON.parse(had.interpretations)),
      held: canonicalJson(heldBefore),
    };
    if (!had)
      await trx
        .insertInto('county_years')
        .values({ county_id: county, fp_year: year, created_at: at, updated_at: at, ...settings })
        .execute();
    else if (canonicalJson(before) !== canonicalJson(settings)) {
      await trx
        .updateTable('county_years')
        .set({ ...settings, updated_at: at })
        .where('county_id', '=', county)
        .where('fp_year', '=', year)
        .execute();
      if (before!.decided_on !== settings.decided_on || before!.interpretations !== settings.interpretations)
        s.updated++;
    }
    record('case.import', 'case_imports', importId, before ? parsed(before) : null, {
      fp_year: year,
      case_sha256: hash,
      ...parsed(settings),
      ...s,
    });
    await audit.flush();
  });
  return { import_id: importId, case_sha256: hash, ...s, changes: sum(s) };
}

const parsed = (x: { decided_on: string | null; interpretations: string; held: string }) => ({
  decided_on: x.decided_on,
  interpretations: JSON.parse(x.interpretations),
  held: JSON.parse(x.held),
});
const sum = (s: Changes) => Object.values(s).reduce((t, n) => t + n, 0);

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
