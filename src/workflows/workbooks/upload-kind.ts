// What an uploaded file really is, from its first bytes (and, for a ZIP, the names of its parts),
// whatever its name says: so a person who uploads an old .xls, a CSV, a Word file or a photo
// renamed .xlsx is told what the file is and what to upload instead, in Chinese and English.

import { invalid } from '../../store/errors.ts';

export type FileKind =
  | 'xlsx'
  | 'empty'
  | 'xls'
  | 'encrypted'
  | 'doc'
  | 'ole'
  | 'xlsb'
  | 'docx'
  | 'pptx'
  | 'ods'
  | 'odf'
  | 'zip'
  | 'pdf'
  | 'image'
  | 'archive'
  | 'html'
  | 'xml'
  | 'json'
  | 'csv'
  | 'text'
  | 'unknown';

/** What to do with a workbook Excel or WPS opens: save it as .xlsx. */
const SAVE_AS_XLSX = {
  doZh: '请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（*.xlsx）后上传',
  doEn: 'open it in Excel or WPS, save it as an Excel workbook (*.xlsx) and upload that',
};

/** What each kind is called, and what to do instead of uploading it. */
const KINDS: Record<Exclude<FileKind, 'xlsx'>, { zh: string; en: string; doZh?: string; doEn?: string }> = {
  empty: { zh: '空文件（0 字节）', en: 'an empty file (0 bytes)' },
  xls: {
    zh: '旧版 Excel 97-2003 或 WPS 表格工作簿（.xls / .et）',
    en: 'an old Excel 97-2003 or WPS workbook (.xls / .et)',
    ...SAVE_AS_XLSX,
  },
  encrypted: {
    zh: '设置了打开密码的加密文件',
    en: 'an encrypted file (it has a password to open)',
    doZh: '请在 Excel 或 WPS 中取消打开密码，保存后上传',
    doEn: 'remove the password to open in Excel or WPS, save and upload that',
  },
  doc: { zh: 'Word 97-2003 文档（.doc）', en: 'a Word 97-2003 document (.doc)' },
  ole: { zh: '旧版 Office 文件（.doc / .ppt 等）', en: 'an old Office file (.doc, .ppt or similar)' },
  xlsb: {
    zh: 'Excel 二进制工作簿（.xlsb）',
    en: 'an Excel binary workbook (.xlsb)',
    doZh: '请在 Excel 中“另存为” Excel 工作簿（*.xlsx）后上传',
    doEn: 'save it as an Excel workbook (*.xlsx) in Excel and upload that',
  },
  docx: { zh: 'Word 文档（.docx）', en: 'a Word document (.docx)' },
  pptx: { zh: 'PowerPoint 演示文稿（.pptx）', en: 'a PowerPoint presentation (.pptx)' },
  ods: {
    zh: 'OpenDocument 电子表格（.ods）',
    en: 'an OpenDocument spreadsheet (.ods)',
    doZh: '请在 WPS 或 LibreOffice 中“另存为” Excel 工作簿（*.xlsx）后上传',
    doEn: 'save it as an Excel workbook (*.xlsx) in WPS or LibreOffice and upload that',
  },
  odf: { zh: 'OpenDocument 文档（.odt / .odp）', en: 'an OpenDocument file (.odt / .odp)' },
  zip: {
    zh: 'ZIP 压缩包',
    en: 'a ZIP archive',
    doZh: '请解压后上传其中的 .xlsx 文件',
    doEn: 'unpack it and upload the .xlsx inside',
  },
  pdf: { zh: 'PDF 文件', en: 'a PDF file' },
  image: { zh: '图片', en: 'an image' },
  archive: { zh: '压缩包（RAR / 7z / gzip）', en: 'an archive (RAR, 7z or gzip)' },
  html: {
    zh: '网页（HTML）格式的表格，有些系统导出的 .xls 就是这种文件',
    en: 'a table in HTML, as some systems export under the name .xls',
    ...SAVE_AS_XLSX,
  },
  xml: {
    zh: 'XML 文件（如 Excel 2003 XML 表格）',
    en: 'an XML file (such as an Excel 2003 XML spreadsheet)',
    ...SAVE_AS_XLSX,
  },
  json: {
    zh: 'JSON 文本',
    en: 'JSON text',
    doZh: 'JSON 请提交到名单接口本身',
    doEn: 'send JSON to the roster itself',
  },
  csv: {
    zh: 'CSV 文本文件（逗号或制表符分隔）',
    en: 'a CSV text file (comma- or tab-separated)',
    doZh: 'CSV 不保留工作表、下拉选项和日期格式，请用下载的模板填写后上传 .xlsx 文件',
    doEn: 'CSV keeps no sheets, dropdowns or dates; fill in the downloaded template and upload the .xlsx',
  },
  text: { zh: '纯文本文件', en: 'a plain text file' },
  unknown: { zh: '无法识别的文件', en: 'a file of unknown kind' },
};

