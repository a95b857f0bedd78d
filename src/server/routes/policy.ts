// 政策: the county's policy pack as the explorer shows it (src/policy/view.ts): clause texts with
// the rules citing them, parameters in force on a day, interpretations, covering tests. Every
// signed-in role of the county reads it (the policy is what every unit answers to).

import { type TSchema, Type } from 'typebox';
import { chinaDay } from '../../domain/dates.ts';
import { packTests } from '../../policy/tests-index.ts';
import { policyView } from '../../policy/view.ts';
import { getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { notFound } from '../../store/errors.ts';
import { scopeOf } from '../auth.ts';
import { Lit, Obj, Str, Text, type TypedApp } from '../schema-kit.ts';
import { CountyParams, DateStr, errors } from '../schemas.ts';

const Strs = Type.Array(Type.String());
const Value = Type.Union([Type.Number(), Type.String()]);

const TestRef = Obj({ file: Str, name: Str, covers: Strs }, 'a case of policies/<pack>/tests/*.yaml');
const ParameterView = Obj({
  name: Str,
  clause: Str,
  zh: Str,
  unit: Lit('yuan', 'count', 'score', 'text'),
  unit_zh: Str,
  value: Type.Union([Value, Type.Null()], { description: 'in force on as_of; amounts in fen' }),
  value_zh: Text,
  valid_from: Text,
  history: Type.Array(Obj({ valid_from: Str, value: Value }), {
    description: 'every dated value as written in parameters.yaml (amounts in yuan)',
  }),
});
const RuleView = Obj({
  id: Str,
  cites: Str,
  applies: Text,
  looks_at: Str,
  condition: Text,
  gives: Strs,
  parameters: Strs,
  interpretations: Strs,
});
const Labels = Type.Record(Type.String(), Str, { description: 'code → Chinese label' });
const Rec = (s: TSchema) => Type.Record(Type.String(), s);
/** The pack's words (vocabulary.yaml), each with its Chinese label. */
export const VocabularyOut = Obj(
  {
    unit_kinds: Rec(Obj({ zh: Str, roles: Labels })),
    link_kinds: Labels,
    staff_types: Rec(Obj({ zh: Str, max_grade: Str })),
    assessors: Labels,
    outcomes: Rec(Obj({ zh: Str, passing: Type.Boolean() })),
    assessment_kinds: Rec(Obj({ zh: Str, assessed: Type.Array(Obj({ by: Str, of: Strs, outcomes: Strs })) })),
    acceptance_kinds: Rec(Obj({ zh: Str, unit: Str, by: Strs })),
    incident_kinds: Labels,
    consequence_types: Labels,
  },
  "the words of the county's pack, each with its Chinese label (vocabulary.yaml)",
);

export const PolicyOut = Obj({
  id: Str,
  title: Str,
  title_en: Text,
  issued_by: Text,
  issued_on: Text,
  first_fp_year: Type.Integer(),
  pack_hash: Str,
  as_of: Str,
  fp_year: Type.Integer(),
  clauses: Type.Array(
    Obj({
      id: Str,
      label: Str,
      text: Str,
      rules: Type.Array(RuleView),
      parameters: Type.Array(ParameterView),
      interpretations: Strs,
      tests: Type.Array(TestRef),
    }),
  ),
  parameters: Type.Array(ParameterView),
  interpretations: Type.Array(
    Obj({
      id: Str,
      clauses: Strs,
      question: Str,
      question_zh: Str,
      default: Str,
      values: Type.Array(Obj({ value: Str, zh: Str, en: Str, is_default: Type.Boolean() })),
      tests: Type.Array(TestRef),
    }),
  ),
  tests_total: Type.Integer(),
  vocabulary: VocabularyOut,
});

export function policyRoutes(app: TypedApp, ctx: Ctx): void {
  app.get(
    '/api/v1/counties/:county/policy',
    {
      schema: {
        tags: ['policy'],
        summary:
          "政策: the county's pack — clauses with the rules citing them, parameters in force on a day, interpretations, covering tests",
        params: CountyParams,
        querystring: Type.Object(
          {
            as_of: Type.Optional({
              ...DateStr,
              description: 'parameters in force on this day (default today)',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: PolicyOut, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { county } = req.params;
      const scope = scopeOf(req);
      if (scope.county !== null && scope.county !== county) throw notFound('县', county);
      const c = await getCounty(ctx.db, county);
      const asOf = req.query.as_of ?? chinaDay(ctx.now());
      return policyView(ctx.engine(c.policy), packTests(c.policy), asOf);
    },
  );

  app.get(
    '/api/v1/counties/:county/vocabulary',
    {
      schema: {
        tags: ['policy'],
        summary:
          "词汇: the words of the county's pack — unit kinds and posts, link kinds, outcomes, consequence types… — with their Chinese labels",
        params: CountyParams,
        response: { 200: VocabularyOut, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const { county } = req.params;
      const scope = scopeOf(req);
      if (scope.county !== null && scope.county !== county) throw notFound('县', county);
      return ctx.engine((await getCounty(ctx.db, county)).policy).vocabulary;
    },
  );
}
