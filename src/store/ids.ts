// Ids of new rows: UUIDs of version 7 (RFC 9562) — the time in milliseconds first, then a count
// within the millisecond, then random bits — so that rows written together sit together in the
// primary key's index. An import of a county year inserts thousands of rows in one transaction;
// random (version 4) ids would scatter them over the whole index of every county before it.

import { randomUUID } from 'node:crypto';

let lastMs = 0;
let seq = 0;

/** A new UUIDv7, increasing within this process (the clock moved back or 4,096 ids in a millisecond: the next). */
export function newId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    seq = 0;
  } else if (++seq > 0xfff) {
    lastMs++;
    seq = 0;
  }
  const t = lastMs.toString(16).padStart(12, '0');
  // randomUUID's last 17 characters: the variant and 62 random bits.
  return `${t.slice(0, 8)}-${t.slice(8)}-7${seq.toString(16).padStart(3, '0')}-${randomUUID().slice(19)}`;
}
