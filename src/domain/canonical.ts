// Canonical JSON (keys sorted, no whitespace, undefined dropped) and its SHA-256: the identity of
// a case, a result or an audit entry, the same on every machine and for every key order.
//
// The text is JSON.stringify's, of a copy of the value with every object's keys sorted: the
// native serialiser does the writing (a case of half a megabyte in a few milliseconds, the store's
// imports and receipts hash thousands of them). Where a copy would not keep the order — an object
// with an integer-like key (JavaScript lists those first, in numeric order) — or JSON.stringify
// would read a value differently from the definition (a toJSON method), the whole value is
// written by the definition itself, `canonicalSlow`, so the text is always the same.

import { createHash } from 'node:crypto';
import { Utf8Writer, writeJson } from './json-utf8.ts';

/** The definition: keys sorted by code unit, undefined dropped (null in an array). */
export function canonicalSlow(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalSlow(v))).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalSlow((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

const DIFFERENT = Symbol('canonical: not a plain copy');
const isIndex = (k: string) => {
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;
};

/** Sorts a few keys in place by code unit (insertion sort); whether any moved. */
function sortKeys(keys: string[]): boolean {
  let moved = false;
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    if (keys[i - 1]! < k) continue;
    moved = true;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > k; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = k;
  }
  return moved;
}

/**
 * The value as plain objects with their keys in sorted order, as the definition reads it: the
 * value itself where it is so already (no copy), else a copy.
 */
function sortedCopy(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return typeof v === 'function' || typeof v === 'symbol' ? null : v;
  // JSON.stringify would call toJSON (a date): the definition reads the object itself.
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') throw DIFFERENT;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      const y = sortedCopy(x);
      if (out === undefined && y !== x) out = v.slice(0, i);
      out?.push(y);
    }
    return out ?? v;
  }
  const keys = Object.keys(v);
  // Only a plain object is written as it is: JSON.stringify reads a boxed string or number as its value.
  const proto = Object.getPrototypeOf(v);
  let changed = sortKeys(keys) || (proto !== Object.prototype && proto !== null);
  const values = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (isIndex(k)) throw DIFFERENT;
    const x = (v as Record<string, unknown>)[k];
    const y = x === undefined ? undefined : sortedCopy(x);
    if (y !== x || x === undefined) changed = true;
    values[i] = y;
  }
  if (!changed) return v;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) if (values[i] !== undefined) out[keys[i]!] = values[i];
  return out;
}

export function canonicalJson(value: unknown): string {
  try {
    return JSON.stringify(sortedCopy(value)) ?? 'null';
  } catch (e) {
    if (e === DIFFERENT) return canonicalSlow(value);
    throw e;
  }
}

/**
 * The canonical JSON of a value as UTF-8, in a buffer the next call reuses (hash, compress or copy
 * it first), written in pieces without ever being one string (json-utf8.ts).
 */
export function canonicalUtf8(value: unknown, run = 64): Uint8Array {
  const out = new Utf8Writer();
  try {
    // A sorted copy holds only plain objects and arrays, nothing undefined in its objects.
    writeJson(sortedCopy(value), out, run, 2);
  } catch (e) {
    if (e !== DIFFERENT) throw e;
    out.at = 0;
    out.put(canonicalSlow(value));
  }
  return out.bytes();
}

export function sha256(data: string | Uint8Array): string {
  return (
    typeof data === 'string' ? createHash('sha256').update(data, 'utf8') : createHash('sha256').update(data)
  ).digest('hex');
}

export function hashOf(value: unknown): string {
  return sha256(canonicalJson(value));
}
