// Which town packs (七) a county's towns follow: set by the administrator for one town at a time,
// each from an FP year on, audited. A town pack is a pack of kind `town` under the policies folder
// that extends the county's own pack; it decides for the town it is set for alone.

import { can } from '../domain/permissions.ts';
import type { Problem } from '../domain/problems.ts';
import type { Vocabulary } from '../domain/vocabulary.ts';
import { type TownWords, townWords } from '../engine/validate.ts';
import { AuditWriter } from './audit.ts';
import type { Ctx } from './ctx.ts';
import { invalid, notFound, StoreError } from './errors.ts';
import type { Db, Row, Tx } from './schema.ts';
import type { Scope } from './scope.ts';

export interface TownPack {
  town: string;
  town_name: string;
  pack: string;
  /** The pack's title: 东风镇人口和计划生育村级工作考核奖惩办法（示例） */
  title: string;
  from_year: number;
  set_by: string;
  set_at: string;
}

/** A town pack shipped in the policies folder, as a picker offers it. */
export interface TownPackChoice {
  id: string;
  title: string;
  extends: string;
  applies_to: string | null;
  first_fp_year: number;
  example: boolean;
}

/** The town packs there are, with what they extend and the town they were written for. */
export function townPackChoices(ctx: Ctx): TownPackChoice[] {
  return ctx.packs('town').map((id) => {
    const p = ctx.engine(id).pack;
    return {
      id,
      title: p.title,
      extends: p.extends ?? '',
      applies_to: p.appliesTo ?? null,
      first_fp_year: p.firstFpYear,
      example: p.example,
    };
  });
}

async function rowsOf(ctx: Ctx, county: string, town?: string): Promise<TownPack[]> {
  let qb = ctx.db
    .selectFrom('county_town_packs as p')
    .innerJoin('units as u', (j) =>
      j.onRef('u.county_id', '=', 'p.county_id').onRef('u.id', '=', 'p.town_id'),
    )
    .select(['p.town_id', 'u.name', 'p.pack', 'p.from_year', 'p.set_by', 'p.set_at'])
    .where('p.county_id', '=', county);
  if (town !== undefined) qb = qb.where('p.town_id', '=', town);
  const rows = await qb.orderBy('p.town_id').orderBy('p.pack').execute();
  return rows.map((r) => ({
    town: r.town_id,
    town_name: r.name,
    pack: r.pack,
    title: packTitle(ctx, r.pack),
    from_year: r.from_year,
    set_by: r.set_by,
    set_at: r.set_at,
  }));
}

/** A pack's title, or its id when the pack is no longer in the policies folder. */
export function packTitle(ctx: Pick<Ctx, 'engine'>, pack: string): string {
  try {
    return ctx.engine(pack).pack.title;
  } catch {
    return pack;
  }
}

/** The town packs a county's towns follow, by town. */
export async function listTownPacks(ctx: Ctx, scope: Scope, county: string): Promise<TownPack[]> {
  if (scope.county !== null && scope.county !== county) throw notFound('县', county);
  if (!(await ctx.db.selectFrom('counties').select('id').where('id', '=', county).executeTakeFirst()))
    throw notFound('县', county);
  return rowsOf(ctx, county);
}

/** The town packs that apply to a county's FP year: town and pack. */
export async function townPacksOfYear(
  db: Db | Tx,
  county: string,
  year: number,
): Promise<{ town: string; pack: string }[]> {
  const rows = await db
    .selectFrom('county_town_packs')
    .select(['town_id', 'pack'])
    .where('county_id', '=', county)
    .where('from_year', '<=', year)
    .orderBy('town_id')
    .orderBy('pack')
    .execute();
  return rows.map((r) => ({ town: r.town_id, pack: r.pack }));
}

/**
 * The words of the town packs that apply to a county's FP year, each for its town: the county's
 * year accepts an assessment in a town pack's words for a unit of that town (engine/validate.ts).
 */
export async function townWordsOfYear(
  ctx: Pick<Ctx, 'engine'>,
  db: Db | Tx,
  county: string,
  year: number,
): Promise<TownWords[]> {
  return townWords(ctx.engine, await townPacksOfYear(db, county, year));
}

/**
 * Sets the town packs one town follows (an empty list: none). Each must be a town pack extending
 * the county's own pack, from an FP year it has parameters for. Every change is audited.
 */
