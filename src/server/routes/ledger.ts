// Fines (八) and reward payments (兑现): the obligations of the decision in force and the moves of
// money. Every move carries an Idempotency-Key: a repeat returns the first answer, moves nothing.
// Every amount, in a request or an answer, is integer fen and says so (`amount_fen`, `*_fen`).

import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Ctx } from '../../store/ctx.ts';
import { MOVES, type Move } from '../../store/ledger-core.ts';
import type { Replayed } from '../../store/ledger-idempotency.ts';
import { move, reverse } from '../../store/ledger-moves.ts';
import { balanceSheet, obligationDetail, obligationPage } from '../../workflows/reports/obligations.ts';
import { scopeOf } from '../auth.ts';
import type { TypedApp } from '../schema-kit.ts';
import { DateStr, errors, IdParams, OFFSET_MAX, YearParams } from '../schemas.ts';
import {
  BalanceSheet,
  Kind,
  MoveAnswer,
  ObligationDetail,
  ObligationPage,
  Status,
} from './ledger-schemas.ts';

const key = (req: FastifyRequest) => req.headers['idempotency-key'] as string | undefined;

/** 201 for a move made now; 200 and `idempotent-replayed: true` for a repeat of one made before. */
function answer<T>(reply: FastifyReply, r: Replayed<T>): T {
  reply.status(r.replayed ? 200 : 201).header('idempotent-replayed', String(r.replayed));
  return r.body;
}

const MOVE_ZH: Record<Move, string> = {
  collect: '收缴罚款（填收据号）',
  remit: '上缴县财政局',
  refund: '退还多缴的罚款（单位尚持有的部分）',
  deduct: '逾期未收缴，从单位拨款中扣除（财政局，只扣已到期未缴的部分）',
  recover: '从拨款中扣除后，单位向本人追回（填收据号）',
  finance_refund: '退还多缴的罚款（已上缴或已扣除的部分，财政局）',
  pay: '支付奖金（财政局，填凭证号）',
};
/** The route of each move: `/obligations/{id}/finance-refund` for `finance_refund`. */
const PATH: Record<Move, string> = {
  collect: 'collect',
  remit: 'remit',
  refund: 'refund',
  deduct: 'deduct',
  recover: 'recover',
  finance_refund: 'finance-refund',
  pay: 'pay',
};

export function ledgerRoutes(app: TypedApp, ctx: Ctx): void {
  const tags = ['ledger'];
  app.get(
    '/api/v1/counties/:county/years/:fpYear/obligations',
    {
      schema: {
        tags,
        summary:
          'fines owed and rewards payable, with balances and status, filtered and paged (a town or unit sees what it collects or receives)',
        params: YearParams,
        querystring: Type.Object({
          kind: Type.Optional(Kind),
          town: Type.Optional(Type.String({ maxLength: 100, description: 'the town of the unit that acts' })),
          unit: Type.Optional(Type.String({ maxLength: 100 })),
          person: Type.Optional(Type.String({ maxLength: 100, description: 'a person’s id' })),
          name: Type.Optional(
            Type.String({ maxLength: 100, description: 'part of the name of the person or unit' }),
          ),
          clause: Type.Optional(Type.String({ maxLength: 20 })),
          source: Type.Optional(
            Type.String({ maxLength: 100, description: 'the source (来源): `county`, or a town pack’s id' }),
          ),
          status: Type.Optional(Status),
          open: Type.Optional(Type.Boolean()),
          on: Type.Optional(DateStr),
          limit: Type.Integer({ minimum: 1, maximum: 1000, default: 1000 }),
          offset: Type.Integer({ minimum: 0, maximum: OFFSET_MAX, default: 0 }),
        }),
        response: { 200: ObligationPage, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { county, fpYear } = req.params;
      return obligationPage(ctx, scopeOf(req), county, fpYear, req.query);
    },
  );
  app.get(
    '/api/v1/obligations/:id',
    {
      schema: {
        tags,
        summary: 'an obligation with every ledger entry, and its balance as of a day (default today)',
        params: IdParams,
        querystring: Type.Object({ on: Type.Optional(DateStr) }),
        response: { 200: ObligationDetail, ...errors(401, 403, 404) },
      },
    },
    async (req) => obligationDetail(ctx, scopeOf(req), req.params.id, req.query.on),
  );
  for (const kind of MOVES)
    app.post(
      `/api/v1/obligations/:id/${PATH[kind]}`,
      {
        schema: {
          tags,
          summary: `${MOVE_ZH[kind]} — needs an Idempotency-Key header`,
          params: IdParams,
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
          body: Type.Object(
            {
              amount_fen: Type.Integer({
                minimum: 1,
                maximum: 10_000_000_000,
                description: '金额，单位为分（integer fen: 1 yuan = 100 fen）',
              }),
              receipt_no: Type.Optional(Type.String({ maxLength: 100 })),
              on: Type.Optional(DateStr),
              note: Type.Optional(Type.String({ maxLength: 500 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: MoveAnswer, 201: MoveAnswer, ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req, reply) => {
        const { id } = req.params;
        return answer(reply, await move(ctx, scopeOf(req), id, kind, req.body, key(req)));
      },
    );
  app.post(
    '/api/v1/ledger-entries/:id/reverse',
    {
      schema: {
        tags,
        summary:
          'reverse an entry made by mistake (a correcting entry; nothing is edited) — needs an Idempotency-Key header',
        params: IdParams,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: MoveAnswer, 201: MoveAnswer, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      return answer(reply, await reverse(ctx, scopeOf(req), id, req.body.reason, key(req)));
    },
  );
  app.get(
    '/api/v1/counties/:county/years/:fpYear/balances',
    {
      schema: {
        tags,
        summary: 'balances by person, by collecting unit, by town and for the county, with names',
        params: YearParams,
        querystring: Type.Object({
          on: Type.Optional(DateStr),
          source: Type.Optional(
            Type.String({ maxLength: 100, description: 'the source (来源): `county`, or a town pack’s id' }),
          ),
        }),
        response: { 200: BalanceSheet, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const { county, fpYear } = req.params;
      return balanceSheet(ctx, scopeOf(req), county, fpYear, req.query.on, req.query.source);
    },
  );
}
