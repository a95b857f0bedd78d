// The reports' answers (TypeBox): the 奖惩兑现表, a ledger statement, the overdue list and the
// rankings. Amounts are integer fen (`*_fen`), with 金额大写 (`*_capital`) where a sum is final;
// every code a user sees has its Chinese (`*_zh`, `*_label`).

import { type TSchema, Type } from 'typebox';
import { DateStr } from '../schemas.ts';
import { BalanceOut } from './ledger-schemas.ts';

const Str = Type.String();
const Int = Type.Integer();
const Text = Type.Union([Type.String(), Type.Null()]);
const Fen = Type.Integer({ description: 'fen' });
const FenOrNull = Type.Union([Fen, Type.Null()]);
const Obj = (props: Record<string, TSchema>, description?: string) =>
  Type.Object(props, { additionalProperties: false, ...(description && { description }) });
const Subject = Obj({ kind: Str, id: Str, name: Str });
const Head = { county: Str, county_name: Str, fp_year: Int, on: DateStr };

const Money = Obj({ count: Int, amount_fen: Fen, settled_fen: Fen, outstanding_fen: Fen });
const Totals = Obj({ rewards: Money, fines: Money, vetoes: Int, personnel_actions: Int, honours: Int });
const Line = Obj({
  group: Str,
  subject: Subject,
  unit: Type.Union([Obj({ id: Str, name: Str }), Type.Null()]),
  role_zh: Text,
  type: Str,
  type_zh: Str,
  clause: Str,
  clause_label: Str,
  applies: Text,
  applies_label: Text,
  amount_fen: FenOrNull,
  settled_fen: FenOrNull,
  outstanding_fen: FenOrNull,
  state: Str,
  state_zh: Str,
  detail: Str,
  obligation_id: Text,
  action_id: Text,
});

/** The grouped lines, totals and withheld rewards of one result (the county's, or a town pack's). */
const Grouped = {
  groups: Type.Array(Obj({ group: Str, zh: Str, lines: Type.Array(Line), totals: Totals })),
  totals: Totals,
  withheld: Type.Array(
    Obj(
      {
        group: Str,
        subject: Subject,
        type: Str,
        type_zh: Str,
        clause: Str,
        clause_label: Str,
        amount_fen: FenOrNull,
        detail: Str,
        reason: Str,
        reason_zh: Str,
      },
      'a reward withheld (I4): what it would have been, and why it is not paid',
    ),
  ),
  rewards_capital: Str,
  fines_capital: Str,
};

export const RewardsAndSanctions = Obj(
  {
    ...Head,
    decision: Obj({
      id: Str,
      evaluation_id: Str,
      confirmed_at: Str,
      confirmed_by: Str,
      fines_due_on: Text,
    }),
    ...Grouped,
    towns: Type.Array(
      Obj(
        {
          town: Str,
          town_name: Str,
          pack: Str,
          title: Str,
          section_zh: Type.String({ description: '东风镇办法（镇级）' }),
          ...Grouped,
        },
        "镇级办法: a town pack's (七) consequences, apart from the county's, citing the town's clauses",
      ),
    ),
  },
  '奖惩兑现表 of the current decision, grouped (towns, villages, county units, people); town packs apart',
);

const Sums = Obj(BalanceOut.properties);
export const Statement = Obj(
  {
    ...Head,
    subject: Subject,
    blocks: Type.Array(
      Obj({
        obligation: Obj({
          id: Str,
          kind: Str,
          kind_zh: Str,
          subject: Subject,
          clause: Str,
          clause_label: Str,
          applies: Text,
          collecting_unit: Text,
          withholding_unit: Text,
          due_on: Text,
          source_pack: Text,
          source_zh: Type.String({ description: 'the source (来源): 县级办法, or a town pack’s short name' }),
        }),
        lines: Type.Array(
          Obj({
            id: Str,
            date: Str,
            kind: Str,
            kind_zh: Str,
            amount_fen: Fen,
            receipt_no: Text,
            note: Text,
            balance_fen: Type.Integer({ description: 'still owed or payable after the entry, fen' }),
          }),
        ),
        balance_fen: Fen,
      }),
    ),
    totals: Obj({ fines: Sums, rewards: Sums }),
    fines_outstanding_capital: Str,
    rewards_outstanding_capital: Str,
    held_capital: Str,
  },
  'a ledger statement (对账单) of a unit or a person',
);

export const Overdue = Obj(
  {
    ...Head,
    fines_due_on: Text,
    units: Type.Array(
      Obj({
        unit: Obj({ id: Text, name: Str }),
        lines: Type.Array(
          Obj({
            obligation_id: Str,
            person: Obj({ id: Str, name: Str }),
            clause: Str,
            clause_label: Str,
            applies: Text,
            collecting_unit: Text,
            assessed_fen: Fen,
            settled_fen: Fen,
            outstanding_fen: Fen,
            overdue_fen: Fen,
            due_on: Str,
            days_overdue: Int,
            source_zh: Type.String({
              description: 'the source (来源): 县级办法, or a town pack’s short name',
            }),
          }),
        ),
        deductible_fen: Type.Integer({ description: '八: what the finance bureau may deduct, fen' }),
        deductible_capital: Str,
      }),
    ),
    total_fen: Fen,
    total_capital: Str,
  },
  'fines past their deadline and not settled, by the unit that must collect them',
);

// The rankings' shape is with the assessments' (assessment-schemas.ts): one route, one schema.
