// For tests: ZIP files built byte by byte, so a test can say what the central directory declares
// (entry count, sizes) whatever the data holds — the shapes of zip bombs — and make a deflate stream
// of N MiB of zeros in a few milliseconds without inflating it.

import { constants, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The stored bytes: deflated (`method` 8) or stored (0). */
  data: Buffer;
  method?: 0 | 8;
  /** What the directory declares: by default the truth is unknown, so say it. */
  uncompressedSize: number;
  crc32?: number;
  /** Where the directory says the part starts (default: where it is): parts may be made to overlap. */
  at?: number;
}

/** Deflated zeros, `mib` MiB of them: one 1 MiB block repeated (each ends with a full flush). */
export function deflatedZeros(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), Buffer.from([0x03, 0x00])]);
}

export const deflated = (text: string | Buffer) => deflateRawSync(Buffer.from(text));

/** A ZIP of the given parts, declaring what each part says. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = p.at === undefined;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6); // UTF-8 names
    h.writeUInt16LE(p.method ?? 8, 8);
    h.writeUInt32LE(p.crc32 ?? 0, 14);
    h.writeUInt32LE(p.data.length, 18);
    h.writeUInt32LE(p.uncompressedSize, 22);
    h.writeUInt16LE(name.length, 26);
    if (local) locals.push(h, name, p.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(p.method ?? 8, 10);
    c.writeUInt32LE(p.crc32 ?? 0, 16);
    c.writeUInt32LE(p.data.length, 20);
    c.writeUInt32LE(p.uncompressedSize, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(p.at ?? offset, 42);
    central.push(c, name);
    if (local) offset += 30 + name.length + p.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** The parts of a minimal workbook whose one sheet is `sheet` (already deflated, declaring `size`). */
export function workbookParts(sheet: Buffer, size: number): ZipPart[] {
  return [
    { name: 'xl/workbook.xml', data: deflated(WORKBOOK), uncompressedSize: Buffer.byteLength(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: deflated(RELS), uncompressedSize: Buffer.byteLength(RELS) },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, uncompressedSize: size },
  ];
}

/** The most that heap and buffers grew by while `run` ran, sampled every few milliseconds. */
export async function peakGrowth(run: () => Promise<unknown>): Promise<number> {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const base = used();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, used());
  }, 2);
  try {
    await run();
  } catch {
    // the refusal is what the caller checks; here only memory counts
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, used()) - base;
}
