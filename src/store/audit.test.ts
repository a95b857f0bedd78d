// The audit trail on both stores: append-only at the database, and every kind of tampering
// (edit, delete, swap, truncate) found by verify, naming the first entry concerned.

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, auditHead, GENESIS, verifyAudit } from './audit.ts';
import { createTestStore, DIALECTS, type TestStore } from './testing.ts';

const actor = { name: 'office1', role: 'office' };

async function fill(s: TestStore, n: number) {
  for (let i = 0; i < n; i++)
    await s.db.transaction().execute((trx) =>
      appendAudit(
        trx,
        actor,
        {
          action: 'unit.update',
          object_type: 'unit',
          object_id: `t${i}`,
          county_id: 'c1',
          before: { name: `旧${i}` },
          after: { name: `新${i}` },
        },
        `2026-01-01T00:00:0${i}.000Z`,
      ),
    );
}

/** What an intruder with direct database access can do: lift the guard, then change rows. */
async function tamper(s: TestStore, statements: string | string[]) {
  if (s.dialect === 'sqlite') {
    await sql.raw('DROP TRIGGER audit_log_no_update').execute(s.db);
    await sql.raw('DROP TRIGGER audit_log_no_delete').execute(s.db);
  } else await sql.raw('ALTER TABLE audit_log DISABLE TRIGGER USER').execute(s.db);
  for (const statement of [statements].flat()) await sql.raw(statement).execute(s.db);
}

for (const dialect of DIALECTS) {
  describe(`audit trail on ${dialect}`, () => {
    let s: TestStore;
    beforeAll(async () => {
      s = await createTestStore(dialect);
    });
    afterAll(async () => s.drop());

    it('chains entries and verifies an untouched trail', async () => {
      expect(await auditHead(s.db)).toEqual({ seq: 0, hash: GENESIS });
      await fill(s, 5);
      const v = await verifyAudit(s.db);
      expect(v).toMatchObject({ ok: true, entries: 5 });
      const first = await s.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', 1)
        .executeTakeFirstOrThrow();
      expect(first.prev_hash).toBe(GENESIS);
      expect(JSON.parse(first.before!)).toEqual({ name: '旧0' });
    });

    it('refuses UPDATE and DELETE from the application', async () => {
      await expect(
        s.db.updateTable('audit_log').set({ actor: 'x' }).where('seq', '=', 1).execute(),
      ).rejects.toThrow(/append-only/);
      await expect(s.db.deleteFrom('audit_log').where('seq', '=', 1).execute()).rejects.toThrow(
        /append-only/,
      );
    });
  });

  describe(`audit tampering on ${dialect}`, () => {
    const cases: [string, (s: TestStore) => string | string[], number, RegExp][] = [
      ['an edited entry', () => `UPDATE audit_log SET after = '{"name":"改"}' WHERE seq = 3`, 3, /altered/],
      ['a deleted entry', () => 'DELETE FROM audit_log WHERE seq = 2', 2, /missing/],
      [
        'two swapped entries',
        () => [
          'UPDATE audit_log SET seq = 1000 WHERE seq = 2',
          'UPDATE audit_log SET seq = 2 WHERE seq = 3',
          'UPDATE audit_log SET seq = 3 WHERE seq = 1000',
        ],
        2,
        /does not follow/,
      ],
      [
        'an entry re-hashed after editing, without re-chaining the rest',
        () => `UPDATE audit_log SET actor = 'nobody' WHERE seq = 4`,
        4,
        /altered/,
      ],
    ];
    for (const [name, statement, seq, message] of cases)
      it(`finds ${name}`, async () => {
        const s = await createTestStore(dialect);
        try {
          await fill(s, 6);
          await tamper(s, statement(s));
          const v = await verifyAudit(s.db);
          expect(v.ok).toBe(false);
          expect(v.problem?.seq).toBe(seq);
          expect(v.problem?.en).toMatch(message);
        } finally {
          await s.drop();
        }
      });

    it('finds a forged entry numbered 0 or below (an INSERT the append-only guard lets through)', async () => {
      for (const seq of [0, -5]) {
        const s = await createTestStore(dialect);
        try {
          await fill(s, 3);
          const real = await s.db
            .selectFrom('audit_log')
            .selectAll()
            .where('seq', '=', 1)
            .executeTakeFirstOrThrow();
          await s.db
            .insertInto('audit_log')
            .values({ ...real, seq, actor: 'forger', object_id: 'backdated' })
            .execute();
          const v = await verifyAudit(s.db);
          expect(v.ok).toBe(false);
          expect(v.problem).toMatchObject({ seq });
          expect(v.problem?.en).toMatch(/impossible number/);
        } finally {
          await s.drop();
        }
      }
    });

    it('finds a truncated tail against a head exported earlier', async () => {
      const s = await createTestStore(dialect);
      try {
        await fill(s, 6);
        const exported = await auditHead(s.db);
        await tamper(s, 'DELETE FROM audit_log WHERE seq > 4');
        expect((await verifyAudit(s.db)).ok).toBe(true); // the chain itself is intact…
        const v = await verifyAudit(s.db, exported); // …but the exported head is gone
        expect(v.ok).toBe(false);
        expect(v.problem).toMatchObject({ seq: 5 });
        expect(v.problem?.en).toMatch(/ends at entry 4/);
      } finally {
        await s.drop();
      }
    });
  });
}
