// What a county's FP year holds: the live facts that fall within the year as the rules read it
// (posts and links overlapping it, last year's and this year's categories, the year's
// assessments and acceptances, notices and incidents dated in it), and the facts its imported
// case holds outside those dates (`county_years.held`: a notice of the previous year that an
// escalation reads, a post that ended before the year). The export of a year is this view.

import type { Expression, Kysely, SqlBool } from 'kysely';
import type { YEAR_COLLECTIONS } from '../domain/case.ts';
import { fpYear, overlaps, within } from '../domain/dates.ts';
import type { FactFields } from './fact-kinds.ts';
import type { Db, Tx } from './schema.ts';

export type YearCollection = (typeof YEAR_COLLECTIONS)[number];
/** Per collection, the ids of the rows the year holds outside its dates. */
export type Held = Partial<Record<YearCollection, string[]>>;

const any = (db: Db | Tx) => db as unknown as Kysely<any>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Whether a fact, in its API form, falls within the FP year as the rules read it. */
export function inYear(name: YearCollection, a: FactFields, year: number): boolean {
  const y = fpYear(year);
  switch (name) {
    case 'posts':
    case 'links':
      return overlaps(str(a.from), str(a.to), y);
    case 'categories':
      return a.fp_year === year || a.fp_year === year - 1;
    case 'assessments':
    case 'acceptances':
      return a.fp_year === year;
    case 'warning_notices':
      return within(String(a.issued_on), y);
    case 'incidents':
      return within(String(a.occurred_on), y);
  }
}

/** The live rows of one kind that the year holds (within its dates, or held by its case), their `columns` read. */
export async function yearRows(
  db: Db | Tx,
  county: string,
  name: YearCollection,
  year: number,
  held: Held,
  columns: readonly string[],
): Promise<Record<string, unknown>[]> {
  const y = fpYear(year);
  const extra = held[name] ?? [];
  const qb = any(db)
    .selectFrom(name)
    .select(columns as string[])
    .where('county_id', '=', county)
    .where('retracted_at', 'is', null)
    .where((eb) => {
      let dates: Expression<SqlBool>;
      if (name === 'posts' || name === 'links')
        dates = eb.and([
          eb.or([eb('from_date', 'is', null), eb('from_date', '<=', y.end)]),
          eb.or([eb('to_date', 'is', null), eb('to_date', '>=', y.start)]),
        ]);
      else if (name === 'categories') dates = eb('fp_year', 'in', [year - 1, year]);
      else if (name === 'assessments' || name === 'acceptances') dates = eb('fp_year', '=', year);
      else {
        const col = name === 'warning_notices' ? 'issued_on' : 'occurred_on';
        dates = eb.and([eb(col, '>=', y.start), eb(col, '<=', y.end)]);
      }
      return extra.length ? eb.or([dates, eb('id', 'in', extra)]) : dates;
    });
  // In no order: the case orders them (cases.ts, caseOfParts).
  return qb.execute();
}
