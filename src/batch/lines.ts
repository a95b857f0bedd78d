// The lines of a byte stream, as bytes: split on LF (a CR before it dropped) without decoding the
// text, so that reading a national batch's input (hundreds of megabytes of JSON lines) costs the
// thread that reads it little; the worker threads decode each line themselves.

export async function* byteLines(input: AsyncIterable<Uint8Array | string>): AsyncIterable<Uint8Array> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const piece of input) {
    const chunk =
      typeof piece === 'string'
        ? Buffer.from(piece)
        : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    const buf = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      yield line(buf, start, nl);
      start = nl + 1;
    }
    // Keep a copy of the unfinished line: the stream may reuse its chunk.
    rest = Buffer.from(buf.subarray(start));
  }
  if (rest.length > 0) yield line(rest, 0, rest.length);
}

/** One line's bytes, its own copy (it crosses to a worker thread), without a trailing CR. */
function line(buf: Buffer, start: number, end: number): Uint8Array {
  const stop = end > start && buf[end - 1] === 13 ? end - 1 : end;
  return Uint8Array.prototype.slice.call(buf, start, stop);
}

/** Whether a line is empty or only white space (ASCII). */
export function isBlank(line: Uint8Array | string): boolean {
  if (typeof line === 'string') return line.trim() === '';
  for (const b of line) if (b > 0x20) return false;
  return true;
}
