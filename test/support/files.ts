// Reading what the API sends back in the tests: a workbook (exceljs) and its rows, and one entry
// of a zip file (a .docx or .xlsx) with nothing but node:zlib.

import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

export async function readXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** The first data row of a sheet: the one under the frozen title and header rows. */
export const firstRow = (ws: ExcelJS.Worksheet) => ((ws.views[0] as { ySplit?: number })?.ySplit ?? 1) + 1;

/** The rows of a sheet below its header, as text (dates as YYYY-MM-DD). */
export function rowsOf(wb: ExcelJS.Workbook, sheet: string): string[][] {
  const ws = wb.getWorksheet(sheet)!;
  const out: string[][] = [];
  for (let r = firstRow(ws); r <= ws.rowCount; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = ws.getCell(r, c).value;
      cells.push(
        v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v),
      );
    }
    out.push(cells);
  }
  return out;
}

/** The row number of the first row of a sheet whose cells include every given text. */
export function findRow(wb: ExcelJS.Workbook, sheet: string, ...texts: string[]): number {
  const i = rowsOf(wb, sheet).findIndex((cells) => texts.every((t) => cells.includes(t)));
  if (i < 0) throw new Error(`no row with ${texts.join(', ')} on ${sheet}`);
  return i + firstRow(wb.getWorksheet(sheet)!);
}

/** One entry of a zip archive, as text (the central directory names it; stored or deflated). */
export function zipEntry(zip: Buffer, name: string): string | undefined {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return undefined;
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const skip = nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    p += 46 + skip;
  }
  return undefined;
}

/** The text of a Word document's body: the runs of word/document.xml, tags dropped. */
export function docxText(docx: Buffer): string {
  const xml = zipEntry(docx, 'word/document.xml') ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
