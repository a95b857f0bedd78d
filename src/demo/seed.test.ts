// The demo county: big enough to be plausible, two FP years that evaluate, one account per role.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../compose.ts';
import { exportCase } from '../store/cases.ts';
import { evaluateYear } from '../store/evaluations.ts';
import { systemScope } from '../store/scope.ts';
import { createTestStore, type TestStore } from '../store/testing.ts';
import { townResults } from '../store/town-evaluations.ts';
import { listUsers } from '../store/users.ts';
import { DEMO_COUNTY, DEMO_TOWN_PACK, demoCases, seedDemo } from './seed.ts';

describe('demo county', () => {
  let s: TestStore;
  beforeAll(async () => {
    s = await createTestStore('sqlite');
  });
  afterAll(async () => s.drop());

  it('has at least 10 towns, 100 villages and 20 county units, with Chinese names', () => {
    const [y1] = demoCases();
    const count = (k: string) => y1!.units.filter((u) => u.kind === k).length;
    expect(count('town')).toBeGreaterThanOrEqual(10);
    expect(count('village')).toBeGreaterThanOrEqual(100);
    expect(count('county_unit')).toBeGreaterThanOrEqual(20);
    for (const u of y1!.units) expect(u.name).toMatch(/[\u4e00-\u9fff]/);
  });

  it('seeds two FP years that evaluate, with posts that change hands, and an account per role', async () => {
    const ctx = makeCtx(s.db, () => new Date('2010-12-01T00:00:00Z'));
    const accounts = await seedDemo(ctx);
    expect(accounts.map((a) => a.role).sort()).toEqual([
      'admin',
      'auditor',
      'finance',
      'office',
      'town',
      'unit',
    ]);
    const users = await listUsers(s.db, null);
    expect(users).toHaveLength(6);
    // Documents print people's names: every demo account has a Chinese one.
    for (const u of users) expect(u.display_name, u.username).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    const office = systemScope(DEMO_COUNTY);
    const town = accounts.find((a) => a.role === 'town')!.unit!;
    for (const year of [2009, 2010]) {
      const { receipt, result } = await evaluateYear(ctx, office, DEMO_COUNTY, year);
      expect(result.consequences.length).toBeGreaterThan(100);
      // The town account's town follows the example town pack (七): its result is kept apart.
      const towns = await townResults(ctx, receipt.id);
      expect(towns.map((t) => [t.town, t.pack])).toEqual([[town, DEMO_TOWN_PACK]]);
      expect(towns[0]!.result.consequences.length).toBeGreaterThan(0);
    }
    const y2010 = await exportCase(ctx, office, DEMO_COUNTY, 2010);
    expect(
      y2010.posts!.filter((p) => p.to && p.to >= '2009-10-01' && p.to < '2010-09-30').length,
    ).toBeGreaterThan(10);
    const y2009 = await exportCase(ctx, office, DEMO_COUNTY, 2009);
    expect(y2009.posts!.length).toBeGreaterThan(500);
  });
});
