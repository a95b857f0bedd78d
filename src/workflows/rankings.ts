// Rankings and category changes, as the engine reads them ("How the rules read a case"):
//   3.2.2  villages ranked by the score of their annual county assessment; reward needs 达标
//   3.3.1  county units ranked by the score of theirs; needs 达标, at least one linked village,
//          and every linked village 达标 in its annual county assessment
//   3.3.3  governance units (governance_duty: true) ranked by their governance_duty evaluation
// The group is every such unit with a score, whatever its outcome; the other conditions are
// checked after ranking. Rank (I5): include-ties = 1 + the number strictly higher; strict = the
// place in score order, ties broken by the order of the assessments in the case. The cut-off N is
// the pack's parameter in force for the year (rank_3_2_2, rank_3_3_1, rank_3_3_3). Categories
// (3.1.4, 3.2.3): a town or village improves when this year's category is lower than last year's.
// Pure over a case and an engine; `getRankings` reads the stored year, notes the rewards an award
// veto withholds (I4), and keeps a town or unit user to its own units (ranks stay county-wide).

import type { CaseAssessment, CaseUnit, ZerenCase } from '../domain/case.ts';
import { fpYear } from '../domain/dates.ts';
import { OUTCOME_ZH, type Outcome, PASSING } from '../domain/vocabulary.ts';
import type { Engine } from '../engine/engine.ts';
import { parametersInForce } from '../engine/pack.ts';
import { loadEngine } from '../policy/load.ts';
import { buildCase, getCounty } from '../store/cases.ts';
import { invalid, notFound } from '../store/errors.ts';
import type { Ctx } from '../store/facts.ts';
import type { Scope } from '../store/scope.ts';

export type RankingClause = '3.2.2' | '3.3.1' | '3.3.3';

interface Reason {
  code: string;
  zh: string;
  en: string;
}

export interface Ranked {
  unit: string;
  name: string;
  town?: string;
  score: number | null;
  outcome?: string;
  outcome_zh?: string;
  rank: number | null;
  qualifies: boolean;
  /** Why it does not qualify (empty when it does). */
  reasons: Reason[];
  /** A unit that qualifies but whose reward an interpretation withholds (I4: an award veto). */
  withheld?: string;
}

export interface Ranking {
  clause: RankingClause;
  clause_zh: string;
  group: 'villages' | 'county_units' | 'governance_units';
  group_zh: string;
  top: number;
  /** How many units are ranked (have a score). */
  ranked: number;
  items: Ranked[];
}

export interface CategoryChange {
  unit: string;
  name: string;
  kind: 'town' | 'village';
  previous: number | null;
  current: number | null;
  improved: boolean;
  zh: string;
}

const GROUPS = {
  '3.2.2': { group: 'villages', zh: '村（社区、工区）', param: 'rank_3_2_2', clause_zh: '三（二）2' },
  '3.3.1': { group: 'county_units', zh: '县直单位', param: 'rank_3_3_1', clause_zh: '三（三）1' },
  '3.3.3': {
    group: 'governance_units',
    zh: '计生综合治理职责单位',
    param: 'rank_3_3_3',
    clause_zh: '三（三）3',
  },
} as const;

const passing = (a: CaseAssessment | undefined) => PASSING.has(a?.outcome ?? '');
const outcomeZh = (a: CaseAssessment | undefined) => (a?.outcome ? OUTCOME_ZH[a.outcome as Outcome] : '无');

