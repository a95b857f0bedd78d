// One pass over a valid case builds the indexes every rule reads: who holds which post where, who
// is stationed at or linked to which village, the assessments by subject. Posts and links are kept
// only if they count for the FP year (I1).

import type {
  CaseAcceptance,
  CaseAssessment,
  CaseIncident,
  CasePerson,
  CaseUnit,
  CaseWarningNotice,
  ZerenCase,
} from '../domain/case.ts';
import { addDays, type FpYear, fpYear, type IsoDate, oneYearUntil, within } from '../domain/dates.ts';
import type { Vocabulary } from '../domain/vocabulary.ts';
import { type Readings, typed } from './readings.ts';

export interface Held {
  person: string;
  role: string;
  from?: IsoDate;
  to?: IsoDate;
}
export interface Stationed {
  person: string;
  from?: IsoDate;
  to?: IsoDate;
}
export interface LinkedLeader {
  person: string;
  place: string;
}

export interface CaseIndex {
  c: ZerenCase;
  year: FpYear;
  decidedOn: IsoDate;
  /** The readings in force, typed where the engine reads them (readings.ts). */
  interp: Readings;
  /** The same readings by id, for the rules' own `interpretation` tests. */
  readings: Readonly<Record<string, string>>;
  /** Parameter values in force (amounts in fen). */
  params: Map<string, number | string>;
  /** The pack's words and their labels. */
  words: Vocabulary;
  units: Map<string, CaseUnit>;
  people: Map<string, CasePerson>;
  postsAt: Map<string, Held[]>;
  stationedAt: Map<string, Stationed[]>;
  unitsLinkedTo: Map<string, string[]>;
  villagesLinkedTo: Map<string, string[]>;
  leadersLinkedTo: Map<string, LinkedLeader[]>;
  villagesOf: Map<string, string[]>;
  assessments: CaseAssessment[];
  /** The assessments by assessor, kind and kind of subject (`assessmentKey`), each in case order. */
  assessmentsBy: Map<string, CaseAssessment[]>;
  countyAnnual: Map<string, CaseAssessment>;
  governanceDuty: Map<string, CaseAssessment>;
  /** Categories by FP year: year → unit → category. */
  categories: Map<number, Map<string, number>>;
  acceptances: CaseAcceptance[];
  noticesOf: Map<string, CaseWarningNotice[]>;
  incidents: CaseIncident[];
  /** Per-evaluation memo for explanation facts. */
  memo: Map<object, string>;
  /** Per-evaluation memo of the last day of one-year freezes, by their first day. */
  untils: Map<IsoDate, IsoDate>;
}

/** The key of `CaseIndex.assessmentsBy`: `county|annual|village`. */
export function assessmentKey(by: string, kind: string, subjectKind: string): string {
  return `${by}|${kind}|${subjectKind}`;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * I1: whether a post or link held from `from` to `to` counts for the FP year: it overlaps the year
 * (any-time), or covers its last day (year-end).
 */
export function countsInYear(interp: Readings, year: FpYear) {
  const first = interp.I1 === 'year-end' ? year.end : year.start;
  return (from: string | null | undefined, to: string | null | undefined): boolean =>
    (from ?? year.end) <= year.end && (to ?? first) >= first;
}

export function indexCase(
  c: ZerenCase,
  readings: Readonly<Record<string, string>>,
  params: Map<string, number | string>,
  words: Vocabulary,
): CaseIndex {
  const year = fpYear(c.fp_year);
  const interp = typed(readings);
  // I1: a period counts when it overlaps the FP year, or (year-end) when it covers its last day:
  // either way, when it starts by `last` and ends on or after `first`.
  const first = interp.I1 === 'year-end' ? year.end : year.start;
  const last = year.end;

  const units = new Map<string, CaseUnit>();
  const villagesOf = new Map<string, string[]>();
  for (const u of c.units) {
    units.set(u.id, u);
    if (u.kind === 'village' && u.town) push(villagesOf, u.town, u.id);
  }
  const people = new Map<string, CasePerson>();
  for (const p of c.people ?? []) people.set(p.id, p);

  const postsAt = new Map<string, Held[]>();
  const countyLeaders = new Set<string>();
  for (const p of c.posts ?? []) {
    if ((p.from !== undefined && p.from > last) || (p.to !== undefined && p.to < first)) continue;
    push(postsAt, p.unit, p);
    if (p.role === 'leader' && units.get(p.unit)?.kind === 'county') countyLeaders.add(p.person);
  }

  const stationedAt = new Map<string, Stationed[]>();
  const unitsLinkedTo = new Map<string, string[]>();
  const villagesLinkedTo = new Map<string, string[]>();
  const leadersLinkedTo = new Map<string, LinkedLeader[]>();
  for (const l of c.links ?? []) {
    if ((l.from !== undefined && l.from > last) || (l.to !== undefined && l.to < first)) continue;
    if (l.kind === 'stationed') push(stationedAt, l.village, l);
    else if (l.kind === 'unit_village') {
      if (!unitsLinkedTo.get(l.village)?.includes(l.unit)) push(unitsLinkedTo, l.village, l.unit);
      if (!villagesLinkedTo.get(l.unit)?.includes(l.village)) push(villagesLinkedTo, l.unit, l.village);
    } else if (countyLeaders.has(l.person)) {
      const place = l.kind === 'leader_town' ? l.town : l.village;
      push(leadersLinkedTo, place, { person: l.person, place });
    }
  }

  const assessments = c.assessments ?? [];
  const assessmentsBy = new Map<string, CaseAssessment[]>();
  const countyAnnual = new Map<string, CaseAssessment>();
  const governanceDuty = new Map<string, CaseAssessment>();
  for (const a of assessments) {
    const kind = a.kind ?? 'annual';
    push(assessmentsBy, assessmentKey(a.by, kind, units.get(a.subject)!.kind), a);
    if (a.by !== 'county') continue;
    if (kind === 'annual') countyAnnual.set(a.subject, a);
    else governanceDuty.set(a.subject, a);
  }

  const categories = new Map<number, Map<string, number>>();
  for (const r of c.categories ?? []) {
    const ofYear = categories.get(r.fp_year);
    if (ofYear) ofYear.set(r.unit, r.category);
    else categories.set(r.fp_year, new Map([[r.unit, r.category]]));
  }

  const noticesOf = new Map<string, CaseWarningNotice[]>();
  for (const n of c.warning_notices ?? []) if (within(n.issued_on, year)) push(noticesOf, n.unit, n);

  return {
    c,
    words,
    year,
    decidedOn: c.decided_on ?? addDays(year.end, 1),
    interp,
    readings,
    params,
    units,
    people,
    postsAt,
    stationedAt,
    unitsLinkedTo,
    villagesLinkedTo,
    leadersLinkedTo,
    villagesOf,
    assessments,
    assessmentsBy,
    countyAnnual,
    governanceDuty,
    categories,
    acceptances: c.acceptances ?? [],
    noticesOf,
    incidents: (c.incidents ?? []).filter((i) => within(i.occurred_on, year)),
    memo: new Map(),
    untils: new Map(),
  };
}

/** The last day of a one-year freeze from `from` (memoised: a case has few decision dates). */
export function freezeUntil(ix: CaseIndex, from: IsoDate): IsoDate {
  let until = ix.untils.get(from);
  if (until === undefined) {
    until = oneYearUntil(from);
    ix.untils.set(from, until);
  }
  return until;
}

export function unitName(ix: CaseIndex, id: string): string {
  return ix.units.get(id)?.name ?? id;
}

export function personName(ix: CaseIndex, id: string): string {
  return ix.people.get(id)?.name ?? id;
}
