// Migration 0003 on a store that already holds data, on SQLite and PostgreSQL: notices get their
// case id and the FP year they were issued in, `assess` entries the deadline of their decision,
// and the ledger stays append-only afterwards.

import { type Kysely, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../migrate.ts';
import { createTestStore, DIALECTS, type TestStore } from '../testing.ts';

const at = '2009-12-20T00:00:00Z';

for (const dialect of DIALECTS)
  describe(`migration 0003 on ${dialect}`, () => {
    let s: TestStore;
    let db: Kysely<any>;
    beforeAll(async () => {
      s = await createTestStore(dialect, false);
      db = s.db as unknown as Kysely<any>;
      const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
      const { error } = await migrator.migrateTo('0002_workflows');
      if (error) throw error;
      const stamp = { created_at: at, updated_at: at };
      await db
        .insertInto('counties')
        .values({ id: 'c', name: '县', policy: 'county-fp-2009', ...stamp })
        .execute();
      await db
        .insertInto('units')
        .values({ county_id: 'c', id: 't', kind: 'town', name: '镇', ...stamp })
        .execute();
      await db
        .insertInto('warning_notices')
        .values([
          { county_id: 'c', id: 'w1', unit_id: 't', issued_on: '2009-09-30', matter: '甲', ...stamp },
          { county_id: 'c', id: 'w2', unit_id: 't', issued_on: '2009-10-01', matter: '乙', ...stamp },
        ])
        .execute();
      await db
        .insertInto('evaluations')
        .values({
          id: 'e',
          county_id: 'c',
          fp_year: 2009,
          policy: 'county-fp-2009',
          pack_hash: 'h',
          engine_version: '1',
          case_sha256: 'h',
          case_json: '{}',
          interpretations: '{}',
          result_json: '{}',
          result_sha256: 'h',
          created_by: 'x',
          created_at: at,
        })
        .execute();
      await db
        .insertInto('decisions')
        .values({
          id: 'd',
          county_id: 'c',
          fp_year: 2009,
          evaluation_id: 'e',
          fines_due_on: '2010-03-31',
          confirmed_by: 'x',
          confirmed_at: at,
        })
        .execute();
      await db
        .insertInto('obligations')
        .values({
          id: 'o',
          county_id: 'c',
          fp_year: 2009,
          kind: 'fine',
          subject_kind: 'person',
          subject_id: 'p',
          clause: '4.2.2',
          explanation: '……',
          created_at: at,
        })
        .execute();
      const entry = {
        county_id: 'c',
        fp_year: 2009,
        obligation_id: 'o',
        on_date: '2009-12-20',
        created_by: 'x',
        created_at: at,
      };
      await db
        .insertInto('ledger_entries')
        .values([
          { id: 'a', seq: 1, kind: 'assess', amount_fen: 150000, decision_id: 'd', ...entry },
          { id: 'b', seq: 2, kind: 'collect', amount_fen: 50000, receipt_no: 'R', ...entry },
        ])
        .execute();
      expect((await migrate(s.db))[0]).toBe('0003_store_truth');
    });
    afterAll(async () => s?.drop());

    it('keys notices by their case id and FP year of issue', async () => {
      const rows = await db
        .selectFrom('warning_notices')
        .select(['id', 'case_id', 'fp_year'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { id: 'w1', case_id: 'w1', fp_year: 2009 },
        { id: 'w2', case_id: 'w2', fp_year: 2010 },
      ]);
      const held = await db.selectFrom('county_years').select('held').execute();
      expect(held).toEqual([]);
    });

    it("dates each assess entry's deadline by its decision, and keeps the ledger append-only", async () => {
      const rows = await db.selectFrom('ledger_entries').select(['id', 'due_on']).orderBy('seq').execute();
      expect(rows).toEqual([
        { id: 'a', due_on: '2010-03-31' },
        { id: 'b', due_on: null },
      ]);
      await expect(
        db.updateTable('ledger_entries').set({ amount_fen: 1 }).where('id', '=', 'b').execute(),
      ).rejects.toThrow(/append-only/);
    });
  });
