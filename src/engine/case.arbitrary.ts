// A fast-check arbitrary of small valid zeren-case/1 documents for property tests: a few towns,
// villages and county units, random posts and links with dates around the FP year's edges, random
// assessments at every level (scores drawn from a narrow range, so ranks tie), notices, incidents
// and readings. Picks are indexes taken modulo the lists they choose from, so every reference is
// valid by construction.

import fc from 'fast-check';
import type { CaseAssessment, CaseLink, CaseUnit, ZerenCase } from '../domain/case.ts';
import { ROLES_BY_UNIT_KIND, type UnitKind } from '../domain/vocabulary.ts';

const DATES = [
  '2008-06-30',
  '2008-09-30',
  '2008-10-01',
  '2009-01-15',
  '2009-05-31',
  '2009-09-30',
  '2009-10-01',
  '2010-02-01',
];
const pickDate = fc.nat({ max: DATES.length - 1 }).map((i) => DATES[i]!);

const INTERPRETATIONS: Record<string, string[]> = {
  I1: ['any-time', 'year-end'],
  I2: ['whole-town', 'sampled-villages-only'],
  I3: ['replace', 'cumulative'],
  I4: ['withhold', 'no-effect'],
  I5: ['include-ties', 'strict'],
  I6: ['head-only', 'whole-office'],
  I7: ['analogous', 'towns-only'],
  I8: ['as-written', 'collective-veto'],
  I10: ['all-village-posts', 'two-committees-only'],
  I11: ['once', 'per-village'],
  I12: ['at-fault-only', 'all-sampled'],
  I13: ['no-correction-between', 'any-two'],
};

const spec = fc.record({
  villagesPerTown: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
  units: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
  people: fc.integer({ min: 3, max: 25 }),
  posts: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), pickDate, fc.option(pickDate)), { maxLength: 40 }),
  links: fc.array(fc.tuple(fc.nat({ max: 3 }), fc.nat(), fc.nat(), fc.option(pickDate)), { maxLength: 25 }),
  categories: fc.array(
    fc.tuple(fc.nat(), fc.integer({ min: 2008, max: 2009 }), fc.integer({ min: 1, max: 4 })),
    { maxLength: 10 },
  ),
  assessments: fc.array(
    fc.tuple(
      fc.nat({ max: 4 }),
      fc.nat(),
      fc.nat(),
      fc.option(fc.integer({ min: 80, max: 84 })),
      fc.array(fc.nat(), { maxLength: 3 }),
      fc.nat(),
      fc.option(pickDate),
    ),
    { maxLength: 20 },
  ),
  acceptances: fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.nat(), fc.boolean()), { maxLength: 4 }),
  notices: fc.array(fc.tuple(fc.nat(), pickDate, fc.option(pickDate)), { maxLength: 8 }),
  incidents: fc.array(fc.tuple(fc.nat(), pickDate), { maxLength: 3 }),
  readings: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
  staff: fc.array(fc.boolean(), { maxLength: 25 }),
});

type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

const at = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

