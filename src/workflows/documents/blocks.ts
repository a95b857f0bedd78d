// The blocks of a document's body as docx paragraphs and tables, in the faces and sizes of
// layout.ts: body text, level headings, tables (小四 仿宋, a 黑体 header row repeated on every
// page, rows never split), label/value forms, a slip's title, a line to cut along.

import {
  AlignmentType,
  BorderStyle,
  type FileChild,
  LineRuleType,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { body, CHAR, emptyLines, type Faces, OFF_GRID, ON_GRID, run, SIZE, spans, TEXT } from './layout.ts';
import type { Block } from './model.ts';

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = {
  top: thin,
  bottom: thin,
  left: thin,
  right: thin,
  insideHorizontal: thin,
  insideVertical: thin,
};
/** Table text: 小四, 20 pt lines. */
const CELL_LINE = { line: 400, lineRule: LineRuleType.EXACT };

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

function cell(
  text: string,
  width: number,
  font: string,
  align: keyof typeof ALIGN = 'left',
  size: number = SIZE.小四,
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: ALIGN[align],
          style: OFF_GRID,
          spacing: CELL_LINE,
          children: [run(line, font, size)],
        }),
    ),
  });
}

function table(b: Extract<Block, { kind: 'table' }>, faces: Faces): Table {
  const widths = b.columns.map((c) => Math.round((c.width / 100) * TEXT.width));
  const row = (cells: string[], font: string, header = false) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((t, i) =>
        cell(t, widths[i]!, font, header ? 'center' : (b.columns[i]!.align ?? 'left')),
      ),
    });
  return new Table({
    width: { size: TEXT.width, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: [
      row(
        b.columns.map((c) => c.title),
        faces.h1,
        true,
      ),
      ...b.rows.map((r) => row(r, faces.body)),
      ...(b.total ? [row(b.total, faces.h1)] : []),
    ],
  });
}

function fields(rows: [string, string][], faces: Faces): Table {
  const label = Math.round(TEXT.width * 0.28);
  return new Table({
    width: { size: TEXT.width, type: WidthType.DXA },
    columnWidths: [label, TEXT.width - label],
    borders: BORDERS,
    rows: rows.map(
      ([l, v]) =>
        new TableRow({
          cantSplit: true,
          children: [cell(l, label, faces.h1, 'center'), cell(v, TEXT.width - label, faces.body)],
        }),
    ),
  });
}

function heading(level: 'h1' | 'h2' | 'h3', text: string, faces: Faces): Paragraph {
  const font = level === 'h1' ? faces.h1 : level === 'h2' ? faces.h2 : faces.body;
  return new Paragraph({
    spacing: ON_GRID,
    indent: { firstLine: 2 * CHAR },
    keepNext: true,
    children: [run(text, font, SIZE.三号)],
  });
}

/** A slip's title (小二, spaced), and what stands at its right: its number and copy. */
function formTitle(text: string, right: string | undefined, faces: Faces): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      style: OFF_GRID,
      spacing: { line: 560, lineRule: LineRuleType.EXACT },
      keepNext: true,
      children: [run(text, faces.title, SIZE.小二, { bold: faces.titleBold, characterSpacing: 120 })],
    }),
    ...(right
      ? [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            style: OFF_GRID,
            spacing: CELL_LINE,
            keepNext: true,
            children: [run(right, faces.body, SIZE.小四)],
          }),
        ]
      : []),
  ];
}

function cut(text: string, faces: Faces): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    style: OFF_GRID,
    spacing: { before: 160, after: 160, line: 300, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.DASHED, size: 6, color: '000000', space: 2 } },
    children: [run(text, faces.body, SIZE.小五)],
  });
}

function block(b: Block, faces: Faces): FileChild[] {
  switch (b.kind) {
    case 'p':
      return b.small
        ? [
            new Paragraph({
              alignment: b.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
              style: OFF_GRID,
              spacing: CELL_LINE,
              indent: b.indent ? { firstLine: 2 * SIZE.小四 * 10 } : undefined,
              children: spans(b.text, faces.body, SIZE.小四),
            }),
          ]
        : [body(b.text, faces, { indent: b.indent, align: b.align })];
    case 'h1':
    case 'h2':
    case 'h3':
      return [heading(b.kind, b.text, faces)];
    case 'table':
      return [table(b, faces)];
    case 'fields':
      return [fields(b.rows, faces)];
    case 'form-title':
      return formTitle(b.text, b.right, faces);
    case 'cut':
      return [cut(b.text, faces)];
    case 'space':
      return emptyLines(b.lines);
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()] })];
    default:
      return [];
  }
}

export function blocks(list: readonly Block[], faces: Faces): FileChild[] {
  return list.flatMap((b) => block(b, faces));
}
