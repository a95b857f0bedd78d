// The assessment form's rules (pure, tested), from the case format: who may assess whom, with
// which outcomes (the county's pack's vocabulary, …/vocabulary), which units may be sampled (抽中)
// and found at fault (失职), which may have caused a province outcome (caused_by), and the form's
// values as the facts API's request.

import {
  type AssessmentKind,
  type Assessor,
  allowedOutcomes,
  type Vocabulary,
  wordZh,
} from '../../../../src/domain/vocabulary.ts';
import { zhPunct } from '../../../../src/domain/zh-punct.ts';
import type { Assessment, AssessmentBody, Unit } from './api.ts';

/** 省考核, 市考核, 县考核: the assessors in the words of the county's pack. */
export function assessorOptions(words: Vocabulary | undefined): { value: Assessor; label: string }[] {
  return (['province', 'city', 'county'] as const).map((by) => ({
    value: by,
    label: `${words ? wordZh(words, 'assessors', by) : by}考核`,
  }));
}

export interface FormValues {
  by: Assessor;
  subject?: string;
  kind: AssessmentKind;
  outcome?: string;
  score?: number | null;
  sampled?: string[];
  at_fault?: string[];
  caused_by?: string[];
  decided_on?: string | null;
}

/** Who an assessor assesses: the province the county; the city towns and county units; the county towns, villages and county units. */
export function subjectsFor(by: Assessor, units: readonly Unit[]): Unit[] {
  const kinds: Record<Assessor, string[]> = {
    province: ['county'],
    city: ['town', 'county_unit'],
    county: ['town', 'village', 'county_unit'],
  };
  return units.filter((u) => kinds[by].includes(u.kind));
}

/** The kinds an assessment of this subject may be: a governance unit's duty evaluation is the county's. */
export function kindsFor(by: Assessor, subject: Unit | undefined): AssessmentKind[] {
  return by === 'county' && subject?.governance_duty ? ['annual', 'governance_duty'] : ['annual'];
}

/** The outcomes the assessor may give the subject, as the county's pack names them. */
export function outcomesFor(
  by: Assessor,
  subject: Unit | undefined,
  kind: AssessmentKind,
  words: Vocabulary | undefined,
) {
  if (!subject || !words) return [];
  return allowedOutcomes(words, by, subject.kind, kind).map((o) => ({
    value: o,
    label: zhPunct(wordZh(words, 'outcomes', o)),
  }));
}

/** Who may be sampled: towns and villages; assessing a town, its own villages. */
export function sampleChoices(subject: Unit | undefined, units: readonly Unit[]): Unit[] {
  if (!subject) return [];
  if (subject.kind === 'town') return units.filter((u) => u.kind === 'village' && u.town === subject.id);
  if (subject.kind === 'county') return units.filter((u) => u.kind === 'town' || u.kind === 'village');
  return [];
}

/** caused_by: county units, on province assessments only. */
export function causeChoices(by: Assessor, units: readonly Unit[]): Unit[] {
  return by === 'province' ? units.filter((u) => u.kind === 'county_unit') : [];
}

/** The form's values as the facts API's body: fields that do not apply left out, at_fault within sampled. */
export function toBody(v: FormValues, year: number): AssessmentBody {
  const annual = v.kind === 'annual';
  const sampled = annual ? (v.sampled ?? []) : [];
  return {
    fp_year: year,
    by: v.by,
    subject: v.subject ?? '',
    kind: v.kind,
    ...(annual && v.outcome && { outcome: v.outcome as NonNullable<AssessmentBody['outcome']> }),
    ...(v.score !== undefined && v.score !== null && { score: v.score }),
    sampled,
    at_fault: (v.at_fault ?? []).filter((u) => sampled.includes(u)),
    caused_by: annual && v.by === 'province' ? (v.caused_by ?? []) : [],
    ...(v.decided_on && { decided_on: v.decided_on }),
  };
}

/** A stored assessment as the form's values (to change it). */
export function toValues(a: Assessment): FormValues {
  // The form offers the county pack's words; a town pack's (七) are entered through the API.
  return {
    by: a.by as Assessor,
    subject: a.subject,
    kind: a.kind as AssessmentKind,
    ...(a.outcome && { outcome: a.outcome }),
    score: a.score,
    sampled: a.sampled.map((u) => u.id),
    at_fault: a.at_fault.map((u) => u.id),
    caused_by: a.caused_by.map((u) => u.id),
    decided_on: a.decided_on,
  };
}

/** A unit as a picker shows it: 红星村（东风镇）. */
export const unitLabel = (u: Unit) => (u.town_name ? `${u.name}（${u.town_name}）` : u.name);
