// The case of a year kept in memory (year-cases.ts), on SQLite and on PostgreSQL: an import keeps
// the year's case and an evaluation uses it without reading the year back; any write after it
// (a fact through the API, a write in another county) makes the next evaluation read the year again
// and see the write; an evaluation keeps the case at the head it leaves; a head reached again with
// other entries (a restore) is not taken for the one a case was made at.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeCtx } from '../compose.ts';
import { canonicalJson } from '../domain/canonical.ts';
import type { ZerenCase } from '../domain/case.ts';
import { buildCase, createCounty, currentCase } from './cases.ts';
import type { Ctx } from './ctx.ts';
import { evaluateYear, getEvaluation } from './evaluations.ts';
import { createFact } from './facts.ts';
import { type Scope, systemScope } from './scope.ts';
import { createTestStore, DIALECTS, type TestStore } from './testing.ts';
import { markOf, YearCases } from './year-cases.ts';
import { importCase } from './year-import.ts';

const example = (): ZerenCase =>
  parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));
const office: Scope = systemScope('qingshui', { name: 'office1', role: 'office' });

describe('kept year cases', () => {
  const kase = { format: 'zeren-case/1' } as unknown as ZerenCase;

  it('gives a case back only at the mark it was made at: number, hash and changes', () => {
    const years = new YearCases(2);
    years.put('a', 2009, { mark: { seq: 5, hash: 'h5', changes: '' }, kase });
    expect(years.get('a', 2009, { seq: 5, hash: 'h5', changes: '' })?.kase).toBe(kase);
    expect(years.get('a', 2009, { seq: 5, hash: 'other', changes: '' })).toBeUndefined();
    years.put('a', 2009, { mark: { seq: 5, hash: 'h5', changes: '' }, kase });
    expect(years.get('a', 2009, { seq: 5, hash: 'h5', changes: '3/1' })).toBeUndefined();
    // Once stale it is dropped, even for the head it was made at.
    expect(years.get('a', 2009, { seq: 5, hash: 'h5', changes: '' })).toBeUndefined();
    expect(years.get('a', 2010, { seq: 5, hash: 'h5', changes: '' })).toBeUndefined();
  });

  it('keeps the most recently used years only', () => {
    const years = new YearCases(2);
    const mark = { seq: 1, hash: 'h', changes: '' };
    years.put('a', 2009, { mark, kase });
    years.put('b', 2009, { mark, kase });
    years.get('a', 2009, mark);
    years.put('c', 2009, { mark, kase });
    expect(years.get('b', 2009, mark)).toBeUndefined();
    expect(years.get('a', 2009, mark)).toBeDefined();
    expect(years.get('c', 2009, mark)).toBeDefined();
  });
});

for (const dialect of DIALECTS)
  describe(`year cases on ${dialect}`, () => {
    let s: TestStore;
    let ctx: Ctx;
    beforeAll(async () => {
      s = await createTestStore(dialect);
      ctx = makeCtx(s.db, () => new Date('2009-12-01T08:00:00Z'));
      await createCounty(ctx, office.actor, { id: 'qingshui', name: '清水县' });
      await createCounty(ctx, office.actor, { id: 'other', name: '他县' });
    });
    afterAll(async () => s?.drop());

    it('evaluates the case an import kept, then keeps it at the head the evaluation leaves', async () => {
      await importCase(ctx, office, 'qingshui', 2009, example());
      const kept = ctx.years.get('qingshui', 2009, await markOf(s.db));
      expect(kept).toBeDefined();
      const first = await evaluateYear(ctx, office, 'qingshui', 2009);
      const after = await currentCase(ctx, 'qingshui', 2009);
      expect(after.kase).toBe(kept!.kase);
      expect(after.mark).toEqual(await markOf(s.db));
      expect(after.sealed?.sha256).toBe(first.receipt.case_sha256);
      // Evaluated again from the kept case and its seal: the same receipt case, the same result.
      const second = await evaluateYear(ctx, office, 'qingshui', 2009);
      expect(second.receipt.case_sha256).toBe(first.receipt.case_sha256);
      expect(second.result).toEqual(first.result);
      expect((await getEvaluation(ctx, office, second.receipt.id)).result).toEqual(first.result);
      expect(canonicalJson((await currentCase(ctx, 'qingshui', 2009)).kase)).toBe(
        canonicalJson(await buildCase(s.db, 'qingshui', 2009)),
      );
    });

    it('reads the year again after a fact is written, and the evaluation sees it', async () => {
      const before = await evaluateYear(ctx, office, 'qingshui', 2009);
      const kept = (await currentCase(ctx, 'qingshui', 2009)).kase;
      await createFact(ctx, office, 'qingshui', 'incidents', {
        kind: 'shielded_out_of_policy_birth',
        person: 'p-sun',
        occurred_on: '2009-06-01',
      });
      const now = await currentCase(ctx, 'qingshui', 2009);
      expect(now.kase).not.toBe(kept);
      expect(now.kase.incidents).toHaveLength((kept.incidents?.length ?? 0) + 1);
      const after = await evaluateYear(ctx, office, 'qingshui', 2009);
      expect(after.receipt.case_sha256).not.toBe(before.receipt.case_sha256);
      expect(after.result.consequences.length).toBeGreaterThan(before.result.consequences.length);
    });

    it.runIf(dialect === 'sqlite')(
      'on SQLite, reads the year again after a write made around the store',
      async () => {
        const kept = (await currentCase(ctx, 'qingshui', 2009)).kase;
        await s.db
          .updateTable('county_years')
          .set({ decided_on: '2010-01-15' })
          .where('county_id', '=', 'qingshui')
          .where('fp_year', '=', 2009)
          .execute();
        const again = await currentCase(ctx, 'qingshui', 2009);
        expect(again.kase).not.toBe(kept);
        expect(again.kase.decided_on).toBe('2010-01-15');
      },
    );

    it("reads the year again after any other write, another county's included", async () => {
      const kept = (await currentCase(ctx, 'qingshui', 2009)).kase;
      await createFact(ctx, systemScope('other', office.actor), 'other', 'units', {
        id: 'other-county',
        kind: 'county',
        name: '他县',
      });
      const again = await currentCase(ctx, 'qingshui', 2009);
      expect(again.kase).not.toBe(kept);
      expect(canonicalJson(again.kase)).toBe(canonicalJson(kept));
    });
  });
