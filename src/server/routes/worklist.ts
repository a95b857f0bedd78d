// 工作台 (the home screen's data): what is waiting for the caller in a county's FP year. Each part
// is present when the caller's role may call the route it summarises (the access table decides,
// the same table that guards those routes) and null otherwise; the workflow module scopes rows.

import { Type } from 'typebox';
import type { Ctx } from '../../store/ctx.ts';
import type { UserRole } from '../../store/scope.ts';
import { WORKLIST_PARTS, type WorklistPart, worklist } from '../../workflows/worklist/worklist.ts';
import { ACCESS, allowed } from '../access.ts';
import { scopeOf } from '../auth.ts';
import { Int, Lit, Obj, OrNull, Str, Text, type TypedApp } from '../schema-kit.ts';
import { DateStr, errors, YearParams } from '../schemas.ts';

const YEAR = '/api/v1/counties/:county/years/:fpYear';
/** The route whose reading each part summarises. */
export const WORKLIST_SOURCES: Record<WorklistPart, string> = {
  rosters: `GET ${YEAR}/rosters`,
  assessments: 'GET /api/v1/counties/:county/assessments',
  evaluation: `GET ${YEAR}/evaluations`,
  notices: 'GET /api/v1/counties/:county/deadlines',
  fines: `GET ${YEAR}/obligations`,
};

export function worklistParts(role: UserRole): Set<WorklistPart> {
  return new Set(WORKLIST_PARTS.filter((p) => allowed(ACCESS[WORKLIST_SOURCES[p]], role)));
}

const RosterStatus = Lit('not_submitted', 'submitted', 'returned', 'accepted');

const Rosters = Obj(
  {
    counts: Obj({ not_submitted: Int, submitted: Int, returned: Int, accepted: Int }),
    waiting: Type.Array(Obj({ unit: Str, unit_name: Str, unit_kind: Str, status: RosterStatus })),
  },
  '二(四) rosters: counts by status; units not submitted, returned, or submitted and to review',
);
const Assessments = Obj(
  {
    expected: Int,
    recorded: Int,
    missing: Type.Array(
      Obj({ unit: Str, unit_name: Str, unit_kind: Str, unit_kind_zh: Str, town: Text, town_name: Text }),
    ),
    categories: Type.Array(
      Obj({
        town: Str,
        town_name: Str,
        counts: Type.Record(Type.String(), Int, { description: 'category → number of villages' }),
      }),
    ),
  },
  'annual county assessments not yet recorded; villages by category for each town',
);
const Evaluation = Obj(
  {
    latest: OrNull(Obj({ id: Str, created_at: Str })),
    decision: OrNull(Obj({ id: Str, evaluation_id: Str, confirmed_at: Str })),
    pending: Type.Boolean({ description: 'the latest evaluation is not the one the decision confirmed' }),
  },
  'the latest evaluation and the decision in force',
);
const Notices = Obj(
  {
    red: Int,
    yellow: Int,
    green: Int,
    items: Type.Array(
      Obj({
        id: Str,
        unit: Str,
        unit_name: Str,
        matter: Str,
        issued_on: DateStr,
        deadline: OrNull(DateStr),
        status: Str,
        status_zh: Str,
        light: OrNull(Lit('green', 'yellow', 'red')),
        light_zh: Str,
      }),
    ),
  },
  '四(三)2 warning notices not yet verified: red past the deadline, yellow from 3 days before it',
);
const Fines = Obj(
  {
    count: Int,
    outstanding_fen: Type.Integer({ description: 'fen' }),
    items: Type.Array(
      Obj({
        id: Str,
        subject_name: Str,
        subject_kind: Str,
        clause: Str,
        due_on: OrNull(DateStr),
        outstanding_fen: Type.Integer({ description: 'fen' }),
        unit: Text,
        unit_name: Text,
      }),
    ),
  },
  '八 fines past their due date and not settled (amounts in fen)',
);

export const WorklistOut = Obj({
  county: Str,
  fp_year: Int,
  on: DateStr,
  rosters: OrNull(Rosters),
  assessments: OrNull(Assessments),
  evaluation: OrNull(Evaluation),
  notices: OrNull(Notices),
  fines: OrNull(Fines),
});

export function worklistRoutes(app: TypedApp, ctx: Ctx): void {
  app.get(
    `${YEAR}/worklist`,
    {
      schema: {
        tags: ['worklist'],
        summary:
          '工作台: what is waiting in the year for the caller (parts the role may not read are null; rows are scoped)',
        params: YearParams,
        response: { 200: WorklistOut, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const { county, fpYear } = req.params;
      const scope = scopeOf(req);
      return worklist(ctx, scope, county, fpYear, worklistParts(scope.role));
    },
  );
}
