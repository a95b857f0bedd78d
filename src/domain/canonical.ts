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

/** The value as plain objects with their keys in sorted order, as the definition reads it. */
function sortedCopy(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return typeof v === 'function' || typeof v === 'symbol' ? null : v;
  // JSON.stringify would call toJSON (a date): the definition reads the object itself.
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') throw DIFFERENT;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = sortedCopy(v[i]);
    return out;
  }
  const keys = Object.keys(v).sort();
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    if (isIndex(k)) throw DIFFERENT;
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = sortedCopy(x);
  }
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

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function hashOf(value: unknown): string {
  return sha256(canonicalJson(value));
}
