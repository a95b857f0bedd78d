// The fines ledger's answers (TypeBox): an obligation with its balance, a page of them with its
// choices, one with its entries labelled, and the balances by person, unit, town and county.
// Every amount is integer fen (`*_fen`); every code a user sees has its Chinese (`*_zh`).

import { Type } from 'typebox';
import { OBLIGATION_STATUSES } from '../../store/ledger-status.ts';
import { Lit, Obj, Str, Text } from '../schema-kit.ts';
import { DateStr } from '../schemas.ts';

const Day = Type.Union([DateStr, Type.Null()]);
const Fen = (description = 'fen') => Type.Integer({ description });

export const Kind = Lit('fine', 'reward');
export const Status = Lit(...OBLIGATION_STATUSES);

export const BalanceOut = Obj(
  {
    assessed_fen: Fen('assessed by the decisions in force'),
    collected_fen: Fen(),
    refunded_fen: Fen(),
    remitted_fen: Fen(),
    deducted_fen: Fen(),
    recovered_fen: Fen(),
    finance_refunded_fen: Fen(),
    paid_fen: Fen(),
    outstanding_fen: Fen('still owed (fines) or still to pay (rewards)'),
    overdue_fen: Fen('of what is outstanding, what fell due before the day of the balance'),
    overpaid_fen: Fen('settled beyond what is due (after a correction): to refund'),
    held_fen: Fen('collected and neither refunded nor remitted: cash the collecting unit holds'),
    finance_held_fen: Fen('remitted or deducted and not refunded: held by the finance bureau'),
    recoverable_fen: Fen('deducted from the unit and not yet recovered from the person'),
  },
  'an obligation’s sums, in fen',
);

const Subject = Obj({ kind: Str, id: Str, name: Str });

const ObligationRowProps = {
  id: Str,
  fp_year: Type.Integer(),
  kind: Kind,
  kind_zh: Str,
  subject: Subject,
  clause: Str,
  clause_label: Str,
  applies: Text,
  applies_label: Text,
  source_pack: Type.Union([Str, Type.Null()], {
    description: "the town pack (七) that gave it; null: the county's own pack",
  }),
  source_zh: Type.String({ description: '来源: 县级办法, or the town pack’s short name (东风镇办法)' }),
  collecting_unit: Text,
  collecting_unit_name: Text,
  withholding_unit: Type.Union([Str, Type.Null()], {
    description: 'where the person has moved since: the unit of the new post withholds the fine (八)',
  }),
  withholding_unit_name: Text,
  town: Text,
  town_name: Text,
  due_on: Day,
  on: DateStr,
  status: Status,
  status_zh: Str,
  balance: BalanceOut,
  explanation: Str,
};
export const ObligationRow = Obj(ObligationRowProps, 'a fine or reward with its balance and status');

const Totals = Obj({ fines: BalanceOut, rewards: BalanceOut });
const Choice = Obj({ id: Str, name: Str });

export const ObligationPage = Obj({
  on: DateStr,
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  items: Type.Array(ObligationRow),
  totals: Obj(Totals.properties, 'sums over every obligation matching the filters (not only the page)'),
  choices: Obj(
    {
      towns: Type.Array(Choice),
      units: Type.Array(Choice),
      sources: Type.Array(Choice, { description: '来源: `county` (县级办法) and each town pack' }),
      clauses: Type.Array(Obj({ id: Str, label: Str })),
    },
    'the towns, units, sources and clauses of what the caller may see, for a search form',
  ),
});

export const EntryOut = Obj({
  id: Str,
  seq: Type.Integer(),
  kind: Str,
  kind_zh: Str,
  amount_fen: Fen(),
  on_date: DateStr,
  due_on: Day,
  unit: Text,
  unit_name: Text,
  receipt_no: Text,
  note: Text,
  reverses: Text,
  reversed_by: Text,
  created_by_name: Str,
  created_at: Str,
  document_zh: Type.Union([Str, Type.Null()], {
    description: 'the paper of the move (GET /api/v1/ledger-entries/:id/document.docx), if any',
  }),
});

export const ObligationDetail = Obj(
  { ...ObligationRowProps, entries: Type.Array(EntryOut) },
  'an obligation with every ledger entry',
);

/** A raw stored entry, as a move's answer carries it. */
const StoredEntry = Obj({
  id: Str,
  seq: Type.Integer(),
  county_id: Str,
  fp_year: Type.Integer(),
  obligation_id: Str,
  kind: Str,
  amount_fen: Fen(),
  on_date: DateStr,
  reverses: Text,
  unit_id: Text,
  receipt_no: Text,
  decision_id: Text,
  note: Text,
  idempotency_key: Text,
  created_by: Str,
  created_at: Str,
  due_on: Day,
});

export const MoveAnswer = Obj(
  {
    id: Str,
    fp_year: Type.Integer(),
    kind: Kind,
    subject: Subject,
    clause: Str,
    applies: Text,
    collecting_unit: Text,
    withholding_unit: Text,
    due_on: Day,
    on: DateStr,
    balance: BalanceOut,
    explanation: Str,
    entries: Type.Optional(Type.Array(StoredEntry)),
  },
  'the obligation after the move, with its entries',
);

const Sums = { fines: BalanceOut, rewards: BalanceOut };
export const BalanceSheet = Obj({
  on: DateStr,
  source: Type.Union([Str, Type.Null()], { description: '来源 the sums are of; null: every source' }),
  sources: Type.Array(Choice, { description: '来源: `county` (县级办法) and each town pack (七)' }),
  county: Obj(Sums, 'the county: every obligation the caller may see'),
  towns: Type.Array(
    Obj(
      { id: Str, name: Str, ...Sums },
      'by town (a village’s under its town; county units together as county_units)',
    ),
  ),
  units: Type.Array(
    Obj({ id: Str, name: Str, town: Text, ...Sums }, 'by the unit that collects or receives'),
  ),
  people: Type.Array(Obj({ id: Str, name: Str, ...Sums }, 'by person')),
});
