// Importing a case into its county-year: the stored year becomes the case, and nothing else —
// importing the same case again changes nothing. An invalid case writes nothing; a valid one is
// one transaction that keeps the document and records in the audit trail every row it changed or
// withdrew, with its values before. `importCase` reads as its steps; how each of the year's
// collections is paired with the stored rows is case-import.ts.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../domain/canonical.ts';
import { YEAR_COLLECTIONS, type ZerenCase } from '../domain/case.ts';
import type { Problem } from '../domain/problems.ts';
import { AuditWriter, type Recorder, recorderOf } from './audit.ts';
import { insertAll } from './bulk.ts';
import { type Changes, importCollection, noChanges } from './case-import.ts';
import { buildCase, caseOfParts, getCounty, KIND_ORDER, requireCountyWide, type YearFacts } from './cases.ts';
import type { Ctx } from './ctx.ts';
import { invalid } from './errors.ts';
import { FACTS, type FactFields } from './fact-kinds.ts';
import { seal } from './kept-text.ts';
import type { Db, Row, Tx } from './schema.ts';
import type { Scope } from './scope.ts';
import { townWordsOfYear } from './town-packs.ts';
import { checkingYearCases, markOf, type YearCase } from './year-cases.ts';
import type { Held } from './year-view.ts';

const any = (db: Db | Tx) => db as unknown as Kysely<any>;

export interface ImportSummary extends Changes {
  import_id: string;
  case_sha256: string;
  /** Every change above added up: 0 when the stored year already was the case. */
  changes: number;
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
  const { kase, policy } = await checkedCase(ctx, county, year, input);
  const sealed = seal(kase);
  const doc = { id: randomUUID(), text: sealed.body, hash: sealed.sha256 };
  const at = ctx.now().toISOString();
  const s = noChanges();
  const made = await ctx.db.transaction().execute(async (trx) => {
    const audit = await AuditWriter.open(trx);
    const record = recorderOf(audit, scope.actor, county, at);
    await keepDocument(trx, scope, county, year, doc, at);
    const registry = await importRegistry(trx, county, kase, at, s, record);
    const had = await yearRow(trx, county, year);
    const heldBefore: Held = had ? JSON.parse(had.held) : {};
    const where = { county, year, at, actor: scope.actor.name, importId: doc.id, held: heldBefore };
    const { held, facts } = await importYearFacts(trx, where, kase, s, record);
    const settings = await setYearSettings(trx, county, year, kase, held, had, at, s);
    record('case.import', 'case_imports', doc.id, settings.before ? parsed(settings.before) : null, {
      fp_year: year,
      case_sha256: doc.hash,
      ...parsed(settings.after),
      ...s,
    });
    await audit.flush();
    // The year's case as a read back would give it, from what was written (cases.ts, caseOfParts),
    // kept at the mark this import leaves the store at (year-cases.ts).
    const made: YearCase = {
      mark: await markOf(trx),
      kase: caseOfParts({
        policy,
        year,
        decidedOn: settings.after.decided_on,
        interpretations: JSON.parse(settings.after.interpretations),
        units: registry.units,
        collections: facts,
        people: registry.people,
      }),
    };
    if (checkingYearCases()) await sameAsStored(trx, county, year, made.kase);
    return made;
  });
  ctx.years.put(county, year, made);
  return { import_id: doc.id, case_sha256: doc.hash, ...s, changes: sum(s) };
}

/** The case, valid under the county's pack, for the year in the address and the county's own unit. */
async function checkedCase(
  ctx: Ctx,
  county: string,
  year: number,
  input: unknown,
): Promise<{ kase: ZerenCase; policy: string }> {
  const c = await getCounty(ctx.db, county);
  // A town pack's words (七) for that town's units: e.g. its monthly checks of its villages.
  const v = ctx.engine(c.policy).validate(input, undefined, await townWordsOfYear(ctx, ctx.db, county, year));
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
  return { kase, policy: c.policy };
}

/** The case as imported, kept whole (case_imports), compressed (kept-text.ts). */
async function keepDocument(
  trx: Tx,
  scope: Scope,
  county: string,
  year: number,
  doc: { id: string; text: string; hash: string },
  at: string,
): Promise<void> {
  await trx
    .insertInto('case_imports')
    .values({
      id: doc.id,
      county_id: county,
      fp_year: year,
      case_sha256: doc.hash,
      case_json: doc.text,
      created_by: scope.actor.name,
      created_at: at,
    })
    .execute();
}

