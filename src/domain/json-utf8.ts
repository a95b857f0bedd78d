// JSON written as UTF-8 in pieces, into one buffer kept from call to call (per thread). A county
// year's case or result is a megabyte of text: written as one string (V8 builds JSON.stringify's
// text as a rope) it costs more to flatten for encoding, and a fresh megabyte to encode into, than
// the writing itself. So the keys of a value and of the objects in it, and every run of `run`
// elements of its arrays, two levels deep, are written and encoded apart. The text is exactly
// JSON.stringify's: a key whose value it leaves out is left out, and anything that is not a plain
// object or an array (a date, a boxed value, an instance) is written by JSON.stringify whole.
// Runs of 64: a run of a result's consequences, explanations and all, is then some tens of
// kilobytes; runs of 256 took twice as long.

const encoder = new TextEncoder();
let scratch = new Uint8Array(1 << 16);

/** Text encoded one piece after another into the kept buffer, which grows as needed. */
export class Utf8Writer {
  at = 0;
  put(text: string): void {
    if (scratch.length < this.at + text.length * 3) {
      const more = new Uint8Array(Math.max(scratch.length * 2, this.at + text.length * 3));
      more.set(scratch.subarray(0, this.at));
      scratch = more;
    }
    this.at += encoder.encodeInto(text, scratch.subarray(this.at)).written;
  }
  /** What was written, in the kept buffer: the next writer overwrites it. */
  bytes(): Uint8Array {
    return scratch.subarray(0, this.at);
  }
}

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return (
    (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function'
  );
};
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** Writes `v` as JSON.stringify would, its arrays in runs and its objects key by key, `depth` levels deep. */
export function writeJson(v: unknown, out: Utf8Writer, run = 64, depth = 2): void {
  if (depth === 0 || typeof v !== 'object' || v === null || (Array.isArray(v) && v.length <= run)) {
    out.put(JSON.stringify(v) ?? 'null');
  } else if (Array.isArray(v)) {
    // Each run written as an array of its own: its "[" takes the place of the one before's "]",
    // and becomes the comma between them.
    for (let i = 0; i < v.length; i += run) {
      const from = i === 0 ? out.at : out.at - 1;
      out.at = from;
      out.put(JSON.stringify(v.slice(i, i + run)));
      if (i > 0) scratch[from] = 0x2c;
    }
  } else if (!isPlain(v)) {
    out.put(JSON.stringify(v) ?? 'null');
  } else {
    let sep = '{';
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k];
      if (omitted(x)) continue;
      out.put(`${sep}${JSON.stringify(k)}:`);
      writeJson(x, out, run, depth - 1);
      sep = ',';
    }
    out.put(sep === '{' ? '{}' : '}');
  }
}

/** Values as JSON lines (each followed by LF) in UTF-8, in a fresh buffer of their own (to hand over). */
export function jsonLinesUtf8(values: readonly unknown[], run = 64): Uint8Array<ArrayBuffer> {
  const out = new Utf8Writer();
  for (const v of values) {
    writeJson(v, out, run);
    out.put('\n');
  }
  return out.bytes().slice();
}
