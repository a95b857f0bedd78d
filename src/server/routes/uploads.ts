// Excel uploads (a filled roster or score sheet) as a browser's file form sends them
// (multipart/form-data with one file field) or as the raw file (Content-Type of a workbook, or
// application/octet-stream; the body of an .xls or a CSV is taken too, to be told what it is).
// At most XLSX_LIMIT bytes either way; what the file holds is judged by reading it
// (workflows/workbooks/excel-read.ts), not by its name or type.

import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { attachment, XLSX_TYPE } from '../../workflows/workbooks/excel.ts';
import type { Upload } from '../../workflows/workbooks/excel-read.ts';
import { HttpError } from '../errors.ts';

/** Upload limit of a workbook: a county's roster or score sheet is a few hundred kilobytes. */
export const XLSX_LIMIT = 10 * 1024 * 1024;
const MB = XLSX_LIMIT / 1024 / 1024;

/** Raw bodies taken as a file: a workbook, and what people send by mistake (to be told what it is). */
const RAW_TYPES = [
  XLSX_TYPE,
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/zip',
  'application/x-zip-compressed',
  'text/csv',
];

export const UPLOAD_HELP = `the file as multipart/form-data (one file field, as a browser's file form sends it) or as the raw body (Content-Type ${XLSX_TYPE}); at most ${MB} MB`;

/** Adds the upload parsers (raw bytes, and multipart) to an encapsulated context, so they clash with no other. */
export async function acceptUploads(app: FastifyInstance): Promise<void> {
  for (const type of RAW_TYPES)
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: XLSX_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
  await app.register(multipart, {
    limits: { fileSize: XLSX_LIMIT, files: 1, fields: 10, fieldSize: 4096, parts: 11, headerPairs: 100 },
  });
}

const tooBig = () =>
  new HttpError(
    413,
    'too_large',
    `文件超过 ${MB} MB，请只上传填写好的模板`,
    `the file is over ${MB} MB; upload only the filled template`,
  );

/** The uploaded file: the one file of a multipart form, or the raw body. */
export async function uploadOf(req: FastifyRequest): Promise<Upload> {
  if (req.isMultipart()) {
    let upload: Upload | undefined;
    try {
      for await (const part of req.parts()) {
        if (part.type !== 'file') continue;
        if (upload) throw oneFile();
        upload = { data: await part.toBuffer(), filename: part.filename || undefined };
      }
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooBig();
      if (code === 'FST_FILES_LIMIT') throw oneFile();
      if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
        throw new HttpError(413, 'too_large', '表单字段过多', 'the form has too many fields');
      throw e;
    }
    if (!upload)
      throw new HttpError(
        422,
        'no_file',
        '表单中没有文件；请选择要上传的 Excel 工作簿（.xlsx）',
        'the form holds no file; choose the Excel workbook (.xlsx) to upload',
      );
    return upload;
  }
  if (Buffer.isBuffer(req.body)) return { data: req.body };
  throw new HttpError(
    415,
    'unsupported_media_type',
    `请上传 Excel 文件（表单文件，或 Content-Type: ${XLSX_TYPE}）`,
    `upload an Excel file (a form's file, or Content-Type: ${XLSX_TYPE})`,
  );
}

const oneFile = () => new HttpError(422, 'one_file', '一次只能上传一个文件', 'upload one file at a time');

export function sendXlsx(reply: FastifyReply, file: { filename: string; body: Buffer }) {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', attachment(file.filename))
    .send(file.body);
}
