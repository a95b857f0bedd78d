// Places as pickers and the session show them: the counties a reader may see; a county's tree —
// its towns (镇（场）) with their villages, and the county units (县直单位), open units only, names
// as the office keeps them; an account's county and unit by name; the FP years a county has data for.

import { sql } from 'kysely';
import { notFound } from './errors.ts';
import type { Db } from './schema.ts';

export interface Place {
  id: string;
  name: string;
}
export interface Places {
  county: Place;
  towns: (Place & { villages: Place[] })[];
  county_units: Place[];
}

/** The counties a reader may see, by id: every county (`readerCounty` null), else its own. */
export async function listCounties(db: Db, readerCounty: string | null) {
  let qb = db.selectFrom('counties').selectAll().orderBy('id');
  if (readerCounty !== null) qb = qb.where('id', '=', readerCounty);
  return qb.execute();
}

/** The places of a county; `readerCounty` null reads any county, else only its own (404 otherwise). */
export async function placesOf(db: Db, readerCounty: string | null, county: string): Promise<Places> {
  if (readerCounty !== null && readerCounty !== county) throw notFound('县', county);
  const c = await db
    .selectFrom('counties')
    .select(['id', 'name'])
    .where('id', '=', county)
    .executeTakeFirst();
  if (!c) throw notFound('县', county);
  const units = await db
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'town_id'])
    .where('county_id', '=', county)
    .where('closed_on', 'is', null)
    .orderBy('id')
    .execute();
  const place = (u: { id: string; name: string }): Place => ({ id: u.id, name: u.name });
  return {
    county: place(c),
    towns: units
      .filter((u) => u.kind === 'town')
      .map((t) => ({
        ...place(t),
        villages: units.filter((v) => v.kind === 'village' && v.town_id === t.id).map(place),
      })),
    county_units: units.filter((u) => u.kind === 'county_unit').map(place),
  };
}

/** An account's display name and the names of its county and unit (and the unit's kind). */
export async function accountPlace(
  db: Db,
  user: { id: string; county: string | null; unit: string | null },
): Promise<{
  display_name: string | null;
  county_name: string | null;
  unit_name: string | null;
  unit_kind: string | null;
}> {
  const county = user.county
    ? await db.selectFrom('counties').select('name').where('id', '=', user.county).executeTakeFirst()
    : undefined;
  const unit =
    user.county && user.unit
      ? await db
          .selectFrom('units')
          .select(['name', 'kind'])
          .where('county_id', '=', user.county)
          .where('id', '=', user.unit)
          .executeTakeFirst()
      : undefined;
  // users.display_name arrives with a later migration; until then the column is simply absent.
  const row = (await db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirst()) as
    | { display_name?: string | null }
    | undefined;
  return {
    display_name: row?.display_name ?? null,
    county_name: county?.name ?? null,
    unit_name: unit?.name ?? null,
    unit_kind: unit?.kind ?? null,
  };
}

/**
 * The FP years a county has data for: imported years, and years with assessments or rosters.
 * (Categories are not enough: a case carries last year's category for comparison.)
 */
export async function yearsWithData(db: Db, county: string): Promise<number[]> {
  const rows = await db
    .selectFrom('county_years')
    .select('fp_year')
    .where('county_id', '=', county)
    .union(db.selectFrom('rosters').select('fp_year').where('county_id', '=', county))
    .union(db.selectFrom('assessments').select('fp_year').where('county_id', '=', county))
    .orderBy(sql`fp_year`, 'desc')
    .execute();
  return rows.map((r) => Number(r.fp_year));
}
