// Reading a filled workbook back, as a person filled it: whatever program saved it (Excel, WPS,
// LibreOffice, openpyxl), with comments or not; each table found by its header row (a title or
// `单位：元` row above it is skipped) and each column by its header's text (a moved column or an
// added 序号 or 备注 column is fine; `镇(场)` and `镇（场）` are the same header); a cell read as
// text, a date or a number, whatever the person typed. Problems name the cell: `驻村干部!C5`.

import { isIsoDate } from '../../domain/dates.ts';
import type { Problem, Result } from '../../domain/problems.ts';
import { labelKey } from '../../domain/zh-punct.ts';
import { invalid, StoreError } from '../../store/errors.ts';
import { exceljs, type Workbook, type Worksheet } from './excel.ts';
import { workbookPackage } from './xlsx-package.ts';

/** An uploaded file: its bytes, and its name when the upload said it (a multipart form does). */
export interface Upload {
  data: Buffer;
  filename?: string;
}

/** An upload as it arrives in a worker thread (its bytes a Uint8Array): its data a Buffer again. */
export function uploadOf(u: Upload): Upload {
  if (Buffer.isBuffer(u.data)) return u;
  const d = u.data as Uint8Array;
  return { ...u, data: Buffer.from(d.buffer, d.byteOffset, d.byteLength) };
}

/** Rows a sheet may have: a county's roster is a few thousand at most. */
export const MAX_ROWS = 20_000;
const MAX_COLS = 200;
/** The header is looked for in this many rows from the top (a title and notes may come first). */
const HEADER_SEARCH = 10;

/** Reads an uploaded workbook; a file that is not one, or is too big inside, is a clear refusal. */
export async function readWorkbook(upload: Upload): Promise<Workbook> {
  const pkg = await workbookPackage(upload.data, upload.filename);
  const wb = new (exceljs().Workbook)();
  try {
    await wb.xlsx.load(
      pkg as unknown as ArrayBuffer,
      {
        // Only the cells are read: what links, drawings, tables and the like refer to was left out.
        ignoreNodes: [
          'hyperlinks',
          'drawing',
          'legacyDrawing',
          'legacyDrawingHF',
          'picture',
          'tableParts',
          'extLst',
        ],
        maxRows: MAX_ROWS,
        maxCols: MAX_COLS,
      } as never,
    );
  } catch (e) {
    const msg = (e as Error).message;
    if (/Max (row|c) count/.test(msg))
      throw new StoreError(
        'too_large',
        `工作表超过 ${MAX_ROWS} 行或 ${MAX_COLS} 列`,
        `a sheet has more than ${MAX_ROWS} rows or ${MAX_COLS} columns`,
      );
    throw invalid([
      {
        path: '',
        code: 'xlsx_unreadable',
        zh: '文件是 Excel 工作簿，但其内容无法读取；请在 Excel 或 WPS 中打开后重新保存，再上传',
        en: `the file is an Excel workbook but its content cannot be read (${msg}); open it in Excel or WPS, save it again and upload that`,
      },
    ]);
  }
  return wb;
}

/** A sheet by its name, whatever the width of its punctuation and its spaces. */
export function findSheet(wb: Workbook, name: string): Worksheet | undefined {
  const key = labelKey(name);
  return wb.worksheets.find((ws) => labelKey(ws.name) === key);
}

/** A value on an explanation sheet (`说明`), found by its label in column A: `单位编号`, `计生年度`. */
export function introValue(
  wb: Workbook,
  sheet: string,
  label: string,
): { text: string; path: string } | undefined {
  const ws = findSheet(wb, sheet);
  if (!ws) return undefined;
  for (let r = 1; r <= Math.min(ws.rowCount, 20); r++)
    if (labelKey(cellText(ws, r, 1)) === labelKey(label))
      return { text: cellText(ws, r, 2), path: `${ws.name}!B${r}` };
  return undefined;
}

