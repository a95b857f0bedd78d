// The content of a roster (二(四) 名单): a fragment of zeren-case/1 — `people`, `posts`, `links` —
// for one town or county unit and one FP year. What it holds:
//   town         posts of the town (party_secretary … fp_cadre) and of its villages
//                (branch_secretary … fp_supervisor); `stationed` links to its villages
//   county unit  posts of the unit (head, leader_in_charge, fp_staff); `unit_village` links
// People are named by id with their name and staff_type; an id the county does not know is a new
// person, created when the roster is accepted. A known id must carry the stored name; every
// person listed holds a post or link in it; a stationed person holds a post of the town; posts and
// links overlap the FP year; none is listed twice (same post or link, same `from`). This module
// reads the stored facts as a roster and checks a roster (with the engine's own case validator,
// then those rules); roster-diff.ts works out what accepting it changes, roster-accept.ts does it.

import type { CasePerson, CaseUnit } from '../../domain/case.ts';
import { type FpYear, fpYear } from '../../domain/dates.ts';
import type { Problem } from '../../domain/problems.ts';
import { rolesOf, type Vocabulary } from '../../domain/vocabulary.ts';
import type { Engine } from '../../engine/engine.ts';
import type { Ctx } from '../../store/ctx.ts';
import { notFound, StoreError } from '../../store/errors.ts';
import { FACTS, type FactFields, scoped } from '../../store/fact-kinds.ts';
import type { Db, Row, Tx } from '../../store/schema.ts';
import type { Scope } from '../../store/scope.ts';

interface Dated {
  from?: string;
  to?: string;
}
export interface RosterPost extends Dated {
  person: string;
  unit: string;
  role: string;
}
export type RosterLink =
  | ({ kind: 'stationed'; person: string; village: string } & Dated)
  | ({ kind: 'unit_village'; unit: string; village: string } & Dated);
export interface RosterContent {
  people: CasePerson[];
  posts: RosterPost[];
  links: RosterLink[];
}
/** A roster as submitted, before checkRoster: a link may lack a field its kind needs. */
export interface RosterDraft {
  people: CasePerson[];
  posts: RosterPost[];
  links: ({ kind: RosterLink['kind']; person?: string; unit?: string; village: string } & Dated)[];
}

/** The unit a roster is for, its villages (a town's) and every unit of the county (for references). */
export interface Setting {
  county: string;
  policy: string;
  unit: CaseUnit;
  villages: CaseUnit[];
  units: CaseUnit[];
  /** The words of the county's pack: posts, staff types and their labels. */
  words: Vocabulary;
}

export interface StoredPerson extends CasePerson {
  retracted: boolean;
}

/** A roster that is not there, or not the caller's to see (the same answer). */
export const noRoster = (unit: string) =>
  new StoreError('not_found', `没有单位“${unit}”的名单`, `no roster of "${unit}"`);

/** A roster's unit, its villages and the county's units, in the words of the county's pack (`engine`). */
export async function loadSetting(
  db: Db | Tx,
  county: string,
  unitId: string,
  engine: Ctx['engine'],
): Promise<Setting> {
  const c = await db.selectFrom('counties').select('policy').where('id', '=', county).executeTakeFirst();
  if (!c) throw notFound('县', county);
  const rows = await db
    .selectFrom('units')
    .selectAll()
    .where('county_id', '=', county)
    .orderBy('id')
    .execute();
  const units = rows.map((r) => FACTS.units.toCase(FACTS.units.toApi(r)) as unknown as CaseUnit);
  const unit = units.find((u) => u.id === unitId);
  if (!unit || (unit.kind !== 'town' && unit.kind !== 'county_unit')) throw noRoster(unitId);
  const villages = unit.kind === 'town' ? units.filter((u) => u.town === unit.id) : [];
  return { county, policy: c.policy, unit, villages, units, words: engine(c.policy).vocabulary };
}

/** The units whose posts a roster lists: the unit, and a town's villages. */
const ownUnits = (s: Setting) => [s.unit.id, ...s.villages.map((v) => v.id)];

