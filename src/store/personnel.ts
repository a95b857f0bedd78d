// Personnel actions are recommendations to the authority that decides them (the party committee,
// the personnel department, the person's superior): dismissal or demotion, 三停, appraisal caps,
// admonishment talks, reports to a superior, transfer and promotion freezes. The office records
// what was decided, by whom and when; the latest record stands. A person's restrictions on a
// day say whether he or she may be transferred or promoted, and why not.

import { randomUUID } from 'node:crypto';
import { isIsoDate } from '../domain/dates.ts';
import { PERSONNEL_STATUS_ZH } from '../domain/labels.ts';
import type { Problem } from '../domain/problems.ts';
import { type ConsequenceType, wordZh } from '../domain/vocabulary.ts';
import { clauseLabel } from '../engine/clauses.ts';
import { appendAudit } from './audit.ts';
import { countyWords } from './cases.ts';
import type { Ctx } from './ctx.ts';
import { liveActions } from './decision-personnel.ts';
import { invalid, notFound } from './errors.ts';
import { FACTS, scoped } from './fact-kinds.ts';
import { type Restriction, restrictionsInForce } from './person-restrictions.ts';
import type { Db, Row } from './schema.ts';
import type { Scope } from './scope.ts';

export const OUTCOMES = ['adopted', 'not_adopted'] as const;
const OUTCOME_ZH: Record<string, string> = PERSONNEL_STATUS_ZH;

export interface ActionView {
  id: string;
  fp_year: number;
  decision_id: string;
  subject: { kind: 'unit' | 'person'; id: string; name: string };
  type: string;
  type_zh: string;
  clause: string;
  clause_label: string;
  applies: string | null;
  applies_label: string | null;
  from?: string;
  until?: string;
  max_grade?: string;
  explanation: string;
  status: 'pending' | 'adopted' | 'not_adopted';
  status_zh: string;
  records: (Row<'personnel_records'> & { outcome_zh: string })[];
}

/** The display names of the subjects of some actions: people's and units' names. */
async function subjectNames(
  db: Db,
  county: string,
  actions: readonly { subject_kind: string; subject_id: string }[],
) {
  const ids = (kind: string) => [
    ...new Set(actions.filter((a) => a.subject_kind === kind).map((a) => a.subject_id)),
  ];
  const people = ids('person');
  const units = ids('unit');
  const names = new Map<string, string>();
  if (people.length)
    for (const r of await db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('county_id', '=', county)
      .where('id', 'in', people)
      .execute())
      names.set(`person:${r.id}`, r.name);
  if (units.length)
    for (const r of await db
      .selectFrom('units')
      .select(['id', 'name'])
      .where('county_id', '=', county)
      .where('id', 'in', units)
      .execute())
      names.set(`unit:${r.id}`, r.name);
  return names;
}

async function visiblePeople(db: Db, scope: Scope, county: string): Promise<Set<string> | null> {
  if (scope.units === null) return null;
  const rows = await scoped(
    (db as any).selectFrom('people').select('id').where('county_id', '=', county),
    FACTS.people,
    scope,
  ).execute();
  return new Set(rows.map((r: Record<string, unknown>) => String(r.id)));
}

export async function listActions(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  person?: string,
): Promise<ActionView[]> {
  if (scope.county !== county) throw notFound('县', county);
  const people = await visiblePeople(ctx.db, scope, county);
  const actions = (await liveActions(ctx.db, county, year)).filter(
    (a) =>
      (person === undefined || a.subject_id === person) &&
      (people === null ||
        (a.subject_kind === 'person' ? people.has(a.subject_id) : scope.units!.includes(a.subject_id))),
  );
  const records = actions.length
    ? await ctx.db
        .selectFrom('personnel_records')
        .selectAll()
        .where(
          'action_id',
          'in',
          actions.map((a) => a.id),
        )
        .orderBy('recorded_at')
        .execute()
    : [];
  const names = await subjectNames(ctx.db, county, actions);
  const vocabulary = await countyWords(ctx, county);
  return actions.map((a) => {
    const mine = records
      .filter((r) => r.action_id === a.id)
      .map((r) => ({ ...r, outcome_zh: OUTCOME_ZH[r.outcome] ?? r.outcome }));
    const last = mine.at(-1);
    const status = (last?.outcome ?? 'pending') as ActionView['status'];
    return {
      id: a.id,
      fp_year: a.fp_year,
      decision_id: a.decision_id,
      subject: {
        kind: a.subject_kind as ActionView['subject']['kind'],
        id: a.subject_id,
        name: names.get(`${a.subject_kind}:${a.subject_id}`) ?? a.subject_id,
      },
      type: a.type,
      type_zh: wordZh(vocabulary, 'consequence_types', a.type),
      clause: a.clause,
      clause_label: clauseLabel(a.clause),
      applies: a.applies,
      applies_label: a.applies && clauseLabel(a.applies),
      ...(a.from_date && { from: a.from_date }),
      ...(a.until_date && { until: a.until_date }),
      ...(a.max_grade && { max_grade: a.max_grade }),
      explanation: a.explanation,
      status,
      status_zh: OUTCOME_ZH[status]!,
      records: mine,
    };
  });
}

