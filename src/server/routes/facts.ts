// The facts of a county, one set of routes per kind: list (paged, filtered), read, create,
// update, close. Handlers only translate; the data layer checks, scopes and records.

import type { Ctx } from '../../store/ctx.ts';
import { FACT_API } from '../../store/fact-api.ts';
import { FACTS, type FactName } from '../../store/fact-kinds.ts';
import { closeFact, createFact, getFact, listFacts, updateFact } from '../../store/facts.ts';
import { FACT_ROUTES } from '../access.ts';
import { scopeOf } from '../auth.ts';
import type { TypedApp } from '../schema-kit.ts';
import {
  CloseBody,
  CountyParams,
  createBody,
  errors,
  FactParams,
  listed,
  listQuery,
  patchBody,
} from '../schemas.ts';

export function factRoutes(app: TypedApp, ctx: Ctx): void {
  for (const [seg, name] of Object.entries(FACT_ROUTES)) kindRoutes(app, ctx, seg, name);
}

/**
 * One kind's routes, answering its own closed schema (fact-api.ts): a field the kind does not
 * declare is not answered. The store's `toApi` of each kind is typed by the same schema.
 */
function kindRoutes(app: TypedApp, ctx: Ctx, seg: string, name: FactName): void {
  const Fact = FACT_API[name];
  const base = `/api/v1/counties/:county/${seg}`;
  const tags = [seg];
  app.get(
    base,
    {
      schema: {
        tags,
        summary: `list ${seg}`,
        params: CountyParams,
        querystring: listQuery(Object.keys(FACTS[name].filters)),
        response: { 200: listed(Fact), ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const { county } = req.params;
      const { limit, offset, include_retracted, ...filters } = req.query;
      return listFacts(
        ctx,
        scopeOf(req),
        county,
        name,
        filters as Record<string, string>,
        { limit: limit as number, offset: offset as number },
        include_retracted === true,
      );
    },
  );
  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: `read one of ${seg}`,
        params: FactParams,
        response: { 200: Fact, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const { county, id } = req.params;
      return getFact(ctx, scopeOf(req), county, name, id);
    },
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: `create one of ${seg}`,
        params: CountyParams,
        body: createBody(name),
        response: { 201: Fact, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const { county } = req.params;
      reply.status(201);
      return createFact(ctx, scopeOf(req), county, name, req.body);
    },
  );
  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: `update one of ${seg}`,
        params: FactParams,
        body: patchBody(name),
        response: { 200: Fact, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const { county, id } = req.params;
      return updateFact(ctx, scopeOf(req), county, name, id, req.body);
    },
  );
  app.post(
    `${base}/:id/close`,
    {
      schema: {
        tags,
        summary: `close one of ${seg}: end it on a date (units, posts, links) or retract it with a reason`,
        params: FactParams,
        body: CloseBody,
        response: { 200: Fact, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const { county, id } = req.params;
      return closeFact(ctx, scopeOf(req), county, name, id, req.body);
    },
  );
}
