// Rosters (二(四)): the list of every town and county unit with its status for a year, one roster,
// submitting it as JSON or as the filled Excel template, the office's return and acceptance, and the
// differences it makes. Handlers only translate; src/workflows/rosters/rosters.ts checks, scopes and records.

import { type TSchema, Type } from 'typebox';
import { STAFF_TYPES } from '../../domain/vocabulary.ts';
import type { Ctx } from '../../store/ctx.ts';
import { invalid } from '../../store/errors.ts';
import { acceptRoster, rosterDiff } from '../../workflows/rosters/roster-accept.ts';
import type { RosterContent } from '../../workflows/rosters/roster-content.ts';
import { rosterTemplate } from '../../workflows/rosters/roster-excel.ts';
import { importRosterWorkbook } from '../../workflows/rosters/roster-import.ts';
import {
  labelledDiff,
  labelledList,
  labelledView,
  rosterForScreen,
} from '../../workflows/rosters/roster-view.ts';
import {
  listRosters,
  requireSubmitter,
  returnRoster,
  submitRoster,
} from '../../workflows/rosters/rosters.ts';
import { scopeOf } from '../auth.ts';
import { Enum, Obj, type TypedApp } from '../schema-kit.ts';
import { DateStr, errors, YearParams } from '../schemas.ts';
import { RosterAccepted, RosterDetail, RosterDiff, RosterList, RosterView } from './roster-schemas.ts';
import { acceptUploads, sendXlsx, UPLOAD_HELP, uploadOf, XLSX_LIMIT } from './uploads.ts';

const Id = Type.String({ minLength: 1, maxLength: 100 });
const Dates = { from: Type.Optional(DateStr), to: Type.Optional(DateStr) };

const RosterBody = Obj(
  {
    people: Type.Array(Obj({ id: Id, name: Id, staff_type: Type.Optional(Enum(STAFF_TYPES)) }), {
      maxItems: 5000,
    }),
    posts: Type.Array(Obj({ person: Id, unit: Id, role: Id, ...Dates }), { maxItems: 5000 }),
    links: Type.Array(
      Obj({
        kind: Enum(['stationed', 'unit_village']),
        person: Type.Optional(Id),
        unit: Type.Optional(Id),
        village: Id,
        ...Dates,
      }),
      { maxItems: 5000 },
    ),
  },
  'a roster: people (id, name, staff_type), posts of the unit and (a town) its villages, and its links',
);
const UnitParams = Type.Object({ ...YearParams.properties, unit: Id });
const Version = Type.Optional(
  Type.Integer({ minimum: 1, description: 'the version reviewed; refused if the roster has changed since' }),
);

/** The optional body of an acceptance: nothing, or `{ version }`. */
function versionOf(body: unknown): number | undefined {
  if (body === undefined || body === null) return undefined;
  const v = (body as { version?: unknown }).version;
  const extra = typeof body === 'object' ? Object.keys(body).filter((k) => k !== 'version') : [];
  if (
    typeof body === 'object' &&
    !extra.length &&
    (v === undefined || (Number.isInteger(v) && (v as number) >= 1))
  )
    return v as number | undefined;
  throw invalid([
    {
      path: extra.length ? extra[0]! : 'version',
      code: extra.length ? 'unknown_field' : 'type',
      zh: extra.length ? '未知字段' : '应为正整数（所审核的版本）',
      en: extra.length ? 'unknown field' : 'must be a whole number ≥ 1 (the version reviewed)',
    },
  ]);
}

