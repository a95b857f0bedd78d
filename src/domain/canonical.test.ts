import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalSlow, canonicalUtf8, sha256 } from './canonical.ts';

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined, writes null for undefined in an array', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, undefined, { z: 1, y: 'x' }], c: undefined } })).toBe(
      '{"a":{"d":[3,null,{"y":"x","z":1}]},"b":1}',
    );
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('引号"')).toBe('"引号\\""');
  });

  it('sorts integer-like keys as text, as the definition does (not in numeric order)', () => {
    const v = { 10: 'a', 9: 'b', x: { 2: 1, 1: 2, 100: 3 } };
    expect(canonicalJson(v)).toBe('{"10":"a","9":"b","x":{"1":2,"100":3,"2":1}}');
    expect(canonicalJson(v)).toBe(canonicalSlow(v));
  });

  it('reads a value with toJSON (a date) and a function as the definition does', () => {
    const v = { when: new Date(0), f: () => 1, list: [() => 1, Symbol('s')], n: Number.NaN };
    expect(canonicalJson(v)).toBe(canonicalSlow(v));
    expect(canonicalJson(v)).toBe('{"f":null,"list":[null,null],"n":null,"when":{}}');
  });

  it('gives the same text as the definition for a case-like document, and the same hash', () => {
    const kase = {
      format: 'zeren-case/1',
      units: [{ id: 'u1', kind: 'county', name: '清水县' }],
      people: [{ name: '张三', id: 'p1', staff_type: undefined }],
      interpretations: { 'I4-zero': 'strict' },
      score: -0,
      big: 1e21,
    };
    expect(canonicalJson(kase)).toBe(canonicalSlow(kase));
    expect(sha256(canonicalJson(kase))).toBe(sha256(canonicalSlow(kase)));
  });
});

describe('canonical JSON as UTF-8, written in pieces', () => {
  const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
  const json = fc.jsonValue({ maxDepth: 4 });
  const anything = fc.anything({
    maxDepth: 3,
    withObjectString: true,
    withNullPrototype: true,
    withDate: true,
  });

  it('is the canonical text of any value, in runs of any length', () => {
    fc.assert(
      fc.property(fc.oneof(json, anything), fc.integer({ min: 1, max: 4 }), (v, run) => {
        const whole = canonicalJson(v);
        expect(text(canonicalUtf8(v, run))).toBe(whole);
        expect(whole).toBe(canonicalSlow(v));
      }),
      { numRuns: 500 },
    );
  });

  it('writes long arrays in runs and objects key by key, and leaves the value as it was', () => {
    const v = { b: Array.from({ length: 5 }, (_, i) => ({ z: i, a: [i, undefined] })), a: { y: 1, x: 2 } };
    const before = JSON.stringify(v);
    expect(text(canonicalUtf8(v, 2))).toBe(canonicalSlow(v));
    expect(text(canonicalUtf8({ a: [], b: {}, c: [[1, 2, 3]], d: '中文' }, 1))).toBe(
      '{"a":[],"b":{},"c":[[1,2,3]],"d":"中文"}',
    );
    expect(JSON.stringify(v)).toBe(before);
  });

  it('reads a boxed value and an instance with sorted keys as the definition does', () => {
    class Point {
      x = 1;
      y = 2;
    }
    const v = { s: Object(''), n: Object(1), p: new Point(), list: [Object('')] };
    expect(canonicalJson(v)).toBe(canonicalSlow(v));
    expect(text(canonicalUtf8(v, 1))).toBe(canonicalSlow(v));
  });
});
