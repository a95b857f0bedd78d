// Opening an uploaded .xlsx within limits: zip bombs of every shape are refused before, or while,
// anything is inflated, and memory stays bounded (measured, not timed); the files people upload by
// mistake are named for what they are.

import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../store/errors.ts';
import { sniff } from './upload-kind.ts';
import { workbookPackage, ZIP_LIMITS } from './xlsx-package.ts';
import { deflated, deflatedZeros, peakGrowth, workbookParts, zipOf } from './zip-kit.ts';

const MiB = 1024 * 1024;

/** The refusal of a package, as status code, problem code and messages. */
async function refusal(data: Buffer, filename?: string) {
  try {
    await workbookPackage(data, filename);
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    const p = e.problems[0]!;
    return { kind: e.kind, code: p.code, zh: p.zh, en: p.en };
  }
  throw new Error('not refused');
}

describe('zip bombs', () => {
  it('refuses a part that declares 1 GiB, before inflating anything', async () => {
    const bomb = zipOf(workbookParts(deflatedZeros(1024), 1024 * MiB));
    expect(bomb.length).toBeLessThan(1.5 * MiB);
    const r = await refusal(bomb);
    expect(r).toMatchObject({ kind: 'too_large', code: 'xlsx_too_large' });
    expect(r.zh).toContain('解压后超过 48 MiB');
    expect(r.en).toContain('more than 48 MiB');
    expect(await peakGrowth(() => workbookPackage(bomb))).toBeLessThan(32 * MiB);
  });

  it('stops a part that lies about its size at the first bytes over, memory bounded', async () => {
    // Declares 5 KB; holds 1 GiB of zeros.
    const liar = zipOf(workbookParts(deflatedZeros(1024), 5000));
    const r = await refusal(liar);
    expect(r).toMatchObject({ kind: 'invalid', code: 'xlsx_corrupt' });
    expect(r.zh).toContain('文件已损坏或被篡改');
    expect(await peakGrowth(() => workbookPackage(liar))).toBeLessThan(32 * MiB);
  });

  it('refuses a part that inflates more than 100 times its size', async () => {
    const dense = zipOf(workbookParts(deflatedZeros(20), 20 * MiB));
    expect(await refusal(dense)).toMatchObject({ kind: 'invalid', code: 'xlsx_compression_ratio' });
    // Declared small but inflating past the ratio: caught while inflating.
    const liar = zipOf(workbookParts(deflatedZeros(20), 2 * MiB));
    expect(await refusal(liar)).toMatchObject({ kind: 'invalid' });
  });

  it('refuses too many parts, and parts that overlap', async () => {
    const many = zipOf(
      Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => ({
        name: `xl/media/image${i}.png`,
        data: Buffer.from('x'),
        method: 0 as const,
        uncompressedSize: 1,
      })),
    );
    const r = await refusal(many);
    expect(r).toMatchObject({ kind: 'too_large', code: 'xlsx_too_many_parts' });
    expect(r.zh).toContain(`${ZIP_LIMITS.entries + 1} 个部件`);
    // Every part pointing at the same compressed bytes (the "non-overlapping" bomb's trick).
    const kernel = deflatedZeros(1);
    const overlap = zipOf([
      ...workbookParts(kernel, MiB),
      ...Array.from({ length: 40 }, (_, i) => ({
        name: `x${i}`,
        data: kernel,
        uncompressedSize: MiB,
        at: 0,
      })),
    ]);
    expect(await refusal(overlap)).toMatchObject({ kind: 'invalid', code: 'xlsx_corrupt' });
  });

  it('hands on a workbook within the limits under the usual part names', async () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
    const ok = zipOf(workbookParts(deflated(sheet), sheet.length));
    expect((await workbookPackage(ok)).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('files that are not workbooks', () => {
  it('names an old .xls, a CSV, a Word file, an image and others for what they are', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('名单')] }] }));
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    );
    const cases: [Buffer, string | undefined, string, string][] = [
      [Buffer.from('序号,姓名,职务\n1,张书记,党委书记\n'), '名单.csv', 'CSV 文本文件', 'a CSV text file'],
      [docx, '名单.xlsx', 'Word 文档（.docx）', 'a Word document'],
      [png, '名单.xlsx', '图片', 'an image'],
      [Buffer.from('%PDF-1.4\n%âãÏÓ\n'), undefined, 'PDF 文件', 'a PDF file'],
      [Buffer.alloc(0), '名单.xlsx', '空文件', 'an empty file'],
      [
        Buffer.from('<html><body><table><tr><td>张书记</td></tr></table></body></html>'),
        '名单.xls',
        '网页（HTML）',
        'HTML',
      ],
      [Buffer.from('{"people": []}'), undefined, 'JSON', 'JSON'],
    ];
    for (const [data, filename, zh, en] of cases) {
      const r = await refusal(data, filename);
      expect(r, zh).toMatchObject({ kind: 'invalid', code: 'not_xlsx' });
      expect(r.zh).toContain(zh);
      expect(r.zh).toContain('不是 Excel 工作簿（.xlsx）');
      expect(r.en).toContain(en);
    }
    expect((await refusal(png, '名单.xlsx')).zh).toBe(
      '文件“名单.xlsx”的扩展名是 .xlsx，但实际是图片，不是 Excel 工作簿（.xlsx）；请上传用下载的模板填写的 Excel 工作簿（.xlsx）。',
    );
    expect((await refusal(docx, '名单.xlsx')).en).toContain('although its name ends in .xlsx');
  });

  it('tells an encrypted workbook and a UTF-16 text apart', () => {
    const ole = Buffer.concat([
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      Buffer.alloc(500),
      Buffer.from('EncryptedPackage', 'utf16le'),
    ]);
    expect(sniff(ole)).toBe('encrypted');
    expect(
      sniff(
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t职务\r\n张三\t干部\r\n', 'utf16le')]),
      ),
    ).toBe('csv');
  });
});
