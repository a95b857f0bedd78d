// An uploaded .xlsx is a ZIP that a person (or an attacker) made: it is opened with care before
// anything is inflated. From the ZIP's central directory alone: at most ZIP_LIMITS.entries parts,
// at most ZIP_LIMITS.total bytes declared uncompressed in all, no part (past the first megabyte)
// inflating more than ZIP_LIMITS.ratio times its compressed size, no two parts sharing compressed
// bytes. Then only the parts a reading needs (the workbook, its sheets, shared strings and
// styles) are inflated, streamed, counting every byte against the same limits: a part that
// inflates past its declared size is refused at the first byte over. Comments, drawings, images
// and the rest are never inflated. The parts are handed on under the names every reader expects
// (`xl/worksheets/sheetN.xml`, whatever the producer called them), without the relationships to
// the parts left out: openpyxl's, WPS's and LibreOffice's files read alike.

import { createRequire } from 'node:module';
import type JSZipType from 'jszip';
import yauzl from 'yauzl';
import { invalid, StoreError } from '../../store/errors.ts';
import { notWorkbook, sniff, zipKind } from './upload-kind.ts';

const MiB = 1024 * 1024;
export const ZIP_LIMITS = { entries: 1000, total: 48 * MiB, ratio: 100, ratioFrom: 1 * MiB };

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const KEPT = {
  worksheet: 'worksheets/sheet',
  sharedStrings: 'sharedStrings.xml',
  styles: 'styles.xml',
} as const;
type KeptType = keyof typeof KEPT;

const mib = (n: number) => `${Math.round((n / MiB) * 10) / 10} MiB`;

function tooLarge(code: string, zh: string, en: string): StoreError {
  return new StoreError('too_large', `工作簿超出处理上限：${zh}`, `the workbook is over the limit: ${en}`, [
    {
      path: '',
      code,
      zh: `${zh}；请只上传用模板填写的名单或分数表`,
      en: `${en}; upload only the filled template`,
    },
  ]);
}

function corrupt(detail: string) {
  return invalid([
    {
      path: '',
      code: 'xlsx_corrupt',
      zh: `文件已损坏或被篡改（${detail}），无法作为 Excel 工作簿读取；请在 Excel 或 WPS 中重新保存后上传`,
      en: `the file is damaged or tampered with (${detail}) and cannot be read as an Excel workbook; save it again in Excel or WPS and upload that`,
    },
  ]);
}

const ratioRefused = (name: string) =>
  invalid([
    {
      path: '',
      code: 'xlsx_compression_ratio',
      zh: `文件中的“${name}”压缩比超过 ${ZIP_LIMITS.ratio} 倍，疑似“压缩炸弹”，已拒绝`,
      en: `the part "${name}" expands more than ${ZIP_LIMITS.ratio} times its compressed size, like a zip bomb; refused`,
    },
  ]);

/** Checks the central directory against the limits; nothing is inflated. */
async function directory(data: Buffer): Promise<{ zip: yauzl.ZipFile; entries: yauzl.Entry[] }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true });
  } catch (e) {
    throw corrupt(`ZIP: ${(e as Error).message}`);
  }
  if (zip.entryCount > ZIP_LIMITS.entries)
    throw tooLarge(
      'xlsx_too_many_parts',
      `文件含 ${zip.entryCount} 个部件，超过上限 ${ZIP_LIMITS.entries} 个`,
      `it has ${zip.entryCount} parts, more than ${ZIP_LIMITS.entries}`,
    );
  const entries: yauzl.Entry[] = [];
  let total = 0;
  let packed = 0;
  try {
    for (let e = await next(zip); e; e = await next(zip)) {
      total += e.uncompressedSize;
      packed += e.compressedSize;
      if (total > ZIP_LIMITS.total)
        throw tooLarge(
          'xlsx_too_large',
          `解压后超过 ${mib(ZIP_LIMITS.total)}`,
          `it would inflate to more than ${mib(ZIP_LIMITS.total)}`,
        );
      if (
        e.uncompressedSize > ZIP_LIMITS.ratioFrom &&
        e.uncompressedSize > ZIP_LIMITS.ratio * e.compressedSize
      )
        throw ratioRefused(e.fileName);
      entries.push(e);
    }
  } catch (e) {
    throw e instanceof StoreError ? e : corrupt(`ZIP: ${(e as Error).message}`);
  }
  // Parts sharing compressed bytes (a non-overlapping zip bomb's trick) claim more than the file has.
  if (packed > data.length) throw corrupt('ZIP parts overlap');
  return { zip, entries };
}

