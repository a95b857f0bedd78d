// The population facts that general rule engines are given, computed by shared code (whose time
// counts in their figures). json-rules-engine, json-logic and zen decide one flat record at a time;
// they cannot rank villages, find who is stationed where or which county unit is linked to a
// sampled village. So this module does that, once per case, under the policy's default readings
// (I1 any-time, I5 include-ties, I6 head-only, I10 all posts, I12 at-fault only, I13 no
// correction between), and hands each engine one fact per membership: a unit as itself, or a
// person as a town official, stationed cadre, village cadre, unit leader, linked county leader or
// the person named in an incident, each with the attributes of the unit it is about.

import type { CaseAssessment, CaseUnit, ZerenCase } from '../../src/domain/case.ts';
import { fpYear, type IsoDate } from '../../src/domain/dates.ts';
import { PASSING } from './words.ts';

export type Group =
  | 'unit'
  | 'town_official'
  | 'stationed'
  | 'village_cadre'
  | 'unit_leader'
  | 'county_leader'
  | 'incident';

/** The attributes of a town, village or county unit that the rules read. `none`: no such outcome. */
export interface Context {
  unit_kind: string;
  /** The province's outcome for the county, and whether this unit was sampled / found at fault. */
  prov_outcome: string;
  prov_sampled: boolean;
  prov_at_fault: boolean;
  /** A village: whether its town was sampled by the province (3.1.1/3.1.2 reward the whole town). */
  town_prov_sampled: boolean;
  /** A town or county unit: its own city outcome. A village: its town's. */
  city_outcome: string;
  /** A village: found at fault in its town's city assessment. */
  city_at_fault: boolean;
  county_outcome: string;
  /** A village: its town's county outcome, and whether the village was found at fault in it. */
  county_town_outcome: string;
  county_town_at_fault: boolean;
  /** Rank among villages or county units by the county assessment's score (I5); 0: unranked. */
  rank: number;
  /** Rank of a governance unit by its duty evaluation; 0: unranked. */
  gov_rank: number;
  category_up: boolean;
  accepted: boolean;
  notices_in_a_row: boolean;
  /** A county unit: its linked villages, and what happened to them. */
  linked_all_passing: boolean;
  linked_prov_sampled: boolean;
  linked_prov_at_fault: boolean;
  linked_city_warning_at_fault: boolean;
  linked_village_criticized: boolean;
  linked_village_warned: boolean;
  prov_caused: boolean;
  /** When freezes start, for the outcomes they follow. */
  date_province: IsoDate;
  date_city: IsoDate;
  date_county: IsoDate;
  date_county_town: IsoDate;
  date_case: IsoDate;
}

export interface Fact extends Context {
  subject_kind: 'unit' | 'person';
  subject: string;
  group: Group;
  /** The post that puts a person in the group ('' for others). */
  role: string;
  /** The unit the consequence is given for (I4 withholds rewards given for a vetoed unit). */
  for_unit: string;
}

const WARNING = new Set(['reminder', 'yellow_card']);

function emptyContext(kind: string, decidedOn: IsoDate): Context {
  return {
    unit_kind: kind,
    prov_outcome: 'none',
    prov_sampled: false,
    prov_at_fault: false,
    town_prov_sampled: false,
    city_outcome: 'none',
    city_at_fault: false,
    county_outcome: 'none',
    county_town_outcome: 'none',
    county_town_at_fault: false,
    rank: 0,
    gov_rank: 0,
    category_up: false,
    accepted: false,
    notices_in_a_row: false,
    linked_all_passing: false,
    linked_prov_sampled: false,
    linked_prov_at_fault: false,
    linked_city_warning_at_fault: false,
    linked_village_criticized: false,
    linked_village_warned: false,
    prov_caused: false,
    date_province: decidedOn,
    date_city: decidedOn,
    date_county: decidedOn,
    date_county_town: decidedOn,
    date_case: decidedOn,
  };
}

