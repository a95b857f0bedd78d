// The kinds of fact the office keeps, each described once: its table, how a row reads in the API
// (the zeren-case/1 fields plus id and history), how it reads in a case, which column carries its
// jurisdiction, its list filters and what "close" means for it.

import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { fpYearOf } from '../domain/dates.ts';
import type { Noun } from './errors.ts';
import type { FactApi } from './fact-api.ts';
import type { Row } from './schema.ts';
import type { Scope } from './scope.ts';

export type FactName =
  | 'units'
  | 'people'
  | 'posts'
  | 'links'
  | 'categories'
  | 'assessments'
  | 'acceptances'
  | 'warning_notices'
  | 'incidents';

/** A fact's fields by their API names, loosely: an input, a patch, a case's fact. */
export type FactFields = Record<string, unknown>;
/** A stored fact as the API answers it: its fields, its id and its history (fact-api.ts). */
export type StoredFact<K extends FactName = FactName> = FactApi[K];
export type { FactApi };

type Qb = SelectQueryBuilder<any, any, any>;

export interface FactKind<K extends FactName = FactName> {
  name: K;
  zh: Noun;
  /** The client names the id (units, people, notices: the ids of the case); otherwise generated. */
  natural: boolean;
  /** close: sets an end date (closed_on / to_date), or retracts the row (withdrawn, kept). */
  close: 'closed_on' | 'to_date' | 'retract';
  /** The row as the API answers it (its schema: fact-api.ts); each kind's reads its own typed row. */
  toApi(row: any): FactApi[K];
  toRow(a: FactFields): Record<string, unknown>;
  /** The fact as the case format writes it (no id unless the case has one). */
  toCase(a: FactFields): Record<string, unknown>;
  /** The columns `toCase(toApi(row))` reads: what a year's case selects (fact-kinds.test.ts checks it). */
  caseColumns: readonly string[];
  /** The FP year a fact belongs to, where it has one. */
  fpYear?: (a: FactFields) => number;
  /** Restricts a query to the scope's units (the county is filtered by the caller). */
  scope(qb: Qb, units: readonly string[]): Qb;
  filters: Record<string, (qb: Qb, v: string) => Qb>;
}

const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);
/** A kept fact's history, as its row holds it and its API form answers it. */
interface History {
  created_at: string;
  updated_at: string;
  retracted_at: string | null;
  retract_reason: string | null;
}
/** Sets a fact's history on its API form (assigned, like the optional fields: see below). */
function kept<T extends object>(o: T, r: History): T & History {
  const h = o as T & History;
  h.created_at = r.created_at;
  h.updated_at = r.updated_at;
  h.retracted_at = r.retracted_at;
  h.retract_reason = r.retract_reason;
  return h;
}
// The readers (toApi, toCase) set their optional fields one by one rather than spreading
// `...(x && { … })`: a year's case reads thousands of rows through them, and spreads cost a
// hundred times as much.
const dated = (a: FactFields) => ({ from_date: a.from ?? null, to_date: a.to ?? null });
/** A link's case fields after its kind, in the API's order. */
const LINK_CASE_FIELDS = ['person', 'unit', 'village', 'town', 'from', 'to'] as const;
const eq = (col: string) => (qb: Qb, v: string) => qb.where(col, '=', v);
const year = (qb: Qb, v: string) => qb.where('fp_year', '=', Number(v));
/** Overlaps the inclusive range [from, to] of `active_on`. */
const activeOn = (qb: Qb, v: string) =>
  qb.where((eb: ExpressionBuilder<any, any>) =>
    eb.and([
      eb.or([eb('from_date', 'is', null), eb('from_date', '<=', v)]),
      eb.or([eb('to_date', 'is', null), eb('to_date', '>=', v)]),
    ]),
  );
/** Matches no row: the scope of a user bound to no unit, or a kind a scoped user may not see. */
const nothing = (qb: Qb) => qb.where(sql<boolean>`1 = 0`);
const inUnits = (col: string) => (qb: Qb, units: readonly string[]) =>
  units.length ? qb.where(col, 'in', units) : nothing(qb);

