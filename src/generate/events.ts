// The year's events of a generated county: categories, the province's, city's and county's
// assessments (with their sampled units and those found at fault), acceptances, warning notices
// and incidents. Most units pass; the share of each outcome is set so that a province-sized run
// meets every clause of the policy many times over.

import type {
  CaseAcceptance,
  CaseAssessment,
  CaseCategory,
  CaseIncident,
  CaseUnit,
  CaseWarningNotice,
} from '../domain/case.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { Outcome } from '../domain/vocabulary.ts';
import type { Random } from './prng.ts';
import type { CountyShape } from './shape.ts';

export interface Events {
  decidedOn: IsoDate;
  categories: CaseCategory[];
  assessments: CaseAssessment[];
  acceptances: CaseAcceptance[];
  notices: CaseWarningNotice[];
  incidents: CaseIncident[];
}

const PROVINCE: Partial<Record<Outcome, number>> = {
  pass: 72,
  first_class: 10,
  fail: 3,
  criticized_downgraded: 5,
  reminder: 6,
  yellow_card: 4,
};
const CITY_TOWN: Partial<Record<Outcome, number>> = {
  advanced: 10,
  pass: 74,
  fail: 5,
  criticized_downgraded: 4,
  reminder: 4,
  yellow_card: 3,
};
const CITY_UNIT: Partial<Record<Outcome, number>> = { pass: 85, fail: 4, reminder: 7, yellow_card: 4 };
const COUNTY: Partial<Record<Outcome, number>> = {
  pass: 86,
  fail: 5,
  criticized_downgraded: 3,
  reminder: 4,
  yellow_card: 2,
};

/** Outcomes after which an assessment names sampled units at fault (工作失职). */
const AT_FAULT = new Set<Outcome>(['criticized_downgraded', 'reminder', 'yellow_card']);
const PASSES = new Set<Outcome>(['first_class', 'advanced', 'pass']);

/** A total score on the usual 100-point sheet, in half points (so ties happen, as they do). */
function score(r: Random, outcome: Outcome): number {
  return PASSES.has(outcome) ? r.int(160, 200) / 2 : r.int(110, 170) / 2;
}

function atFault(r: Random, sampled: string[], p: number): string[] {
  const out = sampled.filter(() => r.chance(p));
  return out.length > 0 || sampled.length === 0 ? out : [r.pick(sampled)];
}

