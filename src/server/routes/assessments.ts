// Assessments beyond the facts API: rankings and category changes as the engine reads them, and
// the county's scores from Excel (template and import). Handlers only translate.

import { Type } from 'typebox';
import type { Ctx } from '../../store/ctx.ts';
import { labelledRankings, yearAssessments } from '../../workflows/scores/assessments-year.ts';
import { getRankings } from '../../workflows/scores/rankings.ts';
import { requireOffice, scoresTemplate } from '../../workflows/scores/scores-excel.ts';
import { importScores } from '../../workflows/scores/scores-import.ts';
import { scopeOf } from '../auth.ts';
import type { TypedApp } from '../schema-kit.ts';
import { errors, YearParams } from '../schemas.ts';
import { Rankings, ScoresImported, YearAssessments } from './assessment-schemas.ts';
import { acceptUploads, sendXlsx, UPLOAD_HELP, uploadOf, XLSX_LIMIT } from './uploads.ts';

export function assessmentRoutes(app: TypedApp, ctx: Ctx): void {
  app.register(async (r: TypedApp) => {
    await acceptUploads(r);
    const base = '/api/v1/counties/:county/years/:fpYear';
    const tags = ['assessments'];
    r.get(
      `${base}/rankings`,
      {
        schema: {
          tags,
          summary:
            'the rankings the rules of the pack make and category changes, as the engine reads them (a town or unit sees its own units)',
          params: YearParams,
          querystring: Type.Object(
            {
              I5: Type.Optional(
                Type.String({
                  description: 'preview another reading of I5 (ties at the cut-off), a value the pack names',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: Rankings, ...errors(400, 401, 403, 404, 422) },
        },
      },
      async (req) => {
        const { county, fpYear } = req.params;
        const { I5 } = req.query;
        const r = await getRankings(ctx, scopeOf(req), county, fpYear, I5 === undefined ? {} : { I5 });
        return labelledRankings(ctx, scopeOf(req), county, r);
      },
    );
    r.get(
      `${base}/assessments`,
      {
        schema: {
          tags,
          summary:
            "the year's assessments with names and Chinese labels, and the units to pick from (a town or unit: its own)",
          params: YearParams,
          response: { 200: YearAssessments, ...errors(401, 403, 404) },
        },
      },
      async (req) => {
        const { county, fpYear } = req.params;
        return yearAssessments(ctx, scopeOf(req), county, fpYear);
      },
    );
    r.get(
      `${base}/scores/template.xlsx`,
      {
        schema: {
          tags,
          summary:
            "the county's score sheet: a sheet per group, prefilled with the year's county assessments",
          params: YearParams,
          response: errors(401, 403, 404),
        },
      },
      async (req, reply) => {
        const { county, fpYear } = req.params;
        return sendXlsx(reply, await scoresTemplate(ctx, scopeOf(req), county, fpYear));
      },
    );
    r.put(
      `${base}/scores/xlsx`,
      {
        bodyLimit: XLSX_LIMIT,
        schema: {
          tags,
          summary: `import the filled score sheet (${UPLOAD_HELP}); all or nothing, each problem as its cell`,
          params: YearParams,
          response: { 200: ScoresImported, ...errors(401, 403, 404, 413, 415, 422) },
        },
      },
      async (req) => {
        const { county, fpYear } = req.params;
        requireOffice(scopeOf(req), county);
        return importScores(ctx, scopeOf(req), county, fpYear, await uploadOf(req));
      },
    );
  });
}