export function missingSheet(name: string): Problem {
  return {
    path: name,
    code: 'missing_sheet',
    zh: `缺少工作表“${name}”；请使用下载的模板`,
    en: `the sheet "${name}" is missing; use the downloaded template`,
  };
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
  return valueText(ws.getCell(row, col).value as unknown).trim();
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
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

/** A date cell: a real date, or text `2009-03-01`, `2009/3/1`, `2009.3.1` or `2009年3月1日`; blank is undefined. */
export function cellDate(
  ws: Worksheet,
  row: number,
  col: number,
): { ok: true; value?: string } | { ok: false; problem: Problem } {
  const v = ws.getCell(row, col).value as unknown;
  if (v instanceof Date) return { ok: true, value: isoOf(v) };
  const text = cellText(ws, row, col);
  if (text === '') return { ok: true };
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text;
  if (isIsoDate(iso)) return { ok: true, value: iso };
  return {
    ok: false,
    problem: {
      path: cellPath(ws.name, col, row),
      code: 'date',
      zh: `“${text}”不是有效日期（应为 2009-03-01）`,
      en: `"${text}" is not a date (write 2009-03-01)`,
    },
  };
}

/** Chooses a value by its Chinese label or its code; a label or code not in the list is a problem. */
export function pick<T extends string>(
  text: string,
  labels: Readonly<Record<T, string>>,
  path: string,
  what: { zh: string; en: string },
): { ok: true; value: T } | { ok: false; problem: Problem } {
  const key = labelKey(text);
  for (const [code, label] of Object.entries(labels) as [T, string][])
    if (key === labelKey(label) || text === code) return { ok: true, value: code };
  const allowed = (Object.values(labels) as string[]).map((l) => labelKey(l));
  return {
    ok: false,
    problem: {
      path,
      code: 'enum',
      zh: `“${text}”不是可选的${what.zh}，应为：${allowed.join('、')}`,
      en: `"${text}" is not a ${what.en} to choose; choose one of: ${allowed.join(', ')}`,
    },
  };
}

/** A column of a table to read: the field it fills and its header (and other headers it may have). */
export interface TableColumn<F extends string> {
  field: F;
  header: string;
  aliases?: readonly string[];
  /** A file without this column cannot be read (a blank cell in it is another matter). */
  required?: boolean;
}

export interface Table<F extends string> {
  ws: Worksheet;
  /** The row of the header. */
  header: number;
  /** The column of each field found. */
  col: Partial<Record<F, number>>;
  /** The data rows: below the header, something in a column read, not a signature line. */
  rows: number[];
}

/** `制表人：…`, `审核人：…`, `填表日期：…`: the lines under a table, not data. */
const SIGNATURE = /^(制表|填表|填报|审核|审批|负责|单位负责|联系|经办|日期|签字|盖章)[^：:]{0,4}[：:]/;

/**
 * Finds a table on a sheet by its header row (within the first rows) and each column by its
 * header; a column missing, or named twice, is a problem on the header row.
 */
export function findTable<F extends string>(
  ws: Worksheet,
  columns: readonly TableColumn<F>[],
): Result<Table<F>> {
  const keys = columns.map((c) => [c.header, ...(c.aliases ?? [])].map(labelKey));
  const width = Math.min(ws.columnCount, MAX_COLS);
  const match = (text: string) => {
    const k = labelKey(text);
    return k ? keys.findIndex((ks) => ks.some((h) => k === h || k.startsWith(`${h}（`))) : -1;
  };
  let best = { row: 0, found: 0 };
  for (let r = 1; r <= Math.min(ws.rowCount, HEADER_SEARCH); r++) {
    const found = new Set<number>();
    for (let c = 1; c <= width; c++) {
      const i = match(cellText(ws, r, c));
      if (i >= 0) found.add(i);
    }
    if (found.size > best.found) best = { row: r, found: found.size };
  }
  const need = columns.filter((c) => c.required !== false);
  if (best.found === 0)
    return {
      ok: false,
      problems: [
        {
          path: ws.name,
          code: 'header',
          zh: `工作表“${ws.name}”前 ${HEADER_SEARCH} 行中没有表头（应有：${need.map((c) => c.header).join('、')}）；请使用下载的模板`,
          en: `the sheet "${ws.name}" has no header row in its first ${HEADER_SEARCH} rows (expected: ${need.map((c) => c.header).join(', ')}); use the downloaded template`,
        },
      ],
    };
  const col: Partial<Record<F, number>> = {};
  const problems: Problem[] = [];
  for (let c = 1; c <= width; c++) {
    const i = match(cellText(ws, best.row, c));
    if (i < 0) continue;
    const f = columns[i]!.field;
    if (col[f] === undefined) col[f] = c;
    else
      problems.push({
        path: cellPath(ws.name, c, best.row),
        code: 'header',
        zh: `“${columns[i]!.header}”列出现了两次（另一列在 ${columnLetter(col[f]!)} 列）`,
        en: `the column "${columns[i]!.header}" appears twice (also column ${columnLetter(col[f]!)})`,
      });
  }
  for (const c of need)
    if (col[c.field] === undefined)
      problems.push({
        path: `${ws.name}!${best.row}`,
        code: 'header',
        zh: `第 ${best.row} 行的表头中缺少“${c.header}”列；请使用下载的模板`,
        en: `the header (row ${best.row}) has no column "${c.header}"; use the downloaded template`,
      });
  if (problems.length) return { ok: false, problems };
  const read = Object.values(col) as number[];
  const rows: number[] = [];
  for (let r = best.row + 1; r <= ws.rowCount; r++) {
    const texts = read.map((c) => cellText(ws, r, c)).filter((t) => t !== '');
    if (!texts.length || SIGNATURE.test(texts[0]!)) continue;
    // A header repeated below (a printed table pasted twice) is not data either.
    if (texts.every((t) => match(t) >= 0) && texts.length === read.length) continue;
    rows.push(r);
  }
  return { ok: true, value: { ws, header: best.row, col, rows } };
}
