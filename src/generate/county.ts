// One synthetic county year (zeren-case/1): towns and villages, county bureaus, the people in their
// posts (some changing hands during the year), who is stationed at or linked to which village, and
// then the year's events (events.ts). Shapes follow the policy: a town's leadership members each
// 包片 a run of villages, the secretary and mayor keep one village each (一(二)1), town cadres are
// stationed at villages, county units are linked to a few villages (一(五)2), county leaders to
// towns and villages (一(一)).

import type { CaseLink, CasePerson, CasePost, CaseUnit, ZerenCase } from '../domain/case.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { StaffType } from '../domain/vocabulary.ts';
import { type Days, daysOf } from './days.ts';
import { addEvents } from './events.ts';
import { BUREAUS, personName, placeName } from './names.ts';
import { Random } from './prng.ts';
import type { CountyShape, Holder, Town } from './shape.ts';

export interface GenerateOptions {
  /** Default 2009. */
  fpYear?: number;
  /** Towns per county, inclusive range. Default [10, 25]. */
  towns?: [number, number];
  /** Villages per town. Default [8, 20]. */
  villagesPerTown?: [number, number];
  /** County units (县直单位). Default [20, 60]. */
  countyUnits?: [number, number];
}

/** What is being built, and the handles events.ts needs (its CountyShape). */
export class CountyBuilder implements CountyShape {
  readonly r: Random;
  readonly days: Days;
  readonly id: string;
  readonly units: CaseUnit[] = [];
  readonly people: CasePerson[] = [];
  readonly posts: CasePost[] = [];
  readonly links: CaseLink[] = [];
  readonly towns: Town[] = [];
  readonly countyUnits: CaseUnit[] = [];
  /** People who hold a post in a town or county unit: who an incident may name. */
  readonly officials: string[] = [];
  private personCount = 0;

  constructor(
    seed: string | number,
    index: number,
    readonly year: number,
  ) {
    this.r = new Random(seed, index);
    this.days = daysOf(year);
    this.id = `C${String(index + 1).padStart(4, '0')}`;
  }

  person(staff?: StaffType): string {
    const id = `${this.id}-P${String(++this.personCount).padStart(5, '0')}`;
    this.people.push(
      staff ? { id, name: personName(this.r), staff_type: staff } : { id, name: personName(this.r) },
    );
    return id;
  }

  /**
   * Fills one post. Usually one person holds it all year; now and then it changed hands during the
   * year (both holders count, I1), or an earlier holder left before the year (who does not count).
   */
  fill(unit: string, role: string, change: number, staff?: () => StaffType | undefined): Holder[] {
    const { r, days } = this;
    const began = -r.int(30, 3500);
    if (r.chance(0.15)) {
      const before = this.person(staff?.());
      this.posts.push({
        person: before,
        unit,
        role,
        from: days.at(began - r.int(400, 2000)),
        to: days.at(began - 1),
      });
    }
    const first = this.person(staff?.());
    if (!r.chance(change)) {
      this.posts.push({ person: first, unit, role, from: days.at(began) });
      return [{ person: first, from: days.at(began) }];
    }
    const handover = r.int(15, days.last - 15);
    const next = this.person(staff?.());
    const a: Holder = { person: first, from: days.at(began), to: days.at(handover) };
    const b: Holder = { person: next, from: days.at(handover + 1) };
    this.posts.push({ person: first, unit, role, from: a.from, to: a.to });
    this.posts.push({ person: next, unit, role, from: b.from });
    return [a, b];
  }

  /** Stationed links that follow the post: whoever held it when. */
  station(holders: Holder[], village: string): void {
    for (const h of holders) this.links.push({ kind: 'stationed', person: h.person, village, ...dated(h) });
  }
}

/** `from` and `to` only when set: a case carries no empty fields. */
export function dated(h: { from?: IsoDate; to?: IsoDate }): { from?: IsoDate; to?: IsoDate } {
  if (h.from && h.to) return { from: h.from, to: h.to };
  if (h.from) return { from: h.from };
  return h.to ? { to: h.to } : {};
}

/** The holders' periods cut to [lo, hi]; a holder with nothing left is dropped. */
function clip(holders: Holder[], lo: IsoDate | undefined, hi: IsoDate | undefined): Holder[] {
  const out: Holder[] = [];
  for (const h of holders) {
    const from = lo && (!h.from || h.from < lo) ? lo : h.from;
    const to = hi && (!h.to || h.to > hi) ? hi : h.to;
    if (!from || !to || from <= to) out.push({ person: h.person, ...dated({ from, to }) });
  }
  return out;
}

const institution = (p: number, r: Random) => () => (r.chance(p) ? ('institution' as const) : undefined);