export async function setTownPacks(
  ctx: Ctx,
  scope: Scope,
  county: string,
  town: string,
  packs: { pack: string; from_year: number }[],
): Promise<TownPack[]> {
  if (scope.county !== null && scope.county !== county) throw notFound('县', county);
  if (!can(scope.role, 'town-packs.set') && scope.actor.role !== 'system')
    throw new StoreError(
      'forbidden',
      '只有系统管理员可以设定镇的办法',
      "only the administrator sets a town's own packs",
    );
  const c = await ctx.db.selectFrom('counties').select('policy').where('id', '=', county).executeTakeFirst();
  if (!c) throw notFound('县', county);
  const unit = await ctx.db
    .selectFrom('units')
    .select('kind')
    .where('county_id', '=', county)
    .where('id', '=', town)
    .executeTakeFirst();
  if (unit?.kind !== 'town') throw notFound('单位', town);
  const available = new Set(ctx.packs('town'));
  const problems: Problem[] = [];
  const seen = new Set<string>();
  packs.forEach((p, i) => {
    const path = `packs[${i}]`;
    if (seen.has(p.pack))
      problems.push({ path: `${path}.pack`, code: 'duplicate', zh: '重复', en: 'listed twice' });
    seen.add(p.pack);
    if (!available.has(p.pack)) {
      problems.push({
        path: `${path}.pack`,
        code: 'unknown_ref',
        zh: `没有镇策略包“${p.pack}”`,
        en: `no town pack "${p.pack}"`,
      });
      return;
    }
    const meta = ctx.engine(p.pack).pack;
    if (meta.extends !== c.policy)
      problems.push({
        path: `${path}.pack`,
        code: 'extends',
        zh: `该镇策略包依据 ${meta.extends}，本县执行 ${c.policy}`,
        en: `it extends ${meta.extends}; the county follows ${c.policy}`,
      });
    if (!Number.isInteger(p.from_year) || p.from_year < meta.firstFpYear)
      problems.push({
        path: `${path}.from_year`,
        code: 'range',
        zh: `应为 ${meta.firstFpYear} 年度或以后`,
        en: `must be FP year ${meta.firstFpYear} or later`,
      });
  });
  if (problems.length) throw invalid(problems);
  await checkStillKnown(ctx, county, town, c.policy, packs);
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('county_town_packs')
      .selectAll()
      .where('county_id', '=', county)
      .where('town_id', '=', town)
      .execute();
    const after: Row<'county_town_packs'>[] = packs.map((p) => {
      const same = before.find((b) => b.pack === p.pack && b.from_year === p.from_year);
      return (
        same ?? {
          county_id: county,
          town_id: town,
          pack: p.pack,
          from_year: p.from_year,
          set_by: scope.actor.name,
          set_at: at,
        }
      );
    });
    await trx
      .deleteFrom('county_town_packs')
      .where('county_id', '=', county)
      .where('town_id', '=', town)
      .execute();
    if (after.length) await trx.insertInto('county_town_packs').values(after).execute();
    const audit = await AuditWriter.open(trx);
    audit.add(
      scope.actor,
      {
        action: 'town-packs.set',
        object_type: 'county_town_packs',
        object_id: town,
        county_id: county,
        before,
        after,
      },
      at,
    );
    await audit.flush();
    return rowsOf({ ...ctx, db: trx }, county, town);
  });
}

/**
 * A town's live assessments in a town pack's words (its monthly checks, say) stay readable: the
 * packs set for the town must still declare their words in each year that has them, or the year
 * could no longer be checked nor evaluated. Refused with the assessments named; retract them first.
 */
async function checkStillKnown(
  ctx: Ctx,
  county: string,
  town: string,
  policy: string,
  packs: { pack: string; from_year: number }[],
): Promise<void> {
  const own = ctx.engine(policy).vocabulary;
  const rows = await ctx.db
    .selectFrom('assessments as a')
    .innerJoin('units as u', (j) =>
      j.onRef('u.county_id', '=', 'a.county_id').onRef('u.id', '=', 'a.subject_id'),
    )
    .select(['a.id', 'a.fp_year', 'a.by', 'a.kind', 'a.outcome'])
    .where('a.county_id', '=', county)
    .where('a.retracted_at', 'is', null)
    .where((eb) => eb.or([eb('u.id', '=', town), eb('u.town_id', '=', town)]))
    .orderBy('a.fp_year')
    .orderBy('a.id')
    .execute();
  const known = (v: Vocabulary, r: (typeof rows)[number]) =>
    Object.hasOwn(v.assessors, r.by) &&
    Object.hasOwn(v.assessment_kinds, r.kind) &&
    (r.outcome === null || Object.hasOwn(v.outcomes, r.outcome));
  const lost = rows.filter(
    (r) =>
      !known(own, r) &&
      !packs.some((p) => p.from_year <= r.fp_year && known(ctx.engine(p.pack, town).vocabulary, r)),
  );
  if (lost.length === 0) return;
  const ids = lost.map((r) => `${r.fp_year} ${r.id}`).join('、');
  throw invalid([
    {
      path: 'packs',
      code: 'in_use',
      zh: `该镇有按镇办法所定考核种类作出的考核（${ids}），须先撤回，才能取消或推迟其镇办法`,
      en: `the town has assessments in a town pack's words (${ids}); retract them before removing or deferring that pack`,
    },
  ]);
}