/** Rank = 1 + the number with a strictly higher score (I5 include-ties). */
function rank(
  scored: { id: string; score: number }[],
  into: Map<string, Context>,
  field: 'rank' | 'gov_rank',
) {
  scored.sort((a, b) => b.score - a.score);
  let r = 0;
  scored.forEach((s, i) => {
    if (i === 0 || s.score !== scored[i - 1]!.score) r = i + 1;
    into.get(s.id)![field] = r;
  });
}

/** Every fact of one case, units first. */
export function populationFacts(c: ZerenCase): Fact[] {
  const year = fpYear(c.fp_year);
  const counts = (from?: IsoDate, to?: IsoDate) =>
    (from === undefined || from <= year.end) && (to === undefined || to >= year.start);
  const decidedOn = c.decided_on ?? `${c.fp_year}-10-01`;
  const units = new Map<string, CaseUnit>();
  const ctx = new Map<string, Context>();
  for (const u of c.units) {
    units.set(u.id, u);
    if (u.kind !== 'county') ctx.set(u.id, emptyContext(u.kind, decidedOn));
  }
  const at = (id: string) => ctx.get(id)!;
  const townOf = (village: string) => units.get(village)!.town!;

  // The assessments, by who gave them.
  const villagesScored: { id: string; score: number }[] = [];
  const unitsScored: { id: string; score: number }[] = [];
  const governanceScored: { id: string; score: number }[] = [];
  let province: CaseAssessment | undefined;
  const cityOfTown = new Map<string, CaseAssessment>();
  const countyOfTown = new Map<string, CaseAssessment>();
  for (const a of c.assessments ?? []) {
    const kind = units.get(a.subject)!.kind;
    const date = a.decided_on ?? decidedOn;
    if (a.by === 'province') province = a;
    else if (a.by === 'city') {
      at(a.subject).city_outcome = a.outcome!;
      at(a.subject).date_city = date;
      if (kind === 'town') cityOfTown.set(a.subject, a);
    } else if ((a.kind ?? 'annual') === 'governance_duty') {
      if (units.get(a.subject)!.governance_duty === true && a.score !== undefined)
        governanceScored.push({ id: a.subject, score: a.score });
    } else {
      at(a.subject).county_outcome = a.outcome!;
      at(a.subject).date_county = date;
      if (kind === 'town') countyOfTown.set(a.subject, a);
      if (a.score !== undefined && kind === 'village') villagesScored.push({ id: a.subject, score: a.score });
      if (a.score !== undefined && kind === 'county_unit')
        unitsScored.push({ id: a.subject, score: a.score });
    }
  }
  rank(villagesScored, ctx, 'rank');
  rank(unitsScored, ctx, 'rank');
  rank(governanceScored, ctx, 'gov_rank');

  if (province) {
    const date = province.decided_on ?? decidedOn;
    for (const x of ctx.values()) {
      x.prov_outcome = province.outcome!;
      x.date_province = date;
    }
    for (const id of province.sampled ?? []) at(id).prov_sampled = true;
    for (const id of province.at_fault ?? []) at(id).prov_at_fault = true;
    for (const id of province.caused_by ?? []) at(id).prov_caused = true;
  }
  for (const a of cityOfTown.values()) for (const v of a.at_fault ?? []) at(v).city_at_fault = true;
  for (const a of countyOfTown.values()) for (const v of a.at_fault ?? []) at(v).county_town_at_fault = true;
  for (const u of c.units)
    if (u.kind === 'village') {
      const v = at(u.id);
      const t = at(u.town!);
      v.town_prov_sampled = t.prov_sampled;
      v.city_outcome = t.city_outcome;
      v.date_city = t.date_city;
      v.county_town_outcome = t.county_outcome;
      v.date_county_town = t.date_county;
    }

  // Categories, acceptances, notices.
  const before = new Map<string, number>();
  for (const r of c.categories ?? []) if (r.fp_year === c.fp_year - 1) before.set(r.unit, r.category);
  for (const r of c.categories ?? [])
    if (r.fp_year === c.fp_year && before.has(r.unit) && r.category < before.get(r.unit)!)
      at(r.unit).category_up = true;
  for (const a of c.acceptances ?? []) {
    const kind = units.get(a.unit)!.kind;
    if (!a.passed) continue;
    if (kind === 'town' && a.kind === 'no_multi_child_birth' && (a.by === 'province' || a.by === 'city'))
      at(a.unit).accepted = true;
    if (kind === 'village' && a.kind === 'no_out_of_policy_birth' && (a.by === 'city' || a.by === 'county'))
      at(a.unit).accepted = true;
  }
  const notices = new Map<string, { issued_on: string; corrected_on?: string; id: string }[]>();
  for (const n of c.warning_notices ?? []) {
    if (n.issued_on < year.start || n.issued_on > year.end) continue;
    const list = notices.get(n.unit) ?? [];
    list.push(n);
    notices.set(n.unit, list);
  }
  for (const [unit, list] of notices) {
    list.sort((a, b) =>
      a.issued_on < b.issued_on ? -1 : a.issued_on > b.issued_on ? 1 : a.id < b.id ? -1 : 1,
    );
    for (let i = 0; i + 1 < list.length; i++)
      if (list[i]!.corrected_on === undefined || list[i]!.corrected_on! >= list[i + 1]!.issued_on)
        at(unit).notices_in_a_row = true;
  }

  // County units and their linked villages (一(五)2).
  const linked = new Map<string, Set<string>>();
  for (const l of c.links ?? [])
    if (l.kind === 'unit_village' && counts(l.from, l.to)) {
      const set = linked.get(l.unit) ?? new Set<string>();
      set.add(l.village);
      linked.set(l.unit, set);
    }
  const passing = (o: string) => PASSING.has(o);
  for (const [unit, villages] of linked) {
    const u = at(unit);
    u.linked_all_passing = villages.size > 0;
    for (const id of villages) {
      const v = at(id);
      if (!passing(v.county_outcome)) u.linked_all_passing = false;
      if (v.prov_sampled) u.linked_prov_sampled = true;
      if (v.prov_at_fault) u.linked_prov_at_fault = true;
      if (v.city_at_fault && WARNING.has(at(townOf(id)).city_outcome)) u.linked_city_warning_at_fault = true;
      if (v.county_outcome === 'criticized_downgraded') u.linked_village_criticized = true;
      if (WARNING.has(v.county_outcome)) u.linked_village_warned = true;
    }
  }

  // The facts: every unit, then every membership of a person.
  const facts: Fact[] = [];
  const fact = (kind: 'unit' | 'person', subject: string, group: Group, role: string, unit: string) => {
    facts.push({ ...at(unit), subject_kind: kind, subject, group, role, for_unit: unit });
  };
  for (const id of ctx.keys()) fact('unit', id, 'unit', '', id);
  const leaders = new Set<string>();
  const TOWN_OFFICIALS = new Set(['party_secretary', 'mayor', 'leader_in_charge', 'fp_office_head']);
  for (const p of c.posts ?? []) {
    if (!counts(p.from, p.to)) continue;
    const kind = units.get(p.unit)!.kind;
    if (kind === 'county') leaders.add(p.person);
    else if (kind === 'town') {
      if (TOWN_OFFICIALS.has(p.role)) fact('person', p.person, 'town_official', p.role, p.unit);
    } else if (kind === 'village') fact('person', p.person, 'village_cadre', p.role, p.unit);
    else fact('person', p.person, 'unit_leader', p.role, p.unit);
  }
  for (const l of c.links ?? []) {
    if (!counts(l.from, l.to)) continue;
    if (l.kind === 'stationed') fact('person', l.person, 'stationed', '', l.village);
    else if (l.kind === 'leader_town' && leaders.has(l.person))
      fact('person', l.person, 'county_leader', '', l.town);
    else if (l.kind === 'leader_village' && leaders.has(l.person))
      fact('person', l.person, 'county_leader', '', l.village);
  }
  for (const i of c.incidents ?? [])
    if (i.occurred_on >= year.start && i.occurred_on <= year.end)
      facts.push({
        ...emptyContext('', decidedOn),
        subject_kind: 'person',
        subject: i.person,
        group: 'incident',
        role: '',
        for_unit: '',
      });
  return facts;
}
