// 四(三)2(2): 连续二次下发警示通知书的镇(场)、村(社区、工区)、县直单位,年度计生工作予以提醒注意,按县范围内处罚
// 第1条第(1)项处理;由县委、县政府领导组织对该镇(场)党政领导、县直单位一把手进行诫勉谈话。
// The pure reading of "连续二次" (I13) and of what follows (I7), as the engine reads a case
// (case-format.md, "How the rules read a case"): the office sees an escalation before the year
// is evaluated, and which units one more notice would escalate.

import type { UnitKind } from '../domain/vocabulary.ts';

export interface NoticeFact {
  id: string;
  unit: string;
  issued_on: string;
  /** The day the assessment office verified the correction. */
  corrected_on?: string | null;
}

export type I13 = 'no-correction-between' | 'any-two';
export type I7 = 'analogous' | 'towns-only';

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
export function pairInARow<T extends NoticeFact>(notices: readonly T[], reading: I13): [T, T] | undefined {
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

/** Every unit given two notices in a row (4.3.2.2 fires once per unit and year). */
export function noticesInARow<T extends NoticeFact>(
  notices: readonly T[],
  reading: I13,
): Map<string, [T, T]> {
  const out = new Map<string, [T, T]>();
  for (const [unit, list] of byUnit(notices)) {
    const pair = pairInARow(list, reading);
    if (pair) out.set(unit, pair);
  }
  return out;
}

/**
 * Units not yet escalated that one more notice would escalate, with the notice it would follow:
 * under no-correction-between, the latest notice is not verified; under any-two, any notice.
 */
export function oneMoreEscalates<T extends NoticeFact>(notices: readonly T[], reading: I13): Map<string, T> {
  const out = new Map<string, T>();
  for (const [unit, list] of byUnit(notices)) {
    if (pairInARow(list, reading)) continue;
    const latest = inIssueOrder(list).at(-1);
    if (latest && (reading === 'any-two' || !latest.corrected_on)) out.set(unit, latest);
  }
  return out;
}

/** I7: the 提醒注意 item 4.3.2.2 applies to a unit of each kind, or none. */
export function appliedItem(kind: UnitKind, reading: I7): string | null {
  if (kind === 'town') return '4.3.1.1';
  if (reading === 'towns-only') return null;
  if (kind === 'village') return '4.3.1.5';
  if (kind === 'county_unit') return '4.3.1.3';
  return null;
}

/** Whose admonishment talk 4.3.2.2 calls for (under either reading of I7): the roles by unit kind. */
export function talkRoles(kind: UnitKind): readonly string[] {
  // 党政领导 of a town read as its party secretary and mayor; a county unit's 一把手 is its head.
  if (kind === 'town') return ['party_secretary', 'mayor'];
  if (kind === 'county_unit') return ['head'];
  return [];
}
