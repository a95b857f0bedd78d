// The shapes of the personnel routes' answers: a recommendation with its clause, subject name and
// Chinese labels, what the deciding authority did with it, and a person's restrictions on a day.

import { Type } from 'typebox';
import { RESTRICTION_KINDS } from '../../store/person-restrictions.ts';
import { Int, Lit, Obj, Str, Text } from '../schema-kit.ts';

export const RecordOut = Obj({
  id: Str,
  action_id: Str,
  county_id: Str,
  outcome: Type.String({ description: 'adopted | not_adopted | withdrawn' }),
  outcome_zh: Type.String({ description: '已采纳执行、未采纳、因更正决定撤回' }),
  authority: Text,
  decided_on: Text,
  note: Text,
  recorded_by: Str,
  recorded_at: Str,
});

export const ActionOut = Obj({
  id: Str,
  fp_year: Int,
  decision_id: Str,
  subject: Obj({ kind: Lit('person', 'unit'), id: Str, name: Str }),
  type: Str,
  type_zh: Type.String({ description: '免职或降级处理、诫勉谈话、一年内不得平级调动、提拔…' }),
  clause: Str,
  clause_label: Type.String({ description: 'the clause as the policy numbers it: 四(三)1(1)' }),
  applies: Text,
  applies_label: Text,
  from: Type.Optional(Str),
  until: Type.Optional(Str),
  max_grade: Type.Optional(Str),
  explanation: Str,
  status: Lit('pending', 'adopted', 'not_adopted'),
  status_zh: Type.String({ description: '待决定、已采纳执行、未采纳' }),
  records: Type.Array(RecordOut),
});

export const ActionsOut = Obj({
  items: Type.Array(ActionOut),
  total: Type.Integer({ description: 'how many match, before paging' }),
  limit: Int,
  offset: Int,
  types: Type.Array(Obj({ type: Str, type_zh: Str }), {
    description: 'the kinds of recommendation of the year (for a search form)',
  }),
});

export const ActionsQuery = Type.Object(
  {
    person: Type.Optional(Type.String({ maxLength: 100, description: 'one person, by id' })),
    q: Type.Optional(Type.String({ maxLength: 100, description: "part of the subject's name, or its id" })),
    type: Type.Optional(Type.String({ maxLength: 100, description: 'a kind of recommendation' })),
    status: Type.Optional(Lit('pending', 'adopted', 'not_adopted')),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 1000 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export interface ActionsQueryIn {
  person?: string;
  q?: string;
  type?: string;
  status?: string;
  limit: number;
  offset: number;
}

/** The recommendations a search keeps (name or id, kind, status), one page of them. */
export function pageOf<
  T extends { subject: { id: string; name: string }; type: string; type_zh: string; status: string },
>(all: readonly T[], query: ActionsQueryIn) {
  const q = query.q?.trim();
  const kept = all.filter(
    (a) =>
      (!q || a.subject.name.includes(q) || a.subject.id === q) &&
      (!query.type || a.type === query.type) &&
      (!query.status || a.status === query.status),
  );
  return {
    items: kept.slice(query.offset, query.offset + query.limit),
    total: kept.length,
    limit: query.limit,
    offset: query.offset,
    types: [...new Map(all.map((a) => [a.type, a.type_zh])).entries()].map(([type, type_zh]) => ({
      type,
      type_zh,
    })),
  };
}

const RestrictionOut = Obj({
  kind: Lit(...RESTRICTION_KINDS),
  kind_zh: Str,
  fp_year: Int,
  clause: Str,
  clause_label: Str,
  applies: Text,
  applies_label: Text,
  from: Str,
  until: Str,
  blocks_transfer_or_promotion: Type.Boolean(),
  action_id: Text,
  status_zh: Str,
  zh: Str,
  en: Str,
});

export const RestrictionsOut = Obj({
  person: Str,
  person_name: Str,
  on: Str,
  may_transfer_or_promote: Type.Boolean(),
  reasons: Type.Array(
    Obj({
      action_id: Str,
      clause: Str,
      type: Str,
      from: Type.Optional(Str),
      until: Type.Optional(Str),
      status: Str,
      zh: Str,
      en: Str,
    }),
  ),
  other_actions: Type.Array(ActionOut),
  restrictions: Type.Array(RestrictionOut, {
    description: 'every restriction in force on the day: freezes, award vetoes, appraisal caps',
  }),
});
