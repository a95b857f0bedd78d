// What the office's Excel files have in common (exceljs): a header row in Chinese, dropdowns fed
// from a hidden sheet of choices, dates as real dates, and reading a filled cell back as text, a
// date or a number, whatever the person typed. Problems name the cell: `驻村干部!C5`.

import ExcelJS from 'exceljs';
import { isIsoDate } from '../domain/dates.ts';
import type { Problem } from '../domain/problems.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Data validations reach this many rows below the header: room to add people. */
export const INPUT_ROWS = 500;
const CHOICES = '选项';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

export interface Column {
  header: string;
  width: number;
  /** The name of a list of choices (see `addChoices`) offered as a dropdown. */
  choices?: string;
  date?: boolean;
  note?: string;
}

export function newWorkbook(): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zeren 责任';
  return wb;
}

/** A sheet with a bold, frozen header row and its columns' widths and formats. */
export function addSheet(wb: Workbook, name: string, columns: Column[]): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  columns.forEach((c, i) => {
    if (c.note) header.getCell(i + 1).note = c.note;
    if (c.date) ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
  });
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
    col.values = [name, ...values];
    const letter = col.letter;
    out[name] = `'${CHOICES}'!$${letter}$2:$${letter}$${Math.max(values.length, 1) + 1}`;
  });
  return out;
}

/** Dropdowns on the columns that have choices, for the header's INPUT_ROWS rows below. */
export function addDropdowns(ws: Worksheet, columns: Column[], formulas: Record<string, string>): void {
  columns.forEach((c, i) => {
    if (!c.choices) return;
    const letter = ws.getColumn(i + 1).letter;
    (
      ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(`${letter}2:${letter}${INPUT_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formulas[c.choices]],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '请从下拉列表中选择',
      error: `请选择${c.header}`,
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

/** Reads an uploaded file; a file that is not a workbook is one problem, not an error. */
export async function readWorkbook(
  body: Buffer,
): Promise<{ ok: true; wb: Workbook } | { ok: false; problems: Problem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    return { ok: true, wb };
  } catch {
    return {
      ok: false,
      problems: [
        {
          path: '',
          code: 'not_xlsx',
          zh: '文件不是有效的 Excel 工作簿(.xlsx),请使用下载的模板',
          en: 'the file is not an Excel workbook (.xlsx); use the downloaded template',
        },
      ],
    };
  }
}

/** `驻村干部!C5`: where a problem is, as a person finds it in Excel. */
export const cellPath = (sheet: string, col: number, row: number) => `${sheet}!${columnLetter(col)}${row}`;

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell as text, whatever it holds: rich text, a formula's result, a hyperlink, a number. */
export function cellText(ws: Worksheet, row: number, col: number): string {
  const v = ws.getCell(row, col).value as unknown;
  return valueText(v).trim();
}

function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return isoOf(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((r: { text?: string }) => r.text ?? '').join('');
    if ('result' in o) return valueText(o.result);
    if ('text' in o) return valueText(o.text);
  }
  return String(v);
}

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

/** A date cell: a real date, or text `2009-03-01`, `2009/3/1` or `2009.3.1`; blank is undefined. */
export function cellDate(
  ws: Worksheet,
  row: number,
  col: number,
): { ok: true; value?: string } | { ok: false; problem: Problem } {
  const v = ws.getCell(row, col).value as unknown;
  if (v instanceof Date) return { ok: true, value: isoOf(v) };
  const text = cellText(ws, row, col);
  if (text === '') return { ok: true };
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text;
  if (isIsoDate(iso)) return { ok: true, value: iso };
  return {
    ok: false,
    problem: {
      path: cellPath(ws.name, col, row),
      code: 'date',
      zh: `"${text}" 不是有效日期(应为 2009-03-01)`,
      en: `"${text}" is not a date (write 2009-03-01)`,
    },
  };
}

/** Checks that a sheet has the expected header row; a wrong template is named cell by cell. */
export function checkHeader(ws: Worksheet, columns: Column[]): Problem[] {
  const problems: Problem[] = [];
  columns.forEach((c, i) => {
    const got = cellText(ws, 1, i + 1);
    if (got !== c.header)
      problems.push({
        path: cellPath(ws.name, i + 1, 1),
        code: 'header',
        zh: `表头应为"${c.header}"${got ? `,不是"${got}"` : ''};请使用下载的模板`,
        en: `the header must be "${c.header}"${got ? `, not "${got}"` : ''}; use the downloaded template`,
      });
  });
  return problems;
}

export function missingSheet(name: string): Problem {
  return {
    path: name,
    code: 'missing_sheet',
    zh: `缺少工作表"${name}";请使用下载的模板`,
    en: `the sheet "${name}" is missing; use the downloaded template`,
  };
}

/** The data rows of a sheet: every row after the header with something in its first `width` cells. */
export function dataRows(ws: Worksheet, width: number): number[] {
  const rows: number[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    let filled = false;
    for (let c = 1; c <= width && !filled; c++) filled = cellText(ws, r, c) !== '';
    if (filled) rows.push(r);
  }
  return rows;
}

/** Chooses a value by its Chinese label or its code; a label or code not in the list is a problem. */
export function pick<T extends string>(
  text: string,
  labels: Readonly<Record<T, string>>,
  path: string,
  what: { zh: string; en: string },
): { ok: true; value: T } | { ok: false; problem: Problem } {
  for (const [code, label] of Object.entries(labels) as [T, string][])
    if (text === label || text === code) return { ok: true, value: code };
  const allowed = Object.values(labels) as string[];
  return {
    ok: false,
    problem: {
      path,
      code: 'enum',
      zh: `"${text}" 不是可选的${what.zh},应为:${allowed.join('、')}`,
      en: `"${text}" is not a ${what.en} to choose; choose one of: ${allowed.join(', ')}`,
    },
  };
}

/** Content-Disposition for a download with a Chinese file name (RFC 6266 / 5987). */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
