// How the templates look when a clerk opens them, read back from the downloaded files (exceljs,
// and the sheet XML itself): a title row, the header in 宋体 bold, both locked while the data area
// stays editable, no 人员类别 asked of village cadres, 抽中 / 失职 on the score sheet, and Chinese
// text with full-width punctuation everywhere, notes and dropdown choices included.

import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRow, readXlsx, rowsOf } from '../../../test/support/files.ts';
import { type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { DIALECTS } from '../../store/testing.ts';
import type { Workbook } from './excel.ts';

const Y = '/api/v1/counties/qingshui/years/2009';
/** ASCII punctuation touching Chinese: what an office would not sign. */
export const ASCII_IN_CHINESE = /[\u3400-\u9fff] ?[,:;()!?"]|[,:;()!?"] ?[\u3400-\u9fff]/;

/** Every text a person sees in a workbook: sheet names, cells, notes. */
export function textsOf(wb: Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    out.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') out.push(cell.value);
        const note = cell.note as unknown;
        if (typeof note === 'string') out.push(note);
        else if (note && typeof note === 'object')
          for (const t of (note as { texts?: { text: string }[] }).texts ?? []) out.push(t.text);
      }),
    );
  }
  return out;
}

for (const dialect of DIALECTS)
  describe(`template layout on ${dialect}`, () => {
    let f: Kit;
    beforeAll(async () => {
      f = await workflowKit(dialect);
    });
    afterAll(async () => {
      await f.close();
    });
    const download = async (who: 'dongfeng' | 'office', url: string) => {
      const r = await f.as(who, { url });
      expect(r.statusCode).toBe(200);
      return { wb: await readXlsx(r.rawPayload), zip: await JSZip.loadAsync(r.rawPayload) };
    };

    it('has a title row, the header in bold 宋体, both locked, the data area editable', async () => {
      const { wb, zip } = await download('dongfeng', `${Y}/rosters/t-dongfeng/template.xlsx`);
      const ws = wb.getWorksheet('镇（场）职务')!;
      expect(ws.getCell('A1').value).toBe('东风镇2009年度人口和计划生育层级动态管理责任制名单——镇（场）职务');
      expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', size: 16, bold: true });
      expect(ws.model.merges).toContain('A1:F1');
      expect(ws.getRow(2).values).toEqual([
        undefined,
        '人员编号',
        '姓名',
        '人员类别',
        '职务',
        '起始日期',
        '终止日期',
      ]);
      expect(ws.getCell('B2').font).toMatchObject({ name: '宋体', bold: true });
      expect(ws.getCell('B3').font).toMatchObject({ name: '宋体' });
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      // Locked: the title and the header; unlocked: the filled rows and the empty ones below.
      // (Locked is Excel's default, which exceljs reads back as no protection at all.)
      for (const at of ['A1', 'A2', 'D2', 'F2'])
        expect(ws.getCell(at).protection?.locked, at).not.toBe(false);
      expect(ws.getCell(`B${findRow(wb, '镇（场）职务', 'p-li')}`).protection).toMatchObject({
        locked: false,
      });
      expect(ws.getColumn(4).protection).toMatchObject({ locked: false });
      const sheetXml = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
      expect(sheetXml).toMatch(/<sheetProtection [^>]*sheet="1"/);
      expect(sheetXml).toMatch(/<sheetProtection [^>]*insertRows="0"/); // 0: not forbidden
      expect(sheetXml).not.toMatch(/<sheetProtection [^>]*hashValue/); // no password to forget
    });

    it('asks village cadres no staff type', async () => {
      const { wb } = await download('dongfeng', `${Y}/rosters/t-dongfeng/template.xlsx`);
      expect(wb.getWorksheet('村干部')!.getRow(2).values).toEqual([
        undefined,
        '村（社区、工区）',
        '人员编号',
        '姓名',
        '职务',
        '起始日期',
        '终止日期',
      ]);
      expect(rowsOf(wb, '村干部')).toEqual([['红星村', 'p-han', '韩支书', '党支部书记', '2001-01-01', '']]);
    });

    it('writes Chinese with full-width punctuation: sheet names, titles, headers, notes, choices', async () => {
      for (const [who, url] of [
        ['dongfeng', `${Y}/rosters/t-dongfeng/template.xlsx`],
        ['office', `${Y}/scores/template.xlsx`],
      ] as const) {
        const { wb } = await download(who, url);
        const bad = textsOf(wb).filter((t) => ASCII_IN_CHINESE.test(t));
        expect(bad, url).toEqual([]);
        expect(textsOf(wb).some((t) => /（|：|；|，/.test(t))).toBe(true);
      }
    });

    it('lets the score sheet record the villages sampled (抽中) and at fault (失职)', async () => {
      const { wb } = await download('office', `${Y}/scores/template.xlsx`);
      const ws = wb.getWorksheet('村（社区、工区）')!;
      expect(ws.getRow(2).values).toEqual([
        undefined,
        '单位编号',
        '名称',
        '所属镇（场）',
        '考核结果',
        '总分',
        '抽中',
        '失职',
      ]);
      expect(ws.getCell('F3').dataValidation).toMatchObject({ type: 'list' });
    });
  });
