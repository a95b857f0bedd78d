import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalSlow, sha256 } from './canonical.ts';

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
