// Reports (JSON, and Excel with Chinese headers): the 奖惩兑现表 of the year's current decision,
// ledger statements of a unit or a person, overdue fines by collecting unit; and the receipt of
// a collection or payment (Word). Amounts are yuan here; fen inside.

import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Ctx } from '../../store/facts.ts';
import { receiptDocument } from '../../workflows/documents.ts';
import { DOCX_TYPE } from '../../workflows/docx.ts';
import { inYuan } from '../../workflows/reports.ts';
import { overdueReport, rewardsAndSanctionsReport, statementReport } from '../../workflows/reports-data.ts';
import {
  overdueWorkbook,
  rewardsAndSanctionsWorkbook,
  statementWorkbook,
} from '../../workflows/reports-xlsx.ts';
import { attachment, XLSX_TYPE } from '../../workflows/xlsx.ts';
import { scopeOf } from '../auth.ts';
import { DateStr, errors, IdParams, Open, YearParams } from '../schemas.ts';

const OnQuery = Type.Object({ on: Type.Optional(DateStr) }, { additionalProperties: false });
const StatementQuery = Type.Object(
  {
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    person: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    on: Type.Optional(DateStr),
  },
  {
    additionalProperties: false,
    description: 'unit or person (a town or unit user asking for none gets its own)',
  },
);

function send(reply: FastifyReply, type: string, filename: string, body: Buffer) {
  return reply.type(type).header('content-disposition', attachment(filename)).send(body);
}

export function reportRoutes(app: FastifyInstance, ctx: Ctx): void {
  const base = '/api/v1/counties/:county/years/:fpYear/reports';
  const tags = ['reports'];
  type Year = { county: string; fpYear: number };

  app.get(
    `${base}/rewards-and-sanctions`,
    {
      schema: {
        tags,
        summary:
          '奖惩兑现表: every reward, fine, veto and personnel action of the current decision, with its settlement',
        params: YearParams,
        querystring: OnQuery,
        response: { 200: Open, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const { county, fpYear } = req.params as Year;
      const { on } = req.query as { on?: string };
      return inYuan(await rewardsAndSanctionsReport(ctx, scopeOf(req), county, fpYear, on));
    },
  );
  app.get(
    `${base}/rewards-and-sanctions.xlsx`,
    {
      schema: {
        tags,
        summary: '奖惩兑现表 as a workbook: 汇总 and one sheet per group',
        params: YearParams,
        querystring: OnQuery,
        response: errors(400, 401, 403, 404, 422),
      },
    },
    async (req, reply) => {
      const { county, fpYear } = req.params as Year;
      const { on } = req.query as { on?: string };
      const r = await rewardsAndSanctionsReport(ctx, scopeOf(req), county, fpYear, on);
      return send(
        reply,
        XLSX_TYPE,
        `奖惩兑现表-${r.county_name}-${fpYear}.xlsx`,
        await rewardsAndSanctionsWorkbook(r),
      );
    },
  );
  app.get(
    `${base}/statement`,
    {
      schema: {
        tags,
        summary: 'ledger statement of a unit or a person: every entry, running balance, totals',
        params: YearParams,
        querystring: StatementQuery,
        response: { 200: Open, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const { county, fpYear } = req.params as Year;
      return inYuan(
        await statementReport(ctx, scopeOf(req), county, fpYear, req.query as Record<string, string>),
      );
    },
  );
  app.get(
    `${base}/statement.xlsx`,
    {
      schema: {
        tags,
        summary: 'ledger statement as a workbook (对账单)',
        params: YearParams,
        querystring: StatementQuery,
        response: errors(400, 401, 403, 404, 422),
      },
    },
    async (req, reply) => {
      const { county, fpYear } = req.params as Year;
      const s = await statementReport(ctx, scopeOf(req), county, fpYear, req.query as Record<string, string>);
      return send(reply, XLSX_TYPE, `对账单-${s.subject.name}-${fpYear}.xlsx`, await statementWorkbook(s));
    },
  );
  app.get(
    `${base}/overdue`,
    {
      schema: {
        tags,
        summary:
          'fines past their deadline and not settled, by collecting unit, with what may be deducted (八)',
        params: YearParams,
        querystring: OnQuery,
        response: { 200: Open, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const { county, fpYear } = req.params as Year;
      const { on } = req.query as { on?: string };
      return inYuan(await overdueReport(ctx, scopeOf(req), county, fpYear, on));
    },
  );
  app.get(
    `${base}/overdue.xlsx`,
    {
      schema: {
        tags,
        summary: 'overdue fines as a workbook',
        params: YearParams,
        querystring: OnQuery,
        response: errors(400, 401, 403, 404, 422),
      },
    },
    async (req, reply) => {
      const { county, fpYear } = req.params as Year;
      const { on } = req.query as { on?: string };
      const o = await overdueReport(ctx, scopeOf(req), county, fpYear, on);
      return send(
        reply,
        XLSX_TYPE,
        `逾期罚款-${o.county_name}-${fpYear}-${o.on}.xlsx`,
        await overdueWorkbook(o),
      );
    },
  );
  app.get(
    '/api/v1/ledger-entries/:id/receipt.docx',
    {
      schema: {
        tags,
        summary: 'the receipt (收款收据) of a collection or a payment, as Word',
        params: IdParams,
        response: errors(401, 403, 404, 409, 422),
      },
    },
    async (req, reply) => {
      const doc = await receiptDocument(ctx, scopeOf(req), (req.params as { id: string }).id);
      return send(reply, DOCX_TYPE, doc.filename, doc.body);
    },
  );
}
