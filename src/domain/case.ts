// zeren-case/1: everything needed to decide one FP year of one county under one policy.
// The normative description is ../shared/spec/case-format.md; these types follow it field by field.

import type { IsoDate } from './dates.ts';
import type { AssessmentKind, Assessor, Outcome, StaffType, UnitKind } from './vocabulary.ts';

export const CASE_FORMAT = 'zeren-case/1';

export interface CaseUnit {
  id: string;
  kind: UnitKind;
  name: string;
  /** A village's town. */
  town?: string;
  /** A 计生综合治理职责单位 (county units only). */
  governance_duty?: boolean;
}

export interface CasePerson {
  id: string;
  name: string;
  staff_type?: StaffType;
}

export interface CasePost {
  person: string;
  unit: string;
  role: string;
  from?: IsoDate;
  to?: IsoDate;
}

interface Dated {
  from?: IsoDate;
  to?: IsoDate;
}
export type CaseLink =
  | ({ kind: 'stationed'; person: string; village: string } & Dated)
  | ({ kind: 'unit_village'; unit: string; village: string } & Dated)
  | ({ kind: 'leader_town'; person: string; town: string } & Dated)
  | ({ kind: 'leader_village'; person: string; village: string } & Dated);

export interface CaseCategory {
  unit: string;
  fp_year: number;
  category: number;
}

export interface CaseAssessment {
  by: Assessor;
  subject: string;
  kind?: AssessmentKind;
  outcome?: Outcome;
  score?: number;
  sampled?: string[];
  at_fault?: string[];
  caused_by?: string[];
  decided_on?: IsoDate;
}

export interface CaseAcceptance {
  unit: string;
  /** An acceptance kind of the pack's vocabulary (no_out_of_policy_birth…). */
  kind: string;
  by: Assessor;
  passed: boolean;
}

export interface CaseWarningNotice {
  id: string;
  unit: string;
  issued_on: IsoDate;
  matter: string;
  corrected_on?: IsoDate;
}

export interface CaseIncident {
  /** An incident kind of the pack's vocabulary. */
  kind: string;
  person: string;
  occurred_on: IsoDate;
}

export interface ZerenCase {
  format: typeof CASE_FORMAT;
  policy: string;
  fp_year: number;
  decided_on?: IsoDate;
  interpretations?: Record<string, string>;
  units: CaseUnit[];
  people?: CasePerson[];
  posts?: CasePost[];
  links?: CaseLink[];
  categories?: CaseCategory[];
  assessments?: CaseAssessment[];
  acceptances?: CaseAcceptance[];
  warning_notices?: CaseWarningNotice[];
  incidents?: CaseIncident[];
}

/** The fields of a case that are not collections, in the order the format lists them. */
export const CASE_HEADER = ['format', 'policy', 'fp_year', 'decided_on', 'interpretations'] as const;

/** The collections that belong to one FP year (all but the registry of units and people). */
export const YEAR_COLLECTIONS = [
  'posts',
  'links',
  'categories',
  'assessments',
  'acceptances',
  'warning_notices',
  'incidents',
] as const;

/** The collections of a case, in the order the format lists them. */
export const CASE_COLLECTIONS = ['units', 'people', ...YEAR_COLLECTIONS] as const;
