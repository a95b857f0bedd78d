// The Chinese sentences of an explanation: the facts a binding rests on (which assessment, which
// post, which link) and what the consequence is. Lists of names are sorted by id so that the text,
// like the result, does not depend on the order of the case.

import type { CaseAssessment } from '../domain/case.ts';
import type { IsoDate } from '../domain/dates.ts';
import { yuanText } from '../domain/money.ts';
import { type ConsequenceType, roleZh, type Vocabulary, wordZh } from '../domain/vocabulary.ts';
import { type CaseIndex, personName, unitName } from './case-index.ts';

export function names(ix: CaseIndex, ids: readonly string[]): string {
  return [...ids]
    .sort()
    .map((id) => unitName(ix, id))
    .join('、');
}

export function period(from?: IsoDate, to?: IsoDate): string {
  if (from && to) return `（${from}至${to}）`;
  if (from) return `（${from}起）`;
  if (to) return `（至${to}）`;
  return '';
}

/** 省年度考核评定清水县为“达标”，抽中东风镇、红星村. Memoised per assessment. */
export function assessmentFact(ix: CaseIndex, a: CaseAssessment): string {
  const cached = ix.memo.get(a);
  if (cached !== undefined) return cached;
  const kind = a.kind ?? 'annual';
  let s =
    kind === 'annual'
      ? `${wordZh(ix.words, 'assessors', a.by)}年度考核评定${unitName(ix, a.subject)}为“${wordZh(ix.words, 'outcomes', a.outcome!)}”`
      : `县综合治理职责考评${unitName(ix, a.subject)}得分${a.score}`;
  if (a.score !== undefined && kind === 'annual') s += `（综合评估总分${a.score}）`;
  if (a.sampled?.length) s += `，抽中${names(ix, a.sampled)}`;
  if (a.at_fault?.length) s += `，认定${names(ix, a.at_fault)}工作失职`;
  if (a.caused_by?.length) s += `，系${names(ix, a.caused_by)}综合治理工作不落实所致`;
  if (a.decided_on) s += `（${a.decided_on}作出）`;
  ix.memo.set(a, s);
  return s;
}

export function postReason(
  ix: CaseIndex,
  person: string,
  unit: string,
  role: string,
  from?: IsoDate,
  to?: IsoDate,
) {
  const kind = ix.units.get(unit)?.kind ?? 'town';
  return `${personName(ix, person)}任${unitName(ix, unit)}${roleZh(ix.words, kind, role)}${period(from, to)}`;
}

export function stationedReason(
  ix: CaseIndex,
  person: string,
  village: string,
  from?: IsoDate,
  to?: IsoDate,
) {
  return `${personName(ix, person)}驻（挂钩联系）${unitName(ix, village)}${period(from, to)}`;
}

export interface Given {
  type: ConsequenceType;
  fen?: number;
  from?: IsoDate;
  until?: IsoDate;
  max_grade?: string;
  title?: string;
}

/**
 * What is given, as the predicate of 依据…，对<name>…: 罚款1,500.00元 · 2009-12-20至2010-12-19不得
 * 平级调动、提拔 · 授予“…”荣誉称号 · 颁发奖牌一块.
 */
export function consequenceText(g: Given, words: Vocabulary): string {
  const consequenceZh = (type: string) => wordZh(words, 'consequence_types', type);
  switch (g.type) {
    case 'reward':
      return `奖励${yuanText(g.fen!)}`;
    case 'fine':
      return `罚款${yuanText(g.fen!)}`;
    case 'appraisal_cap':
      return `年度考核不得评为称职、合格等次（至多${g.max_grade}）`;
    case 'transfer_promotion_freeze':
      return `${g.from}至${g.until}不得平级调动、提拔`;
    case 'honour_title':
      return `授予“${g.title}”荣誉称号`;
    case 'plaque':
      return `颁发${consequenceZh(g.type)}`;
    case 'award_veto':
      return '评先评优实行一票否决';
    case 'three_stops':
      return `实行${consequenceZh(g.type)}`;
    case 'dismissal_or_demotion':
      return `作${consequenceZh(g.type)}`;
    case 'admonishment_talk':
      return `进行${consequenceZh(g.type)}`;
    default:
      return consequenceZh(g.type);
  }
}
