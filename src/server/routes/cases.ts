// A county's FP year as one case (export and import), its evaluations and their receipts.

import { Type } from 'typebox';
import { exportCase, getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { evaluateYear, getEvaluation, listEvaluations, verifyReceipt } from '../../store/evaluations.ts';
import { townPacksOfYear } from '../../store/town-packs.ts';
import { importCase } from '../../store/year-import.ts';
import {
  checkAnswer,
  evaluationAnswer,
  namedReceipts,
} from '../../workflows/evaluation/evaluation-answers.ts';
import { scopeOf } from '../auth.ts';
import type { TypedApp } from '../schema-kit.ts';
import { CaseDocument, errors, IdParams, Interpretations, YearParams } from '../schemas.ts';
import { acceptLargeJson, LargeJson, validateLarge } from '../validation/validate-large.ts';
import { CheckOut, EvaluationOut, ReceiptOut } from './evaluation-schemas.ts';

const CASE_LIMIT = 64 * 1024 * 1024;

const n = (description: string) => Type.Integer({ minimum: 0, description });
/** What an import did: every count of rows it changed, and their sum (0: the year already was the case). */
const ImportSummaryOut = Type.Object({
  import_id: Type.String(),
  case_sha256: Type.String(),
  inserted: n('rows added'),
  updated: n('rows changed to read as the case'),
  restored: n('rows withdrawn earlier and listed again'),
  closed: n('posts and links ended the day before the year'),
  retracted: n('rows the case no longer lists, withdrawn'),
  linked: n('facts outside the year now held by it'),
  unlinked: n('facts outside the year no longer held by it'),
  changes: n('the sum of the above'),
});

export function caseRoutes(app: TypedApp, ctx: Ctx): void {
  const base = '/api/v1/counties/:county/years/:fpYear';
  const tags = ['cases'];
  app.get(
    `${base}/case`,
    {
      schema: {
        tags,
        summary: 'export the year as one zeren-case/1 document: exactly what the engine evaluates',
        params: YearParams,
        response: { 200: CaseDocument, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const { county, fpYear } = req.params;
      return exportCase(ctx, scopeOf(req), county, fpYear);
    },
  );
  // A large case is parsed and validated in a worker thread (validation/validate-large.ts).
  app.register(async (r: TypedApp) => {
    acceptLargeJson(r, CASE_LIMIT);
    r.put(
      `${base}/case`,
      {
        bodyLimit: CASE_LIMIT,
        schema: {
          tags,
          summary:
            'import a whole case; one that does not validate returns 422 with its problems (the first 1,000 and their count) and writes nothing',
          params: YearParams,
          body: CaseDocument,
          response: { 200: ImportSummaryOut, ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const { county, fpYear } = req.params;
        const body =
          req.body instanceof LargeJson
            ? await validateLarge(
                (await getCounty(ctx.db, county)).policy,
                req.body,
                await townPacksOfYear(ctx.db, county, fpYear),
              )
            : req.body;
        return importCase(ctx, scopeOf(req), county, fpYear, body);
      },
    );
  });
  app.post(
    `${base}/evaluations`,
    {
      schema: {
        tags: ['evaluations'],
        summary: 'evaluate the stored facts; returns the receipt, the result and its view for the screen',
        params: YearParams,
        body: Type.Optional(
          Type.Object({ interpretations: Type.Optional(Interpretations) }, { additionalProperties: false }),
        ),
        response: { 201: EvaluationOut, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const { county, fpYear } = req.params;
      reply.status(201);
      return evaluationAnswer(
        ctx,
        await evaluateYear(ctx, scopeOf(req), county, fpYear, req.body?.interpretations ?? {}),
        scopeOf(req),
      );
    },
  );
  app.get(
    `${base}/evaluations`,
    {
      schema: {
        tags: ['evaluations'],
        summary: 'the receipts of a year, newest first',
        params: YearParams,
        response: { 200: Type.Object({ items: Type.Array(ReceiptOut) }), ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const { county, fpYear } = req.params;
      return { items: await namedReceipts(ctx.db, await listEvaluations(ctx, scopeOf(req), county, fpYear)) };
    },
  );
  app.get(
    '/api/v1/evaluations/:id',
    {
      schema: {
        tags: ['evaluations'],
        summary:
          'a receipt, its result and its view for the screen (a town or unit sees its own consequences)',
        params: IdParams,
        response: { 200: EvaluationOut, ...errors(401, 403, 404) },
      },
    },
    async (req) => evaluationAnswer(ctx, await getEvaluation(ctx, scopeOf(req), req.params.id), scopeOf(req)),
  );
  app.get(
    '/api/v1/evaluations/:id/verify',
    {
      schema: {
        tags: ['evaluations'],
        summary: 're-run a receipt and say whether it reproduces',
        params: IdParams,
        response: { 200: CheckOut, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const { id } = req.params;
      await getEvaluation(ctx, scopeOf(req), id);
      return checkAnswer(await verifyReceipt(ctx, id));
    },
  );
}
