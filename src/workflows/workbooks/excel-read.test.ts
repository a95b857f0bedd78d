// Finding a table by its header, as people lay tables out: a title and notes above the header,
// columns in another order, columns added, signature lines under it.

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { findTable, type TableColumn } from './excel-read.ts';

type F = 'id' | 'name' | 'role';
const COLS: TableColumn<F>[] = [
  { field: 'id', header: '人员编号', required: false },
  { field: 'name', header: '姓名' },
  { field: 'role', header: '职务' },
];

function sheet(rows: unknown[][]) {
  const ws = new ExcelJS.Workbook().addWorksheet('镇（场）职务');
  for (const r of rows) ws.addRow(r);
  return ws;
}

describe('a table found by its header', () => {
  it('skips a title and a note row, reads moved and added columns, and stops at signature lines', () => {
    const ws = sheet([
      ['东风镇 2009 年度名单'],
      ['单位：人'],
      ['序号', '职务', '姓 名*', '人员编号', '备注'],
      [1, '党委书记', '张书记', 'p-zhang', '已核对'],
      [2, '', '', '', '空行也有序号'],
      [3, '镇长', '李镇长', '', ''],
      [],
      ['', '制表人：王五', '', '审核人：'],
    ]);
    const t = findTable(ws, COLS);
    expect(t).toMatchObject({
      ok: true,
      value: { header: 3, col: { role: 2, name: 3, id: 4 }, rows: [4, 6] },
    });
  });

  it('names a missing or doubled column on the header row', () => {
    const missing = findTable(sheet([['标题'], ['人员编号', '姓名']]), COLS);
    expect(missing).toMatchObject({
      ok: false,
      problems: [
        { path: '镇（场）职务!2', code: 'header', zh: '第 2 行的表头中缺少“职务”列；请使用下载的模板' },
      ],
    });
    const twice = findTable(sheet([['姓名', '职务', '姓名']]), COLS);
    expect(twice).toMatchObject({ ok: false, problems: [{ path: '镇（场）职务!C1', code: 'header' }] });
    const none = findTable(sheet([['a', 'b']]), COLS);
    expect(none).toMatchObject({
      ok: false,
      problems: [{ code: 'header', zh: expect.stringContaining('没有表头') }],
    });
  });
});
