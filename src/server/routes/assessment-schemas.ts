// The shapes of the assessments' answers (考核): the year's assessments with names and Chinese
// labels, rankings as the engine reads them, category changes, and a score import's summary.

import { Type } from 'typebox';
import { Enum, Int, Obj, Str, Text } from '../schema-kit.ts';

const Num = Type.Union([Type.Number(), Type.Null()]);
const Named = Type.Array(Obj({ id: Str, name: Str }));

export const YearAssessments = Obj(
  {
    fp_year: Int,
    items: Type.Array(
      Obj({
        id: Str,
        fp_year: Int,
        by: Str,
        by_zh: Str,
        subject: Str,
        subject_name: Str,
        subject_kind: Str,
        subject_kind_zh: Str,
        town: Text,
        town_name: Text,
        kind: Str,
        kind_zh: Str,
        outcome: Text,
        outcome_zh: Text,
        score: Num,
        sampled: Named,
        at_fault: Named,
        caused_by: Named,
        decided_on: Text,
        updated_at: Str,
      }),
    ),
    units: Type.Array(
      Obj({
        id: Str,
        name: Str,
        kind: Str,
        kind_zh: Str,
        town: Text,
        town_name: Text,
        governance_duty: Type.Boolean(),
      }),
      { description: 'the units the caller may name (subjects, sampled, at fault, caused by)' },
    ),
  },
  "the year's assessments (a town or unit: its own units'), and the units to pick from",
);

const Reason = Obj({ code: Str, zh: Str, en: Str });
export const Rankings = Obj(
  {
    fp_year: Int,
    I5: Str,
    I5_zh: Type.String({ description: 'how ties are ranked (I5), in Chinese' }),
    I5_question_zh: Type.String({ description: 'the question I5 answers, as the pack words it' }),
    I5_options: Type.Array(Obj({ value: Str, zh: Str }), {
      description: 'the readings of I5 the pack offers, each in its words',
    }),
    I1: Str,
    rankings: Type.Array(
      Obj({
        clause: Type.String({ description: 'the clause the ranking rule cites' }),
        clause_zh: Str,
        group: Enum(['villages', 'county_units', 'governance_units']),
        group_zh: Str,
        top: Type.Integer({ description: 'the cut-off N (前 N 名)' }),
        ranked: Int,
        items: Type.Array(
          Obj({
            unit: Str,
            name: Str,
            town: Type.Optional(Str),
            town_name: Type.Optional(Str),
            score: Num,
            outcome: Type.Optional(Str),
            outcome_zh: Type.Optional(Str),
            rank: Type.Union([Int, Type.Null()]),
            qualifies: Type.Boolean(),
            reasons: Type.Array(Reason),
            withheld: Type.Optional(
              Type.String({ description: 'why an award veto withholds the reward (I4)' }),
            ),
          }),
        ),
      }),
    ),
    categories: Type.Array(
      Obj({
        unit: Str,
        name: Str,
        kind: Enum(['town', 'village']),
        kind_zh: Str,
        town: Type.Optional(Str),
        town_name: Type.Optional(Str),
        previous: Type.Union([Int, Type.Null()]),
        current: Type.Union([Int, Type.Null()]),
        improved: Type.Boolean(),
        zh: Str,
      }),
    ),
  },
  'the rankings the rules of the pack make (前 N 名) and category changes, as the engine reads them',
);

export const ScoresImported = Obj(
  { fp_year: Int, created: Int, updated: Int, unchanged: Int },
  'how many county assessments the import created, updated and left unchanged',
);
