// Migration 0007: on PostgreSQL the large texts are kept with LZ4 (and read back the same);
// SQLite migrates through it unchanged.

import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../testing.ts';

describe('migration 0007 on postgres', () => {
  let s: TestStore;
  beforeAll(async () => {
    s = await createTestStore('postgres');
  });
  afterAll(() => s.drop());

  it('keeps a case import’s document and an evaluation’s case and result with LZ4, read back unchanged', async () => {
    const db = s.db as unknown as Kysely<any>;
    const { rows } = await sql<{ t: string; c: string; m: string }>`
      select attrelid::regclass::text as t, attname as c, attcompression as m from pg_attribute
      where attrelid in ('case_imports'::regclass, 'evaluations'::regclass)
        and attname in ('case_json', 'result_json') order by 1, 2`.execute(db);
    expect(rows).toEqual([
      { t: 'case_imports', c: 'case_json', m: 'l' },
      { t: 'evaluations', c: 'case_json', m: 'l' },
      { t: 'evaluations', c: 'result_json', m: 'l' },
    ]);
    const at = '2009-12-20T00:00:00Z';
    await db
      .insertInto('counties')
      .values({ id: 'c', name: '县', policy: 'p', created_at: at, updated_at: at })
      .execute();
    const text = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ 人员: `张${i}`, i })));
    await db
      .insertInto('case_imports')
      .values({
        id: 'i',
        county_id: 'c',
        fp_year: 2009,
        case_sha256: 'h',
        case_json: text,
        created_by: 'x',
        created_at: at,
      })
      .execute();
    const back = await sql<{ m: string; j: string }>`
      select pg_column_compression(case_json) as m, case_json as j from case_imports where id = 'i'`.execute(
      db,
    );
    expect(back.rows[0]).toEqual({ m: 'lz4', j: text });
  });
});

describe('migration 0007 on sqlite', () => {
  it('migrates an SQLite store through it', async () => {
    const s = await createTestStore('sqlite');
    const names = await (s.db as unknown as Kysely<any>)
      .selectFrom('kysely_migration')
      .select('name')
      .execute();
    expect(names.map((r) => r.name)).toContain('0007_toast_lz4');
    await s.drop();
  });
});
