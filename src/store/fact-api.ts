// How each kind of fact reads in the API (fact-kinds.ts `toApi`): its zeren-case/1 fields
// (case-format.md), its id and its history, one closed schema per kind. The server answers with
// these schemas (so a field not declared here is not answered) and the store's `toApi` is typed by
// them (`FactApi`), so the compiler holds the two together. The store imports only the types: the
// schemas (and TypeBox) load with the server, not with the command line.

import { type Static, type TProperties, type TSchema, Type } from 'typebox';
import type { FactName } from './fact-kinds.ts';

const Str = Type.String();
const Int = Type.Integer();
const Day = Type.String({ description: 'YYYY-MM-DD' });
const Opt = Type.Optional;
const Text = Type.Union([Str, Type.Null()]);
const Ids = Type.Array(Str);

/** A closed object: the fields of a kind, its id first, its history last. */
const fact = <P extends TProperties>(props: P, description: string) =>
  Type.Object(props, { additionalProperties: false, description });

/** When a row was written and changed (a unit is closed, never retracted). */
const Stamped = { created_at: Str, updated_at: Str };
/** A retractable fact's history: retracted (withdrawn, kept) when, and why; null while it stands. */
const History = { ...Stamped, retracted_at: Text, retract_reason: Text };
const Dates = {
  from: Opt({ ...Day, description: 'first day (YYYY-MM-DD)' }),
  to: Opt({ ...Day, description: 'last day (YYYY-MM-DD)' }),
};

export const FACT_API = {
  units: fact(
    {
      id: Str,
      kind: Str,
      name: Str,
      town: Opt(Str),
      governance_duty: Opt(Type.Boolean({ description: 'county units only' })),
      closed_on: Opt(Day),
      ...Stamped,
    },
    '单位 a unit',
  ),
  people: fact({ id: Str, name: Str, staff_type: Opt(Str), ...History }, '人员 a person'),
  posts: fact({ id: Str, person: Str, unit: Str, role: Str, ...Dates, ...History }, '职务 a post'),
  links: fact(
    {
      id: Str,
      kind: Str,
      person: Opt(Str),
      unit: Opt(Str),
      village: Opt(Str),
      town: Opt(Str),
      ...Dates,
      ...History,
    },
    '挂钩关系 a link',
  ),
  categories: fact({ id: Str, unit: Str, fp_year: Int, category: Int, ...History }, '类别 a category'),
  assessments: fact(
    {
      id: Str,
      fp_year: Int,
      by: Str,
      subject: Str,
      kind: Str,
      outcome: Opt(Str),
      score: Opt(Type.Number()),
      sampled: Ids,
      at_fault: Ids,
      caused_by: Ids,
      decided_on: Opt(Day),
      position: Type.Integer({ description: 'its place in the year’s order' }),
      ...History,
    },
    '考核结果 an assessment',
  ),
  acceptances: fact(
    { id: Str, fp_year: Int, unit: Str, kind: Str, by: Str, passed: Type.Boolean(), ...History },
    '考核验收 an acceptance',
  ),
  warning_notices: fact(
    {
      id: Str,
      case_id: Type.String({ description: 'the notice’s id in the year’s case' }),
      unit: Str,
      issued_on: Day,
      matter: Str,
      deadline: Opt(Day),
      correction_reported_on: Opt(Day),
      correction_note: Opt(Str),
      corrected_on: Opt(Day),
      verified_by: Opt(Str),
      ...History,
    },
    '警示通知书 a warning notice',
  ),
  incidents: fact({ id: Str, kind: Str, person: Str, occurred_on: Day, ...History }, '事件 an incident'),
} satisfies Record<FactName, TSchema>;

type Kinds = typeof FACT_API;
/** Each kind's fact as the API answers it. */
export type FactApi = { [K in keyof Kinds]: Static<Kinds[K]> };
