// The facts of a county, through one repository for every kind (fact-kinds.ts): list (paged,
// filtered), read, create, update and close. Reads are filtered by the caller's scope; every
// write runs in a transaction with its audit entry, and a fact is checked by the engine's own
// case validator before it is written, so the store never holds what the engine would refuse.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isIsoDate } from '../domain/dates.ts';
import { type Problem, problem } from '../domain/problems.ts';
import { appendAudit } from './audit.ts';
import type { Ctx } from './ctx.ts';
import { conflict, invalid, notFound } from './errors.ts';
import {
  FACTS,
  type FactFields,
  type FactKind,
  type FactName,
  type StoredFact,
  scoped,
} from './fact-kinds.ts';
import { notifyNoticeIssued } from './notify.ts';
import type { Db, Tx } from './schema.ts';
import type { Scope } from './scope.ts';
import { townWordsOfYear } from './town-packs.ts';

export interface Page {
  limit: number;
  offset: number;
}

export interface Listed<K extends FactName = FactName> {
  items: StoredFact<K>[];
  total: number;
  limit: number;
  offset: number;
}

const any = (db: Db) => db as unknown as Kysely<any>;

function requireCounty(scope: Scope, county: string): void {
  // Another county's rows are as absent as rows that do not exist.
  if (scope.county !== county) throw notFound('县', county);
}

