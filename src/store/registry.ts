// 责任体系 as people read it: the county's units as of a day (with their category of that FP
// year), one unit with its posts, links and categories over time, and the people with their posts
// and links — names and Chinese labels joined in, closed and retracted rows kept and marked. Every
// query goes through the caller's scope (fact-kinds.ts `scoped`), so a town sees only its part.

import type { Kysely } from 'kysely';
import { fpYearOf, isIsoDate } from '../domain/dates.ts';
import { roleZh, unitKindZh, type Vocabulary, wordZh } from '../domain/vocabulary.ts';
import { zhPunct } from '../domain/zh-punct.ts';
import { countyWords } from './cases.ts';
import type { Ctx } from './ctx.ts';
import { invalid, notFound } from './errors.ts';
import { FACTS, type FactName, scoped } from './fact-kinds.ts';
import type { Db } from './schema.ts';
import type { Scope } from './scope.ts';

const any = (db: Db) => db as unknown as Kysely<any>;

/** Where a dated row stands on the day asked about. */
export type Standing = 'current' | 'ended' | 'future' | 'retracted';
export const STANDING_ZH: Record<Standing, string> = {
  current: '在任',
  ended: '已结束',
  future: '尚未开始',
  retracted: '已撤回',
};

export function standing(
  r: { from_date: string | null; to_date: string | null; retracted_at: string | null },
  asOf: string,
): Standing {
  if (r.retracted_at) return 'retracted';
  if (r.to_date !== null && r.to_date < asOf) return 'ended';
  if (r.from_date !== null && r.from_date > asOf) return 'future';
  return 'current';
}

const CATEGORY_ZH = ['', '一类', '二类', '三类', '四类', '五类', '六类', '七类', '八类', '九类'];
export const categoryZh = (c: number) => CATEGORY_ZH[c] ?? `${c}类`;
const kindZh = (words: Vocabulary, k: string) => zhPunct(unitKindZh(words, k));

function requireDay(asOf: string): void {
  if (!isIsoDate(asOf))
    throw invalid([
      { path: 'as_of', code: 'date', zh: '应为日期 YYYY-MM-DD', en: 'must be a date, YYYY-MM-DD' },
    ]);
}

function requireCounty(scope: Scope, county: string): void {
  if (scope.county !== county) throw notFound('县', county);
}

const rows = (ctx: Ctx, scope: Scope, county: string, name: FactName) =>
  scoped(any(ctx.db).selectFrom(name).selectAll().where('county_id', '=', county), FACTS[name], scope);

/** Names of units and people by id (a name is shown beside a row the caller may see). */
/** Rows fetched by id, the ids without nulls or repeats, 500 to a query. */
async function byIds<T>(
  ids: Iterable<string | null>,
  fetch: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const list = [...new Set([...ids].filter((x): x is string => typeof x === 'string'))];
  const out: T[] = [];
  for (let i = 0; i < list.length; i += 500) out.push(...(await fetch(list.slice(i, i + 500))));
  return out;
}

async function namesOf(ctx: Ctx, county: string, table: 'units' | 'people', ids: Iterable<string | null>) {
  const found = await byIds(ids, (chunk) =>
    ctx.db
      .selectFrom(table)
      .select(['id', 'name'])
      .where('county_id', '=', county)
      .where('id', 'in', chunk)
      .execute(),
  );
  return new Map(found.map((r) => [r.id, r.name]));
}

export interface TreeUnit {
  id: string;
  kind: string;
  kind_zh: string;
  name: string;
  town: string | null;
  governance_duty: boolean;
  closed_on: string | null;
  category: number | null;
  category_zh: string | null;
}

