// The API's shapes (TypeBox), for validation and for the OpenAPI document. Field names are those
// of zeren-case/1; the data layer checks the meaning of a fact with the engine's own validator.

import { type TSchema, Type } from 'typebox';
import { NAME_PATTERN } from '../domain/names.ts';
import { ASSESSORS, LINK_KINDS, STAFF_TYPES, UNIT_KINDS } from '../domain/vocabulary.ts';
import type { FactName } from '../store/fact-kinds.ts';
import { PASSWORD_MAX } from '../store/passwords.ts';
import { ROLES } from '../store/scope.ts';
import { Enum } from './schema-kit.ts';

/** Paging stops here: beyond it an offset is a mistake or an attack, not a page. */
export const OFFSET_MAX = 1_000_000_000;

export const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Id = Type.String({ minLength: 1, maxLength: 100 });
const FpYear = Type.Integer({ minimum: 1900, maximum: 2200, description: '计生年度 FP year' });
/** A name people read: no control, bidirectional or zero-width characters (domain/names.ts). */
export const Name = Type.String({ minLength: 1, maxLength: 100, pattern: NAME_PATTERN });
export const TokenName = Type.String({ minLength: 1, maxLength: 100, pattern: NAME_PATTERN });
const Ids = Type.Array(Id);

export const Problem = Type.Object({
  path: Type.String(),
  code: Type.String(),
  zh: Type.String(),
  en: Type.String(),
});
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    zh: Type.String(),
    en: Type.String(),
    problems: Type.Optional(Type.Array(Problem)),
    problem_count: Type.Optional(
      Type.Integer({ description: 'how many problems there are, when only the first 1,000 are listed' }),
    ),
    request_id: Type.Optional(Type.String()),
  }),
});
export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ErrorBody]));

const CREATE: Record<FactName, Record<string, TSchema>> = {
  units: {
    id: Id,
    kind: Enum(UNIT_KINDS),
    name: Name,
    town: Type.Optional(Id),
    governance_duty: Type.Optional(Type.Boolean()),
  },
  people: { id: Id, name: Name, staff_type: Type.Optional(Enum(STAFF_TYPES)) },
  posts: { person: Id, unit: Id, role: Id, from: Type.Optional(DateStr), to: Type.Optional(DateStr) },
  links: {
    kind: Enum(LINK_KINDS),
    person: Type.Optional(Id),
    unit: Type.Optional(Id),
    village: Type.Optional(Id),
    town: Type.Optional(Id),
    from: Type.Optional(DateStr),
    to: Type.Optional(DateStr),
  },
  categories: { unit: Id, fp_year: FpYear, category: Type.Integer({ minimum: 1, maximum: 9 }) },
  // Open words: the county pack's, or a town pack's (七) for a unit of its town (…/vocabulary);
  // the store checks them against the packs and names the field.
  assessments: {
    fp_year: FpYear,
    by: { ...Id, description: "an assessor of the county's pack, or of a town pack for a unit of its town" },
    subject: Id,
    kind: Type.Optional({ ...Id, description: 'an assessment kind of the pack (…/vocabulary)' }),
    outcome: Type.Optional({ ...Id, description: 'an outcome of the pack (…/vocabulary)' }),
    score: Type.Optional(Type.Number()),
    sampled: Type.Optional(Ids),
    at_fault: Type.Optional(Ids),
    caused_by: Type.Optional(Ids),
    decided_on: Type.Optional(DateStr),
  },
  acceptances: {
    fp_year: FpYear,
    unit: Id,
    kind: { ...Id, description: "an acceptance kind of the county's pack (…/vocabulary)" },
    by: Enum(ASSESSORS),
    passed: Type.Boolean(),
  },
  warning_notices: {
    id: Id,
    unit: Id,
    issued_on: DateStr,
    matter: Id,
    deadline: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: '整改期限 YYYY-MM-DD, not before issued_on',
    }),
    corrected_on: Type.Optional(DateStr),
  },
  incidents: {
    kind: { ...Id, description: "an incident kind of the county's pack (…/vocabulary)" },
    person: Id,
    occurred_on: DateStr,
  },
};

