// What the engines must agree on: for each case, the set of consequences — subject (kind and id),
// type, amount, clause and `applies` — and the set of withheld entries, compared as sorted lists.
// A digest stands for the whole set when processes report back; the lists explain a difference.

import { createHash } from 'node:crypto';
import { consequenceKey, type ZerenResult } from '../src/domain/result.ts';

export function decisionKeys(r: ZerenResult): string[] {
  return [
    ...r.consequences.map(consequenceKey).sort(),
    ...r.withheld.map((w) => `withheld ${consequenceKey(w)}`).sort(),
  ];
}

export function digest(r: ZerenResult): string {
  return createHash('sha1').update(decisionKeys(r).join('\n')).digest('hex');
}

/** What one result has that the other has not, for a message. */
export function difference(expected: ZerenResult, got: ZerenResult, max = 10): string {
  const want = new Set(decisionKeys(expected));
  const have = new Set(decisionKeys(got));
  const missing = [...want].filter((k) => !have.has(k));
  const extra = [...have].filter((k) => !want.has(k));
  const show = (title: string, list: string[]) =>
    list.length ? [`  ${title} (${list.length}):`, ...list.slice(0, max).map((k) => `    ${k}`)] : [];
  return [...show('missing', missing), ...show('extra', extra)].join('\n');
}