export function addEvents(b: CountyShape): Events {
  const { r, days } = b;
  const decidedOn = days.at(days.last + 1 + r.int(60, 88));
  /** Now and then an assessment is decided on its own day, after the year ends. */
  const decided = (a: CaseAssessment): CaseAssessment => {
    if (r.chance(0.05)) a.decided_on = days.at(days.last + r.int(15, 120));
    return a;
  };
  const villages = b.towns.flatMap((t) => t.villages);
  const governance = b.countyUnits.filter((u) => u.governance_duty);

  const categories: CaseCategory[] = [];
  for (const u of [...b.towns.map((t) => t.unit), ...villages]) {
    const before = r.int(1, 3);
    const move = r.float();
    const now = move < 0.15 && before > 1 ? before - 1 : move > 0.93 && before < 3 ? before + 1 : before;
    categories.push({ unit: u.id, fp_year: b.year - 1, category: before });
    categories.push({ unit: u.id, fp_year: b.year, category: now });
  }

  const assessments: CaseAssessment[] = [];
  // 省: the county, with sampled towns and some of their villages (and a few others).
  const province = r.weighted(PROVINCE);
  const sampledTowns = r.sample(b.towns, r.int(2, 4));
  const sampledVillages = [
    ...sampledTowns.flatMap((t) => r.sample(t.villages, r.int(1, 3))),
    ...r.sample(villages, r.int(0, 2)),
  ].map((v) => v.id);
  const sampled = [...sampledTowns.map((t) => t.unit.id), ...new Set(sampledVillages)];
  const prov: CaseAssessment = { by: 'province', subject: b.id, outcome: province, sampled };
  if (AT_FAULT.has(province)) {
    prov.at_fault = atFault(r, sampled, 0.45);
    if (governance.length > 0 && r.chance(0.5))
      prov.caused_by = r.sample(governance, r.int(1, 2)).map((u) => u.id);
  }
  assessments.push(decided(prov));

  // 市: every town (with sampled villages), and some governance units.
  for (const t of b.towns) {
    const outcome = r.weighted(CITY_TOWN);
    const s = r.sample(t.villages, r.int(1, 3)).map((v) => v.id);
    const a: CaseAssessment = { by: 'city', subject: t.unit.id, outcome, sampled: s };
    if (AT_FAULT.has(outcome)) a.at_fault = atFault(r, s, 0.6);
    assessments.push(decided(a));
  }
  for (const u of governance)
    if (r.chance(0.6))
      assessments.push(decided({ by: 'city', subject: u.id, outcome: r.weighted(CITY_UNIT) }));

  // 县: every town, village and county unit, with a total score; governance units' duty scores.
  for (const t of b.towns) {
    const outcome = r.weighted(COUNTY);
    const s = r.sample(t.villages, r.int(2, 4)).map((v) => v.id);
    const a: CaseAssessment = {
      by: 'county',
      subject: t.unit.id,
      outcome,
      score: score(r, outcome),
      sampled: s,
    };
    if (AT_FAULT.has(outcome)) a.at_fault = atFault(r, s, 0.6);
    assessments.push(decided(a));
  }
  const county = (u: CaseUnit) => {
    const outcome = r.weighted(COUNTY);
    const a: CaseAssessment = { by: 'county', subject: u.id, outcome };
    if (r.chance(0.95)) a.score = score(r, outcome);
    assessments.push(decided(a));
  };
  villages.forEach(county);
  b.countyUnits.forEach(county);
  for (const u of governance)
    assessments.push({ by: 'county', subject: u.id, kind: 'governance_duty', score: r.int(120, 200) / 2 });

  const acceptances: CaseAcceptance[] = [];
  for (const t of b.towns)
    if (r.chance(0.25))
      acceptances.push({
        unit: t.unit.id,
        kind: 'no_multi_child_birth',
        by: r.chance(0.4) ? 'province' : 'city',
        passed: r.chance(0.85),
      });
  for (const v of villages)
    if (r.chance(0.3))
      acceptances.push({
        unit: v.id,
        kind: 'no_out_of_policy_birth',
        by: r.chance(0.3) ? 'city' : 'county',
        passed: r.chance(0.85),
      });

  // 警示通知书: a few units get one or more in the year; some corrections are verified in between.
  const notices: CaseWarningNotice[] = [];
  const matters = [
    '春季集中服务活动',
    '流动人口信息核查',
    '出生统计上报',
    '秋季集中服务活动',
    '社会抚养费征收',
    '孕情跟踪服务',
  ];
  for (const u of [...b.towns.map((t) => t.unit), ...villages, ...b.countyUnits]) {
    if (!r.chance(u.kind === 'village' ? 0.03 : 0.08)) continue;
    const n = r.weighted({ 1: 50, 2: 35, 3: 15 });
    const issued = Array.from({ length: Number(n) }, () => r.int(r.chance(0.05) ? -200 : 0, days.last)).sort(
      (x, y) => x - y,
    );
    for (const day of issued) {
      const notice: CaseWarningNotice = {
        id: `${b.id}-W${String(notices.length + 1).padStart(3, '0')}`,
        unit: u.id,
        issued_on: days.at(day),
        matter: r.pick(matters),
      };
      if (r.chance(0.45)) notice.corrected_on = days.at(day + r.int(0, 60));
      notices.push(notice);
    }
  }

  // 四(三)1(8): now and then a cadre shielded a child's out-of-policy birth.
  const incidents: CaseIncident[] = [];
  const shielded = Number(r.weighted({ 0: 50, 1: 30, 2: 15, 3: 5 }));
  for (let k = 0; k < shielded; k++) {
    incidents.push({
      kind: 'shielded_out_of_policy_birth',
      person: r.pick(b.officials),
      occurred_on: days.at(r.int(r.chance(0.1) ? -300 : 0, days.last)),
    });
  }

  return { decidedOn, categories, assessments, acceptances, notices, incidents };
}
