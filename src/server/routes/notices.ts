// Warning notices after they are issued (四(三)2): the unit reports its correction, the office
// verifies it; deadlines near or past; the year's escalations under 4.3.2.2; the printable
// notice. Handlers only translate; the workflow module checks, scopes and records.

import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Ctx } from '../../store/ctx.ts';
import { noticeDocument } from '../../workflows/documents/notice.ts';
import { escalations } from '../../workflows/notices/escalations.ts';
import { listNotices, noticeItem } from '../../workflows/notices/notice-list.ts';
import {
  deadlines,
  reportCorrection,
  verifyCorrection,
  visibleNotice,
} from '../../workflows/notices/notices.ts';
import { scopeOf } from '../auth.ts';
import type { TypedApp } from '../schema-kit.ts';
import { CountyParams, DateStr, errors, FactParams, YearParams } from '../schemas.ts';
import { sendDocument } from './documents.ts';
import {
  DeadlinesOut,
  EscalationsOut,
  NoticeItemOut,
  NoticeListQuery,
  NoticeOut,
  NoticePage,
  VerifiedOut,
} from './notice-schemas.ts';

const Note = Type.String({ minLength: 1, maxLength: 2000 });
const CorrectionBody = Type.Object(
  { reported_on: DateStr, note: Note },
  { additionalProperties: false, description: 'reported_on: the day the unit corrected; note: what it did' },
);
const VerifyBody = Type.Object(
  { verified_on: DateStr, note: Type.Optional(Note) },
  {
    additionalProperties: false,
    description:
      'verified_on: the day the office verified (督查验收); note: required when no correction was reported',
  },
);
const DeadlinesQuery = Type.Object(
  {
    on: Type.Optional(DateStr),
    within: Type.Optional(Type.Integer({ minimum: 0, maximum: 366, description: 'days ahead; default 7' })),
  },
  { additionalProperties: false },
);
const PreviewQuery = Type.Object(
  {
    I13: Type.Optional(Type.String({ description: 'preview another reading of 连续二次' })),
    I7: Type.Optional(Type.String({ description: 'preview another reading of I7' })),
  },
  { additionalProperties: false },
);

/** Before the body is read: a notice outside the caller's jurisdiction is as absent as none. */
function noticeInScope(ctx: Ctx) {
  return async (req: FastifyRequest<{ Params: { county: string; id: string } }>) => {
    const { county, id } = req.params;
    await visibleNotice(ctx, scopeOf(req), county, id);
  };
}

export function noticeRoutes(app: TypedApp, ctx: Ctx): void {
  const base = '/api/v1/counties/:county/warning-notices/:id';
  const tags = ['warning-notices'];
  app.post(
    `${base}/correction`,
    {
      preValidation: noticeInScope(ctx),
      schema: {
        tags,
        summary:
          'the unit reports its correction (a town for itself and its villages; the office on its behalf)',
        params: FactParams,
        body: CorrectionBody,
        response: { 200: NoticeOut, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const { county, id } = req.params;
      return reportCorrection(ctx, scopeOf(req), county, id, req.body);
    },
  );
  app.post(
    `${base}/verify`,
    {
      preValidation: noticeInScope(ctx),
      schema: {
        tags,
        summary: 'the office verifies the correction (sets corrected_on, which the engine reads)',
        params: FactParams,
        body: VerifyBody,
        response: { 200: VerifiedOut, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const { county, id } = req.params;
      return verifyCorrection(ctx, scopeOf(req), county, id, req.body);
    },
  );
  app.get(
    `${base}/document.docx`,
    {
      schema: {
        tags,
        summary: 'the 警示通知书 (GB/T 9704, Word), with its 回执; issued once, numbered',
        params: FactParams,
        response: errors(401, 403, 404, 409),
      },
    },
    async (req, reply) => {
      const { county, id } = req.params;
      return sendDocument(reply, await noticeDocument(ctx, scopeOf(req), county, id));
    },
  );
  app.get(
    '/api/v1/counties/:county/deadlines',
    {
      schema: {
        tags,
        summary:
          'notices not yet verified whose deadline is past (逾期) or within `within` days of `on` (即将到期)',
        params: CountyParams,
        querystring: DeadlinesQuery,
        response: { 200: DeadlinesOut, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const { county } = req.params;
      return deadlines(ctx, scopeOf(req), county, req.query);
    },
  );
  app.get(
    '/api/v1/counties/:county/years/:fpYear/escalations',
    {
      schema: {
        tags,
        summary:
          'units given two notices in a row (连续二次, I13) and what the rules apply to them; units one more notice escalates',
        params: YearParams,
        querystring: PreviewQuery,
        response: { 200: EscalationsOut, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const { county, fpYear } = req.params;
      return escalations(ctx, scopeOf(req), county, fpYear, req.query);
    },
  );
  app.get(
    '/api/v1/counties/:county/years/:fpYear/warning-notices',
    {
      schema: {
        tags,
        summary:
          "the year's notices with status and deadline light, by unit, status and deadline range, paged",
        params: YearParams,
        querystring: NoticeListQuery,
        response: { 200: NoticePage, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const { county, fpYear } = req.params;
      return listNotices(ctx, scopeOf(req), county, fpYear, req.query);
    },
  );
  app.get(
    '/api/v1/counties/:county/years/:fpYear/warning-notices/:id',
    {
      schema: {
        tags,
        summary: "one notice as the list shows it (any FP year; another town's reads as absent)",
        params: Type.Object({ ...YearParams.properties, id: FactParams.properties.id }),
        response: { 200: NoticeItemOut, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const { county, id } = req.params;
      return noticeItem(ctx, scopeOf(req), county, id);
    },
  );
}
