// The words of a 层级动态管理责任制 case (zeren-case/1): kinds of unit, posts, outcomes, consequence types,
// the reasons a reward is withheld, each with the Chinese a person reads (full-width punctuation:
// 镇（场）). The one source of these labels for Excel, documents, the CLI and the API. The formats
// are in ../shared/spec/case-format.md.

export const UNIT_KINDS = ['county', 'town', 'village', 'county_unit'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_ZH: Record<UnitKind, string> = {
  county: '县',
  town: '镇（场）',
  village: '村（社区、工区）',
  county_unit: '县直单位',
};

/** Which posts a unit of each kind has. */
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

export const ROLE_ZH: Record<UnitKind, Record<string, string>> = {
  county: { leader: '党政领导班子成员' },
  town: {
    party_secretary: '党委书记',
    mayor: '镇长',
    leader_in_charge: '分管计生领导',
    fp_office_head: '计生办主任',
    leadership_member: '党政班子成员',
    cadre: '干部',
    fp_cadre: '计生干部',
  },
  village: {
    branch_secretary: '党支部书记',
    committee_director: '村（居）委会主任',
    committee_member: '两委委员',
    fp_supervisor: '计生专干（督导员）',
  },
  county_unit: { head: '一把手', leader_in_charge: '分管计生领导', fp_staff: '计生专（兼）职干部' },
};

export const STAFF_TYPES = ['civil_servant', 'institution'] as const;
export type StaffType = (typeof STAFF_TYPES)[number];

/** 年度考核不得评为称职、合格等次: the highest grade left for each appraisal scale. */
export const MAX_GRADE: Record<StaffType, string> = { civil_servant: '基本称职', institution: '基本合格' };

export const LINK_KINDS = ['stationed', 'unit_village', 'leader_town', 'leader_village'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

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

export const OUTCOME_ZH: Record<Outcome, string> = {
  first_class: '达到一类并被通报表彰',
  advanced: '先进单位',
  pass: '达标',
  fail: '不达标',
  criticized_downgraded: '通报批评、降类管理',
  reminder: '提醒注意',
  yellow_card: '黄牌警告',
};

/** Outcomes that count as 达标. */
export const PASSING: ReadonlySet<string> = new Set(['first_class', 'advanced', 'pass']);

export const ASSESSORS = ['province', 'city', 'county'] as const;
export type Assessor = (typeof ASSESSORS)[number];
export const ASSESSOR_ZH: Record<Assessor, string> = { province: '省', city: '市', county: '县' };

export const ASSESSMENT_KINDS = ['annual', 'governance_duty'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const ASSESSMENT_KIND_ZH: Record<AssessmentKind, string> = {
  annual: '年度考核',
  governance_duty: '综合治理职责考评',
};

/** Who may give which outcome to whom (case-format.md, "Outcomes"). */
export function allowedOutcomes(by: Assessor, subject: UnitKind, kind: AssessmentKind): readonly Outcome[] {
  if (kind !== 'annual') return [];
  if (by === 'province' && subject === 'county')
    return ['first_class', 'pass', 'fail', 'criticized_downgraded', 'reminder', 'yellow_card'];
  if (by === 'city' && subject === 'town')
    return ['advanced', 'pass', 'fail', 'criticized_downgraded', 'reminder', 'yellow_card'];
  if (by === 'city' && subject === 'county_unit') return ['pass', 'fail', 'reminder', 'yellow_card'];
  if (by === 'county' && (subject === 'town' || subject === 'village' || subject === 'county_unit'))
    return ['pass', 'fail', 'criticized_downgraded', 'reminder', 'yellow_card'];
  return [];
}

export const ACCEPTANCE_KINDS = {
  // 3.1.5: a town, accepted by the province or the city
  no_multi_child_birth: { unit: 'town', by: ['province', 'city'], zh: '无政策外多孩生育' },
  // 3.2.4: a village, accepted by the city or the county
  no_out_of_policy_birth: { unit: 'village', by: ['city', 'county'], zh: '无政策外生育' },
} as const satisfies Record<string, { unit: UnitKind; by: readonly Assessor[]; zh: string }>;
export type AcceptanceKind = keyof typeof ACCEPTANCE_KINDS;

export const INCIDENT_KINDS = {
  shielded_out_of_policy_birth: '包庇、纵容子女违反计划生育，出现政策外生育',
} as const;
export type IncidentKind = keyof typeof INCIDENT_KINDS;

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

export const CONSEQUENCE_ZH: Record<ConsequenceType, string> = {
  reward: '奖励',
  fine: '罚款',
  award_veto: '评先评优一票否决',
  appraisal_cap: '年度考核不得评为称职、合格等次',
  dismissal_or_demotion: '免职或降级处理',
  three_stops: '三停（停职、停薪、停工作）',
  transfer_promotion_freeze: '一年内不得平级调动、提拔',
  honour_title: '荣誉称号',
  plaque: '奖牌一块',
  report_to_superior: '向上级部门通报并提出处理建议',
  admonishment_talk: '诫勉谈话',
};

/** The Chinese of a post at a unit of a kind (镇（场）计生办主任); the code itself when unknown. */
export function roleZh(kind: string, role: string): string {
  return ROLE_ZH[kind as UnitKind]?.[role] ?? role;
}

/** The Chinese of a consequence type (三停（停职、停薪、停工作）); the code itself when unknown. */
export function consequenceZh(type: string): string {
  return CONSEQUENCE_ZH[type as ConsequenceType] ?? type;
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

/** 挂钩关系 kinds (case-format.md, links). */
export const LINK_KIND_ZH: Record<LinkKind, string> = {
  stationed: '驻村（挂钩联系村）',
  unit_village: '县直单位挂钩村',
  leader_town: '县领导挂钩镇',
  leader_village: '县领导帮扶村',
};

export const STAFF_TYPE_ZH: Record<StaffType, string> = {
  civil_servant: '公务员',
  institution: '事业单位人员',
};