function buildTown(b: CountyBuilder, t: number, villagesPerTown: [number, number]): void {
  const { r } = b;
  const id = `${b.id}-T${String(t + 1).padStart(2, '0')}`;
  const unit: CaseUnit = { id, kind: 'town', name: placeName(r) + (r.chance(0.08) ? '场' : '镇') };
  b.units.push(unit);
  const villages: CaseUnit[] = [];
  const nv = r.int(...villagesPerTown);
  for (let v = 0; v < nv; v++) {
    const kind = r.weighted({ 村: 85, 社区: 12, 工区: 3 });
    const village: CaseUnit = {
      id: `${id}-V${String(v + 1).padStart(2, '0')}`,
      kind: 'village',
      name: placeName(r) + kind,
      town: id,
    };
    villages.push(village);
    b.units.push(village);
  }
  b.towns.push({ unit, villages });

  const officials = (role: string, change: number, staff?: () => StaffType | undefined) => {
    const held = b.fill(id, role, change, staff);
    for (const h of held) b.officials.push(h.person);
    return held;
  };
  const secretary = officials('party_secretary', 0.1);
  const mayor = officials('mayor', 0.12);
  const inCharge = Array.from({ length: r.int(1, 2) }, () => officials('leader_in_charge', 0.1));
  officials('fp_office_head', 0.1);
  const members = Array.from({ length: r.int(3, 7) }, () => officials('leadership_member', 0.08));
  const cadres = Array.from({ length: r.int(8, 20) }, () => officials('cadre', 0.06));
  const fpCadres = Array.from({ length: r.int(2, 5) }, () =>
    officials('fp_cadre', 0.06, institution(0.5, r)),
  );

  // 包片: the leadership (members and those in charge) split the villages into runs.
  const pian = [...members, ...inCharge];
  villages.forEach((v, i) => {
    b.station(pian[Math.floor((i * pian.length) / villages.length)]!, v.id);
  });
  // 一(二)1: the secretary and the mayor each keep a village.
  b.station(secretary, r.pick(villages).id);
  b.station(mayor, r.pick(villages).id);
  // Town cadres (计生干部 among them) stationed at villages; now and then one hands over mid-year.
  const pool = [...cadres, ...fpCadres];
  for (const v of villages) {
    for (const holders of r.sample(pool, r.int(1, 2))) {
      if (!r.chance(0.06)) {
        b.station(holders, v.id);
        continue;
      }
      const handover = r.int(15, b.days.last - 15);
      b.station(clip(holders, undefined, b.days.at(handover)), v.id);
      b.station(clip(r.pick(pool), b.days.at(handover + 1), undefined), v.id);
    }
  }

  // Village posts: 党支部书记、村(居)委会主任 (sometimes one person, 一肩挑), 两委委员, 计生专干.
  for (const v of villages) {
    const secretaryHolders = b.fill(v.id, 'branch_secretary', 0.06);
    if (r.chance(0.15)) {
      const h = secretaryHolders[secretaryHolders.length - 1]!;
      b.posts.push({ person: h.person, unit: v.id, role: 'committee_director', from: h.from });
    } else b.fill(v.id, 'committee_director', 0.06);
    for (let k = r.int(1, 4); k > 0; k--) b.fill(v.id, 'committee_member', 0.05);
    b.fill(v.id, 'fp_supervisor', 0.05, institution(0.6, r));
  }
}

function buildCountyUnits(b: CountyBuilder, range: [number, number]): void {
  const { r } = b;
  const villages = b.towns.flatMap((t) => t.villages);
  const bureaus = r.sample(BUREAUS, r.int(...range));
  bureaus.forEach((name, i) => {
    const unit: CaseUnit = {
      id: `${b.id}-U${String(i + 1).padStart(2, '0')}`,
      kind: 'county_unit',
      name: `县${name}`,
    };
    if (r.chance(0.4)) unit.governance_duty = true;
    b.units.push(unit);
    b.countyUnits.push(unit);
    const staff = institution(0.3, r);
    for (const role of [
      'head',
      'leader_in_charge',
      ...(r.chance(0.4) ? ['fp_staff', 'fp_staff'] : ['fp_staff']),
    ])
      for (const h of b.fill(unit.id, role, 0.08, staff)) b.officials.push(h.person);
    // 一(五)2: each unit supports a few villages; a link now and then starts during the year.
    for (const v of r.sample(villages, r.int(1, 3))) {
      const link: CaseLink = { kind: 'unit_village', unit: unit.id, village: v.id };
      if (r.chance(0.05)) link.from = b.days.at(r.int(15, b.days.last - 15));
      b.links.push(link);
    }
  });
}

function buildCountyLeaders(b: CountyBuilder): void {
  const { r } = b;
  const villages = b.towns.flatMap((t) => t.villages);
  for (let k = r.int(8, 12); k > 0; k--) {
    for (const h of b.fill(b.id, 'leader', 0.08)) {
      for (const t of r.sample(b.towns, r.int(1, 2)))
        b.links.push({ kind: 'leader_town', person: h.person, town: t.unit.id, ...dated(h) });
      for (const v of r.sample(villages, r.int(1, 2)))
        b.links.push({ kind: 'leader_village', person: h.person, village: v.id, ...dated(h) });
    }
  }
}

/** The county at `index` (0-based) of the run with `seed`: always the same case for the same three. */
export function generateCounty(
  seed: string | number,
  index: number,
  options: GenerateOptions = {},
): ZerenCase {
  const year = options.fpYear ?? 2009;
  const b = new CountyBuilder(seed, index, year);
  b.units.push({ id: b.id, kind: 'county', name: `${placeName(b.r)}县` });
  const towns = b.r.int(...(options.towns ?? [10, 25]));
  for (let t = 0; t < towns; t++) buildTown(b, t, options.villagesPerTown ?? [8, 20]);
  buildCountyUnits(b, options.countyUnits ?? [20, 60]);
  buildCountyLeaders(b);
  const events = addEvents(b);
  return {
    format: 'zeren-case/1',
    policy: 'county-fp-2009',
    fp_year: year,
    decided_on: events.decidedOn,
    units: b.units,
    people: b.people,
    posts: b.posts,
    links: b.links,
    categories: events.categories,
    assessments: events.assessments,
    acceptances: events.acceptances,
    warning_notices: events.notices,
    incidents: events.incidents,
  };
}
