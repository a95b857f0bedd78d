// Migration 0008: on PostgreSQL the facts whose county is implied by a reference within the county
// lose their own foreign key to counties, and a fact of an unknown county is still refused.

import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../testing.ts';
import { IMPLIED } from './0008_implied_county_fks.ts';

describe('migration 0008 on postgres', () => {
  let s: TestStore;
  beforeAll(async () => {
    s = await createTestStore('postgres');
  });
  afterAll(() => s.drop());

  it('keeps one foreign key to counties only where nothing else implies it', async () => {
    const db = s.db as unknown as Kysely<any>;
    const { rows } = await sql<{ t: string }>`
      select conrelid::regclass::text as t from pg_constraint
      where contype = 'f' and confrelid = 'counties'::regclass order by 1`.execute(db);
    const direct = rows.map((r) => r.t);
    for (const [table] of IMPLIED) expect(direct).not.toContain(table);
    for (const table of ['units', 'people', 'links', 'county_years', 'case_imports', 'evaluations'])
      expect(direct).toContain(table);
  });

  it('still refuses a fact of a county that does not exist, or a unit of another county', async () => {
    const db = s.db as unknown as Kysely<any>;
    const at = '2009-12-20T00:00:00Z';
    await db
      .insertInto('counties')
      .values({ id: 'c', name: '县', policy: 'p', created_at: at, updated_at: at })
      .execute();
    await db
      .insertInto('units')
      .values({ county_id: 'c', id: 'u', kind: 'town', name: '镇', created_at: at, updated_at: at })
      .execute();
    const category = (county: string) =>
      db
        .insertInto('categories')
        .values({
          id: `k-${county}`,
          county_id: county,
          unit_id: 'u',
          fp_year: 2009,
          category: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
    await expect(category('nowhere')).rejects.toThrow(/foreign key/);
    await category('c');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from categories`.execute(db);
    expect(rows[0]!.n).toBe(1);
  });
});
