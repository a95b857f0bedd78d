// The lines of a byte stream, as bytes: split on LF (a CR before it dropped) without decoding the
// text, so that reading a national batch's input (hundreds of megabytes of JSON lines) costs the
// thread that reads it little; the worker threads decode each line themselves. A line longer than
// the stream's pieces (a county's case is hundreds of kilobytes; a pipe gives 64 KiB at a time)
// is gathered piece by piece and copied once when its end arrives, not re-copied with each piece.

export async function* byteLines(input: AsyncIterable<Uint8Array | string>): AsyncIterable<Uint8Array> {
  // The unfinished line: copies of its pieces so far (the stream may reuse a chunk), and their length.
  let parts: Uint8Array[] = [];
  let held = 0;
  for await (const piece of input) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      yield line(parts, held, chunk, start, nl);
      parts = [];
      held = 0;
      start = nl + 1;
    }
    if (start < chunk.length) {
      parts.push(Uint8Array.prototype.slice.call(chunk, start));
      held += chunk.length - start;
    }
  }
  if (held > 0) yield line(parts, held, new Uint8Array(0), 0, 0);
}

/**
 * One line's bytes in a buffer of its own (it crosses to a worker thread), without a trailing CR:
 * the pieces held before, then `chunk` from `start` up to `end`.
 */
function line(parts: Uint8Array[], held: number, chunk: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(held + end - start);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  out.set(chunk.subarray(start, end), at);
  // A CR before the LF (rare: a file from Windows) is dropped with one more copy, so that the line
  // still fills its own buffer and crosses to the worker without another.
  return out.length > 0 && out[out.length - 1] === 13 ? out.slice(0, out.length - 1) : out;
}

/** Whether a line is empty or only white space (ASCII). */
export function isBlank(line: Uint8Array | string): boolean {
  if (typeof line === 'string') return line.trim() === '';
  for (const b of line) if (b > 0x20) return false;
  return true;
}