const starts = (b: Buffer, ...bytes: number[]) => bytes.every((x, i) => b[i] === x);
const has16 = (b: Buffer, name: string) => b.includes(Buffer.from(name, 'utf16le'));

/** The kind of a file that is not a ZIP, from its first bytes. */
export function sniff(b: Buffer): Exclude<FileKind, 'xlsx'> | 'zip-container' {
  if (b.length === 0) return 'empty';
  if (starts(b, 0x50, 0x4b, 0x03, 0x04) || starts(b, 0x50, 0x4b, 0x05, 0x06)) return 'zip-container';
  if (starts(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    // A compound file: the names of its streams say what it holds (UTF-16 in its directory).
    if (has16(b, 'EncryptedPackage')) return 'encrypted';
    if (has16(b, 'Workbook') || has16(b, 'Book')) return 'xls';
    return has16(b, 'WordDocument') ? 'doc' : 'ole';
  }
  if (starts(b, 0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (
    starts(b, 0x89, 0x50, 0x4e, 0x47) ||
    starts(b, 0xff, 0xd8, 0xff) ||
    starts(b, 0x47, 0x49, 0x46, 0x38) ||
    starts(b, 0x42, 0x4d) ||
    (starts(b, 0x52, 0x49, 0x46, 0x46) && b.subarray(8, 12).toString('latin1') === 'WEBP')
  )
    return 'image';
  if (starts(b, 0x52, 0x61, 0x72, 0x21) || starts(b, 0x37, 0x7a, 0xbc, 0xaf) || starts(b, 0x1f, 0x8b))
    return 'archive';
  // Text: UTF-8 (or GBK, whose punctuation is ASCII too), or UTF-16 as Excel saves "Unicode text".
  const utf16 = starts(b, 0xff, 0xfe) || starts(b, 0xfe, 0xff);
  const head = utf16
    ? Buffer.from(b.subarray(2, 2 + Math.min(8192, (b.length - 2) & ~1)))
    : b.subarray(0, 8192);
  if (starts(b, 0xfe, 0xff)) head.swap16();
  if (!utf16 && head.includes(0)) return 'unknown';
  const text = head
    .toString(utf16 ? 'utf16le' : 'utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^<(!doctype html|html|table|meta)/i.test(text) || /<table[\s>]/i.test(text)) return 'html';
  if (text.startsWith('<')) return 'xml';
  if (/^[[{]/.test(text)) return 'json';
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length && lines.slice(0, 5).every((l) => /[,\t;]/.test(l))) return 'csv';
  return 'text';
}

/** The kind of a ZIP from the names of its parts. */
export function zipKind(names: readonly string[], mimetype?: string): FileKind {
  const set = new Set(names.map((n) => n.replace(/^\//, '')));
  if (set.has('xl/workbook.xml')) return 'xlsx';
  if (set.has('xl/workbook.bin')) return 'xlsb';
  if (set.has('word/document.xml')) return 'docx';
  if (set.has('ppt/presentation.xml')) return 'pptx';
  if (mimetype?.includes('opendocument.spreadsheet')) return 'ods';
  if (mimetype?.includes('opendocument') || set.has('content.xml')) return 'odf';
  return 'zip';
}

const EXT: Partial<Record<FileKind, string[]>> = {
  xls: ['.xls', '.et'],
  xlsb: ['.xlsb'],
  docx: ['.docx'],
  pptx: ['.pptx'],
  ods: ['.ods'],
  csv: ['.csv', '.tsv', '.txt'],
  pdf: ['.pdf'],
  zip: ['.zip'],
};

/**
 * The problem of a file that is not an Excel workbook: what it is (and that its name says
 * otherwise, for a renamed file), and what to upload instead.
 */
export function notWorkbook(kind: Exclude<FileKind, 'xlsx'>, filename?: string) {
  const k = KINDS[kind];
  const ext = filename?.toLowerCase().match(/\.[a-z0-9]+$/)?.[0];
  const renamed =
    ext !== undefined && !(EXT[kind] ?? []).includes(ext) && kind !== 'empty' && kind !== 'unknown';
  const zhName = filename ? `文件“${filename}”` : '上传的文件';
  const enName = filename ? `the file "${filename}"` : 'the uploaded file';
  const zh = `${zhName}${renamed ? `的扩展名是 ${ext}，但实际` : ''}是${k.zh}，不是 Excel 工作簿（.xlsx）；${k.doZh ?? '请上传用下载的模板填写的 Excel 工作簿（.xlsx）'}。`;
  const en = `${enName} is ${k.en}${renamed ? ` although its name ends in ${ext}` : ''}, not an Excel workbook (.xlsx); ${k.doEn ?? 'upload an Excel workbook (.xlsx) filled in from the downloaded template'}.`;
  return invalid([{ path: '', code: 'not_xlsx', zh, en }]);
}