/** Units and people: added or updated (a field left out is cleared), never withdrawn (other years name them). */
async function importRegistry(
  trx: Tx,
  county: string,
  kase: ZerenCase,
  at: string,
  s: Changes,
  record: Recorder,
): Promise<{ units: FactFields[]; people: FactFields[] }> {
  const after = { units: [] as FactFields[], people: [] as FactFields[] };
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
      : (kase.people ?? [])) as unknown as FactFields[];
    // The county's units or people after the import, as the store reads them back: the case's, and the others.
    const now = new Map(existing);
    for (const a of incoming) {
      const before = existing.get(a.id);
      const row: Record<string, unknown> = kind.toRow(a);
      now.set(a.id, kind.toApi(row as never));
      if (!before) {
        row.county_id = county;
        row.created_at = at;
        row.updated_at = at;
        fresh.push(row);
      } else if (canonicalJson(kind.toCase(before)) !== canonicalJson(kind.toCase(a))) {
        row.updated_at = at;
        await any(trx)
          .updateTable(name)
          .set(row)
          .where('county_id', '=', county)
          .where('id', '=', a.id)
          .execute();
        record(`${name}.update`, name, String(a.id), before, a);
        s.updated++;
      }
    }
    await insertAll(trx, name, fresh);
    s.inserted += fresh.length;
    after[name] = [...now.values()];
  }
  return after;
}

/** Under test, that the case an import keeps is the year read back (year-cases.ts). */
async function sameAsStored(trx: Tx, county: string, year: number, kase: ZerenCase): Promise<void> {
  if (canonicalJson(kase) !== canonicalJson(await buildCase(trx, county, year)))
    throw new Error(`the case kept for ${county} ${year} is not the year read back`);
}

/** The year's settings row, if the year was imported before. */
function yearRow(trx: Tx, county: string, year: number): Promise<Row<'county_years'> | undefined> {
  return trx
    .selectFrom('county_years')
    .selectAll()
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .executeTakeFirst();
}

/** Each of the year's collections made the case's (case-import.ts); what the year now holds outside its dates. */
async function importYearFacts(
  trx: Tx,
  where: Parameters<typeof importCollection>[1],
  kase: ZerenCase,
  s: Changes,
  record: Recorder,
): Promise<{ held: Held; facts: YearFacts }> {
  const held: Held = {};
  const facts = {} as YearFacts;
  for (const name of YEAR_COLLECTIONS) {
    const list = ((kase as unknown as Record<string, FactFields[]>)[name] ?? []) as FactFields[];
    const r = await importCollection(trx, where, name, list, record);
    for (const k of Object.keys(s) as (keyof Changes)[]) s[k] += r.changes[k];
    if (r.held.length) held[name] = r.held;
    facts[name] = r.facts;
  }
  return { held, facts };
}

interface Settings {
  decided_on: string | null;
  interpretations: string;
  held: string;
}

/** The year's settings made the case's: its decision day, its readings, what it holds. */
async function setYearSettings(
  trx: Tx,
  county: string,
  year: number,
  kase: ZerenCase,
  held: Held,
  had: Row<'county_years'> | undefined,
  at: string,
  s: Changes,
): Promise<{ before: Settings | undefined; after: Settings }> {
  const after: Settings = {
    decided_on: kase.decided_on ?? null,
    interpretations: canonicalJson(kase.interpretations ?? {}),
    held: canonicalJson(held),
  };
  const before = had && {
    decided_on: had.decided_on,
    interpretations: canonicalJson(JSON.parse(had.interpretations)),
    held: canonicalJson(JSON.parse(had.held)),
  };
  if (!had)
    await trx
      .insertInto('county_years')
      .values({ county_id: county, fp_year: year, created_at: at, updated_at: at, ...after })
      .execute();
  else if (canonicalJson(before) !== canonicalJson(after)) {
    await trx
      .updateTable('county_years')
      .set({ ...after, updated_at: at })
      .where('county_id', '=', county)
      .where('fp_year', '=', year)
      .execute();
    if (before!.decided_on !== after.decided_on || before!.interpretations !== after.interpretations)
      s.updated++;
  }
  return { before: before || undefined, after };
}

const parsed = (x: Settings) => ({
  decided_on: x.decided_on,
  interpretations: JSON.parse(x.interpretations),
  held: JSON.parse(x.held),
});
const sum = (s: Changes) => Object.values(s).reduce((t, n) => t + n, 0);
