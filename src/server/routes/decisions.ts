// Decisions: what-if readings, the differences between runs, confirming an evaluation as the
// year's decision and correcting it.

import { Type } from 'typebox';
import type { ZerenResult } from '../../domain/result.ts';
import { compareResults } from '../../domain/result-diff.ts';
import { evaluateOffThread } from '../../engine-pool/pool.ts';
import { currentCase } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { comparedEvaluation, confirmDecision, getDecision, listDecisions } from '../../store/decisions.ts';
import { invalid, notFound } from '../../store/errors.ts';
import { getEvaluation } from '../../store/evaluations.ts';
import { townPacksOfYear } from '../../store/town-packs.ts';
import { diffChanges, namedDecisions } from '../../workflows/evaluation/evaluation-answers.ts';
import { scopeOf } from '../auth.ts';
import type { TypedApp } from '../schema-kit.ts';
import { DateStr, errors, IdParams, Interpretations, YearParams } from '../schemas.ts';
import { DecisionOut, DiffOut, Result, WhatIfOut } from './evaluation-schemas.ts';

const totals = (r: ZerenResult) => {
  let rewards = 0;
  let fines = 0;
  for (const c of r.consequences) {
    if (c.type === 'reward') rewards += Math.round(c.amount_yuan! * 100);
    if (c.type === 'fine') fines += Math.round(c.amount_yuan! * 100);
  }
  return {
    rewards_fen: rewards,
    fines_fen: fines,
    consequences: r.consequences.length,
    withheld: r.withheld.length,
  };
};

export function decisionRoutes(app: TypedApp, ctx: Ctx): void {
  const base = '/api/v1/counties/:county/years/:fpYear';
  const tags = ['decisions'];

  app.post(
    `${base}/what-if`,
    {
      schema: {
        tags,
        summary: 'evaluate the stored year under other readings and show what changes (nothing is stored)',
        params: YearParams,
        body: Type.Object({ interpretations: Interpretations }, { additionalProperties: false }),
        response: { 200: WhatIfOut, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const { county, fpYear } = req.params;
      const scope = scopeOf(req);
      if (scope.county !== county) throw notFound('县', county);
      const { kase } = await currentCase(ctx, county, fpYear);
      const towns = await townPacksOfYear(ctx.db, county, fpYear);
      const [base, other] = await Promise.all([
        evaluateOffThread(kase.policy, kase, {}, undefined, towns),
        evaluateOffThread(kase.policy, kase, req.body.interpretations, undefined, towns),
      ]);
      if (!base.ok) throw invalid(base.problems);
      if (!other.ok) throw invalid(other.problems);
      const diff = compareResults(base.value, other.value);
      return {
        interpretations: other.value.interpretations,
        before: totals(base.value),
        after: totals(other.value),
        diff,
        changes: await diffChanges(ctx, county, diff),
      };
    },
  );

  app.get(
    '/api/v1/evaluations/:id/diff',
    {
      schema: {
        tags,
        summary:
          'what changed from the previous run (against=previous), from the decision in force (against=decision) or from another evaluation',
        params: IdParams,
        querystring: Type.Object({ against: Type.String({ default: 'previous' }) }),
        response: { 200: DiffOut, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const scope = scopeOf(req);
      const { id } = req.params;
      const { against } = req.query;
      const me = await getEvaluation(ctx, scope, id);
      const otherId = await comparedEvaluation(ctx.db, me.receipt, against);
      if (!otherId) throw notFound(against === 'decision' ? '本年度的决定' : '上一次评定', against);
      const other = await getEvaluation(ctx, scope, otherId);
      const diff = compareResults(other.result, me.result);
      return {
        from: {
          evaluation: other.receipt.id,
          interpretations: other.receipt.interpretations,
          ...totals(other.result),
        },
        to: { evaluation: me.receipt.id, interpretations: me.receipt.interpretations, ...totals(me.result) },
        diff,
        changes: await diffChanges(ctx, me.receipt.county, diff),
      };
    },
  );

  app.get(
    `${base}/decisions`,
    {
      schema: {
        tags,
        summary: 'the decisions of the year, oldest first; the one no later decision supersedes is in force',
        params: YearParams,
        response: { 200: Type.Object({ items: Type.Array(DecisionOut) }), ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const { county, fpYear } = req.params;
      return {
        items: await namedDecisions(ctx.db, await listDecisions(ctx.db, scopeOf(req), county, fpYear)),
      };
    },
  );

  app.post(
    `${base}/decisions`,
    {
      schema: {
        tags,
        summary:
          "confirm an evaluation as the year's decision, or correct the decision in force (supersedes + reason)",
        params: YearParams,
        body: Type.Object(
          {
            evaluation_id: Type.String({ minLength: 1 }),
            fines_due_on: DateStr,
            supersedes: Type.Optional(Type.String()),
            reason: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: DecisionOut, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const { county, fpYear } = req.params;
      const decision = await confirmDecision(ctx, scopeOf(req), county, fpYear, req.body);
      reply.status(201);
      return (await namedDecisions(ctx.db, [decision]))[0];
    },
  );

  app.get(
    '/api/v1/decisions/:id',
    {
      schema: {
        tags,
        summary: 'a decision and its result (a town or unit sees its own consequences)',
        params: IdParams,
        response: {
          200: Type.Object({ decision: DecisionOut, result: Result }, { additionalProperties: false }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => {
      const { decision, result } = await getDecision(ctx, scopeOf(req), req.params.id);
      return { decision: (await namedDecisions(ctx.db, [decision]))[0]!, result };
    },
  );
}
