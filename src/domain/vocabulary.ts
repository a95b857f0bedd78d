// The words of a 层级动态管理责任制 case (zeren-case/1). The codes here are those the engine's own
// code gives meaning to (unit kind `town`, consequence type `fine`…), typed so that code naming a
// misspelt one does not compile. Their Chinese labels, and the words a pack adds (posts, outcomes,
// assessment, acceptance and incident kinds), are the pack's: its vocabulary.yaml, read and
// checked by src/engine/vocabulary.ts and handed out as `engine.vocabulary` (the API's
// …/vocabulary). The lookups below read such a vocabulary; nothing here holds a label of a pack
// word. The formats are in ../shared/spec/case-format.md.

export const UNIT_KINDS = ['county', 'town', 'village', 'county_unit'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The posts of each kind of unit the engine's groups read (a pack may add more). */
export const ROLES_BY_UNIT_KIND = {
  county: ['leader'],
  town: [
    'party_secretary',
    'mayor',
    'leader_in_charge',
    'fp_office_head',
    'leadership_member',
    'cadre',
    'fp_cadre',
  ],
  village: ['branch_secretary', 'committee_director', 'committee_member', 'fp_supervisor'],
  county_unit: ['head', 'leader_in_charge', 'fp_staff'],
} as const satisfies Record<UnitKind, readonly string[]>;

export type PostRole = (typeof ROLES_BY_UNIT_KIND)[UnitKind][number];

export const STAFF_TYPES = ['civil_servant', 'institution'] as const;
export type StaffType = (typeof STAFF_TYPES)[number];

export const LINK_KINDS = ['stationed', 'unit_village', 'leader_town', 'leader_village'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** The outcomes of the shipped pack (a pack may declare others; `passing` says which count as 达标). */
export const OUTCOMES = [
  'first_class',
  'advanced',
  'pass',
  'fail',
  'criticized_downgraded',
  'reminder',
  'yellow_card',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ASSESSORS = ['province', 'city', 'county'] as const;
export type Assessor = (typeof ASSESSORS)[number];

export const ASSESSMENT_KINDS = ['annual', 'governance_duty'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

export const CONSEQUENCE_TYPES = [
  'reward',
  'fine',
  'award_veto',
  'appraisal_cap',
  'dismissal_or_demotion',
  'three_stops',
  'transfer_promotion_freeze',
  'honour_title',
  'plaque',
  'report_to_superior',
  'admonishment_talk',
] as const;
export type ConsequenceType = (typeof CONSEQUENCE_TYPES)[number];

export interface AssessedBy {
  by: string;
  of: string[];
  /** Empty: an assessment of this kind has a score only. */
  outcomes: string[];
}

/** The words of a pack, as plain data (the API returns it as it is). Each `zh` is what a person reads. */
export interface Vocabulary {
  unit_kinds: Record<string, { zh: string; roles: Record<string, string> }>;
  link_kinds: Record<string, string>;
  staff_types: Record<string, { zh: string; max_grade: string }>;
  assessors: Record<string, string>;
  outcomes: Record<string, { zh: string; passing: boolean }>;
  assessment_kinds: Record<string, { zh: string; assessed: AssessedBy[] }>;
  acceptance_kinds: Record<string, { zh: string; unit: string; by: string[] }>;
  incident_kinds: Record<string, string>;
  consequence_types: Record<string, string>;
}

export const VOCABULARY_PARTS = [
  'unit_kinds',
  'link_kinds',
  'staff_types',
  'assessors',
  'outcomes',
  'assessment_kinds',
  'acceptance_kinds',
  'incident_kinds',
  'consequence_types',
] as const satisfies readonly (keyof Vocabulary)[];
export type VocabularyPart = (typeof VOCABULARY_PARTS)[number];

/** A vocabulary with no words (a town pack's start, or words not yet known). */
export function emptyVocabulary(): Vocabulary {
  return {
    unit_kinds: {},
    link_kinds: {},
    staff_types: {},
    assessors: {},
    outcomes: {},
    assessment_kinds: {},
    acceptance_kinds: {},
    incident_kinds: {},
    consequence_types: {},
  };
}

/** The Chinese of a word of a part (县直单位), or the code itself when the pack has none. */
export function wordZh(v: Vocabulary, part: Exclude<VocabularyPart, 'unit_kinds'>, code: string): string {
  const w = Object.hasOwn(v[part], code) ? v[part][code] : undefined;
  return w === undefined ? code : typeof w === 'string' ? w : w.zh;
}

/** The Chinese of a kind of unit (镇（场）); the code itself when unknown. */
export function unitKindZh(v: Vocabulary, kind: string): string {
  return Object.hasOwn(v.unit_kinds, kind) ? v.unit_kinds[kind]!.zh : kind;
}

/** The Chinese of a post at a unit of a kind (计生办主任); the code itself when unknown. */
export function roleZh(v: Vocabulary, kind: string, role: string): string {
  const roles = Object.hasOwn(v.unit_kinds, kind) ? v.unit_kinds[kind]!.roles : {};
  return Object.hasOwn(roles, role) ? roles[role]! : role;
}

/** The posts of a unit of a kind (codes). */
export function rolesOf(v: Vocabulary, kind: string): string[] {
  return Object.keys(Object.hasOwn(v.unit_kinds, kind) ? v.unit_kinds[kind]!.roles : {});
}

/** The outcomes counting as 达标. */
export function passingOutcomes(v: Vocabulary): Set<string> {
  return new Set(Object.keys(v.outcomes).filter((o) => v.outcomes[o]!.passing));
}

/**
 * Whether an assessor assesses a unit of a kind with an assessment of a kind (`assessed`), and
 * with which outcomes (none: a score only).
 */
export function assessedBy(v: Vocabulary, by: string, subject: string, kind: string): AssessedBy | undefined {
  const k = Object.hasOwn(v.assessment_kinds, kind) ? v.assessment_kinds[kind] : undefined;
  return k?.assessed.find((a) => a.by === by && a.of.includes(subject));
}

/** The outcomes an assessor may give a unit of a kind (case-format.md, "Outcomes"). */
export function allowedOutcomes(v: Vocabulary, by: string, subject: string, kind: string): readonly string[] {
  return assessedBy(v, by, subject, kind)?.outcomes ?? [];
}

/**
 * Why a reward is withheld (zeren-result/1 `reason`, e.g. `I4: unit award veto`), in Chinese:
 * 所在单位本计生年度被评先评优一票否决（解释I4）. Unknown reasons are shown as they are.
 */
export function withheldReasonZh(reason: string): string {
  const m = /^(I\d+): (unit|person) award veto$/.exec(reason);
  if (!m) return reason;
  const who = m[2] === 'unit' ? '所在单位' : '本人';
  return `${who}本计生年度被评先评优一票否决，暂不兑现（解释${m[1]}）`;
}
