// JSON written in pieces is JSON.stringify's text, byte for byte, whatever the value and the run.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLinesUtf8 } from './json-utf8.ts';

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
const lines = (values: unknown[]) => values.map((v) => `${JSON.stringify(v) ?? 'null'}\n`).join('');

describe('JSON lines written in pieces', () => {
  const anything = fc.anything({
    maxDepth: 3,
    withObjectString: true,
    withNullPrototype: true,
    withDate: true,
    withBoxedValues: true,
  });

  it('is JSON.stringify of each value, in runs of any length, in a buffer of its own', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.jsonValue({ maxDepth: 4 }), anything), { maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (values, run) => {
          const bytes = jsonLinesUtf8(values, run);
          expect(text(bytes)).toBe(lines(values));
          expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves out what JSON.stringify leaves out, and writes dates, boxed values and toJSON as it does', () => {
    const v = {
      a: undefined,
      f: () => 1,
      s: Symbol('x'),
      list: [undefined, () => 1, 1, 2, 3],
      d: new Date(0),
      boxed: { n: Object(1), t: Object('中') },
      own: { toJSON: () => ({ seen: '清水' }) },
      long: Array.from({ length: 7 }, (_, i) => ({ i, z: i % 2 ? undefined : '乡' })),
    };
    expect(text(jsonLinesUtf8([v, { only: undefined }, []], 2))).toBe(lines([v, { only: undefined }, []]));
  });
});
