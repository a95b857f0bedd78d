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
import { addDays, covers, type FpYear, fpYear, type IsoDate, overlaps, within } from '../domain/dates.ts';

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
  interp: Record<string, string>;
  /** Parameter values in force (amounts in fen). */
  params: Map<string, number | string>;
  units: Map<string, CaseUnit>;
  people: Map<string, CasePerson>;
  postsAt: Map<string, Held[]>;
  stationedAt: Map<string, Stationed[]>;
  unitsLinkedTo: Map<string, string[]>;
  villagesLinkedTo: Map<string, string[]>;
  leadersLinkedTo: Map<string, LinkedLeader[]>;
  villagesOf: Map<string, string[]>;
  assessments: CaseAssessment[];
  countyAnnual: Map<string, CaseAssessment>;
  governanceDuty: Map<string, CaseAssessment>;
  categories: Map<string, number>;
  acceptances: CaseAcceptance[];
  noticesOf: Map<string, CaseWarningNotice[]>;
  incidents: CaseIncident[];
  /** Per-evaluation memo for explanation facts. */
  memo: Map<object, string>;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export function indexCase(
  c: ZerenCase,
  interp: Record<string, string>,
  params: Map<string, number | string>,
): CaseIndex {
  const year = fpYear(c.fp_year);
  const counts =
    interp.I1 === 'year-end'
      ? (from?: IsoDate, to?: IsoDate) => covers(from, to, year.end)
      : (from?: IsoDate, to?: IsoDate) => overlaps(from, to, year);

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
    if (!counts(p.from, p.to)) continue;
    push(postsAt, p.unit, { person: p.person, role: p.role, from: p.from, to: p.to });
    if (p.role === 'leader' && units.get(p.unit)?.kind === 'county') countyLeaders.add(p.person);
  }

  const stationedAt = new Map<string, Stationed[]>();
  const unitsLinkedTo = new Map<string, string[]>();
  const villagesLinkedTo = new Map<string, string[]>();
  const leadersLinkedTo = new Map<string, LinkedLeader[]>();
  for (const l of c.links ?? []) {
    if (!counts(l.from, l.to)) continue;
    if (l.kind === 'stationed') push(stationedAt, l.village, { person: l.person, from: l.from, to: l.to });
    else if (l.kind === 'unit_village') {
      if (!unitsLinkedTo.get(l.village)?.includes(l.unit)) push(unitsLinkedTo, l.village, l.unit);
      if (!villagesLinkedTo.get(l.unit)?.includes(l.village)) push(villagesLinkedTo, l.unit, l.village);
    } else if (countyLeaders.has(l.person)) {
      const place = l.kind === 'leader_town' ? l.town : l.village;
      push(leadersLinkedTo, place, { person: l.person, place });
    }
  }

  const assessments = c.assessments ?? [];
  const countyAnnual = new Map<string, CaseAssessment>();
  const governanceDuty = new Map<string, CaseAssessment>();
  for (const a of assessments) {
    if (a.by !== 'county') continue;
    if ((a.kind ?? 'annual') === 'annual') countyAnnual.set(a.subject, a);
    else governanceDuty.set(a.subject, a);
  }

  const categories = new Map<string, number>();
  for (const r of c.categories ?? []) categories.set(`${r.unit}|${r.fp_year}`, r.category);

  const noticesOf = new Map<string, CaseWarningNotice[]>();
  for (const n of c.warning_notices ?? []) if (within(n.issued_on, year)) push(noticesOf, n.unit, n);

  return {
    c,
    year,
    decidedOn: c.decided_on ?? addDays(year.end, 1),
    interp,
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
    countyAnnual,
    governanceDuty,
    categories,
    acceptances: c.acceptances ?? [],
    noticesOf,
    incidents: (c.incidents ?? []).filter((i) => within(i.occurred_on, year)),
    memo: new Map(),
  };
}

export function unitName(ix: CaseIndex, id: string): string {
  return ix.units.get(id)?.name ?? id;
}

export function personName(ix: CaseIndex, id: string): string {
  return ix.people.get(id)?.name ?? id;
}
