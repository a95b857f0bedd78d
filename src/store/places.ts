// The county's tree of places, as a picker shows it: its towns (镇（场）) with their villages, and
// the county units (县直单位). Open units only; names as the office keeps them.

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
