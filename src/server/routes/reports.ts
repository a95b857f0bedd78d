// Reports (JSON, and Excel with Chinese headers): the 奖惩兑现表 of the year's current decision,
// ledger statements of a unit or a person, overdue fines by collecting unit; and the receipt of
// a collection or payment (Word). Amounts are integer fen in JSON (`*_fen`), as everywhere in the
// API; the workbooks show yuan, with 元 in their headers.

import type { FastifyReply } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { renderOffThread } from '../../engine-pool/pool.ts';
import type { Ctx } from '../../store/ctx.ts';
import { readSnapshot } from '../../store/db.ts';
import type { Scope } from '../../store/scope.ts';
import { entryDocument } from '../../workflows/documents/ledger-documents.ts';
import { today } from '../../workflows/notices/days.ts';
import { preparerName } from '../../workflows/reports/preparer.ts';
import {
  overdueReport,
  rewardsAndSanctionsReport,
  statementReport,
} from '../../workflows/reports/reports-data.ts';
import { attachment, type Signature, XLSX_TYPE } from '../../workflows/workbooks/xlsx.ts';
import { scopeOf } from '../auth.ts';
import type { TypedApp } from '../schema-kit.ts';
import { DateStr, errors, IdParams, YearParams } from '../schemas.ts';
import { sendDocument } from './documents.ts';
import { Overdue, RewardsAndSanctions, Statement } from './report-schemas.ts';

const OnQuery = Type.Object({ on: Type.Optional(DateStr) }, { additionalProperties: false });
const OverdueQuery = Type.Object(
  {
    on: Type.Optional(DateStr),
    as_of: Type.Optional({ ...DateStr, description: 'the same as on: the day the list is as of' }),
  },
  { additionalProperties: false },
);
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

/** What a report may read of the query: each report's schema admits its own part of it. */
type ReportQuery = Static<typeof OnQuery> & Static<typeof OverdueQuery> & Static<typeof StatementQuery>;

function send(reply: FastifyReply, type: string, filename: string, body: Buffer) {
  return reply.type(type).header('content-disposition', attachment(filename)).send(body);
}

/** Each report: how it is loaded, and its workbook. Each is served as JSON and as `.xlsx`. */
interface Report<R> {
  path: string;
  /** The JSON answer's schema. */
  answer: TSchema;
  summary: string;
  query: typeof OnQuery | typeof StatementQuery | typeof OverdueQuery;
  load(ctx: Ctx, scope: Scope, q: ReportQuery, county: string, year: number): Promise<R>;
  workbook(r: R, sign: Signature): Promise<Buffer>;
  filename(r: R, year: number): string;
}

const report = <R>(r: Report<R>) => r as Report<unknown>;

const REPORTS = [
  report({
    path: 'rewards-and-sanctions',
    answer: RewardsAndSanctions,
    summary:
      '奖惩兑现表: every reward, fine, veto and personnel action of the current decision, with its settlement',
    query: OnQuery,
    load: (ctx, scope, q, county, year) => rewardsAndSanctionsReport(ctx, scope, county, year, q.on),
    workbook: (r, sign) => renderOffThread('rewardsAndSanctionsWorkbook', r, sign),
    filename: (r, year) => `奖惩兑现表-${r.county_name}-${year}.xlsx`,
  }),
  report({
    path: 'statement',
    answer: Statement,
    summary: 'ledger statement (对账单) of a unit or a person: every entry, running balance, totals',
    query: StatementQuery,
    load: (ctx, scope, q, county, year) => statementReport(ctx, scope, county, year, q),
    workbook: (s, sign) => renderOffThread('statementWorkbook', s, sign),
    filename: (s, year) => `对账单-${s.subject.name}-${year}.xlsx`,
  }),
  report({
    path: 'overdue',
    answer: Overdue,
    summary: 'fines past their deadline and not settled, by collecting unit, with what may be deducted (八)',
    query: OverdueQuery,
    load: (ctx, scope, q, county, year) => overdueReport(ctx, scope, county, year, q.on ?? q.as_of),
    workbook: (o, sign) => renderOffThread('overdueWorkbook', o, sign),
    filename: (o, year) => `逾期罚款-${o.county_name}-${year}-${o.on}.xlsx`,
  }),
];

export function reportRoutes(app: TypedApp, ctx: Ctx): void {
  const base = '/api/v1/counties/:county/years/:fpYear/reports';
  const tags = ['reports'];

  for (const r of REPORTS) {
    const schema = { tags, summary: r.summary, params: YearParams, querystring: r.query };
    app.get(
      `${base}/${r.path}`,
      { schema: { ...schema, response: { 200: r.answer, ...errors(400, 401, 403, 404, 422) } } },
      async (req) => {
        const { county, fpYear } = req.params;
        return readSnapshot(ctx.db, (db) => r.load({ ...ctx, db }, scopeOf(req), req.query, county, fpYear));
      },
    );
    app.get(
      `${base}/${r.path}.xlsx`,
      {
        schema: {
          ...schema,
          summary: `${r.summary} — as an Excel workbook`,
          response: errors(400, 401, 403, 404, 422),
        },
      },
      async (req, reply) => {
        const { county, fpYear } = req.params;
        const [loaded, preparedBy] = await readSnapshot(ctx.db, async (db) => [
          await r.load({ ...ctx, db }, scopeOf(req), req.query, county, fpYear),
          await preparerName(db, scopeOf(req)),
        ]);
        const sign = { preparedBy, on: today(ctx) };
        return send(reply, XLSX_TYPE, r.filename(loaded, fpYear), await r.workbook(loaded, sign));
      },
    );
  }
  app.get(
    '/api/v1/ledger-entries/:id/receipt.docx',
    {
      schema: {
        tags,
        summary: 'the receipt (收款收据, 奖金领款收据) of a collection or a payment, three copies, as Word',
        params: IdParams,
        response: errors(401, 403, 404, 409, 422),
      },
    },
    async (req, reply) => {
      const id = req.params.id;
      return sendDocument(reply, await entryDocument(ctx, scopeOf(req), id, ['collect', 'pay']));
    },
  );
}
