// Excel intake end to end through the API, on SQLite and PostgreSQL: rosters saved by openpyxl,
// LibreOffice and WPS (with cell comments, threaded comments, a 序号 column, swapped columns, a
// note row above the header) are read as their content; multipart uploads from a browser's form
// are taken; files that are not workbooks are named for what they are; a zip bomb is refused with
// 413 or 422 and the server's memory stays bounded.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { DIALECTS } from '../../store/testing.ts';
import { XLSX_TYPE } from './excel.ts';
import { deflatedZeros, peakGrowth, workbookParts, zipOf } from './zip-kit.ts';

const Y = '/api/v1/counties/qingshui/years/2009';
const DF = `${Y}/rosters/t-dongfeng`;
const MiB = 1024 * 1024;
const file = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/** A multipart/form-data body as a browser's file form sends it. */
export function form(
  files: { field?: string; filename: string; data: Buffer; type?: string }[],
  fields = {},
) {
  const boundary = '----ZerenFormBoundary7MA4YWxkTrZu0gW';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? XLSX_TYPE}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

type Content = { people: { id: string; staff_type?: string }[]; posts: unknown[]; links: unknown[] };
/** A roster's content in a fixed order; a staff type left out is the default (civil_servant). */
const sorted = (c: Content) => ({
  people: c.people.map((p) => JSON.stringify({ ...p, staff_type: p.staff_type ?? 'civil_servant' })).sort(),
  posts: c.posts.map((p) => JSON.stringify(p)).sort(),
  links: c.links.map((l) => JSON.stringify(l)).sort(),
});

for (const dialect of DIALECTS)
  describe(`Excel intake on ${dialect}`, () => {
    let f: Kit;
    let stored: Content;
    beforeAll(async () => {
      f = await workflowKit(dialect);
      stored = (await f.as('dongfeng', { url: DF })).json().stored;
    });
    afterAll(async () => {
      await f.close();
    });

    it('reads rosters saved by openpyxl, LibreOffice and WPS, comments, moved and added columns and all', async () => {
      for (const name of ['roster-openpyxl.xlsx', 'roster-libreoffice.xlsx', 'roster-wps.xlsx']) {
        const r = await f.upload('dongfeng', `${DF}/xlsx`, file(name));
        expect(r.statusCode, `${name}: ${r.body}`).toBe(200);
        // The file is the template unchanged, whatever the program did to its layout.
        expect(sorted(r.json().content), name).toEqual(sorted(stored));
      }
    });

    it('takes the file of a browser form (multipart), one file, and says what is wrong with others', async () => {
      const ok = await f.as('dongfeng', {
        method: 'PUT',
        url: `${DF}/xlsx`,
        ...form([{ filename: '东风镇名单.xlsx', data: file('roster-wps.xlsx') }], { note: '2009 年度' }),
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(sorted(ok.json().content)).toEqual(sorted(stored));

      const xls = await f.as('dongfeng', {
        method: 'PUT',
        url: `${DF}/xlsx`,
        ...form([{ filename: '东风镇名单.xls', data: file('roster.xls'), type: 'application/vnd.ms-excel' }]),
      });
      expect(xls.statusCode).toBe(422);
      expect(xls.json().error.problems[0]).toMatchObject({
        code: 'not_xlsx',
        zh: expect.stringMatching(
          /^文件“东风镇名单\.xls”是旧版 Excel 97-2003 或 WPS 表格工作簿（\.xls \/ \.et），不是 Excel 工作簿（\.xlsx）；请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（\*\.xlsx）后上传。$/,
        ),
        en: expect.stringContaining('an old Excel 97-2003 or WPS workbook (.xls / .et)'),
      });
      const ods = await f.as('dongfeng', {
        method: 'PUT',
        url: `${DF}/xlsx`,
        ...form([{ filename: '名单.xlsx', data: file('roster.ods') }]),
      });
      expect(ods.json().error.problems[0].zh).toContain(
        '扩展名是 .xlsx，但实际是OpenDocument 电子表格（.ods）',
      );
      const csv = await f.as('dongfeng', {
        method: 'PUT',
        url: `${DF}/xlsx`,
        headers: { 'content-type': 'text/csv' },
        payload: '人员编号,姓名\np-zhang,张书记\n',
      });
      expect(csv.statusCode).toBe(422);
      expect(csv.json().error.problems[0].zh).toContain('CSV 文本文件');

      const two = await f.as('dongfeng', {
        method: 'PUT',
        url: `${DF}/xlsx`,
        ...form([
          { filename: 'a.xlsx', data: file('roster-wps.xlsx') },
          { filename: 'b.xlsx', data: file('roster-wps.xlsx') },
        ]),
      });
      expect(two.statusCode).toBe(422);
      expect(two.json().error).toMatchObject({ code: 'one_file', zh: '一次只能上传一个文件' });
      const none = await f.as('dongfeng', { method: 'PUT', url: `${DF}/xlsx`, ...form([], { a: 'b' }) });
      expect(none.json().error).toMatchObject({ code: 'no_file' });
      const big = await f.as('dongfeng', {
        method: 'PUT',
        url: `${DF}/xlsx`,
        ...form([{ filename: 'big.xlsx', data: Buffer.alloc(11 * MiB) }]),
      });
      expect(big.statusCode).toBe(413);
      expect(big.json().error.zh).toContain('文件超过 10 MB');
      // Another town's roster is absent, whatever the form holds.
      const other = await f.as('xishan', {
        method: 'PUT',
        url: `${DF}/xlsx`,
        ...form([{ filename: 'a.xlsx', data: file('roster-wps.xlsx') }]),
      });
      expect(other.statusCode).toBe(404);
      const scores = await f.as('office', {
        method: 'PUT',
        url: `${Y}/scores/xlsx`,
        ...form([{ filename: '分数.xlsx', data: file('roster.xls') }]),
      });
      expect(scores.json().error.problems[0].code).toBe('not_xlsx');
    });

    it('refuses zip bombs with 413 or 422 and a clear message, memory bounded', async () => {
      const honest = zipOf(workbookParts(deflatedZeros(1024), 1024 * MiB));
      const liar = zipOf(workbookParts(deflatedZeros(1024), 4096));
      let answers: { statusCode: number; json(): { error: { problems: { code: string; zh: string }[] } } }[] =
        [];
      const growth = await peakGrowth(async () => {
        answers = [
          await f.upload('dongfeng', `${DF}/xlsx`, honest),
          await f.upload('office', `${Y}/scores/xlsx`, liar),
        ];
      });
      // Each 1 GiB bomb is a 1 MiB body: the server holds the body and a few chunks, not the inflated GiB
      // (today's main grew by 1.6 GiB here).
      expect(growth).toBeLessThan(64 * MiB);
      expect(answers.map((a) => a.statusCode)).toEqual([413, 422]);
      expect(answers[0]!.json().error.problems[0]).toMatchObject({
        code: 'xlsx_too_large',
        zh: expect.stringContaining('解压后超过 48 MiB'),
      });
      expect(answers[1]!.json().error.problems[0]!.code).toBe('xlsx_corrupt');
    });
  });
