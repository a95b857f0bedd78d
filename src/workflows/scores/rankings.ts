// Rankings and category changes, as the engine reads them: every rule of the pack whose `for` is a
// ranking (engine.rankings, the generator the rules use: the group, the cut-off N in force for the
// year, each unit's rank under the pack's reading of ties), with why a unit does not qualify — not
// ranked, below the cut-off, or failing a test the rule's `when` adds (its own county assessment
// 达标; linked villages, all 达标). Categories: the towns and villages the rules read for 类别升级,
// improved as the rules judge it (engine.categories). Pure over a case and an engine; `getRankings` reads the
// stored year, notes the rewards the engine withholds, and keeps a town or unit user to its own
// units (ranks stay county-wide).

import type { CaseAssessment, CaseUnit, ZerenCase } from '../../domain/case.ts';
import { passingOutcomes, type Vocabulary, wordZh } from '../../domain/vocabulary.ts';
import { clauseLabel } from '../../engine/clauses.ts';
import type { Engine } from '../../engine/engine.ts';
import type { RankingGroup } from '../../engine/generators.ts';
import type { RankedUnit, RankingView } from '../../engine/views.ts';
import { currentCase, getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { invalid, notFound } from '../../store/errors.ts';
import type { Scope } from '../../store/scope.ts';
import { townWordsOfYear } from '../../store/town-packs.ts';

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
  /** A unit that qualifies but whose reward the engine withholds (an award veto), with the reason. */
  withheld?: string;
}

export interface Ranking {
  clause: string;
  clause_zh: string;
  group: RankingGroup;
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

/** Why a ranked unit does not qualify under its rule: the rank, then each test the rule adds. */
function reasonsOf(
  view: RankingView,
  item: RankedUnit,
  countyAnnual: ReadonlyMap<string, CaseAssessment>,
  units: ReadonlyMap<string, CaseUnit>,
  words: Vocabulary,
): Reason[] {
  const pass = passingOutcomes(words);
  const passing = (a: CaseAssessment | undefined) => pass.has(a?.outcome ?? '');
  const outcomeZh = (a: CaseAssessment | undefined) =>
    a?.outcome ? wordZh(words, 'outcomes', a.outcome) : '无';
  const reasons: Reason[] = [];
  const own = countyAnnual.get(item.unit.id);
  const governance = view.group === 'governance_units';
  if (item.rank === null)
    reasons.push({
      code: 'no_score',
      zh: governance ? '没有综合治理职责考评得分，不参加排名' : '县年度考核没有总分，不参加排名',
      en: governance
        ? 'no governance duty score: not ranked'
        : 'no score in the annual county assessment: not ranked',
    });
  else if (item.rank > view.top)
    reasons.push({
      code: 'rank',
      zh: `排名第 ${item.rank} 名，不在前 ${view.top} 名`,
      en: `ranked ${item.rank}, not in the top ${view.top}`,
    });
  if (view.tests.includes('county_assessment') && !passing(own))
    reasons.push({
      code: 'not_passing',
      zh: `县年度考核结果为“${outcomeZh(own)}”，未达标`,
      en: `its annual county assessment is ${own?.outcome ?? 'missing'}, not a pass`,
    });
  if (view.tests.includes('linked_villages')) {
    if (item.linked.length === 0)
      reasons.push({ code: 'no_linked_village', zh: '没有挂钩村', en: 'linked to no village' });
    for (const v of item.linked)
      if (!passing(countyAnnual.get(v)))
        reasons.push({
          code: 'linked_village_not_passing',
          zh: `挂钩村 ${units.get(v)?.name ?? v} 县年度考核结果为“${outcomeZh(countyAnnual.get(v))}”，未达标`,
          en: `linked village ${v} is ${countyAnnual.get(v)?.outcome ?? 'not assessed'} in its annual county assessment`,
        });
  }
  return reasons;
}

/** Rankings and category changes of a valid case, under its readings and any overrides. */
export function rankings(c: ZerenCase, engine: Engine, overrides: Record<string, string> = {}) {
  const interp = engine.interpretationsFor(c, overrides);
  const units = new Map(c.units.map((u) => [u.id, u]));
  const countyAnnual = new Map<string, CaseAssessment>();
  for (const a of c.assessments ?? [])
    if (a.by === 'county' && (a.kind ?? 'annual') === 'annual') countyAnnual.set(a.subject, a);

  const ranking = (view: RankingView): Ranking => ({
    clause: view.clause,
    clause_zh: clauseLabel(view.clause),
    group: view.group,
    group_zh: view.group_zh,
    top: view.top,
    ranked: view.ranked,
    items: view.items.map((item): Ranked => {
      const u = item.unit;
      const own = countyAnnual.get(u.id);
      const reasons = reasonsOf(view, item, countyAnnual, units, engine.vocabulary);
      return {
        unit: u.id,
        name: u.name,
        ...(u.town && { town: u.town }),
        score: item.score,
        ...(own?.outcome && {
          outcome: own.outcome,
          outcome_zh: wordZh(engine.vocabulary, 'outcomes', own.outcome),
        }),
        rank: item.rank,
        qualifies: reasons.length === 0,
        reasons,
      };
    }),
  });

  const categories: CategoryChange[] = engine
    .categories(c)
    .map(({ unit: u, previous, current, improved }) => {
      const zh =
        previous === null || current === null
          ? `${c.fp_year - 1} 年度${previous === null ? '无' : `${previous} 类`}，${c.fp_year} 年度${current === null ? '无' : `${current} 类`}`
          : current < previous
            ? `由 ${previous} 类升为 ${current} 类`
            : current === previous
              ? `保持 ${current} 类`
              : `由 ${previous} 类降为 ${current} 类`;
      return { unit: u.id, name: u.name, kind: u.kind, previous, current, improved, zh };
    });

  const ties = engine.pack.interpretations.get('I5');
  return {
    fp_year: c.fp_year,
    I5: interp.I5 ?? '',
    /** How ties are ranked under the reading in force, as the pack words it. */
    I5_zh: ties?.values[interp.I5 ?? '']?.zh ?? '',
    /** The question I5 answers and the readings the pack offers, in its words (for a picker). */
    I5_question_zh: ties?.question_zh ?? '',
    I5_options: Object.entries(ties?.values ?? {}).map(([value, v]) => ({ value, zh: v.zh })),
    I1: interp.I1 ?? '',
    rankings: engine.rankings(c, overrides).map(ranking),
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
  const engine = ctx.engine((await getCounty(ctx.db, county)).policy);
  const { kase: c } = await currentCase(ctx, county, year);
  const v = engine.validate(c, overrides, await townWordsOfYear(ctx, ctx.db, county, year));
  if (!v.ok)
    throw invalid(v.problems.map((p) => (p.path.startsWith('--set ') ? { ...p, path: p.path.slice(6) } : p)));
  // Qualifying is the clause's own test; the engine may still withhold the reward (an award veto).
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