/** The units open on `asOf` that the caller may see, with their category of that FP year. */
export async function registryTree(ctx: Ctx, scope: Scope, county: string, asOf: string) {
  const words = await countyWords(ctx, county);
  requireCounty(scope, county);
  requireDay(asOf);
  const fp = fpYearOf(asOf);
  const units = await rows(ctx, scope, county, 'units')
    .where((eb: any) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', asOf)]))
    .orderBy('id')
    .execute();
  const cats = await rows(ctx, scope, county, 'categories')
    .where('fp_year', '=', fp)
    .where('retracted_at', 'is', null)
    .execute();
  const catOf = new Map<string, number>(cats.map((c: any) => [c.unit_id, Number(c.category)]));
  const out: TreeUnit[] = units.map((u: any) => {
    const c = catOf.get(u.id) ?? null;
    return {
      id: u.id,
      kind: u.kind,
      kind_zh: kindZh(words, u.kind),
      name: u.name,
      town: u.town_id,
      governance_duty: u.governance_duty === 1,
      closed_on: u.closed_on,
      category: c,
      category_zh: c === null ? null : categoryZh(c),
    };
  });
  return { as_of: asOf, fp_year: fp, units: out };
}

export interface PostView {
  id: string;
  person: string;
  person_name: string;
  unit: string;
  unit_name: string;
  role: string;
  role_zh: string;
  from: string | null;
  to: string | null;
  standing: Standing;
  standing_zh: string;
  retracted_at: string | null;
  retract_reason: string | null;
}

export interface LinkView {
  id: string;
  kind: string;
  kind_zh: string;
  person: string | null;
  person_name: string | null;
  unit: string | null;
  unit_name: string | null;
  village: string | null;
  village_name: string | null;
  town: string | null;
  town_name: string | null;
  from: string | null;
  to: string | null;
  standing: Standing;
  standing_zh: string;
  retracted_at: string | null;
  retract_reason: string | null;
}

async function postViews(ctx: Ctx, county: string, raw: any[], asOf: string): Promise<PostView[]> {
  const words = await countyWords(ctx, county);
  const people = await namesOf(
    ctx,
    county,
    'people',
    raw.map((r) => r.person_id),
  );
  const unitRows = await namesOfUnits(
    ctx,
    county,
    raw.map((r) => r.unit_id),
  );
  return raw.map((r) => {
    const s = standing(r, asOf);
    const kind = unitRows.get(r.unit_id)?.kind;
    return {
      id: r.id,
      person: r.person_id,
      person_name: people.get(r.person_id) ?? r.person_id,
      unit: r.unit_id,
      unit_name: unitRows.get(r.unit_id)?.name ?? r.unit_id,
      role: r.role,
      role_zh: zhPunct(kind ? roleZh(words, kind, r.role) : r.role),
      from: r.from_date,
      to: r.to_date,
      standing: s,
      standing_zh: STANDING_ZH[s],
      retracted_at: r.retracted_at,
      retract_reason: r.retract_reason,
    };
  });
}

async function namesOfUnits(ctx: Ctx, county: string, ids: Iterable<string | null>) {
  const found = await byIds(ids, (chunk) =>
    ctx.db
      .selectFrom('units')
      .select(['id', 'name', 'kind'])
      .where('county_id', '=', county)
      .where('id', 'in', chunk)
      .execute(),
  );
  return new Map(found.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}

async function linkViews(ctx: Ctx, county: string, raw: any[], asOf: string): Promise<LinkView[]> {
  const words = await countyWords(ctx, county);
  const people = await namesOf(
    ctx,
    county,
    'people',
    raw.map((r) => r.person_id),
  );
  const units = await namesOf(
    ctx,
    county,
    'units',
    raw.flatMap((r) => [r.unit_id, r.village_id, r.town_id]),
  );
  const name = (m: Map<string, string>, id: string | null) => (id === null ? null : (m.get(id) ?? id));
  return raw.map((r) => {
    const s = standing(r, asOf);
    return {
      id: r.id,
      kind: r.kind,
      kind_zh: wordZh(words, 'link_kinds', r.kind),
      person: r.person_id,
      person_name: name(people, r.person_id),
      unit: r.unit_id,
      unit_name: name(units, r.unit_id),
      village: r.village_id,
      village_name: name(units, r.village_id),
      town: r.town_id,
      town_name: name(units, r.town_id),
      from: r.from_date,
      to: r.to_date,
      standing: s,
      standing_zh: STANDING_ZH[s],
      retracted_at: r.retracted_at,
      retract_reason: r.retract_reason,
    };
  });
}

/** Current first, then by start date, newest first. */
const ORDER: Record<Standing, number> = { current: 0, future: 1, ended: 2, retracted: 3 };
function byStanding<T extends { standing: Standing; from: string | null }>(a: T, b: T): number {
  return ORDER[a.standing] - ORDER[b.standing] || (b.from ?? '').localeCompare(a.from ?? '');
}

/** One unit: its posts and links over time (closed and retracted ones marked), categories by year. */
export async function registryUnit(ctx: Ctx, scope: Scope, county: string, id: string, asOf: string) {
  const words = await countyWords(ctx, county);
  requireCounty(scope, county);
  requireDay(asOf);
  const u = await rows(ctx, scope, county, 'units').where('id', '=', id).executeTakeFirst();
  if (!u) throw notFound('单位', id);
  const posts = await rows(ctx, scope, county, 'posts').where('unit_id', '=', id).execute();
  const links = await rows(ctx, scope, county, 'links')
    .where((eb: any) => eb.or([eb('unit_id', '=', id), eb('village_id', '=', id), eb('town_id', '=', id)]))
    .execute();
  const cats = await rows(ctx, scope, county, 'categories')
    .where('unit_id', '=', id)
    .orderBy('fp_year', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const town = u.town_id ? (await namesOf(ctx, county, 'units', [u.town_id])).get(u.town_id) : undefined;
  return {
    as_of: asOf,
    unit: {
      id: u.id as string,
      kind: u.kind as string,
      kind_zh: kindZh(words, u.kind),
      name: u.name as string,
      town: u.town_id as string | null,
      town_name: town ?? null,
      governance_duty: u.governance_duty === 1,
      closed_on: u.closed_on as string | null,
      created_at: u.created_at as string,
      updated_at: u.updated_at as string,
    },
    posts: (await postViews(ctx, county, posts, asOf)).sort(byStanding),
    links: (await linkViews(ctx, county, links, asOf)).sort(byStanding),
    categories: cats.map((c: any) => ({
      id: c.id as string,
      fp_year: Number(c.fp_year),
      category: Number(c.category),
      category_zh: categoryZh(Number(c.category)),
      retracted_at: c.retracted_at as string | null,
      retract_reason: c.retract_reason as string | null,
    })),
  };
}

export interface PeopleQuery {
  q?: string;
  unit?: string;
  include_retracted?: boolean;
  limit: number;
  offset: number;
}

/** People, by name (search) or by the unit they hold a post in, a page at a time, each with posts and links. */
export async function registryPeople(
  ctx: Ctx,
  scope: Scope,
  county: string,
  asOf: string,
  query: PeopleQuery,
) {
  requireCounty(scope, county);
  requireDay(asOf);
  let qb = rows(ctx, scope, county, 'people');
  if (!query.include_retracted) qb = qb.where('retracted_at', 'is', null);
  const q = query.q?.trim();
  if (q) qb = qb.where((eb: any) => eb.or([eb('name', 'like', `%${q}%`), eb('id', '=', q)]));
  if (query.unit)
    qb = qb.where('id', 'in', (eb: any) =>
      eb
        .selectFrom('posts as up')
        .select('up.person_id')
        .where('up.county_id', '=', county)
        .where('up.unit_id', '=', query.unit),
    );
  const total = Number(
    (
      (await qb
        .clearSelect()
        .select((eb: any) => eb.fn.countAll().as('n'))
        .executeTakeFirst()) as { n?: unknown } | undefined
    )?.n ?? 0,
  );
  const page = await qb.orderBy('name').orderBy('id').limit(query.limit).offset(query.offset).execute();
  return {
    items: await personViews(ctx, scope, county, page, asOf),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}

/** One person with posts and links (another town's person is as absent as one that does not exist). */
export async function registryPerson(ctx: Ctx, scope: Scope, county: string, id: string, asOf: string) {
  requireCounty(scope, county);
  requireDay(asOf);
  const p = await rows(ctx, scope, county, 'people').where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound('人员', id);
  return { as_of: asOf, ...(await personViews(ctx, scope, county, [p], asOf))[0]! };
}

async function personViews(ctx: Ctx, scope: Scope, county: string, page: any[], asOf: string) {
  const words = await countyWords(ctx, county);
  const ids = page.map((p) => p.id as string);
  const posts = ids.length
    ? await rows(ctx, scope, county, 'posts').where('person_id', 'in', ids).execute()
    : [];
  const links = ids.length
    ? await rows(ctx, scope, county, 'links').where('person_id', 'in', ids).execute()
    : [];
  const pv = await postViews(ctx, county, posts, asOf);
  const lv = await linkViews(ctx, county, links, asOf);
  return page.map((p) => ({
    id: p.id as string,
    name: p.name as string,
    staff_type: (p.staff_type as string | null) ?? null,
    staff_type_zh: p.staff_type ? wordZh(words, 'staff_types', p.staff_type) : null,
    retracted_at: p.retracted_at as string | null,
    retract_reason: p.retract_reason as string | null,
    posts: pv.filter((x) => x.person === p.id).sort(byStanding),
    links: lv.filter((x) => x.person === p.id).sort(byStanding),
  }));
}