export function rosterRoutes(app: TypedApp, ctx: Ctx): void {
  app.register(async (r: TypedApp) => {
    await acceptUploads(r);
    const base = '/api/v1/counties/:county/years/:fpYear/rosters';
    const tags = ['rosters'];
    r.get(
      base,
      {
        schema: {
          tags,
          summary: 'every town and county unit with its roster status for the year (not submitted included)',
          params: YearParams,
          response: { 200: RosterList, ...errors(401, 403, 404) },
        },
      },
      async (req) => {
        const { county, fpYear } = req.params;
        return labelledList(ctx.db, await listRosters(ctx, scopeOf(req), county, fpYear));
      },
    );
    r.get(
      `${base}/:unit`,
      {
        schema: {
          tags,
          summary: 'one roster: status, content, reasons, history, and the stored facts of the year',
          params: UnitParams,
          response: { 200: RosterDetail, ...errors(401, 403, 404) },
        },
      },
      async (req) => {
        const { county, fpYear, unit } = req.params;
        return rosterForScreen(ctx, scopeOf(req), county, fpYear, unit);
      },
    );
    r.put(
      `${base}/:unit`,
      {
        schema: {
          tags,
          summary:
            'submit (or resubmit) a roster; one with problems returns 422 with each and stores nothing',
          params: UnitParams,
          body: RosterBody,
          response: { 200: RosterView, ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const { county, fpYear, unit } = req.params;
        const v = await submitRoster(ctx, scopeOf(req), county, fpYear, unit, req.body);
        return labelledView(ctx.db, v);
      },
    );
    r.get(
      `${base}/:unit/diff`,
      {
        schema: {
          tags,
          summary: 'the roster against last year, and against the stored facts (what accepting it changes)',
          params: UnitParams,
          response: { 200: RosterDiff, ...errors(401, 403, 404) },
        },
      },
      async (req) => {
        const { county, fpYear, unit } = req.params;
        return labelledDiff(await rosterDiff(ctx, scopeOf(req), county, fpYear, unit));
      },
    );
    r.get(
      `${base}/:unit/template.xlsx`,
      {
        schema: {
          tags,
          summary: 'the Excel template of the roster, prefilled with the stored posts and links',
          params: UnitParams,
          response: errors(401, 403, 404),
        },
      },
      async (req, reply) => {
        const { county, fpYear, unit } = req.params;
        return sendXlsx(reply, await rosterTemplate(ctx, scopeOf(req), county, fpYear, unit));
      },
    );
    r.put(
      `${base}/:unit/xlsx`,
      {
        bodyLimit: XLSX_LIMIT,
        schema: {
          tags,
          summary: `submit the filled template (${UPLOAD_HELP}); every problem as its cell, 驻村干部!C5; nothing is stored unless the file is clean`,
          params: UnitParams,
          response: { 200: RosterView, ...errors(401, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (req) => {
        const { county, fpYear, unit } = req.params;
        // Jurisdiction before the body: another unit's upload is absent, whatever it holds.
        requireSubmitter(scopeOf(req), county, unit);
        const upload = await uploadOf(req);
        return labelledView(
          ctx.db,
          await importRosterWorkbook(ctx, scopeOf(req), county, fpYear, unit, upload),
        );
      },
    );
    r.post(
      `${base}/:unit/return`,
      {
        schema: {
          tags,
          summary: 'return a submitted roster to its unit, with the reasons',
          params: UnitParams,
          body: Obj({
            reasons: Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), {
              minItems: 1,
              maxItems: 100,
            }),
            version: Version,
          }),
          response: { 200: RosterView, ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const { county, fpYear, unit } = req.params;
        const body = req.body;
        return labelledView(ctx.db, await returnRoster(ctx, scopeOf(req), county, fpYear, unit, body));
      },
    );
    r.post(
      `${base}/:unit/accept`,
      {
        schema: {
          tags,
          summary:
            "accept a submitted roster: the unit's posts and links of the year become what it lists (body optional: { version })",
          params: UnitParams,
          response: { 200: RosterAccepted, ...errors(401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const { county, fpYear, unit } = req.params;
        const version = versionOf(req.body);
        return labelledView(ctx.db, await acceptRoster(ctx, scopeOf(req), county, fpYear, unit, { version }));
      },
    );
  });
}