export async function listFacts<K extends FactName>(
  ctx: Ctx,
  scope: Scope,
  county: string,
  name: K,
  filters: Record<string, string>,
  page: Page,
  includeRetracted = false,
): Promise<Listed<K>> {
  requireCounty(scope, county);
  const kind: FactKind<K> = FACTS[name];
  let qb = scoped(
    any(ctx.db)
      .selectFrom(name as FactName)
      .where('county_id', '=', county),
    kind,
    scope,
  );
  if (!includeRetracted && name !== 'units') qb = qb.where('retracted_at', 'is', null);
  for (const [k, v] of Object.entries(filters)) {
    const f = Object.hasOwn(kind.filters, k) ? kind.filters[k] : undefined;
    if (f && typeof v === 'string' && v !== '') qb = f(qb, v);
  }
  const total = Number((await qb.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await qb.selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { items: rows.map((r) => kind.toApi(r)), total, ...page };
}

export async function getFact<K extends FactName>(
  ctx: Ctx,
  scope: Scope,
  county: string,
  name: K,
  id: string,
): Promise<StoredFact<K>> {
  requireCounty(scope, county);
  const kind: FactKind<K> = FACTS[name];
  const row = await scoped(
    any(ctx.db)
      .selectFrom(name as FactName)
      .selectAll()
      .where('county_id', '=', county)
      .where('id', '=', id),
    kind,
    scope,
  ).executeTakeFirst();
  if (!row) throw notFound(kind.zh, id);
  return kind.toApi(row);
}

/** Checks one fact as the engine would, inside a minimal case of the county's units. */
async function checkFact(
  ctx: Ctx,
  county: string,
  kind: FactKind,
  a: FactFields,
  previousId?: string,
): Promise<void> {
  const { db } = ctx;
  const problems: Problem[] = [];
  const c = await db.selectFrom('counties').select('policy').where('id', '=', county).executeTakeFirst();
  if (!c) throw notFound('县', county);
  const engine = ctx.engine(c.policy);
  const unitRows = await db.selectFrom('units').selectAll().where('county_id', '=', county).execute();
  const units = unitRows.map((r) => FACTS.units.toCase(FACTS.units.toApi(r)));
  const refs = ['person'].map((k) => a[k]).filter((v): v is string => typeof v === 'string');
  const people = refs.length
    ? (
        await db
          .selectFrom('people')
          .selectAll()
          .where('county_id', '=', county)
          .where('id', 'in', refs)
          .execute()
      ).map((r) => FACTS.people.toCase(FACTS.people.toApi(r)))
    : [];
  const fpYear = kind.fpYear ? kind.fpYear(a) : engine.pack.firstFpYear;
  const mini: Record<string, unknown> = {
    format: 'zeren-case/1',
    policy: engine.pack.id,
    fp_year: fpYear,
    units,
    people,
  };
  let prefix = `${kind.name}[0]`;
  if (kind.name === 'units') {
    const i = units.findIndex((u) => u.id === (previousId ?? a.id));
    if (i >= 0) units[i] = kind.toCase(a);
    else units.push(kind.toCase(a));
    prefix = `units[${i >= 0 ? i : units.length - 1}]`;
  } else if (kind.name === 'people') {
    mini.people = [kind.toCase(a)];
  } else mini[kind.name] = [kind.toCase(a)];
  if (kind.fpYear && !(Number.isInteger(fpYear) && fpYear >= 1900 && fpYear <= 2200))
    problems.push({
      path: 'fp_year',
      code: 'integer',
      zh: '应为计生年度（整数）',
      en: 'must be an FP year (a whole number)',
    });
  const towns = Number.isInteger(fpYear) ? await townWordsOfYear(ctx, db, county, fpYear) : [];
  const v = engine.validate(mini, undefined, towns);
  if (!v.ok)
    for (const p of v.problems) {
      if (p.path === prefix || p.path.startsWith(`${prefix}.`))
        problems.push({ ...p, path: p.path.slice(prefix.length + 1) });
      else if (p.path === 'units' || p.path === 'fp_year') problems.push(p);
    }
  if (kind.name === 'warning_notices') problems.push(...checkDeadline(a));
  if (problems.length) throw invalid(problems);
}

/** 四(三)2(1) 限期改正: a notice issued through the office has its deadline, on or after the issue date. */
function checkDeadline(a: FactFields): Problem[] {
  if (a.deadline === undefined)
    return [
      problem('deadline', 'required', '警示通知书须写明整改期限', 'a warning notice needs its deadline'),
    ];
  if (!isIsoDate(a.deadline))
    return [problem('deadline', 'date', '不是有效日期（应为 YYYY-MM-DD）', 'is not a date (YYYY-MM-DD)')];
  if (isIsoDate(a.issued_on) && a.deadline < a.issued_on)
    return [
      problem(
        'deadline',
        'range',
        `整改期限不能早于下发日期（${a.issued_on}）`,
        `must not be before the notice was issued (${a.issued_on})`,
      ),
    ];
  return [];
}

/**
 * One live assessment per (year, assessor, subject, kind); one category per unit and year; one
 * notice per case id and FP year of issue (withdrawn ones included: an import may restore them).
 */
async function checkUnique(
  db: Db,
  county: string,
  kind: FactKind,
  a: FactFields,
  id?: string,
): Promise<void> {
  let qb: any;
  if (kind.name === 'warning_notices') {
    const row = kind.toRow(a);
    const clash = await db
      .selectFrom('warning_notices')
      .select('id')
      .where('county_id', '=', county)
      .where('case_id', '=', row.case_id as string)
      .where('fp_year', '=', row.fp_year as number)
      .executeTakeFirst();
    if (clash && clash.id !== id)
      throw conflict(
        `${row.fp_year} 计生年度已有编号为“${row.case_id}”的警示通知书（${clash.id}）`,
        `FP year ${row.fp_year} already has a warning notice numbered "${row.case_id}" (${clash.id})`,
      );
    return;
  }
  if (kind.name === 'assessments')
    qb = db
      .selectFrom('assessments')
      .select('id')
      .where('fp_year', '=', a.fp_year as number)
      .where('by', '=', a.by as string)
      .where('subject_id', '=', a.subject as string)
      .where('kind', '=', (a.kind as string) ?? 'annual');
  else if (kind.name === 'categories')
    qb = db
      .selectFrom('categories')
      .select('id')
      .where('unit_id', '=', a.unit as string)
      .where('fp_year', '=', a.fp_year as number);
  else return;
  const clash = await qb.where('county_id', '=', county).where('retracted_at', 'is', null).executeTakeFirst();
  if (clash && clash.id !== id)
    throw conflict(
      `已有同一${kind.zh}（${clash.id}），请修改或撤回它`,
      `there is already such a ${kind.name.slice(0, -1)} (${clash.id}); update or retract it`,
    );
}

function stamp(ctx: Ctx) {
  return ctx.now().toISOString();
}

const unitOf = (a: FactFields) =>
  (a.unit ??
    a.subject ??
    a.village ??
    a.town ??
    (a.kind === 'town' || a.kind === 'village' || a.kind === 'county_unit' ? a.id : null)) as string | null;

export async function createFact<K extends FactName>(
  ctx: Ctx,
  scope: Scope,
  county: string,
  name: K,
  input: FactFields,
): Promise<StoredFact<K>> {
  requireCounty(scope, county);
  const kind: FactKind<K> = FACTS[name];
  const a: FactFields = { ...input };
  if (!kind.natural) delete a.id;
  if (name === 'assessments' && a.kind === undefined) a.kind = 'annual';
  await checkFact(ctx, county, kind, a);
  return ctx.db.transaction().execute(async (trx) => {
    await checkUnique(trx, county, kind, a);
    const id = kind.natural ? String(a.id) : randomUUID();
    if (kind.natural) {
      const exists = await any(trx)
        .selectFrom(name as FactName)
        .select('id')
        .where('county_id', '=', county)
        .where('id', '=', id)
        .executeTakeFirst();
      if (exists) throw conflict(`${kind.zh}编号“${id}”已被使用`, `${name} id "${id}" is already used`);
    }
    const at = stamp(ctx);
    // A new assessment comes last in the year's order.
    const position =
      name === 'assessments'
        ? Number(
            (
              await trx
                .selectFrom('assessments')
                .select((eb) => eb.fn.max('position').as('m'))
                .where('county_id', '=', county)
                .where('fp_year', '=', a.fp_year as number)
                .executeTakeFirst()
            )?.m ?? -1,
          ) + 1
        : undefined;
    await any(trx)
      .insertInto(name as FactName)
      .values({
        ...kind.toRow(a),
        ...(position !== undefined && { position }),
        id,
        county_id: county,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const row = await any(trx)
      .selectFrom(name as FactName)
      .selectAll()
      .where('county_id', '=', county)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const created = kind.toApi(row);
    await appendAudit(
      trx,
      scope.actor,
      {
        action: `${name}.create`,
        object_type: name,
        object_id: id,
        county_id: county,
        unit_id: unitOf(created),
        after: created,
      },
      at,
    );
    if (name === 'warning_notices') {
      const n = created as StoredFact & { unit: string; matter: string; deadline?: string };
      await notifyNoticeIssued(trx, {
        county,
        notice: n.id,
        unit: n.unit,
        matter: n.matter,
        deadline: n.deadline,
        actor: scope.actor.name,
        at,
      });
    }
    return created;
  });
}

export async function updateFact<K extends FactName>(
  ctx: Ctx,
  scope: Scope,
  county: string,
  name: K,
  id: string,
  patch: FactFields,
): Promise<StoredFact<K>> {
  const kind: FactKind<K> = FACTS[name];
  const before: FactFields = await getFact(ctx, scope, county, name, id);
  if (before.retracted_at)
    throw conflict(`${kind.zh}“${id}”已撤回，不能修改`, `${name} "${id}" was retracted and cannot change`);
  const { id: _ignored, created_at, updated_at, retracted_at, retract_reason, ...fields } = patch;
  const merged: FactFields = { ...before, ...fields };
  for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
  await checkFact(ctx, county, kind, merged, id);
  return ctx.db.transaction().execute(async (trx) => {
    await checkUnique(trx, county, kind, merged, id);
    return writeAudited(trx, scope, county, name, id, kind.toRow(merged), before, 'update', stamp(ctx));
  });
}

/** Sets columns of one fact, reads it back, and records the change with its values before and after. */
async function writeAudited<K extends FactName>(
  trx: Db,
  scope: Scope,
  county: string,
  name: K,
  id: string,
  set: Record<string, unknown>,
  before: FactFields,
  verb: 'update' | 'close',
  at: string,
): Promise<StoredFact<K>> {
  const kind: FactKind<K> = FACTS[name];
  const row = any(trx)
    .selectFrom(name as FactName)
    .selectAll()
    .where('county_id', '=', county)
    .where('id', '=', id);
  await any(trx)
    .updateTable(name as FactName)
    .set({ ...set, updated_at: at })
    .where('county_id', '=', county)
    .where('id', '=', id)
    .execute();
  const after = kind.toApi(await row.executeTakeFirstOrThrow());
  const event = {
    action: `${name}.${verb}`,
    object_type: name,
    object_id: id,
    county_id: county,
    unit_id: unitOf(after),
    before,
    after,
  };
  await appendAudit(trx as Tx, scope.actor, event, at);
  return after;
}

/**
 * Ends a post or link (`on`), closes a unit (`on`), or retracts any other fact (`reason`). A post
 * or link entered in error is retracted too: `reason` without `on`; it stays, marked, as history.
 */
export async function closeFact<K extends FactName>(
  ctx: Ctx,
  scope: Scope,
  county: string,
  name: K,
  id: string,
  body: { on?: string; reason?: string },
): Promise<StoredFact<K>> {
  const kind: FactKind<K> = FACTS[name];
  const before: FactFields = await getFact(ctx, scope, county, name, id);
  const problems: Problem[] = [];
  let set: Record<string, unknown>;
  const at = stamp(ctx);
  const retract =
    kind.close === 'retract' ||
    (kind.close === 'to_date' && body.on === undefined && body.reason !== undefined);
  if (retract) {
    if (!body.reason?.trim())
      problems.push({
        path: 'reason',
        code: 'required',
        zh: '撤回须说明原因',
        en: 'a retraction needs a reason',
      });
    if (before.retracted_at)
      throw conflict(`${kind.zh}“${id}”已撤回`, `${name} "${id}" is already retracted`);
    set = { retracted_at: at, retracted_by: scope.actor.name, retract_reason: body.reason ?? null };
  } else {
    if (before.retracted_at)
      throw conflict(
        `${kind.zh}“${id}”已撤回，不能结束`,
        `${name} "${id}" was retracted and cannot be closed`,
      );
    if (!isIsoDate(body.on))
      problems.push({
        path: 'on',
        code: 'date',
        zh: '应为结束日期 YYYY-MM-DD',
        en: 'must be the closing date, YYYY-MM-DD',
      });
    else if (typeof before.from === 'string' && body.on < before.from)
      problems.push({
        path: 'on',
        code: 'range',
        zh: `早于开始日期 ${before.from}`,
        en: `is before it started (${before.from})`,
      });
    set = { [kind.close]: body.on ?? null };
  }
  if (problems.length) throw invalid(problems);
  if (name === 'people') {
    const live = await ctx.db
      .selectFrom('posts')
      .select('id')
      .where('county_id', '=', county)
      .where('person_id', '=', id)
      .where('retracted_at', 'is', null)
      .where('to_date', 'is', null)
      .executeTakeFirst();
    if (live)
      throw conflict(`${id} 仍有在任职务，请先结束其职务`, `${id} still holds a post; close it first`);
  }
  return ctx.db
    .transaction()
    .execute((trx) => writeAudited(trx, scope, county, name, id, set, before, 'close', at));
}
