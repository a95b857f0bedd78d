// What the office's printed tables have in common (exceljs): one sheet per table, a bold frozen
// header row in Chinese, amounts as numbers with two decimals, dates as text `YYYY-MM-DD`, A4
// landscape fitted to the page width, and the report's title in the printed page header.

import ExcelJS from 'exceljs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

/** A column: its Chinese header, width in characters, and how its values are shown. */
export interface Col<R> {
  header: string;
  width: number;
  /** `yuan`: a number of fen shown as yuan with two decimals. */
  kind?: 'text' | 'yuan' | 'int';
  value: (row: R) => string | number | null | undefined;
}

export const YUAN_FORMAT = '#,##0.00';

export function newWorkbook(): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zeren 责任';
  return wb;
}

/** `&` starts a code in a page header: write it as `&&`. */
const headerText = (s: string) => s.replace(/&/g, '&&');

/** A sheet of rows under a frozen header row, set up to print on A4 landscape. */
export function addTable<R>(wb: Workbook, name: string, title: string, cols: Col<R>[], rows: readonly R[]) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
    headerFooter: { oddHeader: `&C&"宋体,Bold"&14${headerText(title)}`, oddFooter: '&C第 &P 页,共 &N 页' },
  });
  ws.columns = cols.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  cols.forEach((c, i) => {
    if (c.kind === 'yuan') ws.getColumn(i + 1).numFmt = YUAN_FORMAT;
  });
  for (const r of rows) ws.addRow(cols.map((c) => cell(c, c.value(r))));
  return ws;
}

function cell<R>(c: Col<R>, v: string | number | null | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  if (c.kind === 'yuan' && typeof v === 'number') return v / 100;
  return v;
}

/** A bold line under a table: labels and values by column number (1-based); fen in yuan columns. */
export function addTotalLine<R>(ws: Worksheet, cols: Col<R>[], values: Record<number, string | number>) {
  const row = ws.addRow(cols.map((c, i) => cell(c, values[i + 1])));
  row.font = { bold: true };
  row.border = { top: { style: 'thin' } };
  return row;
}

/** A line of text spanning the table's width (a total in capital numerals, a note). */
export function addNoteLine(ws: Worksheet, width: number, text: string, bold = false) {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, width);
  row.font = { bold };
  return row;
}

export async function workbookBuffer(wb: Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `attachment` with a plain fallback name and the UTF-8 name (RFC 6266 / 5987). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
