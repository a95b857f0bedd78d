// The large texts of a receipt (an evaluation's case and result, half a megabyte each for a county
// year) are kept deflated: a tenth of the bytes to write, to sync on commit and to store. Raw
// deflate at level 1 (a county year's 1.1 MB in about 3 ms), as base64 text behind the mark
// `deflate:`, so that both databases keep it in the same TEXT column the same way (PostgreSQL
// does not compress it again). A row written before keeps its JSON text; a reader tells the two
// apart by the mark (canonical JSON of a case or result starts with "{"). The hashes are always
// of the JSON text.

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { canonicalUtf8, sha256 } from '../domain/canonical.ts';

const DEFLATED = 'deflate:';

/** A value's canonical JSON ready to keep, with the SHA-256 of the text. */
export interface Sealed {
  sha256: string;
  /** The text as the column keeps it (keptText reads it). */
  body: string;
}

/**
 * A value sealed to keep: its canonical JSON hashed and deflated from the same bytes (written as
 * UTF-8 without ever being one string: canonicalUtf8).
 */
export function seal(value: unknown): Sealed {
  const bytes = canonicalUtf8(value);
  return {
    sha256: sha256(bytes),
    body: DEFLATED + deflateRawSync(bytes, { level: 1 }).toString('base64'),
  };
}

/** The JSON text a column keeps, whichever way it was kept. */
export function keptText(body: string): string {
  if (!body.startsWith(DEFLATED)) return body;
  return inflateRawSync(Buffer.from(body.slice(DEFLATED.length), 'base64')).toString('utf8');
}