/** Rankings and category changes of a valid case, under its readings and any overrides. */
export function rankings(c: ZerenCase, engine: Engine, overrides: Record<string, string> = {}) {
  const interp = engine.interpretationsFor(c, overrides);
  const params = parametersInForce(engine.pack, fpYear(c.fp_year).start).values;
  const units = new Map(c.units.map((u) => [u.id, u]));
  const assessments = c.assessments ?? [];
  const countyAnnual = new Map<string, CaseAssessment>();
  const governance = new Map<string, CaseAssessment>();
  for (const a of assessments)
    if (a.by === 'county') ((a.kind ?? 'annual') === 'annual' ? countyAnnual : governance).set(a.subject, a);

  // I1: a link counts when it overlaps the FP year (any-time) or covers its last day (year-end).
  const y = fpYear(c.fp_year);
  const first = interp.I1 === 'year-end' ? y.end : y.start;
  const linked = new Map<string, Set<string>>();
  for (const l of c.links ?? [])
    if (
      l.kind === 'unit_village' &&
      (l.from === undefined || l.from <= y.end) &&
      (l.to === undefined || l.to >= first)
    )
      linked.set(l.unit, new Set([...(linked.get(l.unit) ?? []), l.village]));

  const ranking = (clause: RankingClause): Ranking => {
    const spec = GROUPS[clause];
    const top = Number(params.get(spec.param));
    const member = (u: CaseUnit) =>
      spec.group === 'villages'
        ? u.kind === 'village'
        : u.kind === 'county_unit' && (spec.group === 'county_units' || u.governance_duty === true);
    const source = spec.group === 'governance_units' ? governance : countyAnnual;
    // In case order, as the engine iterates: the order breaks ties under I5 = strict.
    const scored = assessments
      .map((a, order) => ({ a, order }))
      .filter(
        ({ a }) => a.score !== undefined && source.get(a.subject) === a && member(units.get(a.subject)!),
      )
      .sort((p, q) => q.a.score! - p.a.score! || p.order - q.order);
    const rankOf = new Map<string, number>();
    const place = new Map<string, number>();
    let tied = 0;
    scored.forEach(({ a }, i) => {
      // include-ties: 1 + the number strictly higher, i.e. the place of the first of equal score.
      if (i === 0 || a.score !== scored[i - 1]!.a.score) tied = i + 1;
      rankOf.set(a.subject, interp.I5 === 'strict' ? i + 1 : tied);
      place.set(a.subject, i);
    });
    const items = c.units.filter(member).map((u): Ranked => {
      const own = countyAnnual.get(u.id);
      const scoredBy = source.get(u.id);
      const score = scoredBy?.score ?? null;
      const rank = rankOf.get(u.id) ?? null;
      const reasons: Reason[] = [];
      if (rank === null)
        reasons.push({
          code: 'no_score',
          zh:
            spec.group === 'governance_units'
              ? '没有综合治理职责考评得分，不参加排名'
              : '县年度考核没有总分，不参加排名',
          en:
            spec.group === 'governance_units'
              ? 'no governance duty score: not ranked'
              : 'no score in the annual county assessment: not ranked',
        });
      else if (rank > top)
        reasons.push({
          code: 'rank',
          zh: `排名第 ${rank} 名，不在前 ${top} 名`,
          en: `ranked ${rank}, not in the top ${top}`,
        });
      if (clause !== '3.3.3' && !passing(own))
        reasons.push({
          code: 'not_passing',
          zh: `县年度考核结果为“${outcomeZh(own)}”，未达标`,
          en: `its annual county assessment is ${own?.outcome ?? 'missing'}, not a pass`,
        });
      if (clause === '3.3.1') {
        const vs = [...(linked.get(u.id) ?? [])];
        if (vs.length === 0)
          reasons.push({ code: 'no_linked_village', zh: '没有挂钩村', en: 'linked to no village' });
        for (const v of vs)
          if (!passing(countyAnnual.get(v)))
            reasons.push({
              code: 'linked_village_not_passing',
              zh: `挂钩村 ${units.get(v)?.name ?? v} 县年度考核结果为“${outcomeZh(countyAnnual.get(v))}”，未达标`,
              en: `linked village ${v} is ${countyAnnual.get(v)?.outcome ?? 'not assessed'} in its annual county assessment`,
            });
      }
      return {
        unit: u.id,
        name: u.name,
        ...(u.town && { town: u.town }),
        score,
        ...(own?.outcome && { outcome: own.outcome, outcome_zh: OUTCOME_ZH[own.outcome] }),
        rank,
        qualifies: reasons.length === 0,
        reasons,
      };
    });
    const at = (u: string) => place.get(u) ?? Number.POSITIVE_INFINITY;
    items.sort((p, q) => at(p.unit) - at(q.unit) || p.unit.localeCompare(q.unit));
    return {
      clause,
      clause_zh: spec.clause_zh,
      group: spec.group,
      group_zh: spec.zh,
      top,
      ranked: scored.length,
      items,
    };
  };

  const cat = (year: number, unit: string) =>
    (c.categories ?? []).find((r) => r.fp_year === year && r.unit === unit)?.category ?? null;
  const categories: CategoryChange[] = c.units
    .filter((u): u is CaseUnit & { kind: 'town' | 'village' } => u.kind === 'town' || u.kind === 'village')
    .map((u) => {
      const previous = cat(c.fp_year - 1, u.id);
      const current = cat(c.fp_year, u.id);
      const improved = previous !== null && current !== null && current < previous;
      const zh =
        previous === null || current === null
          ? `${c.fp_year - 1} 年度${previous === null ? '无' : `${previous} 类`},${c.fp_year} 年度${current === null ? '无' : `${current} 类`}`
          : current < previous
            ? `由 ${previous} 类升为 ${current} 类`
            : current === previous
              ? `保持 ${current} 类`
              : `由 ${previous} 类降为 ${current} 类`;
      return { unit: u.id, name: u.name, kind: u.kind, previous, current, improved, zh };
    });

  return {
    fp_year: c.fp_year,
    I5: interp.I5,
    I1: interp.I1,
    rankings: (['3.2.2', '3.3.1', '3.3.3'] as const).map(ranking),
    categories,
  };
}

/**
 * The rankings of a stored year under the county's readings (and `overrides`, e.g. I5=strict to
 * preview). A town or unit user sees its own units' places only; ranks are county-wide.
 */
export async function getRankings(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  overrides: Record<string, string> = {},
) {
  if (scope.county !== county) throw notFound('县', county);
  const engine = loadEngine((await getCounty(ctx.db, county)).policy);
  const c = await buildCase(ctx.db, county, year);
  const v = engine.validate(c, overrides);
  if (!v.ok)
    throw invalid(v.problems.map((p) => (p.path.startsWith('--set ') ? { ...p, path: p.path.slice(6) } : p)));
  // Qualifying is the clause's own test; an award veto may still withhold the reward (I4).
  const withheld = new Map<string, string>();
  for (const w of engine.evaluateValid(v.value, overrides).withheld)
    if (w.subject.kind === 'unit') withheld.set(`${w.subject.id}|${w.clause}`, w.reason);
  const ranked = rankings(v.value, engine, overrides);
  const out = {
    ...ranked,
    rankings: ranked.rankings.map((r) => ({
      ...r,
      items: r.items.map((i) => {
        const reason = withheld.get(`${i.unit}|${r.clause}`);
        return reason ? { ...i, withheld: reason } : i;
      }),
    })),
  };
  if (scope.units === null) return out;
  const mine = new Set(scope.units);
  return {
    ...out,
    rankings: out.rankings.map((r) => ({ ...r, items: r.items.filter((i) => mine.has(i.unit)) })),
    categories: out.categories.filter((i) => mine.has(i.unit)),
  };
}