/** The office records what the deciding authority did with a recommendation. */
export async function recordOutcome(
  ctx: Ctx,
  scope: Scope,
  id: string,
  input: { outcome: string; authority: string; decided_on: string; note?: string },
): Promise<Row<'personnel_records'> & { outcome_zh: string }> {
  const action = await ctx.db
    .selectFrom('personnel_actions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!action || action.county_id !== scope.county) throw notFound('处理建议', id);
  const problems: Problem[] = [];
  if (!(OUTCOMES as readonly string[]).includes(input.outcome))
    problems.push({
      path: 'outcome',
      code: 'enum',
      zh: '应为adopted（已采纳执行）或not_adopted（未采纳）',
      en: 'must be adopted or not_adopted',
    });
  if (!input.authority?.trim())
    problems.push({
      path: 'authority',
      code: 'required',
      zh: '须写明作出决定的机关或负责人',
      en: 'name the authority that decided',
    });
  if (!isIsoDate(input.decided_on))
    problems.push({
      path: 'decided_on',
      code: 'date',
      zh: '应为决定日期 YYYY-MM-DD',
      en: 'must be the date of the decision, YYYY-MM-DD',
    });
  const withdrawn = await ctx.db
    .selectFrom('personnel_records')
    .select('id')
    .where('action_id', '=', id)
    .where('outcome', '=', 'withdrawn')
    .executeTakeFirst();
  if (withdrawn)
    problems.push({
      path: 'id',
      code: 'withdrawn',
      zh: '该建议已因更正决定撤回',
      en: 'the recommendation was withdrawn by a correcting decision',
    });
  if (problems.length) throw invalid(problems);
  const at = ctx.now().toISOString();
  const row: Row<'personnel_records'> = {
    id: randomUUID(),
    action_id: id,
    county_id: action.county_id,
    outcome: input.outcome,
    authority: input.authority.trim(),
    decided_on: input.decided_on,
    note: input.note?.trim() || null,
    recorded_by: scope.actor.name,
    recorded_at: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('personnel_records').values(row).execute();
    await appendAudit(
      trx,
      scope.actor,
      {
        action: 'personnel.record',
        object_type: 'personnel_actions',
        object_id: id,
        county_id: action.county_id,
        before: action,
        after: row,
      },
      at,
    );
  });
  return { ...row, outcome_zh: OUTCOME_ZH[row.outcome]! };
}

export interface Restrictions {
  person: string;
  person_name: string;
  on: string;
  may_transfer_or_promote: boolean;
  reasons: {
    action_id: string;
    clause: string;
    type: string;
    from?: string;
    until?: string;
    status: string;
    zh: string;
    en: string;
  }[];
  other_actions: ActionView[];
  /** Every restriction in force on the day, award vetoes included (person-restrictions.ts). */
  restrictions: Restriction[];
}

/** Whether a person may be transferred or promoted on a day, and every freeze in force that says no. */
export async function restrictionsOn(
  ctx: Ctx,
  scope: Scope,
  county: string,
  person: string,
  on: string,
): Promise<Restrictions> {
  if (!isIsoDate(on))
    throw invalid([
      { path: 'on', code: 'date', zh: '应为日期 YYYY-MM-DD', en: 'must be a date, YYYY-MM-DD' },
    ]);
  if (scope.county !== county) throw notFound('县', county);
  const people = await visiblePeople(ctx.db, scope, county);
  const exists = await ctx.db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('county_id', '=', county)
    .where('id', '=', person)
    .executeTakeFirst();
  if (!exists || (people !== null && !people.has(person))) throw notFound('人员', person);
  const years = await ctx.db
    .selectFrom('personnel_actions')
    .select('fp_year')
    .distinct()
    .where('county_id', '=', county)
    .where('subject_id', '=', person)
    .execute();
  const all: ActionView[] = [];
  for (const { fp_year } of years) all.push(...(await listActions(ctx, scope, county, fp_year, person)));
  const reasons: Restrictions['reasons'] = [];
  for (const a of all) {
    if (
      a.type !== 'transfer_promotion_freeze' ||
      a.status === 'not_adopted' ||
      !a.from ||
      !a.until ||
      on < a.from ||
      on > a.until
    )
      continue;
    reasons.push({
      action_id: a.id,
      clause: a.clause,
      type: a.type,
      from: a.from,
      until: a.until,
      status: a.status,
      zh: `依据${clauseLabel(a.clause)}${a.applies ? `（按${clauseLabel(a.applies)}处理）` : ''}，${a.from}至${a.until}一年内不得平级调动、提拔（${a.status_zh}）`,
      en: `under ${a.clause}${a.applies ? ` (as ${a.applies})` : ''}, no transfer at the same level or promotion from ${a.from} to ${a.until} (${a.status})`,
    });
  }
  return {
    person,
    person_name: exists.name,
    on,
    may_transfer_or_promote: reasons.length === 0,
    reasons,
    other_actions: all.filter((a) => a.type !== 'transfer_promotion_freeze'),
    restrictions: await restrictionsInForce(ctx, county, person, on, all),
  };
}
