// The shapes the evaluation and decision routes answer with: a zeren-result/1 document (the
// interchange format, whole-yuan amount_yuan), a receipt, its view for the screen (amounts in
// fen, Chinese labels), a decision, a diff and its paired changes, a receipt's check.

import { Type } from 'typebox';
import { Int, Lit, Obj, Str, Text } from '../schema-kit.ts';

const Opt = Type.Optional;
const Readings = Type.Record(Type.String(), Type.String(), { description: 'I1… → the value in force' });

const Subject = Obj({ kind: Lit('unit', 'person'), id: Str });
const consequenceProps = {
  subject: Subject,
  type: Str,
  amount_yuan: Opt(Type.Number({ description: 'reward and fine: whole yuan (zeren-result/1)' })),
  clause: Str,
  applies: Opt(Str),
  from: Opt(Str),
  until: Opt(Str),
  max_grade: Opt(Str),
  title: Opt(Str),
  via: Opt(Obj({ unit: Str, role: Opt(Str), link: Opt(Str) })),
  rule: Str,
  depends_on: Type.Array(Str),
  explanation: Str,
};
export const Consequence = Obj(consequenceProps, 'a consequence of zeren-result/1');
export const Withheld = Obj(
  { ...consequenceProps, reason: Type.String({ description: 'e.g. "I4: unit award veto"' }) },
  'a consequence withheld (I4), with the reason',
);
export const Result = Obj(
  {
    format: Type.Literal('zeren-result/1'),
    policy: Str,
    fp_year: Int,
    interpretations: Readings,
    consequences: Type.Array(Consequence),
    withheld: Type.Array(Withheld),
  },
  'zeren-result/1 (docs/case-format.md)',
);

export const ReceiptOut = Obj({
  id: Str,
  county: Str,
  fp_year: Int,
  policy: Str,
  pack_hash: Type.String({ description: 'SHA-256 of the policy pack that decided the result' }),
  engine_version: Str,
  case_sha256: Str,
  result_sha256: Str,
  interpretations: Readings,
  created_by: Type.String({ description: 'login of who ran it' }),
  created_by_name: Type.String({ description: '姓名 of who ran it (the login when none is recorded)' }),
  created_at: Str,
});

const lineProps = {
  index: Type.Integer({ description: 'the place in result.consequences, or result.withheld when withheld' }),
  withheld: Type.Boolean(),
  group: Lit('town', 'village', 'county_unit', 'person'),
  group_zh: Str,
  subject: Obj({ kind: Str, id: Str, name: Str }),
  via_zh: Type.Union([Str, Type.Null()], { description: 'the post or link a person answers through' }),
  type: Str,
  type_zh: Str,
  clause: Str,
  clause_label: Type.String({ description: '四（三）1（4）' }),
  applies: Text,
  applies_label: Text,
  amount_fen: Type.Union([Int, Type.Null()]),
  detail: Str,
  rule: Str,
  depends_on: Type.Array(Str),
  reason: Text,
  reason_zh: Text,
};
const Line = Obj(lineProps, 'a consequence as the screen shows it');
const totalsProps = {
  lines: Int,
  withheld: Int,
  rewards_fen: Int,
  fines_fen: Int,
  withheld_fen: Int,
};
export const Reading = Obj({
  id: Str,
  question_zh: Str,
  clauses: Type.Array(Str),
  clause_labels: Type.Array(Str),
  value: Str,
  value_zh: Str,
  default: Str,
  values: Type.Array(Obj({ value: Str, zh: Str })),
});
export const View = Obj(
  {
    lines: Type.Array(Line),
    totals: Obj({
      groups: Type.Array(
        Obj({ group: Lit('town', 'village', 'county_unit', 'person'), group_zh: Str, ...totalsProps }),
      ),
      all: Obj(totalsProps),
    }),
    clauses: Type.Record(Type.String(), Obj({ label: Str, text: Str }), { description: 'the clauses cited' }),
    readings: Type.Array(Reading),
  },
  'the result as the 奖惩评定 screen shows it: amounts in fen, codes with Chinese labels',
);
/** A town pack's (七) result beside the county's: its own section, its clauses the town's. */
const TownSection = Obj(
  {
    town: Str,
    town_name: Str,
    pack: Str,
    title: Type.String({ description: "the town pack's title" }),
    section_zh: Type.String({ description: 'the section title: 东风镇办法（镇级）' }),
    pack_hash: Str,
    result_sha256: Str,
    result: Result,
    view: View,
  },
  "a town pack's result, kept apart from the county's",
);
export const EvaluationOut = Obj({
  receipt: ReceiptOut,
  result: Result,
  view: View,
  towns: Type.Array(TownSection, { description: "each town pack's (七) result, apart from the county's" }),
});

export const DecisionOut = Obj({
  id: Str,
  county: Str,
  fp_year: Int,
  evaluation_id: Str,
  supersedes: Text,
  superseded_by: Text,
  reason: Text,
  fines_due_on: Str,
  confirmed_by: Type.String({ description: 'login of who confirmed it' }),
  confirmed_by_name: Type.String({ description: '姓名 of who confirmed it' }),
  confirmed_at: Str,
  in_force: Type.Boolean({ description: 'no later decision supersedes it' }),
});

const Diff = Obj({
  added: Type.Array(Consequence),
  removed: Type.Array(Consequence),
  withheld_added: Type.Array(Withheld),
  withheld_removed: Type.Array(Withheld),
});
const DiffLine = Obj({ ...lineProps, explanation: Str });
const Changes = Type.Array(
  Obj({
    change: Lit('added', 'removed', 'changed', 'withheld', 'released'),
    change_zh: Str,
    before: Type.Union([DiffLine, Type.Null()]),
    after: Type.Union([DiffLine, Type.Null()]),
  }),
  { description: 'the diff as changes: a removed and an added line of one subject, type and clause paired' },
);
const MoneyTotals = Obj({ rewards_fen: Int, fines_fen: Int, consequences: Int, withheld: Int });
export const WhatIfOut = Obj({
  interpretations: Readings,
  before: MoneyTotals,
  after: MoneyTotals,
  diff: Diff,
  changes: Changes,
});
const Side = Obj({
  evaluation: Str,
  interpretations: Readings,
  rewards_fen: Int,
  fines_fen: Int,
  consequences: Int,
  withheld: Int,
});
export const DiffOut = Obj({ from: Side, to: Side, diff: Diff, changes: Changes });

export const CheckOut = Obj({
  id: Str,
  reproduces: Type.Boolean({ description: 're-run now, the result has the receipt’s SHA-256' }),
  case_intact: Type.Boolean(),
  same_pack: Type.Boolean(),
  same_engine: Type.Boolean(),
  differences: Type.Array(Str),
  towns: Type.Array(Obj({ town: Str, pack: Str, reproduces: Type.Boolean(), same_pack: Type.Boolean() }), {
    description: "each town pack's (七) result kept with the receipt, re-run the same way",
  }),
  verdict_zh: Str,
});