/** The next entry of the central directory (no data is read), or null at its end. */
function next(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const settle = (e: Error | null, entry: yauzl.Entry | null) => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      if (e) reject(e);
      else resolve(entry);
    };
    const onEntry = (entry: yauzl.Entry) => settle(null, entry);
    const onEnd = () => settle(null, null);
    const onError = (e: Error) => settle(e, null);
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

/** Inflates one part, streamed, every byte counted against what is left of the limit. */
async function inflate(zip: yauzl.ZipFile, e: yauzl.Entry, budget: { left: number }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  let stream: NodeJS.ReadableStream | undefined;
  try {
    stream = await zip.openReadStreamPromise(e);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      n += chunk.length;
      budget.left -= chunk.length;
      if (budget.left < 0)
        throw tooLarge(
          'xlsx_too_large',
          `解压后超过 ${mib(ZIP_LIMITS.total)}`,
          `it inflates to more than ${mib(ZIP_LIMITS.total)}`,
        );
      if (n > ZIP_LIMITS.ratioFrom && n > ZIP_LIMITS.ratio * e.compressedSize) throw ratioRefused(e.fileName);
      chunks.push(chunk);
    }
  } catch (err) {
    (stream as { destroy?: () => void } | undefined)?.destroy?.();
    if (err instanceof StoreError) throw err;
    throw corrupt(`“${e.fileName}”: ${(err as Error).message}`);
  }
  return Buffer.concat(chunks);
}

interface Rel {
  Id: string;
  Type: string;
  Target: string;
}
const attrs = (tag: string) =>
  Object.fromEntries(
    [...tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1], m[2] ?? m[3]]),
  );
const relsOf = (xml: string): Rel[] =>
  [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)].map((m) => attrs(m[1]!) as unknown as Rel);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A relationship's target as a part name: `worksheets/a.xml`, `/xl/worksheets/a.xml`, `../x.xml`. */
function partName(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/');
  for (const seg of target.replace(/^\//, '').split('/'))
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  return parts.join('/');
}

/**
 * The workbook in an uploaded file, opened within the limits, as a package every reader takes:
 * the workbook, its worksheets, shared strings and styles, under their usual names.
 */
export async function workbookPackage(data: Buffer, filename?: string): Promise<Buffer> {
  const kind = sniff(data);
  if (kind !== 'zip-container') throw notWorkbook(kind, filename);
  const { zip, entries } = await directory(data);
  try {
    const byName = new Map(entries.map((e) => [e.fileName.replace(/^\//, ''), e]));
    const budget = { left: ZIP_LIMITS.total };
    const read = async (name: string) => {
      const e = byName.get(name);
      return e ? (await inflate(zip, e, budget)).toString('utf8') : undefined;
    };
    const mimetype = byName.get('mimetype')?.uncompressedSize ?? 999;
    const zk = zipKind([...byName.keys()], mimetype < 200 ? await read('mimetype') : undefined);
    if (zk !== 'xlsx') throw notWorkbook(zk, filename);
    const workbook = await read('xl/workbook.xml');
    const wbRels = await read('xl/_rels/workbook.xml.rels');
    if (!workbook || !wbRels) throw corrupt('xl/workbook.xml');
    // jszip loaded here, on the first upload, not when the server starts.
    const JSZip = createRequire(import.meta.url)('jszip') as typeof JSZipType;
    const out = new JSZip();
    out.file('xl/workbook.xml', workbook);
    const kept: Rel[] = [];
    let sheets = 0;
    for (const r of relsOf(wbRels)) {
      const type = r.Type?.split('/').pop() as KeptType;
      if (!r.Id || !r.Target || !(type in KEPT) || r.Target.startsWith('http')) continue;
      const xml = await read(partName('xl', r.Target));
      if (xml === undefined) continue;
      const target = type === 'worksheet' ? `${KEPT.worksheet}${++sheets}.xml` : KEPT[type];
      out.file(`xl/${target}`, xml);
      kept.push({ Id: r.Id, Type: r.Type, Target: target });
    }
    out.file(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${kept
        .map((r) => `<Relationship Id="${esc(r.Id)}" Type="${esc(r.Type)}" Target="${esc(r.Target)}"/>`)
        .join('')}</Relationships>`,
    );
    out.file(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    return await out.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  } finally {
    zip.close();
  }
}
