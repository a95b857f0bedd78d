// Every restriction on a person in force on a day, each with its dates and its clause: the
// freezes on transfer and promotion (一年内不得平级调动、提拔, dated by the decision), the award
// vetoes (评先评优一票否决) and the appraisal caps (年度考核不得评为称职、合格等次), which concern
// the appraisal and honours of their FP year: they hold from the start of that year to the end of
// the FP year the decision was confirmed in (when that year's honours and appraisals are made).
// Only a freeze bars a transfer or a promotion; a recommendation the deciding authority did not
// adopt restricts nothing.

import { chinaDay, fpYear, fpYearOf } from '../domain/dates.ts';
import type { ZerenResult } from '../domain/result.ts';
import { wordZh } from '../domain/vocabulary.ts';
import { clauseLabel } from '../engine/clauses.ts';
import { countyWords } from './cases.ts';
import type { Ctx } from './ctx.ts';
import { currentDecision } from './decisions.ts';
import { keptText } from './kept-text.ts';
import type { ActionView } from './personnel.ts';

export const RESTRICTION_KINDS = ['transfer_promotion_freeze', 'award_veto', 'appraisal_cap'] as const;
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];

export interface Restriction {
  kind: RestrictionKind;
  kind_zh: string;
  fp_year: number;
  clause: string;
  clause_label: string;
  applies: string | null;
  applies_label: string | null;
  from: string;
  until: string;
  /** Whether it bars a transfer at the same level or a promotion. */
  blocks_transfer_or_promotion: boolean;
  /** The recommendation it comes from (freezes and caps), or null (a veto of the decision). */
  action_id: string | null;
  status_zh: string;
  zh: string;
  en: string;
}

const KINDS: ReadonlySet<string> = new Set(RESTRICTION_KINDS);

function words(r: Omit<Restriction, 'zh' | 'en'>): Pick<Restriction, 'zh' | 'en'> {
  const by = `依据${r.clause_label}${r.applies_label ? `（按${r.applies_label}处理）` : ''}`;
  return {
    zh: `${by}，${r.from}至${r.until}${r.kind_zh}（${r.status_zh}）`,
    en: `under ${r.clause}${r.applies ? ` (as ${r.applies})` : ''}: ${r.kind} from ${r.from} to ${r.until}`,
  };
}

/** The days a veto or cap of an FP year holds: that year, through the year it was decided in. */
function yearSpan(year: number, confirmedAt: string | undefined): { from: string; until: string } {
  const decided = confirmedAt ? fpYearOf(chinaDay(new Date(confirmedAt))) : year;
  return { from: fpYear(year).start, until: fpYear(Math.max(year, decided)).end };
}

/** The restrictions of a person's recommendations and decisions that hold on `on`. */
export async function restrictionsInForce(
  ctx: Ctx,
  county: string,
  person: string,
  on: string,
  actions: readonly ActionView[],
): Promise<Restriction[]> {
  const out: Restriction[] = [];
  const vocabulary = await countyWords(ctx, county);
  const add = (r: Omit<Restriction, 'zh' | 'en'>) => {
    if (r.from <= on && on <= r.until) out.push({ ...r, ...words(r) });
  };
  const confirmed = new Map(
    (actions.length
      ? await ctx.db
          .selectFrom('decisions')
          .select(['id', 'confirmed_at'])
          .where('county_id', '=', county)
          .where('id', 'in', [...new Set(actions.map((a) => a.decision_id))])
          .execute()
      : []
    ).map((d) => [d.id, d.confirmed_at]),
  );
  for (const a of actions) {
    if (!KINDS.has(a.type) || a.status === 'not_adopted') continue;
    const y = yearSpan(a.fp_year, confirmed.get(a.decision_id));
    add({
      kind: a.type as RestrictionKind,
      kind_zh: wordZh(vocabulary, 'consequence_types', a.type),
      fp_year: a.fp_year,
      clause: a.clause,
      clause_label: clauseLabel(a.clause),
      applies: a.applies,
      applies_label: a.applies && clauseLabel(a.applies),
      from: a.from ?? y.from,
      until: a.until ?? y.until,
      blocks_transfer_or_promotion: a.type === 'transfer_promotion_freeze',
      action_id: a.id,
      status_zh: a.status_zh,
    });
  }
  // Award vetoes are not recommendations: the decision in force imposes them.
  const years = await ctx.db
    .selectFrom('decisions')
    .select('fp_year')
    .distinct()
    .where('county_id', '=', county)
    .execute();
  for (const { fp_year } of years) {
    if (on < fpYear(fp_year).start) continue;
    const decision = await currentDecision(ctx.db, county, fp_year);
    if (!decision) continue;
    const y = yearSpan(fp_year, decision.confirmed_at);
    if (on > y.until) continue;
    const ev = await ctx.db
      .selectFrom('evaluations')
      .select('result_json')
      .where('id', '=', decision.evaluation_id)
      .executeTakeFirstOrThrow();
    const result = JSON.parse(keptText(ev.result_json)) as ZerenResult;
    for (const c of result.consequences)
      if (c.type === 'award_veto' && c.subject.kind === 'person' && c.subject.id === person)
        add({
          kind: 'award_veto',
          kind_zh: wordZh(vocabulary, 'consequence_types', 'award_veto'),
          fp_year,
          clause: c.clause,
          clause_label: clauseLabel(c.clause),
          applies: c.applies ?? null,
          applies_label: c.applies ? clauseLabel(c.applies) : null,
          from: y.from,
          until: y.until,
          blocks_transfer_or_promotion: false,
          action_id: null,
          status_zh: '决定已生效',
        });
  }
  const order = (r: Restriction) =>
    `${r.blocks_transfer_or_promotion ? 0 : 1}${r.fp_year}${r.clause}${r.kind}`;
  return out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
