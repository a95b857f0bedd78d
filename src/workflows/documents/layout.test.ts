// GB/T 9704-2012 read back from the DOCX XML: A4 and the margins, 22 lines of 28 characters,
// the faces and sizes of title, text, headings and page numbers, the red 版头 (or its place kept
// on pre-printed paper), the 署名 and 成文日期, the 版记 rules, page numbers at the outer edge,
// the fonts' fallbacks, and the same bytes for the same document.

import { describe, expect, it } from 'vitest';
import { sample } from '../../../test/support/doc-kit.ts';
import { docxParts, elements, visibleText } from './docx-reading.ts';
import { CHAR, GRID, MARGIN, mm, PAGE, SIZE, TEXT } from './layout.ts';
import { renderDocx } from './render.ts';

const twipsToMm = (t: number) => (t * 25.4) / 1440;

/** Each run of a part: its properties and its text. */
const runs = (xml: string) =>
  [...xml.matchAll(/<w:r>(?:<w:rPr>(.*?)<\/w:rPr>)?(.*?)<\/w:r>/g)].map((m) => ({
    rPr: m[1] ?? '',
    text: [...(m[2] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
const runOf = (xml: string, text: string) => runs(xml).find((r) => r.text === text)!;
const eastAsia = (rPr: string) => /w:eastAsia="([^"]+)"/.exec(rPr)?.[1];
const size = (rPr: string) => Number(/<w:sz w:val="(\d+)"/.exec(rPr)?.[1]);
/** The paragraph (its XML) holding a text. */
const paragraphOf = (xml: string, text: string) => xml.split('</w:p>').find((p) => p.includes(`>${text}<`))!;

describe('GB/T 9704 layout', () => {
  it('sets A4 with margins 37 / 35 / 28 / 26 mm, so the 版心 is 156 × 225 mm', async () => {
    const doc = docxParts(await renderDocx(sample()))['word/document.xml']!;
    const [pg] = elements(doc, 'w:pgSz');
    expect([Number(pg!['w:w']), Number(pg!['w:h'])]).toEqual([PAGE.width, PAGE.height]);
    expect(twipsToMm(PAGE.width)).toBeCloseTo(210, 1);
    expect(twipsToMm(PAGE.height)).toBeCloseTo(297, 1);
    const [mar] = elements(doc, 'w:pgMar');
    for (const [side, want] of [
      ['w:top', 37],
      ['w:bottom', 35],
      ['w:left', 28],
      ['w:right', 26],
    ] as const)
      expect(twipsToMm(Number(mar![side])), side).toBeCloseTo(want, 1);
    expect(twipsToMm(TEXT.width)).toBeCloseTo(156, 0);
    expect(twipsToMm(TEXT.height)).toBeCloseTo(225, 0);
    expect(MARGIN.top).toBe(mm(37));
  });

  it('puts 22 lines of 28 characters of 3号 on the page', async () => {
    const doc = docxParts(await renderDocx(sample()))['word/document.xml']!;
    const [grid] = elements(doc, 'w:docGrid');
    expect(grid!['w:type']).toBe('lines');
    const pitch = Number(grid!['w:linePitch']);
    expect(22 * pitch).toBeLessThanOrEqual(TEXT.height);
    expect(23 * pitch).toBeGreaterThan(TEXT.height);
    // Every body line is exactly one grid line high.
    const body = paragraphOf(doc, '经督查，你单位在春季集中服务活动工作中未达到要求。');
    expect(body).toContain(`w:line="${pitch}" w:lineRule="exact"`);
    expect(body).toContain(`w:firstLine="${2 * CHAR}"`);
    // 3号 runs are set closer by the kerning that fits 28 characters, and no more, in the line.
    const run = runOf(doc, '经督查，你单位在春季集中服务活动工作中未达到要求。');
    expect(size(run.rPr)).toBe(SIZE.三号);
    const kerning = Number(/<w:spacing w:val="(-?\d+)"/.exec(run.rPr)?.[1]);
    expect(kerning).toBe(GRID.bodyKerning);
    const advance = SIZE.三号 * 10 + kerning;
    expect(28 * advance).toBeLessThanOrEqual(TEXT.width);
    expect(29 * advance).toBeGreaterThan(TEXT.width);
  });

  it('sets the title in 2号 小标宋, the text in 3号 仿宋_GB2312, headings in 黑体 and 楷体_GB2312', async () => {
    const doc = docxParts(await renderDocx(sample()))['word/document.xml']!;
    const title = runOf(doc, '警示通知书');
    expect([eastAsia(title.rPr), size(title.rPr), title.rPr.includes('<w:b/>')]).toEqual([
      '方正小标宋简体',
      44,
      false,
    ]);
    expect(eastAsia(runOf(doc, '经督查，你单位在春季集中服务活动工作中未达到要求。').rPr)).toBe(
      '仿宋_GB2312',
    );
    expect(eastAsia(runOf(doc, '一、整改要求').rPr)).toBe('黑体');
    expect(eastAsia(runOf(doc, '（一）期限').rPr)).toBe('楷体_GB2312');
    expect(runOf(doc, '东风镇党委、政府：').rPr).toContain('仿宋_GB2312');
  });

  it('falls back to 宋体 bold, 仿宋 and 楷体 for a county without the GB fonts, and names the fallbacks', async () => {
    const parts = docxParts(await renderDocx(sample({ fonts: 'system' })));
    const doc = parts['word/document.xml']!;
    const title = runOf(doc, '警示通知书');
    expect([eastAsia(title.rPr), title.rPr.includes('<w:b/>')]).toEqual(['宋体', true]);
    expect(eastAsia(runOf(doc, '经督查，你单位在春季集中服务活动工作中未达到要求。').rPr)).toBe('仿宋');
    expect(eastAsia(runOf(doc, '（一）期限').rPr)).toBe('楷体');
    const gb = docxParts(await renderDocx(sample()))['word/fontTable.xml']!;
    expect(gb).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(gb).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(gb).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
  });

  it('prints the 版头 in red with the red rule under the 发文字号, or keeps its place on 红头 paper', async () => {
    const printed = docxParts(await renderDocx(sample()))['word/document.xml']!;
    const mark = runOf(printed, '清水县人口考核办公室文件');
    expect(mark.rPr).toContain('<w:color w:val="FF0000"/>');
    expect(eastAsia(mark.rPr)).toBe('方正小标宋简体');
    const numberLine = paragraphOf(printed, '清人考〔2009〕1号');
    expect(numberLine).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000"/);
    expect(numberLine).toContain('<w:jc w:val="center"/>');
    // The mark's top 35 mm below the 版心's.
    expect(printed).toContain(`w:before="${mm(35)}"`);
    const preprinted = docxParts(
      await renderDocx(
        sample({ letterhead: { style: 'document', mark: '清水县人口考核办公室文件', printed: false } }),
      ),
    )['word/document.xml']!;
    expect(preprinted).not.toContain('FF0000');
    expect(preprinted).not.toContain('清水县人口考核办公室文件');
    const linesBefore = (xml: string) => xml.slice(0, xml.indexOf('>警示通知书<')).split('</w:p>').length;
    expect(linesBefore(preprinted)).toBe(linesBefore(printed));
    expect(preprinted).toContain(`w:before="${mm(35)}"`);
    expect(preprinted).toContain('>清人考〔2009〕1号<');
  });

  it('signs with the office centred over the date, four characters from the right, and the 版记 between rules', async () => {
    const doc = docxParts(await renderDocx(sample()))['word/document.xml']!;
    expect(paragraphOf(doc, '2009年3月1日')).toContain(`w:right="${4 * CHAR}"`);
    expect(paragraphOf(doc, '清水县人口考核办公室')).toContain('<w:jc w:val="right"/>');
    const cc = paragraphOf(doc, '\u3000抄送：县委办公室，县纪委。');
    expect(cc).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"/);
    expect(cc).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="6"/);
    const printedBy = doc.split('</w:p>').find((p) => p.includes('2009年3月1日印发'))!;
    expect(printedBy).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"/);
    expect(visibleText(await renderDocx(sample()))).toContain('附件：警示通知书回执');
  });

  it('numbers pages “— 1 —” in 4号 宋体, odd pages at the right and even pages at the left', async () => {
    const parts = docxParts(await renderDocx(sample()));
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const refs = elements(parts['word/document.xml']!, 'w:footerReference');
    const rels = parts['word/_rels/document.xml.rels']!;
    const footer = (type: string) => {
      const id = refs.find((r) => r['w:type'] === type)!['r:id'];
      const target =
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      return parts[`word/${target}`]!;
    };
    const odd = footer('default');
    const even = footer('even');
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(odd).toContain(`w:right="${SIZE.四号 * 10}"`);
    expect(even).toContain('<w:jc w:val="left"/>');
    expect(even).toContain(`w:left="${SIZE.四号 * 10}"`);
    for (const f of [odd, even]) {
      expect(f).toMatch(/>— <\/w:t>.*PAGE.*> —<\/w:t>/s);
      expect(eastAsia(f)).toBe('宋体');
      expect(size(f)).toBe(SIZE.四号);
    }
  });

  it('gives the same bytes for the same document, dated by its 成文日期', async () => {
    const a = await renderDocx(sample());
    await new Promise((r) => setTimeout(r, 1100));
    const b = await renderDocx(sample());
    expect(Buffer.compare(a, b)).toBe(0);
    const core = docxParts(a)['docProps/core.xml']!;
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2009-03-01T00:00:00Z</dcterms:created>',
    );
    expect(core).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2009-03-01T00:00:00Z</dcterms:modified>',
    );
    expect(Buffer.compare(a, await renderDocx(sample({ dated: '2009-03-02' })))).not.toBe(0);
  });
});
