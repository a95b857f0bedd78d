// What the office's Excel files have in common (exceljs), as a county office lays out a table:
// a title row in 宋体, the header row in bold 宋体, the data in 宋体, notes and signature lines in
// 仿宋; Chinese text with full-width punctuation (labels kept with ASCII marks are converted at
// this edge). Templates to fill in keep their title and header rows locked (sheet protection
// without a password, so it guards against slips, not people) while the data area stays
// editable; dropdowns are fed from a hidden sheet of choices; dates are real dates. Reading a
// filled file back is in excel-read.ts; the printed reports' tables in xlsx.ts.

import { createRequire } from 'node:module';
import type * as ExcelJS from 'exceljs';
import { zhPunct } from '../../domain/zh-punct.ts';

let excel: typeof ExcelJS | undefined;
/** exceljs, loaded the first time a workbook is made or read (half a second: the server starts without it). */
export function exceljs(): typeof ExcelJS {
  excel ??= createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
  return excel;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Data validations and unlocked cells reach this many rows below the header: room to add people. */
export const INPUT_ROWS = 500;
const CHOICES = '选项';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

/** The fonts of an office's tables: 宋体 for the table, 仿宋 for the text around it. */
export const FONT = {
  title: { name: '宋体', size: 16, bold: true },
  header: { name: '宋体', size: 11, bold: true },
  body: { name: '宋体', size: 11 },
  note: { name: '仿宋', size: 11 },
} as const satisfies Record<string, Partial<ExcelJS.Font>>;

export interface Column {
  header: string;
  width: number;
  /** The name of a list of choices (see `addChoices`) offered as a dropdown. */
  choices?: string;
  date?: boolean;
  note?: string;
}

export function newWorkbook(): Workbook {
  const wb = new (exceljs().Workbook)();
  wb.creator = 'Zeren 责任';
  // A fixed date: the same data gives the same file.
  wb.created = wb.modified = new Date('2009-01-01T00:00:00Z');
  return wb;
}

/** A cell value as written: Chinese text with full-width punctuation; anything else as it is. */
export function zhCell<T>(v: T): T | string {
  return typeof v === 'string' ? zhPunct(v) : v;
}

/** Row 1: the title, merged across the table's width, in 宋体 16 bold, centred. */
export function addTitle(ws: Worksheet, width: number, title: string): void {
  const row = ws.getRow(1);
  row.getCell(1).value = zhPunct(title);
  if (width > 1) ws.mergeCells(1, 1, 1, width);
  row.height = 30;
  row.font = FONT.title;
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

/** The header row: bold 宋体, shaded, centred, thin borders. */
export function styleHeader(ws: Worksheet, row: number, width: number): void {
  const r = ws.getRow(row);
  r.height = 24;
  for (let c = 1; c <= width; c++) {
    const cell = r.getCell(c);
    cell.font = FONT.header;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    };
  }
}

/**
 * A sheet to fill in: the title in row 1, the header in row 2 (both frozen and locked), its
 * columns' widths, fonts and formats; the data area below unlocked. Returns the sheet; rows added
 * with `addRow` land under the header.
 */
export function addSheet(wb: Workbook, name: string, title: string, columns: Column[]): Worksheet {
  const ws = wb.addWorksheet(zhPunct(name), {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    col.font = FONT.body;
    col.protection = { locked: false };
    if (c.date) col.numFmt = 'yyyy-mm-dd';
  });
  addTitle(ws, columns.length, title);
  const header = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = zhPunct(c.header);
    if (c.note) cell.note = zhPunct(c.note);
  });
  styleHeader(ws, 2, columns.length);
  for (const r of [1, 2])
    for (let c = 1; c <= columns.length; c++) ws.getRow(r).getCell(c).protection = { locked: true };
  return ws;
}

/**
 * Locks the sheet's title and header rows (no password): the data area (unlocked columns) can be
 * filled, rows inserted and deleted, columns widened, and the rows sorted and filtered.
 */
export async function protectHeader(ws: Worksheet): Promise<void> {
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
    sort: true,
    autoFilter: true,
  });
}

/** An explanation sheet: label and text in two columns, in 仿宋; the label column bold. */
export function addIntro(wb: Workbook, name: string, rows: [string, string | number][]): Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 14 }, { width: 72 }];
  for (const [label, text] of rows) {
    const row = ws.addRow([zhPunct(label), zhCell(text)]);
    row.font = FONT.note;
    row.getCell(1).font = { ...FONT.note, bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  return ws;
}

/**
 * Lists of choices on a hidden sheet, one column each, so a dropdown is not limited to the 255
 * characters of an inline list. Returns the formula of each list by name.
 */
export function addChoices(wb: Workbook, lists: Record<string, readonly string[]>): Record<string, string> {
  const ws = wb.addWorksheet(CHOICES, { state: 'veryHidden' });
  const out: Record<string, string> = {};
  Object.entries(lists).forEach(([name, values], i) => {
    const col = ws.getColumn(i + 1);
    col.values = [name, ...values.map(zhPunct)];
    const letter = col.letter;
    out[name] = `'${CHOICES}'!$${letter}$2:$${letter}$${Math.max(values.length, 1) + 1}`;
  });
  return out;
}

/** Dropdowns on the columns that have choices, for INPUT_ROWS rows below the header (row 2). */
export function addDropdowns(ws: Worksheet, columns: Column[], formulas: Record<string, string>): void {
  columns.forEach((c, i) => {
    if (!c.choices) return;
    const letter = ws.getColumn(i + 1).letter;
    (
      ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(`${letter}3:${letter}${INPUT_ROWS + 2}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formulas[c.choices]],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '请从下拉列表中选择',
      error: zhPunct(`请选择${c.header}`),
    });
  });
}

/** A date for a cell: a real date, so Excel shows and sorts it as one. */
export function dateCell(d: string | undefined): Date | null {
  return d ? new Date(`${d}T00:00:00Z`) : null;
}

export async function writeWorkbook(wb: Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `attachment` with a plain fallback name and the UTF-8 name (RFC 6266 / 5987). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
