// A document model to a .docx file, byte for byte the same for the same model: the parts in
// the order of GB/T 9704 (版头, 标题, 主送机关, 正文, 附件说明, 署名 and 成文日期, 附注, 附件,
// 版记), one A4 section on the 22 × 28 grid with page numbers at the outer edge; then the zip
// is rewritten with the 成文日期 as every timestamp (core.xml and the zip entries), and the font
// table names each GB font's fallback, so Word and WPS substitute 仿宋 for a missing 仿宋_GB2312.

import {
  Document,
  DocumentGridType,
  type FileChild,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { unzipSync, zipSync } from 'fflate';
import { blocks } from './blocks.ts';
import {
  addressee,
  body,
  emptyLines,
  FACES,
  FALLBACK,
  face,
  GRID,
  letterhead,
  MARGIN,
  mm,
  OFF_GRID,
  PAGE,
  pageNumber,
  record,
  SIZE,
  signature,
  title,
} from './layout.ts';
import type { OfficialDoc } from './model.ts';
import { chineseDate } from './zh.ts';

export { DOCX_TYPE } from './docx-type.ts';

const CREATOR = 'Zeren 责任';

function children(doc: OfficialDoc): FileChild[] {
  const faces = FACES[doc.fonts];
  if (doc.form) return blocks(doc.body, faces);
  const out: FileChild[] = [];
  if (doc.letterhead) out.push(...letterhead(doc.letterhead, doc.number, faces));
  out.push(title(doc.title, faces));
  if (doc.addressee) out.push(...addressee(doc.addressee, faces));
  else out.push(...emptyLines(1));
  out.push(...blocks(doc.body, faces));
  const attachments = doc.attachments ?? [];
  if (attachments.length) {
    // 附件说明 (7.3.4): a line under the text, two characters in; several are numbered.
    out.push(...emptyLines(1));
    for (const [i, a] of attachments.entries())
      out.push(
        body(
          `${i === 0 ? '附件：' : '\u3000\u3000\u3000'}${attachments.length > 1 ? `${i + 1}．` : ''}${a.title}`,
          faces,
        ),
      );
  }
  if (doc.signature)
    out.push(...signature(doc.signature.office, chineseDate(doc.signature.date), doc.signature.seal, faces));
  if (doc.note) out.push(body(`（${doc.note}）`, faces));
  // 附件 (8): each on its own page, “附件” in 黑体 flush left, its title centred.
  for (const [i, a] of attachments.entries())
    out.push(
      new Paragraph({ pageBreakBefore: true, children: [] }),
      body(attachments.length > 1 ? `附件${i + 1}` : '附件', faces, { indent: false, font: faces.h1 }),
      ...emptyLines(1),
      title(a.title, faces),
      ...emptyLines(1),
      ...blocks(a.body, faces),
    );
  if (doc.record)
    out.push(...record(doc.record.cc, doc.record.printer, chineseDate(doc.record.printed_on), faces));
  return out;
}

function footer(side: 'odd' | 'even', font: string): Footer {
  const r = (text: string | string[]) =>
    new TextRun({ children: [text].flat(), font: face(font), size: SIZE.四号 });
  return new Footer({
    children: [pageNumber(side, [r('— '), r([PageNumber.CURRENT]), r(' —')])],
  });
}

function wordDocument(doc: OfficialDoc): Document {
  const faces = FACES[doc.fonts];
  return new Document({
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    // The grid's character pitch is reckoned from the Normal style's size: 3号.
    styles: {
      default: { document: { run: { font: face(faces.body), size: SIZE.三号 } } },
      paragraphStyles: [
        { id: 'Normal', name: 'Normal', quickFormat: true, run: { font: face(faces.body), size: SIZE.三号 } },
        { id: OFF_GRID, name: 'Zeren off grid', basedOn: 'Normal' },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            // 页码一字线上距版心下边缘 7 mm: the footer's foot about 22 mm above the page's edge.
            margin: { ...MARGIN, header: mm(15), footer: mm(22) },
          },
          // A form's slips have their own line heights; a document is on the 22-line grid.
          grid: doc.form ? undefined : { type: DocumentGridType.LINES, linePitch: GRID.linePitch },
        },
        footers: { default: footer('odd', faces.page), even: footer('even', faces.page) },
        children: children(doc),
      },
    ],
  });
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The font table: every face the document uses, each GB font naming its fallback (w:altName). */
function fontTable(names: string[]): string {
  const fonts = names
    .map(
      (n) =>
        `<w:font w:name="${xmlEscape(n)}">${FALLBACK[n] ? `<w:altName w:val="${FALLBACK[n]}"/>` : ''}<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

/** The .docx of a document: the same model gives the same bytes. */
export async function renderDocx(doc: OfficialDoc): Promise<Buffer> {
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(wordDocument(doc))));
  const stamp = `${doc.dated}T00:00:00Z`;
  const text = (name: string) => Buffer.from(files[name]!).toString('utf8');
  files['docProps/core.xml'] = new TextEncoder().encode(
    text('docProps/core.xml').replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${stamp}`),
  );
  // The off-grid style: snapToGrid off (docx writes no paragraph-level snapToGrid itself).
  files['word/styles.xml'] = new TextEncoder().encode(
    text('word/styles.xml').replace(
      new RegExp(`(<w:style [^>]*w:styleId="${OFF_GRID}"[^>]*>.*?)(</w:style>)`),
      '$1<w:pPr><w:snapToGrid w:val="0"/></w:pPr>$2',
    ),
  );
  const f = FACES[doc.fonts];
  const used = [...new Set([f.title, f.mark, f.body, f.h1, f.h2, f.page])].sort();
  files['word/fontTable.xml'] = new TextEncoder().encode(fontTable(used));
  const [y, m, d] = doc.dated.split('-').map(Number);
  // The zip writes local time: a date made of local fields is the same on every machine.
  const mtime = new Date(y!, m! - 1, d!);
  const names = Object.keys(files).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : 1,
  );
  const ordered = Object.fromEntries(names.map((n) => [n, [files[n]!, { mtime }] as const]));
  return Buffer.from(zipSync(ordered as never, { level: 6 }));
}
