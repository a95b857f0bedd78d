// A model test of the import contract (fast-check): random sequences of generated cases imported
// into one county-year. The model is the last case imported. After each import the case the import
// keeps for the year (year-cases.ts) is the one read back, byte for byte, and the year exports
// as that case (normalised: collections as sets, the county's registry narrowed to the case's
// units), importing it again changes nothing, and its evaluation equals that of a fresh county
// given only that case. Run on SQLite and PostgreSQL.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalCase, normalResult } from '../../test/support/case-kit.ts';
import { makeCtx } from '../compose.ts';
import { canonicalJson } from '../domain/canonical.ts';
import { arbitraryCase } from '../engine/case.arbitrary.ts';
import { SYSTEM } from './audit.ts';
import { buildCase, createCounty, exportCase } from './cases.ts';
import type { Ctx } from './ctx.ts';
import type { Dialect } from './db.ts';
import { evaluateYear } from './evaluations.ts';
import { systemScope } from './scope.ts';
import { createTestStore, type TestStore } from './testing.ts';
import { markOf } from './year-cases.ts';
import { importCase } from './year-import.ts';

for (const [dialect, runs] of [
  ['sqlite', 60],
  ['postgres', 10],
] as [Dialect, number][])
  describe(`case import model on ${dialect}`, () => {
    let s: TestStore;
    let ctx: Ctx;
    let n = 0;
    beforeAll(async () => {
      s = await createTestStore(dialect);
      ctx = makeCtx(s.db, () => new Date('2009-12-01T08:00:00Z'));
    });
    afterAll(async () => s?.drop());

    it('after each import the year is the last case imported, and evaluates as a fresh import of it', {
      timeout: 600_000,
    }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(arbitraryCase, { minLength: 1, maxLength: 4 }), async (cases) => {
          const county = `c${++n}`;
          const scope = systemScope(county, { name: 'office1', role: 'office' });
          await createCounty(ctx, SYSTEM, { id: county, name: `模型县${n}` });
          for (const c of cases) {
            await importCase(ctx, scope, county, 2009, c);
            // The case the import keeps for the year is, to the byte, the one read back.
            const kept = ctx.years.get(county, 2009, await markOf(s.db));
            expect(kept).toBeDefined();
            expect(canonicalJson(kept!.kase)).toBe(canonicalJson(await buildCase(s.db, county, 2009)));
            const units = new Set(c.units.map((u) => u.id));
            const stored = await exportCase(ctx, scope, county, 2009);
            expect(normalCase(stored, units)).toEqual(normalCase(c));
            expect((await importCase(ctx, scope, county, 2009, c)).changes).toBe(0);

            const fresh = `f${n}-${cases.indexOf(c)}`;
            const freshScope = systemScope(fresh, { name: 'office1', role: 'office' });
            await createCounty(ctx, SYSTEM, { id: fresh, name: `对照县${n}` });
            await importCase(ctx, freshScope, fresh, 2009, c);
            const mine = await evaluateYear(ctx, scope, county, 2009);
            const theirs = await evaluateYear(ctx, freshScope, fresh, 2009);
            expect(normalResult(mine.result)).toEqual(normalResult(theirs.result));
          }
        }),
        { numRuns: runs },
      );
    });
  });
