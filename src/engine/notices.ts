// 四(三)2(2) "连续二次": which warning notices to one unit of one FP year make two in a row, under
// the pack's reading of it (I13). One reading for the rule that gives the consequences and for the
// office's view before the year is evaluated (src/workflows/notices/escalations.ts).

import type { Readings } from './readings.ts';

export interface NoticeFact {
  id: string;
  unit: string;
  issued_on: string;
  /** The day the assessment office verified the correction. */
  corrected_on?: string | null;
}

/** The reading of "连续二次" (I13) in force. */
export type I13Reading = Readings['I13'];

/** Notices in issue order (ties by id), as the engine orders them. */
export function inIssueOrder<T extends NoticeFact>(notices: readonly T[]): T[] {
  return [...notices].sort((a, b) =>
    a.issued_on < b.issued_on ? -1 : a.issued_on > b.issued_on ? 1 : a.id < b.id ? -1 : 1,
  );
}

/**
 * The first pair of notices in a row for one unit's notices of one FP year, or undefined.
 * no-correction-between: consecutive by issue date, the first not verified before the second was
 * issued (verified the same day is not before). any-two: the first two.
 */
export function pairInARow<T extends NoticeFact>(
  notices: readonly T[],
  reading: I13Reading,
): [T, T] | undefined {
  const sorted = inIssueOrder(notices);
  if (sorted.length < 2) return undefined;
  if (reading === 'any-two') return [sorted[0]!, sorted[1]!];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b] = [sorted[i]!, sorted[i + 1]!];
    if (!a.corrected_on || a.corrected_on >= b.issued_on) return [a, b];
  }
  return undefined;
}

function byUnit<T extends NoticeFact>(notices: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const n of notices) out.set(n.unit, [...(out.get(n.unit) ?? []), n]);
  return out;
}

/** Every unit given two notices in a row (the consequence is given once per unit and year). */
export function noticesInARow<T extends NoticeFact>(
  notices: readonly T[],
  reading: I13Reading,
): Map<string, [T, T]> {
  const out = new Map<string, [T, T]>();
  for (const [unit, list] of byUnit(notices)) {
    const pair = pairInARow(list, reading);
    if (pair) out.set(unit, pair);
  }
  return out;
}

export interface OneMore<T> {
  /** The notice one more would follow. */
  latest: T;
  /** Whether verifying the latest notice's correction first keeps the next one from escalating. */
  unlessCorrected: boolean;
}

/**
 * Units not yet escalated that one more notice would escalate, with the notice it would follow:
 * under no-correction-between, the latest notice is not verified; under any-two, any notice.
 */
export function oneMoreEscalates<T extends NoticeFact>(
  notices: readonly T[],
  reading: I13Reading,
): Map<string, OneMore<T>> {
  const out = new Map<string, OneMore<T>>();
  for (const [unit, list] of byUnit(notices)) {
    if (pairInARow(list, reading)) continue;
    const latest = inIssueOrder(list).at(-1);
    if (latest && (reading === 'any-two' || !latest.corrected_on))
      out.set(unit, { latest, unlessCorrected: reading !== 'any-two' });
  }
  return out;
}
