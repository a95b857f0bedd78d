// The documents of personnel recommendations. 诫勉谈话通知: the person is told of the talk
// 四（三）2（2) orders, with the time and place left to fill in. 人事处理建议函 (信函格式): the
// office writes to the authority that decides — the county party organisation department for
// town leaders and county unit leaders, the town's party committee for town cadres and village
// cadres, a unit's superior department for a report under 四（三）1（3) — proposing dismissal
// or demotion, 三停, a freeze on transfer and promotion, or a capped appraisal.

import type { Consequence } from '../../domain/result.ts';
import type { Pack } from '../../engine/pack.ts';
import { getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { conflict, notFound } from '../../store/errors.ts';
import { keptText } from '../../store/kept-text.ts';
import { listActions } from '../../store/personnel.ts';
import type { Row } from '../../store/schema.ts';
import type { Scope } from '../../store/scope.ts';
import {
  documentFile,
  groundOf,
  letterheadOf,
  type Names,
  namesOf,
  personName,
  postOf,
  unitName,
} from './common.ts';
import { issueDecision } from './decision.ts';
import type { OfficialDoc } from './model.ts';
import type { IssuingOffice } from './offices.ts';
import { type Issued, inSnapshot, issue } from './register.ts';
import { chineseDate } from './zh.ts';

type Action = Row<'personnel_actions'>;

export const LETTER_TYPES = [
  'dismissal_or_demotion',
  'three_stops',
  'transfer_promotion_freeze',
  'appraisal_cap',
  'report_to_superior',
] as const;

/** Posts whose holders the county party organisation department appoints. */
const COUNTY_APPOINTED = new Set([
  'party_secretary',
  'mayor',
  'leader_in_charge',
  'leadership_member',
  'head',
]);

/** Who decides on a person (干部管理权限), from the post the consequence is for. */
export function deciderOf(
  names: Names,
  subject: { kind: string; id: string },
  via: Consequence['via'],
): string {
  if (subject.kind === 'unit') return `${unitName(names, subject.id)}的上级主管部门`;
  const unit = via?.unit ? names.units.get(via.unit) : undefined;
  if (!unit || !via?.unit) return '县委组织部';
  if (unit.kind === 'village') return `${unit.town ? unitName(names, unit.town) : ''}党委`;
  if (unit.kind === 'town' && !(via.role && COUNTY_APPOINTED.has(via.role))) return `${unit.name}党委`;
  return '县委组织部';
}

function proposal(a: Action, year: number): string {
  switch (a.type) {
    case 'dismissal_or_demotion':
      return '给予免职或降级处理';
    case 'three_stops':
      return '实行“三停”（停职、停薪、停工作）';
    case 'transfer_promotion_freeze':
      return `自${chineseDate(a.from_date ?? '')}至${chineseDate(a.until_date ?? '')}不得平级调动、提拔`;
    case 'appraisal_cap':
      return `${year}年度考核不得评为称职、合格等次${a.max_grade ? `（至多评为${a.max_grade}）` : ''}`;
    default:
      return '作出相应处理';
  }
}

const TITLE_VERB: Record<string, string> = {
  dismissal_or_demotion: '给予免职或降级处理',
  three_stops: '实行“三停”',
  transfer_promotion_freeze: '暂停平级调动和提拔',
  appraisal_cap: '限定年度考核等次',
};

export interface PersonnelInput {
  a: Action;
  via: Consequence['via'];
  decision: Issued;
  names: Names;
  /** The county's pack: its title and clauses are quoted. */
  pack: Pack;
  office: IssuingOffice;
  number?: string;
}

export function letterModel({ a, via, decision, names, pack, office, number }: PersonnelInput): OfficialDoc {
  const unitSubject = a.subject_kind === 'unit';
  const name = unitSubject ? unitName(names, a.subject_id) : personName(names, a.subject_id);
  const post = unitSubject ? '' : postOf(names, via);
  const ground = groundOf(pack, decision, a);
  return {
    kind: 'personnel_letter',
    fonts: office.fonts,
    letterhead: letterheadOf(office, 'letter'),
    number,
    title: unitSubject
      ? `关于${name}${a.fp_year}年度人口和计划生育工作情况的通报`
      : `关于对${name}同志${TITLE_VERB[a.type] ?? '作出处理'}的建议函`,
    addressee: deciderOf(names, { kind: a.subject_kind, id: a.subject_id }, via),
    body: unitSubject
      ? [
          { kind: 'p', text: `${ground}现将有关情况通报你单位，并建议对${name}负责人作出相应处理。` },
          { kind: 'p', text: '请将处理结果函告本办。' },
        ]
      : [
          {
            kind: 'p',
            text: `${ground}建议对${post ? `${post}` : ''}${name}同志${proposal(a, a.fp_year)}。`,
          },
          { kind: 'p', text: '请按照干部管理权限研究处理，并将处理结果函告本办。' },
        ],
    signature: { office: office.name, date: decision.dated, seal: true },
    dated: decision.dated,
  };
}

export function talkModel({ a, via, decision, names, pack, office, number }: PersonnelInput): OfficialDoc {
  const name = personName(names, a.subject_id);
  const post = postOf(names, via);
  return {
    kind: 'admonishment_notice',
    fonts: office.fonts,
    letterhead: letterheadOf(office),
    number,
    title: '诫勉谈话通知',
    addressee: `${name}同志`,
    body: [
      {
        kind: 'p',
        text: `${groundOf(pack, decision, a)}由县委、县政府领导对${post ? `${post}` : ''}${name}同志进行诫勉谈话。`,
      },
      { kind: 'p', text: [{ text: '谈话时间：' }, { blank: 14 }] },
      { kind: 'p', text: [{ text: '谈话地点：' }, { blank: 14 }] },
      {
        kind: 'p',
        text: '请你按时参加，并就本单位连续被下发警示通知书的原因和整改措施作出书面说明，谈话时提交。',
      },
    ],
    signature: { office: office.name, date: decision.dated, seal: true },
    record: { cc: ['县委组织部', '县纪委'], printer: office.name, printed_on: decision.dated },
    dated: decision.dated,
  };
}

/** What a recommendation's document says, read on one snapshot: the action, its county, names, link. */
async function actionFacts(ctx: Ctx, scope: Scope, id: string) {
  const a = await ctx.db.selectFrom('personnel_actions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a || a.county_id !== scope.county) throw notFound('处理建议', id);
  const live = await listActions(
    ctx,
    scope,
    a.county_id,
    a.fp_year,
    a.subject_kind === 'person' ? a.subject_id : undefined,
  );
  if (!live.some((x) => x.id === id)) {
    const withdrawn = await ctx.db
      .selectFrom('personnel_records')
      .select('id')
      .where('action_id', '=', id)
      .where('outcome', '=', 'withdrawn')
      .executeTakeFirst();
    if (withdrawn && scope.units === null)
      throw conflict(
        '该建议已被更正决定撤回，不再发出',
        'a correcting decision withdrew this recommendation',
      );
    throw notFound('处理建议', id);
  }
  const talk = a.type === 'admonishment_talk';
  if (!talk && !(LETTER_TYPES as readonly string[]).includes(a.type))
    throw conflict('该建议没有对应的文书', 'this recommendation has no document');
  const c = await getCounty(ctx.db, a.county_id);
  const names = await namesOf(ctx, a.county_id);
  const result = JSON.parse(
    keptText(
      (
        await ctx.db
          .selectFrom('decisions')
          .innerJoin('evaluations', 'evaluations.id', 'decisions.evaluation_id')
          .select('evaluations.result_json')
          .where('decisions.id', '=', a.decision_id)
          .executeTakeFirstOrThrow()
      ).result_json,
    ),
  ) as { consequences: Consequence[] };
  const via = result.consequences.find(
    (x) => x.subject.id === a.subject_id && x.type === a.type && x.clause === a.clause,
  )?.via;
  return { a, talk, c, names, via };
}

/** The document of a recommendation in force: a talk notice, or a letter to who decides. */
export async function actionDocument(ctx: Ctx, scope: Scope, id: string) {
  const { a, talk, c, names, via } = await inSnapshot(ctx, (s) => actionFacts(s, scope, id));
  const decision = await issueDecision(ctx, scope.actor, a.county_id, a.decision_id);
  const issued = await issue(ctx, scope.actor, {
    county: a.county_id,
    kind: talk ? 'admonishment_notice' : 'personnel_letter',
    object: { type: 'personnel_actions', id: a.id },
    office: 'office',
    dated: decision.dated,
    build: ({ number, offices }) =>
      (talk ? talkModel : letterModel)({
        a,
        via,
        decision,
        names,
        pack: ctx.engine(c.policy).pack,
        office: offices.office,
        number,
      }),
  });
  return documentFile(
    issued,
    a.subject_kind === 'unit' ? unitName(names, a.subject_id) : personName(names, a.subject_id),
  );
}
