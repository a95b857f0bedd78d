// The assessments of one FP year as the 考核 screen shows them: each with its assessor, subject,
// kind and outcome in Chinese, its sampled (抽中), at-fault (失职) and caused_by units by name; and
// the units the caller may pick (with their kind and town). A town or unit user sees its own
// units' assessments only (the facts' scope); the office and the auditor see the county.

import {
  type AssessmentKind,
  type Assessor,
  type Outcome,
  unitKindZh,
  wordZh,
} from '../../domain/vocabulary.ts';
import { zhPunct } from '../../domain/zh-punct.ts';
import { countyWords } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import type { FactFields, FactName } from '../../store/fact-kinds.ts';
import { listFacts } from '../../store/facts.ts';
import type { Scope } from '../../store/scope.ts';
import { townWordsOfYear } from '../../store/town-packs.ts';

/** Every live fact of a kind the scope reaches (the list's pages, read through). */
async function everything(
  ctx: Ctx,
  scope: Scope,
  county: string,
  name: FactName,
  filters: Record<string, string>,
) {
  const out: FactFields[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await listFacts(ctx, scope, county, name, filters, { limit: 1000, offset });
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}

export async function yearAssessments(ctx: Ctx, scope: Scope, county: string, year: number) {
  const words = await countyWords(ctx, county);
  const unitRows = await everything(ctx, scope, county, 'units', {});
  const byId = new Map(unitRows.map((u) => [String(u.id), u]));
  const nameOf = (id: string) => String(byId.get(id)?.name ?? id);
  const units = unitRows
    .filter((u) => !u.closed_on || String(u.closed_on) >= `${year - 1}-10-01`)
    .map((u) => ({
      id: String(u.id),
      name: String(u.name),
      kind: String(u.kind),
      kind_zh: zhPunct(unitKindZh(words, String(u.kind))),
      town: u.town ? String(u.town) : null,
      town_name: u.town ? nameOf(String(u.town)) : null,
      governance_duty: u.governance_duty === true,
    }));
  const named = (ids: unknown) => ((ids as string[]) ?? []).map((id) => ({ id, name: nameOf(id) }));
  const rows = await everything(ctx, scope, county, 'assessments', { fp_year: String(year) });
  // A town's own checks (七) are labelled in the words of the town pack set for the subject's town.
  const towns = await townWordsOfYear(ctx, ctx.db, county, year);
  const items = rows.map((a) => {
    const subject = byId.get(String(a.subject));
    const home = String(subject?.town ?? a.subject);
    const w = towns.find((t) => t.town === home)?.vocabulary ?? words;
    const kind = a.kind as AssessmentKind;
    return {
      id: String(a.id),
      fp_year: year,
      by: a.by as Assessor,
      by_zh: wordZh(w, 'assessors', String(a.by)),
      subject: String(a.subject),
      subject_name: nameOf(String(a.subject)),
      subject_kind: String(subject?.kind ?? ''),
      subject_kind_zh: subject ? zhPunct(unitKindZh(words, String(subject.kind))) : '',
      town: subject?.town ? String(subject.town) : null,
      town_name: subject?.town ? nameOf(String(subject.town)) : null,
      kind,
      kind_zh: wordZh(w, 'assessment_kinds', kind),
      outcome: (a.outcome as Outcome | undefined) ?? null,
      outcome_zh: a.outcome ? zhPunct(wordZh(w, 'outcomes', String(a.outcome))) : null,
      score: typeof a.score === 'number' ? a.score : null,
      sampled: named(a.sampled),
      at_fault: named(a.at_fault),
      caused_by: named(a.caused_by),
      decided_on: a.decided_on ? String(a.decided_on) : null,
      updated_at: String(a.updated_at),
    };
  });
  const order: Record<string, number> = { province: 0, city: 1, county: 2 };
  const kinds: Record<string, number> = { county: 0, town: 1, village: 2, county_unit: 3 };
  items.sort(
    (p, q) =>
      order[p.by]! - order[q.by]! ||
      (kinds[p.subject_kind] ?? 9) - (kinds[q.subject_kind] ?? 9) ||
      p.subject.localeCompare(q.subject) ||
      p.kind.localeCompare(q.kind),
  );
  return { fp_year: year, items, units };
}

type Rankings = Awaited<ReturnType<typeof import('./rankings.ts').getRankings>>;

/** Rankings with full-width Chinese, each village's town, and the categories' towns by name. */
export async function labelledRankings(ctx: Ctx, scope: Scope, county: string, r: Rankings) {
  const words = await countyWords(ctx, county);
  const units = new Map((await everything(ctx, scope, county, 'units', {})).map((u) => [String(u.id), u]));
  const townOf = (id: string): { town?: string; town_name?: string } => {
    const t = units.get(id)?.town;
    return t ? { town: String(t), town_name: String(units.get(String(t))?.name ?? t) } : {};
  };
  return {
    ...r,
    I5_zh: zhPunct(r.I5_zh),
    rankings: r.rankings.map((k) => ({
      ...k,
      clause_zh: zhPunct(k.clause_zh),
      group_zh: zhPunct(k.group_zh),
      items: k.items.map((i) => ({
        ...i,
        ...townOf(i.unit),
        ...(i.outcome_zh && { outcome_zh: zhPunct(i.outcome_zh) }),
        reasons: i.reasons.map((x) => ({ ...x, zh: zhPunct(x.zh) })),
        ...(i.withheld && { withheld: zhPunct(i.withheld) }),
      })),
    })),
    categories: r.categories.map((c) => ({
      ...c,
      kind_zh: zhPunct(unitKindZh(words, c.kind)),
      ...(c.kind === 'village' ? townOf(c.unit) : { town: c.unit, town_name: c.name }),
      zh: zhPunct(c.zh),
    })),
  };
}