/** The live posts and links of the unit that count for the FP year (overlap it), as stored rows. */
export async function storedRows(
  db: Db | Tx,
  s: Setting,
  year: number,
): Promise<{ posts: FactFields[]; links: FactFields[] }> {
  const y = fpYear(year);
  const posts = await db
    .selectFrom('posts')
    .selectAll()
    .where('county_id', '=', s.county)
    .where('retracted_at', 'is', null)
    .where((eb) => eb.or([eb('from_date', 'is', null), eb('from_date', '<=', y.end)]))
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', y.start)]))
    .where('unit_id', 'in', ownUnits(s))
    .orderBy('id')
    .execute();
  const town = s.unit.kind === 'town';
  const villages = s.villages.map((v) => v.id);
  const links =
    town && villages.length === 0
      ? []
      : await db
          .selectFrom('links')
          .selectAll()
          .where('county_id', '=', s.county)
          .where('retracted_at', 'is', null)
          .where((eb) => eb.or([eb('from_date', 'is', null), eb('from_date', '<=', y.end)]))
          .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', y.start)]))
          .where((eb) =>
            town
              ? eb.and([eb('kind', '=', 'stationed'), eb('village_id', 'in', villages)])
              : eb.and([eb('kind', '=', 'unit_village'), eb('unit_id', '=', s.unit.id)]),
          )
          .orderBy('id')
          .execute();
  return { posts: posts.map(FACTS.posts.toApi), links: links.map(FACTS.links.toApi) };
}

/**
 * The stored people of these ids. With the caller's scope, only those it may read: a person outside
 * a town's or unit's jurisdiction is, to its roster, as unknown as an id never used — no name, no
 * retraction, no different answer (the office, which reads them all, checks them on acceptance).
 */
export async function storedPeople(
  db: Db | Tx,
  county: string,
  ids: string[],
  scope?: Scope,
): Promise<Map<string, StoredPerson>> {
  const qb = (db as Db)
    .selectFrom('people')
    .selectAll()
    .where('county_id', '=', county)
    .where('id', 'in', ids);
  const rows: Row<'people'>[] = ids.length
    ? ((await (scope ? scoped(qb as never, FACTS.people, scope) : qb).execute()) as Row<'people'>[])
    : [];
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        ...(r.staff_type && { staff_type: r.staff_type }),
        retracted: r.retracted_at !== null,
      } as StoredPerson,
    ]),
  );
}

/** A post's place in the listing: its unit's order of posts in the pack's vocabulary. */
const roleOrder = (s: Setting, p: RosterPost) => {
  const kind = p.unit === s.unit.id ? s.unit.kind : 'village';
  return rolesOf(s.words, kind).indexOf(p.role);
};

/** The stored facts of the year as a roster: what the template is prefilled with. */
export async function storedContent(db: Db | Tx, s: Setting, year: number): Promise<RosterContent> {
  const rows = await storedRows(db, s, year);
  const unitOrder = new Map(ownUnits(s).map((u, i) => [u, i]));
  const posts = rows.posts
    .map((a) => FACTS.posts.toCase(a) as unknown as RosterPost)
    .sort(
      (a, b) =>
        (unitOrder.get(a.unit) ?? 0) - (unitOrder.get(b.unit) ?? 0) ||
        roleOrder(s, a) - roleOrder(s, b) ||
        a.person.localeCompare(b.person) ||
        (a.from ?? '').localeCompare(b.from ?? ''),
    );
  const links = rows.links.map((a) => FACTS.links.toCase(a) as unknown as RosterLink);
  const ids = [
    ...new Set([...posts.map((p) => p.person), ...links.flatMap((l) => ('person' in l ? [l.person] : []))]),
  ];
  const people = await storedPeople(db, s.county, ids);
  return {
    people: ids.flatMap((id) => {
      const p = people.get(id);
      return p ? [{ id, name: p.name, ...(p.staff_type && { staff_type: p.staff_type }) }] : [];
    }),
    posts,
    links,
  };
}

const overlapsYear = (d: Dated, y: FpYear) =>
  (d.from === undefined || d.from <= y.end) && (d.to === undefined || d.to >= y.start);

