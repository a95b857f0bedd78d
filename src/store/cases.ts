// A county's FP year as one zeren-case/1 document: the export is exactly what the engine
// evaluates; an import makes the stored year match a case. An import that does not validate
// writes nothing; one that does runs in one transaction, keeps the document, and records in the
// audit trail every row it changed or withdrew, with its values before.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson, sha256 } from '../domain/canonical.ts';
import { CASE_COLLECTIONS, CASE_HEADER, YEAR_COLLECTIONS, type ZerenCase } from '../domain/case.ts';
import { addDays, fpYear } from '../domain/dates.ts';
import type { Problem } from '../domain/problems.ts';
import { loadEngine } from '../policy/load.ts';
import { AuditWriter } from './audit.ts';
import { insertAll } from './bulk.ts';
import { conflict, invalid, notFound, StoreError } from './errors.ts';
import { type Api, FACTS, type FactName } from './fact-kinds.ts';
import type { Ctx } from './facts.ts';
import type { Db, Tx } from './schema.ts';
import type { Scope } from './scope.ts';

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

/** The rows of one kind that belong to the FP year (live rows only). */
async function yearRows(db: Db | Tx, county: string, name: FactName, year: number): Promise<any[]> {
  const y = fpYear(year);
  let qb = any(db)
    .selectFrom(name)
    .selectAll()
    .where('county_id', '=', county)
    .where('retracted_at', 'is', null);
  if (name === 'posts' || name === 'links')
    qb = qb.where((eb) =>
      eb.and([
        eb.or([eb('from_date', 'is', null), eb('from_date', '<=', y.end)]),
        eb.or([eb('to_date', 'is', null), eb('to_date', '>=', y.start)]),
      ]),
    );
  else if (name === 'categories') qb = qb.where('fp_year', 'in', [year - 1, year]);
  else if (name === 'assessments' || name === 'acceptances') qb = qb.where('fp_year', '=', year);
  else if (name === 'warning_notices')
    qb = qb.where('issued_on', '>=', y.start).where('issued_on', '<=', y.end);
  else if (name === 'incidents')
    qb = qb.where('occurred_on', '>=', y.start).where('occurred_on', '<=', y.end);
  // Assessments keep the order the office gave them (I5 strict breaks ties by it).
  return (name === 'assessments' ? qb.orderBy('position') : qb).orderBy('id').execute();
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

export async function buildCase(db: Db | Tx, county: string, year: number): Promise<ZerenCase> {
  const c = await getCounty(db as Db, county);
  const settings = await db
    .selectFrom('county_years')
    .selectAll()
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .executeTakeFirst();
  const units = (await db.selectFrom('units').selectAll().where('county_id', '=', county).execute())
    .sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || (a.id < b.id ? -1 : 1))
    .map((r) => FACTS.units.toCase(FACTS.units.toApi(r)));
  const out: Record<string, unknown> = { format: 'zeren-case/1', policy: c.policy, fp_year: year };
  if (settings?.decided_on) out.decided_on = settings.decided_on;
  const interpretations = settings ? JSON.parse(settings.interpretations) : {};
  if (Object.keys(interpretations).length) out.interpretations = interpretations;
  out.units = units;
  const referenced = new Set<string>();
  for (const name of YEAR_COLLECTIONS) {
    const items = (await yearRows(db, county, name, year)).map((r) => FACTS[name].toApi(r));
    for (const a of items) if (typeof a.person === 'string') referenced.add(a.person);
    out[name] = items.map(FACTS[name].toCase);
  }
  const people = referenced.size
    ? await db
        .selectFrom('people')
        .selectAll()
        .where('county_id', '=', county)
        .where('id', 'in', [...referenced])
        .orderBy('id')
        .execute()
    : [];
  out.people = people.map((r) => FACTS.people.toCase(FACTS.people.toApi(r)));
  const ordered: Record<string, unknown> = {};
  for (const k of [...CASE_HEADER, ...CASE_COLLECTIONS]) if (out[k] !== undefined) ordered[k] = out[k];
  return ordered as unknown as ZerenCase;
}