export function createBody(name: FactName) {
  return Type.Object(CREATE[name], { additionalProperties: false });
}

/** A patch: any field but the id; null clears an optional field. */
export function patchBody(name: FactName) {
  const props: Record<string, TSchema> = {};
  for (const [k, v] of Object.entries(CREATE[name]))
    if (k !== 'id') props[k] = Type.Optional(Type.Union([v, Type.Null()]));
  return Type.Object(props, { additionalProperties: false, minProperties: 1 });
}

export const CloseBody = Type.Object(
  { on: Type.Optional(DateStr), reason: Type.Optional(Type.String({ maxLength: 500 })) },
  {
    additionalProperties: false,
    description: 'on: the closing date (units, posts, links); reason: why a fact is retracted (the others)',
  },
);

export const ListQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: OFFSET_MAX, default: 0 }),
    include_retracted: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);

/** A list's query: paging, and the filters of its kind (an unknown parameter is a 400 naming it). */
export function listQuery(filters: readonly string[]) {
  return Type.Object(
    {
      ...ListQuery.properties,
      ...Object.fromEntries(filters.map((f) => [f, Type.Optional(Type.String({ maxLength: 200 }))])),
    },
    { additionalProperties: false },
  );
}

/** A page of one kind of fact (each as fact-api.ts declares it). */
export function listed<S extends TSchema>(fact: S) {
  return Type.Object(
    { items: Type.Array(fact), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() },
    { additionalProperties: false },
  );
}

export const CountyParams = Type.Object({ county: Id });
export const FactParams = Type.Object({ county: Id, id: Id });
export const YearParams = Type.Object({ county: Id, fpYear: FpYear });
export const IdParams = Type.Object({ id: Id });

export const Login = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }),
  },
  { additionalProperties: false },
);
export const UserOut = Type.Object({
  id: Type.String(),
  username: Type.String(),
  role: Enum(ROLES),
  county: Type.Union([Type.String(), Type.Null()]),
  unit: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
  disabled_at: Type.Union([Type.String(), Type.Null()]),
  display_name: Type.Union([Type.String(), Type.Null()]),
});
/** The person's name documents print (姓名), never the login name. */
const DisplayName = Type.String({ minLength: 1, maxLength: 40, description: '姓名 as documents print it' });
export const NewUserBody = Type.Object(
  {
    username: Type.String(),
    password: Type.String(),
    role: Enum(ROLES),
    county: Type.Optional(Id),
    unit: Type.Optional(Id),
    display_name: Type.Optional(DisplayName),
  },
  { additionalProperties: false },
);
export const UserPatch = Type.Object(
  {
    role: Type.Optional(Enum(ROLES)),
    county: Type.Optional(Type.Union([Id, Type.Null()])),
    unit: Type.Optional(Type.Union([Id, Type.Null()])),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String()),
    display_name: Type.Optional(Type.Union([DisplayName, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const TokenOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  created_at: Type.String(),
  expires_at: Type.Union([Type.String(), Type.Null()]),
  last_used_at: Type.Union([Type.String(), Type.Null()]),
  revoked_at: Type.Union([Type.String(), Type.Null()]),
  revoked_by: Type.Union([Type.String(), Type.Null()]),
  revoke_reason: Type.Union([
    Type.String({ description: 'revoked | password_reset | account_disabled | role_or_place_changed' }),
    Type.Null(),
  ]),
  token: Type.Optional(Type.String({ description: 'shown once, when created' })),
  expired: Type.Optional(
    Type.Boolean({ description: 'in a list: whether it has expired by the server’s clock' }),
  ),
});
export const Interpretations = Type.Record(Type.String({ pattern: '^I\\d+$' }), Type.String());
/** A zeren-case/1 document (case-format.md): the engine validates it, field by field. */
export const CaseDocument = Type.Object({}, { additionalProperties: true });
