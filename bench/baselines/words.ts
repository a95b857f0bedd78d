// The shipped pack's words and labels as the hand-written baselines read them: taken once from
// the pack's vocabulary (vocabulary.yaml), so that the baselines and the engine name things alike.

import { passingOutcomes, wordZh } from '../../src/domain/vocabulary.ts';
import { loadEngine } from '../../src/policy/load.ts';

const words = loadEngine().vocabulary;

export const PASSING: ReadonlySet<string> = passingOutcomes(words);
export const MAX_GRADE: Record<string, string> = Object.fromEntries(
  Object.entries(words.staff_types).map(([k, v]) => [k, v.max_grade]),
);
export const ASSESSOR_ZH: Record<string, string> = words.assessors;
export const CONSEQUENCE_ZH: Record<string, string> = words.consequence_types;
export const OUTCOME_ZH: Record<string, string> = Object.fromEntries(
  Object.keys(words.outcomes).map((o) => [o, wordZh(words, 'outcomes', o)]),
);
export const ROLE_ZH: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries(words.unit_kinds).map(([k, v]) => [k, v.roles]),
);
export const ACCEPTANCE_KINDS: Record<string, { zh: string }> = words.acceptance_kinds;
