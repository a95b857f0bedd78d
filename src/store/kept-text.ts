// The large texts of a receipt (an evaluation's case and result, half a megabyte each for a county
// year) are kept compressed: a seventh of the bytes to write, to sync on commit and to store.
// Brotli at quality 0 (a county year's 1.1 MB in about 1.2 ms, to 120 KB; deflate at its fastest
// took three times as long for the same size), as base64 text behind the mark `br:`, so that both
// databases keep it in the same TEXT column the same way (PostgreSQL does not compress it again).
// A row written before keeps its JSON text, or raw deflate behind `deflate:` (the first way); a
// reader tells them apart by the mark (canonical JSON of a case or result starts with "{"). The
// hashes are always of the JSON text.

import { brotliCompressSync, brotliDecompressSync, constants, inflateRawSync } from 'node:zlib';
import { canonicalUtf8, sha256 } from '../domain/canonical.ts';

const BROTLI = 'br:';
const DEFLATED = 'deflate:';

/** A value's canonical JSON ready to keep, with the SHA-256 of the text. */
export interface Sealed {
  sha256: string;
  /** The text as the column keeps it (keptText reads it). */
  body: string;
}

/**
 * A value sealed to keep: its canonical JSON hashed and compressed from the same bytes (written as
 * UTF-8 without ever being one string: canonicalUtf8).
 */
export function seal(value: unknown): Sealed {
  const bytes = canonicalUtf8(value);
  const packed = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 0,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  return { sha256: sha256(bytes), body: BROTLI + packed.toString('base64') };
}

/** The JSON text a column keeps, whichever way it was kept. */
export function keptText(body: string): string {
  if (body.startsWith(BROTLI))
    return brotliDecompressSync(Buffer.from(body.slice(BROTLI.length), 'base64')).toString('utf8');
  if (body.startsWith(DEFLATED))
    return inflateRawSync(Buffer.from(body.slice(DEFLATED.length), 'base64')).toString('utf8');
  return body;
}