/** Every problem of a roster, with its path in the content (`posts[3].role`), in Chinese and English. */
export function checkRoster(
  engine: Engine,
  s: Setting,
  year: number,
  content: RosterDraft,
  known: Map<string, StoredPerson>,
): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, code: string, zh: string, en: string) => problems.push({ path, code, zh, en });
  const mini = {
    format: 'zeren-case/1',
    policy: engine.pack.id,
    fp_year: year,
    units: s.units,
    people: content.people,
    posts: content.posts,
    links: content.links,
  };
  const v = engine.validate(mini);
  if (!v.ok)
    for (const p of v.problems)
      if (/^(people|posts|links)\[/.test(p.path) || p.path === 'fp_year') problems.push(p);

  const town = s.unit.kind === 'town';
  const own = new Set(ownUnits(s));
  const villages = new Set(s.villages.map((u) => u.id));
  const y = fpYear(year);
  const townCadres = new Set(content.posts.filter((p) => p.unit === s.unit.id).map((p) => p.person));
  const used = new Set<string>();
  const seen = new Set<string>();
  const dates = (d: Dated, path: string) => {
    if (overlapsYear(d, y)) return;
    const [k, zh, en] =
      d.to !== undefined && d.to < y.start
        ? ['to', `在计生年度开始（${y.start}）之前已结束`, `ends before the FP year starts (${y.start})`]
        : ['from', `在计生年度结束（${y.end}）之后才开始`, `starts after the FP year ends (${y.end})`];
    add(
      `${path}.${k}`,
      'outside_year',
      `${zh}，不属于 ${year} 年度名单`,
      `${en}; it is not on the ${year} roster`,
    );
  };
  const once = (key: string, path: string) => {
    if (seen.has(key)) add(path, 'duplicate', '与前面一行重复', 'repeats an earlier entry');
    seen.add(key);
  };

  content.posts.forEach((p, i) => {
    const path = `posts[${i}]`;
    used.add(p.person);
    if (!own.has(p.unit))
      add(
        `${path}.unit`,
        'not_own',
        town ? `不是本镇（场）或其所属村（社区、工区）` : '应为本单位',
        town ? 'is not this town or one of its villages' : 'must be this unit',
      );
    dates(p, path);
    once(`post|${postKey(p)}|${p.from ?? ''}`, path);
  });
  content.links.forEach((l, i) => {
    const path = `links[${i}]`;
    if (town ? l.kind !== 'stationed' : l.kind !== 'unit_village') {
      add(
        `${path}.kind`,
        'not_allowed',
        town ? '镇（场）名单只列驻（挂钩联系）村干部（stationed）' : '县直单位名单只列挂钩村（unit_village）',
        town
          ? 'a town roster lists stationed links only'
          : 'a county unit roster lists unit_village links only',
      );
      return;
    }
    if (l.kind === 'stationed') {
      // A link without its person is already a problem (the case validator names it).
      const person = l.person ?? '';
      used.add(person);
      if (!villages.has(l.village))
        add(
          `${path}.village`,
          'not_own',
          '不是本镇（场）所属的村（社区、工区）',
          'is not a village of this town',
        );
      if (!townCadres.has(person))
        add(
          `${path}.person`,
          'not_town_cadre',
          '驻村干部应为本镇（场）党政班子成员或干部，请在镇（场）职务中列出其职务',
          'a stationed person must hold a post of this town; list it among the town posts',
        );
    } else if (l.unit !== s.unit.id) add(`${path}.unit`, 'not_own', '应为本单位', 'must be this unit');
    dates(l, path);
    once(`link|${linkKey(l)}|${l.from ?? ''}`, path);
  });
  content.people.forEach((p, i) => {
    const path = `people[${i}]`;
    const stored = known.get(p.id);
    if (stored?.retracted)
      add(
        `${path}.id`,
        'retracted',
        `人员“${p.id}”已撤回，请使用新编号`,
        `person "${p.id}" was retracted; use a new id`,
      );
    else if (stored && stored.name !== p.name)
      add(
        `${path}.name`,
        'name_mismatch',
        `编号“${p.id}”的人员是“${stored.name}”，不是“${p.name}”；新人员请用新编号`,
        `person "${p.id}" is "${stored.name}", not "${p.name}"; give a new person a new id`,
      );
    if (!used.has(p.id))
      add(path, 'unused', '名单中没有此人的职务或驻村', 'holds no post or link in this roster');
  });
  return problems;
}

/** The fields that say which post or link a row is, whatever its dates. */
export type Keyed = Partial<Record<'kind' | 'person' | 'unit' | 'village' | 'role', unknown>>;
export const postKey = (p: Keyed) => `${p.person}|${p.unit}|${p.role}`;
export const linkKey = (l: Keyed) => `${l.kind}|${l.person ?? l.unit}|${l.village}`;
