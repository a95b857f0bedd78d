// The layout of 党政机关公文 per GB/T 9704-2012, as docx paragraphs: the one place that knows
// millimetres, font sizes and faces. A4 (210 × 297 mm); 天头 37 mm, 订口 28 mm, so the 版心 is
// 156 × 225 mm with 下白边 35 mm and 切口 26 mm (5.2); 22 lines of 28 characters of 3号 (5.2.2);
// title 2号 小标宋 (7.3.1), body 3号 仿宋 (5.2.1), level headings 黑体 / 楷体 (7.3.3); page
// numbers “— 1 —” in 4号 宋体, odd pages right and even pages left, one character in (7.5).

import {
  AlignmentType,
  BorderStyle,
  type IRunOptions,
  LineRuleType,
  Paragraph,
  TabStopType,
  TextRun,
} from 'docx';
import type { FontSet, Letterhead, Span } from './model.ts';

/** Twips (1/20 pt) of a length in millimetres. */
export const mm = (v: number): number => Math.round((v * 1440) / 25.4);

export const PAGE = { width: mm(210), height: mm(297) };
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** The 版心 (text area), in twips. */
export const TEXT = {
  width: PAGE.width - MARGIN.left - MARGIN.right,
  height: PAGE.height - MARGIN.top - MARGIN.bottom,
};

/** 字号 as half-points, the unit of w:sz. */
export const SIZE = {
  初号: 84,
  小初: 72,
  一号: 52,
  二号: 44,
  小二: 36,
  三号: 32,
  四号: 28,
  小四: 24,
  五号: 21,
  小五: 18,
} as const;

/** One character of 3号 (16 pt), in twips: the unit of indents in the body. */
export const CHAR = SIZE.三号 * 10;

/**
 * 22 lines of 28 characters. The lines are the section's line grid (w:docGrid type="lines") and
 * every line's exact height; the characters are 3号 set 5 twips (0.25 pt) closer than their
 * natural 16 pt, so 28 fill the 156 mm line in Word, WPS and LibreOffice alike. (A character
 * grid, type="linesAndChars", does the same in Word, but LibreOffice sets a 16 pt character in
 * two cells of a 15.8 pt grid, and a document should print the same everywhere.)
 */
export const GRID = {
  lines: 22,
  chars: 28,
  linePitch: Math.floor(TEXT.height / 22),
  /** w:spacing of a 3号 run, in twips. */
  bodyKerning: Math.floor(TEXT.width / 28) - SIZE.三号 * 10,
};

export interface Faces {
  title: string;
  titleBold: boolean;
  mark: string;
  body: string;
  h1: string;
  h2: string;
  page: string;
}

/**
 * The GB fonts of 公文, or the fonts every Windows and WPS has. A county whose machines lack
 * 方正小标宋简体 and 仿宋_GB2312 chooses `system`: 宋体 bold for titles, 仿宋 and 楷体 for the
 * text. The font table of every document also names the fallbacks (render.ts).
 */
export const FACES: Record<FontSet, Faces> = {
  gb: {
    title: '方正小标宋简体',
    titleBold: false,
    mark: '方正小标宋简体',
    body: '仿宋_GB2312',
    h1: '黑体',
    h2: '楷体_GB2312',
    page: '宋体',
  },
  system: {
    title: '宋体',
    titleBold: true,
    mark: '宋体',
    body: '仿宋',
    h1: '黑体',
    h2: '楷体',
    page: '宋体',
  },
};

/** Each GB font, and the font a machine without it should use. */
export const FALLBACK: Record<string, string> = {
  方正小标宋简体: '宋体',
  仿宋_GB2312: '仿宋',
  楷体_GB2312: '楷体',
};

export const RED = 'FF0000';

export const face = (name: string) => ({
  ascii: name,
  hAnsi: name,
  eastAsia: name,
  cs: name,
  hint: 'eastAsia',
});

/** A run in a face and size. */
export function run(text: string, font: string, size: number, more: Partial<IRunOptions> = {}): TextRun {
  const kerning = size === SIZE.三号 ? { characterSpacing: GRID.bodyKerning } : {};
  return new TextRun({ text, font: face(font), size, ...kerning, ...more });
}

/** Spans to runs: text, and blanks drawn as underlined ideographic spaces to write in by hand. */
export function spans(content: string | Span[], font: string, size: number): TextRun[] {
  const list = typeof content === 'string' ? [{ text: content }] : content;
  return list.map((s) =>
    'blank' in s
      ? run('\u3000'.repeat(s.blank), font, size, { underline: {} })
      : run(s.text, font, size, { bold: s.bold }),
  );
}

/**
 * A paragraph style that leaves the line grid (w:snapToGrid off): table cells, rules and slips
 * keep their own exact heights. render.ts writes the style.
 */
export const OFF_GRID = 'ZerenOffGrid';

/** Exact line spacing on the grid: 22 lines to the page whatever the font. */
export const ON_GRID = { line: GRID.linePitch, lineRule: LineRuleType.EXACT };

export function emptyLines(n: number): Paragraph[] {
  return Array.from({ length: n }, () => new Paragraph({ spacing: ON_GRID, children: [] }));
}

