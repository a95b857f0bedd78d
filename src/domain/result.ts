// zeren-result/1: every consequence the policy imposes on a case, each with its clause.

import type { IsoDate } from './dates.ts';
import type { ConsequenceType } from './vocabulary.ts';

export const RESULT_FORMAT = 'zeren-result/1';

export interface Subject {
  kind: 'unit' | 'person';
  id: string;
}

export interface Consequence {
  subject: Subject;
  type: ConsequenceType;
  /** reward and fine: whole yuan. */
  amount_yuan?: number;
  clause: string;
  /** 4.3.2.2 consequences imposed through the applied 提醒注意 item: that item's clause. */
  applies?: string;
  /** transfer_promotion_freeze: first and last day, inclusive. */
  from?: IsoDate;
  until?: IsoDate;
  /** appraisal_cap: 基本称职 or 基本合格. */
  max_grade?: string;
  /** honour_title */
  title?: string;
  /**
   * The post or link that made a person answer (the unit where the post was held, or the village
   * the person is stationed at), or the unit a unit's consequence is given for.
   */
  via?: { unit: string; role?: string; link?: string };
  /** The rule of the policy pack that gave it. */
  rule: string;
  /** The interpretations (I1…) the consequence depended on. */
  depends_on: string[];
  /** Why, in Chinese: the facts used and the clause quoted. */
  explanation: string;
}

export interface Withheld extends Omit<Consequence, 'explanation'> {
  /** e.g. "I4: unit award veto" */
  reason: string;
  explanation: string;
}

export interface ZerenResult {
  format: typeof RESULT_FORMAT;
  policy: string;
  fp_year: number;
  interpretations: Record<string, string>;
  consequences: Consequence[];
  withheld: Withheld[];
}

/** The identity of a consequence for comparisons: subject, type, amount, clause (and applies). */
export function consequenceKey(c: {
  subject: Subject;
  type: string;
  amount_yuan?: number;
  clause: string;
  applies?: string;
}): string {
  return `${c.subject.kind}:${c.subject.id}|${c.type}|${c.amount_yuan ?? ''}|${c.clause}${c.applies ? `>${c.applies}` : ''}`;
}
