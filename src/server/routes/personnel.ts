// Personnel actions: the recommendations of the decision in force, what the deciding authority
// did with them, and whether a person may be transferred or promoted on a day.

import { Type } from 'typebox';
import type { Ctx } from '../../store/ctx.ts';
import { listActions, recordOutcome, restrictionsOn } from '../../store/personnel.ts';
import { scopeOf } from '../auth.ts';
import type { TypedApp } from '../schema-kit.ts';
import { DateStr, errors, IdParams, YearParams } from '../schemas.ts';
import { ActionsOut, ActionsQuery, pageOf, RecordOut, RestrictionsOut } from './personnel-schemas.ts';

export function personnelRoutes(app: TypedApp, ctx: Ctx): void {
  const tags = ['personnel'];
  app.get(
    '/api/v1/counties/:county/years/:fpYear/personnel-actions',
    {
      schema: {
        tags,
        summary: 'recommendations in force and what was decided',
        params: YearParams,
        querystring: ActionsQuery,
        response: { 200: ActionsOut, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { county, fpYear } = req.params;
      const q = req.query;
      const all = await listActions(ctx, scopeOf(req), county, fpYear, q.person);
      return pageOf(all, q);
    },
  );
  app.post(
    '/api/v1/personnel-actions/:id/records',
    {
      schema: {
        tags,
        summary: 'record what the deciding authority did: adopted or not_adopted, by whom and when',
        params: IdParams,
        body: Type.Object(
          {
            outcome: Type.Union([Type.Literal('adopted'), Type.Literal('not_adopted')]),
            authority: Type.String({ minLength: 1, maxLength: 200 }),
            decided_on: DateStr,
            note: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: RecordOut, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return recordOutcome(ctx, scopeOf(req), req.params.id, req.body);
    },
  );
  app.get(
    '/api/v1/counties/:county/people/:id/restrictions',
    {
      schema: {
        tags,
        summary: 'may the person be transferred or promoted on that date, and why not',
        params: Type.Object({ county: Type.String(), id: Type.String() }),
        querystring: Type.Object({ on: DateStr }),
        response: { 200: RestrictionsOut, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { county, id } = req.params;
      return restrictionsOn(ctx, scopeOf(req), county, id, req.query.on);
    },
  );
}