/** How wide a text sets, in characters: a Han character or full-width mark is one, ASCII half. */
export function widthInChars(text: string): number {
  let w = 0;
  for (const c of text) w += c.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

/**
 * 版头. 文件格式 (7.2): the 发文机关标志 in red 小标宋, its top 35 mm below the top of the 版心;
 * two lines down, the 发文字号 centred; 4 mm under it a red rule as wide as the 版心. 信函格式
 * (10.1): the mark, 4 mm under it a red double rule (thick over thin), the 发文字号 flush right.
 * On pre-printed 红头 paper nothing red is printed and every line keeps its place.
 */
export function letterhead(l: Letterhead, number: string | undefined, faces: Faces): Paragraph[] {
  const chars = Math.max(1, widthInChars(l.mark));
  // As large as fits on one line, at most 初号 (42 pt).
  const size = Math.min(SIZE.初号, Math.floor((TEXT.width / 10 / chars) * 0.95));
  const height = Math.round(size * 10 * 1.3);
  const mark = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: l.style === 'document' ? mm(35) : 0, line: height, lineRule: LineRuleType.EXACT },
    children: l.printed ? [run(l.mark, faces.mark, size, { color: RED, bold: faces.titleBold })] : [],
  });
  if (l.style === 'letter')
    return [
      mark,
      // The red double rule, thick above thin: the rules of an empty 2 pt line (a w:pBdr of style
      // thickThinSmallGap would do in Word, but LibreOffice does not draw it).
      new Paragraph({
        style: OFF_GRID,
        spacing: { before: mm(4), line: 40, lineRule: LineRuleType.EXACT },
        border: l.printed
          ? {
              top: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 0 },
              bottom: { style: BorderStyle.SINGLE, size: 6, color: RED, space: 0 },
            }
          : undefined,
        children: [],
      }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: ON_GRID,
        children: [run(number ?? '', faces.body, SIZE.三号)],
      }),
      ...emptyLines(1),
    ];
  const numbered = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: ON_GRID,
    border: l.printed
      ? { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } }
      : undefined,
    children: [run(number ?? '', faces.body, SIZE.三号)],
  });
  return [mark, ...emptyLines(2), numbered, ...emptyLines(2)];
}

/** 标题 (7.3.1): 2号 小标宋, centred; 宋体 bold where the county lacks 小标宋. */
export function title(text: string, faces: Faces): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: ON_GRID,
    children: [run(text, faces.title, SIZE.二号, { bold: faces.titleBold })],
  });
}

/** A paragraph of the 正文: 3号 仿宋, two characters in (7.3.3). */
export function body(
  content: string | Span[],
  faces: Faces,
  opts: { indent?: boolean; align?: 'left' | 'center' | 'right'; font?: string } = {},
): Paragraph {
  const alignment =
    opts.align === 'center'
      ? AlignmentType.CENTER
      : opts.align === 'right'
        ? AlignmentType.RIGHT
        : AlignmentType.JUSTIFIED;
  return new Paragraph({
    alignment,
    spacing: ON_GRID,
    indent: opts.indent === false ? undefined : { firstLine: 2 * CHAR },
    children: spans(content, opts.font ?? faces.body, SIZE.三号),
  });
}

/** 主送机关 (7.3.2): flush left under the title, a line between, ending in a full-width colon. */
export function addressee(text: string, faces: Faces): Paragraph[] {
  return [...emptyLines(1), body(`${text}：`, faces, { indent: false })];
}

/**
 * 发文机关署名 and 成文日期 (7.3.5). With a seal: the date four characters from the right, the
 * office centred over it, two empty lines above for the seal, which presses on both. Without:
 * the office two characters from the right, the date under it two characters further right.
 */
export function signature(office: string, date: string, seal: boolean, faces: Faces): Paragraph[] {
  const ow = widthInChars(office);
  const dw = widthInChars(date);
  let officeRight: number;
  let dateRight: number;
  if (seal) {
    dateRight = 4;
    officeRight = Math.max(0, 4 + (dw - ow) / 2);
  } else {
    officeRight = 2;
    dateRight = officeRight + ow - 2 - dw;
    if (dateRight < 2) {
      officeRight += 2 - dateRight;
      dateRight = 2;
    }
  }
  const line = (text: string, right: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: ON_GRID,
      indent: { right: Math.round(right * CHAR) },
      children: [run(text, faces.body, SIZE.三号)],
    });
  return [...emptyLines(seal ? 3 : 1), line(office, officeRight), line(date, dateRight)];
}

/** 页码 (7.5): “— 1 —”, 4号 宋体, one character in from the outer edge. */
export function pageNumber(side: 'odd' | 'even', children: TextRun[]): Paragraph {
  const one = SIZE.四号 * 10;
  return new Paragraph({
    alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side === 'odd' ? { right: one } : { left: one },
    children,
  });
}

/**
 * 版记 (7.4): 抄送 and 印发 in 4号 仿宋 between rules as wide as the 版心, thick first and last,
 * thin between. It follows the last element, kept on one page; the standard puts it at the foot
 * of the last page, which only a frame can do, and frames lose their rules in LibreOffice and WPS.
 */
export function record(cc: string[], printer: string, printedOn: string, faces: Faces): Paragraph[] {
  const one = SIZE.四号 * 10;
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
  const out: Paragraph[] = emptyLines(1);
  if (cc.length)
    out.push(
      new Paragraph({
        keepNext: true,
        keepLines: true,
        spacing: ON_GRID,
        // One character in; lines after the first start under the first name, after “抄送：”.
        // The rules run the width of the 版心, so the indent is in the text, not the paragraph.
        indent: { left: one * 4, hanging: one * 4 },
        border: { top: thick, bottom: thin },
        children: [run(`\u3000抄送：${cc.join('，')}。`, faces.body, SIZE.四号)],
      }),
    );
  out.push(
    new Paragraph({
      keepLines: true,
      spacing: ON_GRID,
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT.width - one }],
      border: { ...(cc.length ? {} : { top: thick }), bottom: thick },
      children: [run(`\u3000${printer}\t${printedOn}印发`, faces.body, SIZE.四号)],
    }),
  );
  return out;
}
