// The office's printed tables (exceljs), laid out as a county office lays out a 报表: one sheet per
// table; the title in row 1 (宋体 16 bold), `单位：元` above the right edge when it has amounts,
// the header (bold, frozen, repeated on every printed page), the rows in 宋体, totals, notes in
// 仿宋, and the signature line 制表人 / 审核人 / 日期 under it. Amounts are yuan with two decimals
// (fen inside), dates text `YYYY-MM-DD`, every code shown by its Chinese label, Chinese text with
// full-width punctuation; A4 landscape fitted to the page width, pages numbered.

import { zhPunct } from '../../domain/zh-punct.ts';
import {
  addTitle,
  attachment,
  FONT,
  newWorkbook,
  styleHeader,
  type Workbook,
  type Worksheet,
  writeWorkbook,
  XLSX_TYPE,
} from './excel.ts';

export type { Workbook, Worksheet };
export { attachment, newWorkbook, XLSX_TYPE };

/** A column: its Chinese header, width in characters, and how its values are shown. */
export interface Col<R> {
  header: string;
  width: number;
  /** `yuan`: a number of fen shown as yuan with two decimals. */
  kind?: 'text' | 'yuan' | 'int';
  value: (row: R) => string | number | null | undefined;
}

/** Who made a table and when: the signature line under it. */
export interface Signature {
  /** 制表人: the person's name (see preparer.ts). */
  preparedBy: string;
  /** 日期: `YYYY-MM-DD`. */
  on: string;
}

export const YUAN_FORMAT = '#,##0.00';
/** The header's row: under the title and the `单位：元` line. */
export const HEADER_ROW = 3;

/** A sheet of rows under a title and a frozen header row, set up to print on A4 landscape. */
export function addTable<R>(wb: Workbook, name: string, title: string, cols: Col<R>[], rows: readonly R[]) {
  const ws = wb.addWorksheet(zhPunct(name), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: `&C&"仿宋"第 &P 页，共 &N 页` },
  });
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    col.font = FONT.body;
    if (c.kind === 'yuan') col.numFmt = YUAN_FORMAT;
  });
  addTitle(ws, cols.length, title);
  if (cols.some((c) => c.kind === 'yuan')) {
    const unit = ws.getRow(2);
    unit.getCell(1).value = '单位：元';
    ws.mergeCells(2, 1, 2, cols.length);
    unit.font = FONT.note;
    unit.alignment = { horizontal: 'right' };
  }
  const header = ws.getRow(HEADER_ROW);
  cols.forEach((c, i) => {
    header.getCell(i + 1).value = zhPunct(c.header);
  });
  styleHeader(ws, HEADER_ROW, cols.length);
  for (const r of rows) ws.addRow(cols.map((c) => cell(c, c.value(r))));
  return ws;
}

function cell<R>(c: Col<R>, v: string | number | null | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  if (c.kind === 'yuan' && typeof v === 'number') return v / 100;
  return typeof v === 'string' ? zhPunct(v) : v;
}

/** A bold line under a table: labels and values by column number (1-based); fen in yuan columns. */
export function addTotalLine<R>(ws: Worksheet, cols: Col<R>[], values: Record<number, string | number>) {
  const row = ws.addRow(cols.map((c, i) => cell(c, values[i + 1])));
  row.font = { ...FONT.body, bold: true };
  row.border = { top: { style: 'thin' } };
  return row;
}

/** A line of text spanning the table's width (a total in capital numerals, a note), in 仿宋. */
export function addNoteLine(ws: Worksheet, width: number, text: string, bold = false) {
  const row = ws.addRow([zhPunct(text)]);
  ws.mergeCells(row.number, 1, row.number, width);
  row.font = { ...FONT.note, bold };
  row.alignment = { wrapText: true, vertical: 'top' };
  return row;
}

/** `2010-02-01` → `2010年2月1日`. */
export const zhDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** 制表人 / 审核人 / 日期 under the table, spread over its width, after a blank line. */
export function addSignature(ws: Worksheet, width: number, sign: Signature) {
  ws.addRow([]);
  const row = ws.addRow([]);
  const third = Math.max(1, Math.floor(width / 3));
  const parts: [number, number, string][] = [
    [1, third, `制表人：${sign.preparedBy}`],
    [third + 1, Math.max(third + 1, width - third), '审核人：'],
    [Math.min(width, width - third + 1), width, `日期：${zhDate(sign.on)}`],
  ];
  for (const [from, to, text] of parts) {
    row.getCell(from).value = text;
    if (to > from) ws.mergeCells(row.number, from, row.number, to);
  }
  row.font = FONT.note;
  row.height = 24;
  return row;
}

export const workbookBuffer = writeWorkbook;
