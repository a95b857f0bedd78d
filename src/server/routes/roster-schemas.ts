// The shapes of the rosters' answers (二(四)), for the OpenAPI document and the browser's types.
// Every code a person sees comes with its Chinese (`*_zh`); who acted comes with the account's name.

import { type TSchema, Type } from 'typebox';
import { STAFF_TYPES } from '../../domain/vocabulary.ts';
import { Enum } from '../schema-kit.ts';
import { DateStr } from '../schemas.ts';

const Str = Type.String();
const Int = Type.Integer();
const Text = Type.Union([Type.String(), Type.Null()]);
const Obj = (props: Record<string, TSchema>, description?: string) =>
  Type.Object(props, { additionalProperties: false, ...(description && { description }) });
const Opt = Type.Optional;

export const RosterStatus = Enum(['not_submitted', 'submitted', 'returned', 'accepted']);
const Counts = Obj({ not_submitted: Int, submitted: Int, returned: Int, accepted: Int });

export const RosterList = Obj(
  {
    fp_year: Int,
    counts: Counts,
    items: Type.Array(
      Obj({
        unit: Str,
        unit_name: Str,
        unit_kind: Str,
        unit_kind_zh: Str,
        status: RosterStatus,
        status_zh: Str,
        version: Type.Integer({ description: 'the latest version submitted; 0 when none' }),
        submitted_by: Text,
        submitted_by_name: Type.Union([Str, Type.Null()], { description: '姓名 of who submitted' }),
        submitted_at: Text,
        reviewed_by: Text,
        reviewed_by_name: Text,
        reviewed_at: Text,
      }),
    ),
  },
  'every town and county unit (a town or unit: its own) with its roster status',
);

const Dates = { from: Opt(DateStr), to: Opt(DateStr) };
export const RosterContentOut = Obj({
  people: Type.Array(Obj({ id: Str, name: Str, staff_type: Opt(Enum(STAFF_TYPES)) })),
  posts: Type.Array(Obj({ person: Str, unit: Str, role: Str, ...Dates })),
  links: Type.Array(
    Obj({
      kind: Enum(['stationed', 'unit_village']),
      person: Opt(Str),
      unit: Opt(Str),
      village: Str,
      ...Dates,
    }),
  ),
});

const Period = Type.Record(Type.String(), Type.String());
export const Entry = Obj(
  {
    kind: Enum(['post', 'stationed', 'unit_village', 'person']),
    zh: Type.String({ description: 'the line as a person reads it' }),
    person: Opt(Str),
    person_name: Opt(Str),
    unit: Opt(Str),
    unit_name: Opt(Str),
    role: Opt(Str),
    role_zh: Opt(Str),
    village: Opt(Str),
    village_name: Opt(Str),
    ...Dates,
    before: Opt(Period),
    after: Opt(Period),
    end: Opt(
      Type.Union([Obj({ how: Type.Literal('close'), on: DateStr }), Obj({ how: Type.Literal('retract') })]),
    ),
  },
  'a post, link or person of a roster, with names and its Chinese line',
);
const Diff = Obj({ added: Type.Array(Entry), removed: Type.Array(Entry), changed: Type.Array(Entry) });

const ViewProps = {
  unit: Obj({ id: Str, kind: Str, kind_zh: Str, name: Str }),
  fp_year: Int,
  status: RosterStatus,
  status_zh: Str,
  version: Type.Integer({ description: 'the latest version; 0 when none is submitted' }),
  content: Type.Union([RosterContentOut, Type.Null()]),
  reasons: Type.Array(Str, { description: "the office's reasons, when returned" }),
  submitted_by: Text,
  submitted_by_name: Text,
  submitted_at: Text,
  reviewed_by: Text,
  reviewed_by_name: Text,
  reviewed_at: Text,
  history: Type.Array(
    Obj({
      action: Enum(['submit', 'return', 'accept']),
      action_zh: Str,
      version: Int,
      actor: Str,
      actor_name: Str,
      at: Str,
      reasons: Opt(Type.Array(Str)),
    }),
  ),
};
export const RosterView = Obj(ViewProps, 'a roster after a submission or return');
export const RosterDetail = Obj(
  {
    ...ViewProps,
    stored: RosterContentOut,
    lines: Type.Array(Entry, {
      description: "the roster's posts and links as lines (the stored facts' while none is submitted)",
    }),
  },
  'one roster: status, content, reasons, history, the stored facts and its lines',
);
export const RosterAccepted = Obj(
  {
    ...ViewProps,
    changes: Obj({
      created: Int,
      updated: Int,
      closed: Int,
      retracted: Int,
      people_created: Int,
      people_updated: Int,
    }),
  },
  'the accepted roster and how many rows accepting it wrote',
);
export const RosterDiff = Obj({
  unit: Obj({ id: Str, kind: Str, name: Str }),
  fp_year: Int,
  roster: Type.Union([Obj({ status: RosterStatus, version: Int }), Type.Null()]),
  against_last_year: Obj({
    fp_year: Int,
    basis: Type.Union([Type.Literal('roster'), Type.Literal('facts')], {
      description: "last year's accepted roster, or (none accepted) last year's stored facts",
    }),
    basis_zh: Str,
    ...Diff.properties,
  }),
  against_stored: Diff,
});