/** The key that says two rows are the same fact of the year, whatever else changed. */
const NATURAL_KEY: Record<Exclude<FactName, 'units' | 'people'>, (a: Api) => string> = {
  posts: (a) => `${a.person}|${a.unit}|${a.role}|${a.from ?? ''}`,
  links: (a) => `${a.kind}|${a.person ?? a.unit}|${a.village ?? a.town}|${a.from ?? ''}`,
  categories: (a) => `${a.unit}|${a.fp_year}`,
  assessments: (a) => `${a.by}|${a.subject}|${a.kind ?? 'annual'}`,
  acceptances: (a) => `${a.unit}|${a.kind}|${a.by}`,
  warning_notices: (a) => String(a.id),
  incidents: (a) => `${a.kind}|${a.person}|${a.occurred_on}`,
};

export interface ImportSummary {
  import_id: string;
  case_sha256: string;
  inserted: number;
  updated: number;
  closed: number;
  retracted: number;
}

export async function importCase(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  input: unknown,
): Promise<ImportSummary> {
  requireCountyWide(scope, county);
  const c = await getCounty(ctx.db, county);
  const engine = loadEngine(c.policy);
  const v = engine.validate(input);
  if (!v.ok) throw invalid(v.problems);
  const kase = v.value;
  const problems: Problem[] = [];
  if (kase.fp_year !== year)
    problems.push({
      path: 'fp_year',
      code: 'year',
      zh: `应为 ${year}(与地址一致)`,
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
      zh: `本县的编号为 "${storedCounty.id}",不是 "${countyUnit.id}"`,
      en: `this county's unit id is "${storedCounty.id}", not "${countyUnit.id}"`,
    });
  if (problems.length) throw invalid(problems);

  const text = canonicalJson(kase);
  const hash = sha256(text);
  const at = ctx.now().toISOString();
  const importId = randomUUID();
  const s: ImportSummary = {
    import_id: importId,
    case_sha256: hash,
    inserted: 0,
    updated: 0,
    closed: 0,
    retracted: 0,
  };

  await ctx.db.transaction().execute(async (trx) => {
    const audit = await AuditWriter.open(trx);
    const record = (action: string, name: string, id: string, before: unknown, after: unknown) =>
      audit.add(
        scope.actor,
        { action, object_type: name, object_id: id, county_id: county, before, after },
        at,
      );
    const insert = async (name: FactName, rows: Record<string, unknown>[]) => {
      await insertAll(trx, name, rows);
      s.inserted += rows.length;
    };

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

    // Units and people: added or updated, never withdrawn (other years may need them).
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
      await insert(name, fresh);
    }

    // The year's facts: matched by their natural key; what the case no longer holds is closed
    // (posts and links that began before the year end the day before it) or retracted.
    const y = fpYear(year);
    for (const name of YEAR_COLLECTIONS) {
      const kind = FACTS[name];
      const key = NATURAL_KEY[name];
      const existing = new Map<string, Api>();
      for (const r of await yearRows(trx, county, name, year))
        existing.set(key(kind.toApi(r)), kind.toApi(r));
      const list = ((kase as unknown as Record<string, Api[]>)[name] ?? []).map((a) =>
        name === 'categories' || name === 'assessments' || name === 'acceptances'
          ? { fp_year: year, ...a }
          : a,
      );
      const fresh: Record<string, unknown>[] = [];
      const seen = new Set<string>();
      const moved: { id: string; from: number; to: number }[] = [];
      for (const [i, a] of list.entries()) {
        const k = key(a);
        seen.add(k);
        const before = existing.get(k);
        const row = kind.toRow(name === 'assessments' ? { kind: 'annual', ...a } : a);
        if (name === 'assessments') {
          row.position = i;
          if (before && before.position !== i)
            moved.push({ id: String(before.id), from: Number(before.position), to: i });
        }
        if (!before)
          fresh.push({
            ...row,
            id: kind.natural ? a.id : randomUUID(),
            county_id: county,
            created_at: at,
            updated_at: at,
          });
        else if (canonicalJson(kind.toCase(before)) !== canonicalJson(kind.toCase({ ...before, ...a }))) {
          await any(trx)
            .updateTable(name)
            .set({ ...row, updated_at: at })
            .where('county_id', '=', county)
            .where('id', '=', before.id)
            .execute();
          record(`${name}.update`, name, String(before.id), before, { ...before, ...a });
          s.updated++;
        }
      }
      // The order of the year's assessments changed: one entry records it (I5 strict reads it).
      for (const m of moved)
        await trx
          .updateTable('assessments')
          .set({ position: m.to })
          .where('county_id', '=', county)
          .where('id', '=', m.id)
          .execute();
      if (moved.length)
        record(
          'assessments.reorder',
          'assessments',
          String(year),
          moved.map(({ id, from }) => ({ id, position: from })),
          moved.map(({ id, to }) => ({ id, position: to })),
        );
      if (kind.natural) {
        const clash = fresh.length
          ? await any(trx)
              .selectFrom(name)
              .select('id')
              .where('county_id', '=', county)
              .where(
                'id',
                'in',
                fresh.map((r) => r.id),
              )
              .execute()
          : [];
        if (clash.length)
          throw conflict(
            `编号已被其他年度使用:${clash.map((r) => r.id).join('、')}`,
            `ids already used in another year: ${clash.map((r) => r.id).join(', ')}`,
          );
      }
      await insert(name, fresh);
      for (const [k, before] of existing) {
        if (seen.has(k)) continue;
        const begunBefore =
          (name === 'posts' || name === 'links') && typeof before.from === 'string' && before.from < y.start;
        const set = begunBefore
          ? { to_date: addDays(y.start, -1), updated_at: at }
          : {
              retracted_at: at,
              retracted_by: scope.actor.name,
              retract_reason: `不在 ${year} 年度案例导入 ${importId} 中`,
              updated_at: at,
            };
        await any(trx)
          .updateTable(name)
          .set(set)
          .where('county_id', '=', county)
          .where('id', '=', before.id)
          .execute();
        record(`${name}.${begunBefore ? 'close' : 'retract'}`, name, String(before.id), before, {
          ...before,
          ...(begunBefore ? { to: set.to_date } : { retracted_at: at }),
        });
        if (begunBefore) s.closed++;
        else s.retracted++;
      }
    }

    const settings = {
      decided_on: kase.decided_on ?? null,
      interpretations: JSON.stringify(kase.interpretations ?? {}),
      updated_at: at,
    };
    const had = await trx
      .selectFrom('county_years')
      .selectAll()
      .where('county_id', '=', county)
      .where('fp_year', '=', year)
      .executeTakeFirst();
    if (had)
      await trx
        .updateTable('county_years')
        .set(settings)
        .where('county_id', '=', county)
        .where('fp_year', '=', year)
        .execute();
    else
      await trx
        .insertInto('county_years')
        .values({ county_id: county, fp_year: year, created_at: at, ...settings })
        .execute();

    record(
      'case.import',
      'case_imports',
      importId,
      had ? { decided_on: had.decided_on, interpretations: JSON.parse(had.interpretations) } : null,
      {
        fp_year: year,
        case_sha256: hash,
        inserted: s.inserted,
        updated: s.updated,
        closed: s.closed,
        retracted: s.retracted,
      },
    );
    await audit.flush();
  });
  return s;
}

/** Creates a county (the office's first step; `npm start` does it for the demo). */
export async function createCounty(
  ctx: Ctx,
  actor: { name: string; role: string },
  input: { id: string; name: string; policy?: string },
) {
  const at = ctx.now().toISOString();
  const policy = input.policy ?? 'county-fp-2009';
  loadEngine(policy);
  return ctx.db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('counties')
      .select('id')
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (exists) throw conflict(`县编号 "${input.id}" 已存在`, `county "${input.id}" already exists`);
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