export function buildCase(s: Spec): ZerenCase {
  const units: CaseUnit[] = [{ id: 'county', kind: 'county', name: '测试县' }];
  s.villagesPerTown.forEach((n, t) => {
    units.push({ id: `t${t}`, kind: 'town', name: `第${t}镇` });
    for (let v = 0; v < n; v++)
      units.push({ id: `v${t}-${v}`, kind: 'village', name: `第${t}镇${v}村`, town: `t${t}` });
  });
  s.units.forEach((gov, u) => {
    units.push({ id: `u${u}`, kind: 'county_unit', name: `县${u}局`, ...(gov && { governance_duty: true }) });
  });
  const of = (k: UnitKind) => units.filter((u) => u.kind === k);
  const people = Array.from({ length: s.people }, (_, i) => ({
    id: `p${i}`,
    name: `人员${i}`,
    ...(s.staff[i] && { staff_type: 'institution' as const }),
  }));
  const pid = (i: number) => at(people, i).id;

  const posts = s.posts.map(([u, r, p, from, to]) => {
    const unit = at(units, u);
    const roles = ROLES_BY_UNIT_KIND[unit.kind];
    const [a, b] = to !== null && to < from ? [to, from] : [from, to];
    return { person: pid(p), unit: unit.id, role: at(roles, r), from: a, ...(b !== null && { to: b }) };
  });

  const villages = of('village');
  const links: CaseLink[] = s.links.map(([k, a, b, to]) => {
    const extra = to !== null ? { to } : {};
    if (k === 0) return { kind: 'stationed', person: pid(a), village: at(villages, b).id, ...extra };
    if (k === 1)
      return {
        kind: 'unit_village',
        unit: at(of('county_unit'), a).id,
        village: at(villages, b).id,
        ...extra,
      };
    if (k === 2) return { kind: 'leader_town', person: pid(a), town: at(of('town'), b).id, ...extra };
    return { kind: 'leader_village', person: pid(a), village: at(villages, b).id, ...extra };
  });

  const seenCategory = new Set<string>();
  const categories = s.categories.flatMap(([u, y, c]) => {
    const unit = at([...of('town'), ...villages], u).id;
    if (seenCategory.has(`${unit}|${y}`)) return [];
    seenCategory.add(`${unit}|${y}`);
    return [{ unit, fp_year: y, category: c }];
  });

  const seenAssessment = new Set<string>();
  const assessments: CaseAssessment[] = [];
  for (const [kind, sub, out, score, samples, fault, decided] of s.assessments) {
    const outcome = (list: readonly string[]) => at(list, out) as CaseAssessment['outcome'];
    let a: CaseAssessment;
    if (kind === 0) {
      const pool = [...of('town'), ...villages];
      const sampled = [...new Set(samples.map((i) => at(pool, i).id))];
      a = {
        by: 'province',
        subject: 'county',
        outcome: outcome(['first_class', 'pass', 'fail', 'criticized_downgraded', 'reminder', 'yellow_card']),
        sampled,
      };
      a.at_fault = sampled.filter((_, i) => (fault >> i) & 1);
      const gov = of('county_unit');
      if (fault % 3 === 0) a.caused_by = [at(gov, sub).id];
    } else if (kind === 1 || kind === 2) {
      const town = at(of('town'), sub);
      const own = villages.filter((v) => v.town === town.id);
      const sampled = [...new Set(samples.map((i) => at(own, i).id))];
      const outcomes =
        kind === 1
          ? ['advanced', 'pass', 'fail', 'criticized_downgraded', 'reminder', 'yellow_card']
          : ['pass', 'fail', 'criticized_downgraded', 'reminder', 'yellow_card'];
      a = {
        by: kind === 1 ? 'city' : 'county',
        subject: town.id,
        outcome: outcome(outcomes),
        sampled,
        at_fault: sampled.filter((_, i) => (fault >> i) & 1),
      };
    } else if (kind === 3) {
      const subject = at([...villages, ...of('county_unit')], sub);
      a = {
        by: 'county',
        subject: subject.id,
        outcome: outcome(['pass', 'fail', 'criticized_downgraded', 'reminder', 'yellow_card']),
      };
    } else {
      const govUnits = of('county_unit').filter((u) => u.governance_duty);
      if (govUnits.length === 0 || out % 2 === 0) {
        a = {
          by: 'city',
          subject: at(of('county_unit'), sub).id,
          outcome: outcome(['pass', 'fail', 'reminder', 'yellow_card']),
        };
      } else a = { by: 'county', subject: at(govUnits, sub).id, kind: 'governance_duty', score: score ?? 80 };
    }
    if (score !== null && a.score === undefined) a.score = score;
    if (decided !== null && decided >= '2008-10-01') a.decided_on = decided;
    for (const k of ['sampled', 'at_fault', 'caused_by'] as const) if (a[k]?.length === 0) delete a[k];
    const key = `${a.by}|${a.subject}|${a.kind ?? 'annual'}`;
    if (seenAssessment.has(key)) continue;
    seenAssessment.add(key);
    assessments.push(a);
  }

  const acceptances = s.acceptances.map(([u, town, by, passed]) =>
    town
      ? {
          unit: at(of('town'), u).id,
          kind: 'no_multi_child_birth' as const,
          by: at(['province', 'city'] as const, by),
          passed,
        }
      : {
          unit: at(villages, u).id,
          kind: 'no_out_of_policy_birth' as const,
          by: at(['city', 'county'] as const, by),
          passed,
        },
  );
  const noticeable = units.filter((u) => u.kind !== 'county');
  const warning_notices = s.notices.map(([u, issued, corrected], i) => ({
    id: `w${i}`,
    unit: at(noticeable, u).id,
    issued_on: issued,
    matter: `专项活动${i}`,
    ...(corrected !== null && corrected >= issued && { corrected_on: corrected }),
  }));
  const incidents = s.incidents.map(([p, d]) => ({
    kind: 'shielded_out_of_policy_birth' as const,
    person: pid(p),
    occurred_on: d,
  }));
  const ids = Object.keys(INTERPRETATIONS);
  const interpretations = Object.fromEntries(
    s.readings.map(([i, v]) => [at(ids, i), at(INTERPRETATIONS[at(ids, i)]!, v)]),
  );

  return {
    format: 'zeren-case/1',
    policy: 'county-fp-2009',
    fp_year: 2009,
    decided_on: '2009-12-20',
    interpretations,
    units,
    people,
    posts,
    links,
    categories,
    assessments,
    acceptances,
    warning_notices,
    incidents,
  };
}

export const arbitraryCase: fc.Arbitrary<ZerenCase> = spec.map(buildCase);
