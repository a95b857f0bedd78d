// What the office sees of the policy before a year is evaluated, read from the compiled rules so
// that it cannot disagree with them: the rankings (each rule whose `for` is a ranking, with its
// cut-off, the tests its `when` adds, and every unit's rank under I5), and what two warning notices
// in a row lead to (the rules whose `for` is notices_in_a_row: the item applied under I7, whose
// talk). Pure over a case index or a reading.

import type { CaseUnit } from '../domain/case.ts';
import type { UnitKind } from '../domain/vocabulary.ts';
import type { CaseIndex } from './case-index.ts';
import { improved, type RankingGroup } from './generators.ts';
import type { CompiledRule, CompiledRules } from './rules.ts';

export interface RankedUnit {
  unit: CaseUnit;
  score: number | null;
  /** Its rank among the scored (I5), or null when it has no score. */
  rank: number | null;
  /** The villages it is linked to in the FP year (I1). */
  linked: readonly string[];
}

export interface RankingView {
  rule: string;
  clause: string;
  group: RankingGroup;
  group_zh: string;
  /** The cut-off N in force for the year. */
  top: number;
  /** The tests the rule's `when` adds to the rank (county_assessment, linked_villages…). */
  tests: readonly string[];
  /** How many units are ranked (have a score). */
  ranked: number;
  /** Ranked best first (ties in case order), then the unscored. */
  items: RankedUnit[];
}

export function rankingViews(ix: CaseIndex, rules: CompiledRules): RankingView[] {
  const out: RankingView[] = [];
  for (const r of rules.rules) {
    const spec = r.gen.ranking;
    if (!spec) continue;
    const places = spec.rank(ix);
    const byUnit = new Map(places.map((p, i) => [p.unit.id, { p, i }]));
    const items = spec.members(ix).map(
      (u): RankedUnit => ({
        unit: u,
        score: byUnit.get(u.id)?.p.score ?? null,
        rank: byUnit.get(u.id)?.p.rank ?? null,
        linked: ix.villagesLinkedTo.get(u.id) ?? [],
      }),
    );
    const at = (u: string) => byUnit.get(u)?.i ?? Number.POSITIVE_INFINITY;
    items.sort((p, q) => at(p.unit.id) - at(q.unit.id) || p.unit.id.localeCompare(q.unit.id));
    out.push({
      rule: r.id,
      clause: r.clause,
      group: spec.group,
      group_zh: spec.group_zh,
      top: Number(ix.params.get(spec.top)),
      tests: r.tests,
      ranked: places.length,
      items,
    });
  }
  return out;
}

export interface CategoryChange {
  unit: CaseUnit & { kind: 'town' | 'village' };
  previous: number | null;
  current: number | null;
  /** Improved as the rules read it (类别升级). */
  improved: boolean;
}

/** Every town or village of a kind some rule reads for 类别升级, in case order, with its change. */
export function categoryViews(ix: CaseIndex, rules: CompiledRules): CategoryChange[] {
  const kinds = new Set<string>(rules.rules.flatMap((r) => (r.gen.categories ? [r.gen.categories] : [])));
  const y = ix.c.fp_year;
  return ix.c.units
    .filter((u): u is CaseUnit & { kind: 'town' | 'village' } => kinds.has(u.kind))
    .map((u) => {
      const previous = ix.categories.get(y - 1)?.get(u.id);
      const current = ix.categories.get(y)?.get(u.id);
      return {
        unit: u,
        previous: previous ?? null,
        current: current ?? null,
        improved: improved(previous, current),
      };
    });
}

export interface NoticeRoute {
  /** The clause the rules for notices in a row cite. */
  clause: string;
  /** The item whose consequences it applies, or null where none applies under the reading. */
  applies: string | null;
  /** The post roles at the unit whose holders are called for an admonishment talk. */
  talk: readonly string[];
}

/** A `when` of interpretation tests only, decided by the reading alone; any other test: true. */
function holds(
  when: CompiledRule['when'],
  tests: readonly string[],
  interp: Record<string, string>,
): boolean {
  if (!when || tests.some((t) => t !== 'interpretation' && t !== 'not' && t !== 'any')) return true;
  return when({ interp, readings: interp } as unknown as CaseIndex, undefined as never);
}

/** What two notices in a row lead to for a unit of a kind, under a reading; undefined: nothing. */
export function noticeRoute(
  rules: CompiledRules,
  kind: UnitKind,
  interp: Record<string, string>,
): NoticeRoute | undefined {
  let route: NoticeRoute | undefined;
  for (const r of rules.rules) {
    if (r.gen.notices !== kind) continue;
    route ??= { clause: r.clause, applies: null, talk: [] };
    if (!holds(r.when, r.tests, interp)) continue;
    if (r.applies) route.applies = r.applies;
    else {
      const talk = new Set(route.talk);
      for (const b of r.blocks)
        if (b.gives.some((g) => g.type === 'admonishment_talk') && holds(b.when, b.tests, interp))
          for (const g of b.groups) for (const role of g.posts ?? []) talk.add(role);
      route.talk = [...talk];
    }
  }
  return route;
}
