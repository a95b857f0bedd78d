// What the office's printed documents have in common (docx): A4, 宋体 body and a 黑体 title, a
// document number line, paragraphs indented two characters as Chinese official writing is, a
// two-column table of fields, and the issuing authority with its date at the bottom right.

import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const BODY = { name: '宋体', hint: 'eastAsia' };
const HEAD = { name: '黑体', hint: 'eastAsia' };
/** Half-points: 三号 16pt, 小二 18pt, 四号 14pt. */
const SIZE = { title: 36, body: 28, small: 24 };

export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, font: HEAD, size: SIZE.title, bold: true })],
  });
}

/** A line under the title: the document number, centred, smaller. */
export function subtitle(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, font: BODY, size: SIZE.small })],
  });
}

/** A body paragraph; `indent` starts it two characters in, as Chinese official writing does. */
export function para(text: string, opts: { indent?: boolean; bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: { line: 460, after: 60 },
    indent: opts.indent === false ? undefined : { firstLine: SIZE.body * 20 },
    children: [new TextRun({ text, font: BODY, size: SIZE.body, bold: opts.bold })],
  });
}

/** The addressee, flush left, followed by a colon. */
export function addressee(text: string): Paragraph {
  return para(`${text}:`, { indent: false });
}

/** The issuing authority and the date, at the bottom right. */
export function signature(authority: string, date: string): Paragraph[] {
  const line = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 120 },
      children: [new TextRun({ text, font: BODY, size: SIZE.body })],
    });
  return [new Paragraph({ text: '' }), line(authority), line(chineseDate(date))];
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A table of label/value pairs, the labels a quarter of the width. */
export function fields(rows: readonly (readonly [string, string])[]): Table {
  const cellOf = (text: string, pct: number, bold = false) =>
    new TableCell({
      width: { size: pct, type: WidthType.PERCENTAGE },
      children: [new Paragraph({ children: [new TextRun({ text, font: BODY, size: SIZE.small, bold })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: thin,
      bottom: thin,
      left: thin,
      right: thin,
      insideHorizontal: thin,
      insideVertical: thin,
    },
    rows: rows.map(
      ([label, value]) => new TableRow({ children: [cellOf(label, 25, true), cellOf(value, 75)] }),
    ),
  });
}

export async function documentBuffer(children: FileChild[], titleText: string): Promise<Buffer> {
  const doc = new Document({
    creator: 'Zeren 责任',
    title: titleText,
    styles: { default: { document: { run: { font: BODY, size: SIZE.body } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
