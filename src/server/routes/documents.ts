// Official documents (GB/T 9704-2012) of the objects they concern: the year's 奖惩决定, the
// notice of a fine or a reward, the paper of a money move (receipt, remittance voucher,
// deduction notice), the letter or talk notice of a personnel recommendation; the register of
// what was issued; and each office's letterhead. A document is issued — numbered, kept and
// recorded in the audit trail — the first time it is asked for; later requests get the same one.

import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Ctx } from '../../store/ctx.ts';
import { notFound } from '../../store/errors.ts';
import type { Scope } from '../../store/scope.ts';
import type { DocumentFile } from '../../workflows/documents/common.ts';
import { decisionDocument } from '../../workflows/documents/decision.ts';
import { DOCX_TYPE } from '../../workflows/documents/docx-type.ts';
import { entryDocument } from '../../workflows/documents/ledger-documents.ts';
import { DOC_KINDS, type DocKind } from '../../workflows/documents/model.ts';
import { obligationNotice } from '../../workflows/documents/money-notices.ts';
import { listOffices, mayEditOffice, OFFICE_ZH, setOffice } from '../../workflows/documents/offices.ts';
import { actionDocument } from '../../workflows/documents/personnel.ts';
import { documentRegister } from '../../workflows/documents/register.ts';
import { attachment } from '../../workflows/workbooks/xlsx.ts';
import { scopeOf } from '../auth.ts';
import { Enum, Obj, Str, Text, type TypedApp } from '../schema-kit.ts';
import { CountyParams, errors, IdParams } from '../schemas.ts';

/** A document as a download, its 发文字号 in a header (URI-encoded) for scripts and the web app. */
export function sendDocument(reply: FastifyReply, doc: DocumentFile) {
  if (doc.number) reply.header('document-number', encodeURIComponent(doc.number));
  return reply.type(DOCX_TYPE).header('content-disposition', attachment(doc.filename)).send(doc.body);
}

const OfficeBody = Type.Object(
  {
    office: Type.Union([Type.Literal('office'), Type.Literal('finance')]),
    name: Type.String({ minLength: 1, maxLength: 40, description: '机关全称：发文机关署名，印发机关' }),
    mark: Type.String({ minLength: 1, maxLength: 40, description: '发文机关标志 in the red 版头' }),
    code: Type.String({ minLength: 1, maxLength: 10, description: '机关代字，e.g. 清人考' }),
    letterhead: Type.Union([Type.Literal('print'), Type.Literal('preprinted')], {
      description: 'print the red 版头, or leave its place blank for pre-printed 红头 paper',
    }),
    fonts: Type.Union([Type.Literal('gb'), Type.Literal('system')], {
      description: 'gb: 方正小标宋简体, 仿宋_GB2312, 楷体_GB2312; system: 宋体 bold, 仿宋, 楷体',
    }),
  },
  { additionalProperties: false },
);

/** An issuing office as set (or by default), with whether the reader may set it. */
const OfficeOut = Type.Object({
  id: Type.Union([Type.Literal('office'), Type.Literal('finance')]),
  name_zh: Type.String({ description: 'which office: 县人口考核办 or 县财政局' }),
  name: Type.String(),
  mark: Type.String(),
  code: Type.String(),
  letterhead: Type.Union([Type.Literal('print'), Type.Literal('preprinted')]),
  fonts: Type.Union([Type.Literal('gb'), Type.Literal('system')]),
  configured: Type.Boolean({ description: 'false: the defaults, the office has not set its own' }),
  editable: Type.Boolean({ description: 'whether you may set it (each office its own)' }),
});

/** One line of the 发文登记簿 (documents/register.ts). */
const RegisterLine = Obj({
  id: Str,
  kind: Enum(Object.keys(DOC_KINDS) as DocKind[]),
  kind_zh: Str,
  object_type: Str,
  object_id: Str,
  office: Text,
  number: Text,
  dated: Str,
  title: Str,
  content_sha256: Str,
  issued_by: Str,
  issued_by_name: Text,
  issued_at: Str,
});

export function documentRoutes(app: TypedApp, ctx: Ctx): void {
  const tags = ['documents'];
  /** A document of one record: made for the caller's scope from the record's id. */
  const doc = (url: string, summary: string, make: (scope: Scope, id: string) => Promise<DocumentFile>) =>
    app.get(
      url,
      { schema: { tags, summary, params: IdParams, response: errors(401, 403, 404, 409, 422) } },
      async (req, reply) => sendDocument(reply, await make(scopeOf(req), req.params.id)),
    );
  doc(
    '/api/v1/decisions/:id/document.docx',
    'the 奖惩决定 (a correction: its own 决定), as Word',
    (scope, id) => decisionDocument(ctx, scope, id),
  );
  doc(
    '/api/v1/obligations/:id/notice.docx',
    'the 罚款缴纳通知书 of a fine, or the 奖金兑现通知 of a reward, under the decision in force',
    (scope, id) => obligationNotice(ctx, scope, id),
  );
  doc(
    '/api/v1/ledger-entries/:id/document.docx',
    'the paper of a move: 收款收据 (collect), 奖金领款收据 (pay), 解缴凭证 (remit), 扣缴通知书 (deduct)',
    (scope, id) => entryDocument(ctx, scope, id),
  );
  doc(
    '/api/v1/personnel-actions/:id/document.docx',
    'the 诫勉谈话通知 of an admonishment talk, or the 人事处理建议函 to the authority that decides',
    (scope, id) => actionDocument(ctx, scope, id),
  );

  app.get(
    '/api/v1/counties/:county/documents',
    {
      schema: {
        tags,
        summary: '发文登记: the documents issued, by office, year and 发文字号',
        params: CountyParams,
        querystring: Type.Object(
          {
            year: Type.Optional(
              Type.Integer({ minimum: 1900, maximum: 2200, description: 'year of the 成文日期' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Obj({ items: Type.Array(RegisterLine) }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { county } = req.params;
      return {
        items: await documentRegister(ctx, scopeOf(req), county, req.query.year),
      };
    },
  );
  app.get(
    '/api/v1/counties/:county/issuing-offices',
    {
      schema: {
        tags,
        summary: 'the issuing offices: names, 发文机关标志, 机关代字, letterhead and fonts',
        params: CountyParams,
        response: { 200: Type.Object({ items: Type.Array(OfficeOut) }), ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const scope = scopeOf(req);
      const items = await listOffices(ctx, scope, req.params.county);
      return {
        items: items.map((o) => ({ ...o, name_zh: OFFICE_ZH[o.id], editable: mayEditOffice(scope, o.id) })),
      };
    },
  );
  app.put(
    '/api/v1/counties/:county/issuing-offices',
    {
      // Another county's offices are as absent as none, before the body is read.
      preValidation: async (req) => {
        const { county } = req.params;
        if (scopeOf(req).county !== county) throw notFound('县', county);
      },
      schema: {
        tags,
        summary: "set an office's letterhead (the assessment office its own, the finance bureau its own)",
        params: CountyParams,
        body: OfficeBody,
        response: { 200: OfficeOut, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const { county } = req.params;
      const scope = scopeOf(req);
      const o = await setOffice(ctx, scope, county, req.body);
      return { ...o, name_zh: OFFICE_ZH[o.id], editable: mayEditOffice(scope, o.id) };
    },
  );
}