export const FACTS: { [K in FactName]: FactKind<K> } = {
  units: {
    name: 'units',
    zh: '单位',
    natural: true,
    close: 'closed_on',
    toApi: (r: Row<'units'>) => {
      const o: FactApi['units'] = {
        id: r.id,
        kind: r.kind,
        name: r.name,
        created_at: r.created_at,
        updated_at: r.updated_at,
      };
      if (r.town_id) o.town = r.town_id;
      if (r.kind === 'county_unit') o.governance_duty = r.governance_duty === 1;
      if (r.closed_on) o.closed_on = r.closed_on;
      return o;
    },
    toRow: (a) => ({
      id: a.id,
      kind: a.kind,
      name: a.name,
      town_id: a.town ?? null,
      governance_duty: a.governance_duty ? 1 : 0,
    }),
    toCase: (a) => {
      const o: FactFields = { id: a.id, kind: a.kind, name: a.name };
      if (a.town !== undefined) o.town = a.town;
      if (a.governance_duty === true) o.governance_duty = true;
      return o;
    },
    caseColumns: ['id', 'kind', 'name', 'town_id', 'governance_duty'],
    scope: inUnits('id'),
    filters: { kind: eq('kind'), town: eq('town_id') },
  },
  people: {
    name: 'people',
    zh: '人员',
    natural: true,
    close: 'retract',
    toApi: (r: Row<'people'>) => {
      const o: FactApi['people'] = kept(
        {
          id: r.id,
          name: r.name,
        },
        r,
      );
      if (r.staff_type) o.staff_type = r.staff_type;
      return o;
    },
    toRow: (a) => ({ id: a.id, name: a.name, staff_type: a.staff_type ?? null }),
    toCase: (a) => {
      const o: FactFields = { id: a.id, name: a.name };
      if (a.staff_type !== undefined) o.staff_type = a.staff_type;
      return o;
    },
    // A person is seen where he or she holds (or held) a post or a link.
    caseColumns: ['id', 'name', 'staff_type'],
    scope: (qb, list) => {
      if (list.length === 0) return nothing(qb);
      return qb.where((eb: ExpressionBuilder<any, any>) =>
        eb.or([
          eb(
            'id',
            'in',
            eb
              .selectFrom('posts as sp')
              .select('sp.person_id')
              .whereRef('sp.county_id', '=', 'people.county_id')
              .where('sp.unit_id', 'in', list),
          ),
          eb(
            'id',
            'in',
            eb
              .selectFrom('links as sl')
              .select('sl.person_id')
              .whereRef('sl.county_id', '=', 'people.county_id')
              .where((e: ExpressionBuilder<any, any>) =>
                e.or([e('sl.village_id', 'in', list), e('sl.town_id', 'in', list)]),
              ),
          ),
        ]),
      );
    },
    filters: { name: (qb, v) => qb.where('name', 'like', `%${v}%`) },
  },
  posts: {
    name: 'posts',
    zh: '职务',
    natural: false,
    close: 'to_date',
    toApi: (r: Row<'posts'>) => {
      const o: FactApi['posts'] = kept(
        {
          id: r.id,
          person: r.person_id,
          unit: r.unit_id,
          role: r.role,
        },
        r,
      );
      if (r.from_date) o.from = r.from_date;
      if (r.to_date) o.to = r.to_date;
      return o;
    },
    toRow: (a) => ({ person_id: a.person, unit_id: a.unit, role: a.role, ...dated(a) }),
    toCase: (a) => {
      const o: FactFields = { person: a.person, unit: a.unit, role: a.role };
      if (a.from !== undefined) o.from = a.from;
      if (a.to !== undefined) o.to = a.to;
      return o;
    },
    caseColumns: ['person_id', 'unit_id', 'role', 'from_date', 'to_date'],
    scope: inUnits('unit_id'),
    filters: { unit: eq('unit_id'), person: eq('person_id'), role: eq('role'), active_on: activeOn },
  },
  links: {
    name: 'links',
    zh: '挂钩关系',
    natural: false,
    close: 'to_date',
    toApi: (r: Row<'links'>) => {
      const o: FactApi['links'] = kept(
        {
          id: r.id,
          kind: r.kind,
        },
        r,
      );
      if (r.person_id) o.person = r.person_id;
      if (r.unit_id) o.unit = r.unit_id;
      if (r.village_id) o.village = r.village_id;
      if (r.town_id) o.town = r.town_id;
      if (r.from_date) o.from = r.from_date;
      if (r.to_date) o.to = r.to_date;
      return o;
    },
    toRow: (a) => ({
      kind: a.kind,
      person_id: a.person ?? null,
      unit_id: a.unit ?? null,
      village_id: a.village ?? null,
      town_id: a.town ?? null,
      ...dated(a),
    }),
    toCase: (a) => {
      const o: FactFields = { kind: a.kind };
      for (const k of LINK_CASE_FIELDS) if (a[k] !== undefined) o[k] = a[k];
      return o;
    },
    caseColumns: ['kind', 'person_id', 'unit_id', 'village_id', 'town_id', 'from_date', 'to_date'],
    scope: (qb, list) => {
      if (list.length === 0) return nothing(qb);
      return qb.where((eb: ExpressionBuilder<any, any>) =>
        eb.or([eb('village_id', 'in', list), eb('town_id', 'in', list), eb('unit_id', 'in', list)]),
      );
    },
    filters: {
      kind: eq('kind'),
      person: eq('person_id'),
      village: eq('village_id'),
      unit: eq('unit_id'),
      town: eq('town_id'),
      active_on: activeOn,
    },
  },
  categories: {
    name: 'categories',
    zh: '类别',
    natural: false,
    close: 'retract',
    toApi: (r: Row<'categories'>): FactApi['categories'] =>
      kept(
        {
          id: r.id,
          unit: r.unit_id,
          fp_year: r.fp_year,
          category: r.category,
        },
        r,
      ),
    toRow: (a) => ({ unit_id: a.unit, fp_year: a.fp_year, category: a.category }),
    toCase: (a) => ({ unit: a.unit, fp_year: a.fp_year, category: a.category }),
    caseColumns: ['unit_id', 'fp_year', 'category'],
    scope: inUnits('unit_id'),
    filters: { unit: eq('unit_id'), fp_year: year },
  },
  assessments: {
    name: 'assessments',
    zh: '考核结果',
    natural: false,
    close: 'retract',
    toApi: (r: Row<'assessments'>) => {
      const o: FactApi['assessments'] = kept(
        {
          id: r.id,
          fp_year: r.fp_year,
          by: r.by,
          subject: r.subject_id,
          kind: r.kind,
          sampled: JSON.parse(r.sampled),
          at_fault: JSON.parse(r.at_fault),
          caused_by: JSON.parse(r.caused_by),
          position: r.position,
        },
        r,
      );
      if (r.outcome) o.outcome = r.outcome;
      if (r.score !== null) o.score = Number(r.score);
      if (r.decided_on) o.decided_on = r.decided_on;
      return o;
    },
    toRow: (a) => ({
      fp_year: a.fp_year,
      by: a.by,
      subject_id: a.subject,
      kind: a.kind ?? 'annual',
      outcome: a.outcome ?? null,
      score: a.score ?? null,
      sampled: JSON.stringify(a.sampled ?? []),
      at_fault: JSON.stringify(a.at_fault ?? []),
      caused_by: JSON.stringify(a.caused_by ?? []),
      decided_on: a.decided_on ?? null,
    }),
    toCase: (a) => {
      const out: FactFields = { by: a.by, subject: a.subject };
      if (a.kind !== undefined && a.kind !== 'annual') out.kind = a.kind;
      for (const k of ['outcome', 'score'] as const) if (a[k] !== undefined) out[k] = a[k];
      for (const k of ['sampled', 'at_fault', 'caused_by'] as const)
        if (Array.isArray(a[k]) && (a[k] as unknown[]).length) out[k] = a[k];
      if (a.decided_on !== undefined) out.decided_on = a.decided_on;
      return out;
    },
    fpYear: (a) => a.fp_year as number,
    caseColumns: [
      'by',
      'subject_id',
      'kind',
      'outcome',
      'score',
      'sampled',
      'at_fault',
      'caused_by',
      'decided_on',
    ],
    scope: inUnits('subject_id'),
    filters: {
      fp_year: year,
      by: eq('by'),
      subject: eq('subject_id'),
      kind: eq('kind'),
      outcome: eq('outcome'),
    },
  },
  acceptances: {
    name: 'acceptances',
    zh: '考核验收',
    natural: false,
    close: 'retract',
    toApi: (r: Row<'acceptances'>): FactApi['acceptances'] =>
      kept(
        {
          id: r.id,
          fp_year: r.fp_year,
          unit: r.unit_id,
          kind: r.kind,
          by: r.by,
          passed: r.passed === 1,
        },
        r,
      ),
    toRow: (a) => ({ fp_year: a.fp_year, unit_id: a.unit, kind: a.kind, by: a.by, passed: a.passed ? 1 : 0 }),
    toCase: (a) => ({ unit: a.unit, kind: a.kind, by: a.by, passed: a.passed }),
    fpYear: (a) => a.fp_year as number,
    caseColumns: ['unit_id', 'kind', 'by', 'passed'],
    scope: inUnits('unit_id'),
    filters: { fp_year: year, unit: eq('unit_id'), kind: eq('kind') },
  },
  warning_notices: {
    name: 'warning_notices',
    zh: '警示通知书',
    natural: true,
    close: 'retract',
    toApi: (r: Row<'warning_notices'>) => {
      const o: FactApi['warning_notices'] = kept(
        {
          id: r.id,
          // The notice's id in the year's case: ids are unique within a case, so a county can hold a
          // `w1` of 2009 and another of 2010 (the second stored under another id).
          case_id: r.case_id ?? r.id,
          unit: r.unit_id,
          issued_on: r.issued_on,
          matter: r.matter,
        },
        r,
      );
      if (r.deadline) o.deadline = r.deadline;
      if (r.correction_reported_on) o.correction_reported_on = r.correction_reported_on;
      if (r.correction_note) o.correction_note = r.correction_note;
      if (r.corrected_on) o.corrected_on = r.corrected_on;
      if (r.verified_by) o.verified_by = r.verified_by;
      return o;
    },
    toRow: (a) => ({
      id: a.id,
      case_id: a.case_id ?? a.id,
      fp_year: typeof a.issued_on === 'string' ? fpYearOf(a.issued_on) : null,
      unit_id: a.unit,
      issued_on: a.issued_on,
      matter: a.matter,
      deadline: a.deadline ?? null,
      corrected_on: a.corrected_on ?? null,
    }),
    toCase: (a) => {
      const o: FactFields = { id: a.case_id ?? a.id, unit: a.unit, issued_on: a.issued_on, matter: a.matter };
      if (a.corrected_on !== undefined) o.corrected_on = a.corrected_on;
      return o;
    },
    caseColumns: ['id', 'case_id', 'unit_id', 'issued_on', 'matter', 'corrected_on'],
    scope: inUnits('unit_id'),
    filters: {
      unit: eq('unit_id'),
      issued_from: (qb, v) => qb.where('issued_on', '>=', v),
      issued_to: (qb, v) => qb.where('issued_on', '<=', v),
    },
  },
  incidents: {
    name: 'incidents',
    zh: '事件',
    natural: false,
    close: 'retract',
    toApi: (r: Row<'incidents'>): FactApi['incidents'] =>
      kept(
        {
          id: r.id,
          kind: r.kind,
          person: r.person_id,
          occurred_on: r.occurred_on,
        },
        r,
      ),
    toRow: (a) => ({ kind: a.kind, person_id: a.person, occurred_on: a.occurred_on }),
    toCase: (a) => ({ kind: a.kind, person: a.person, occurred_on: a.occurred_on }),
    // An incident concerns one person's conduct: county-wide roles only.
    caseColumns: ['kind', 'person_id', 'occurred_on'],
    scope: nothing,
    filters: {
      person: eq('person_id'),
      occurred_from: (qb, v) => qb.where('occurred_on', '>=', v),
      occurred_to: (qb, v) => qb.where('occurred_on', '<=', v),
    },
  },
};

export function scoped(qb: Qb, kind: FactKind, scope: Scope): Qb {
  return scope.units === null ? qb : kind.scope(qb, scope.units);
}

export { opt };
