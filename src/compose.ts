// The composition root's one way to make a Ctx: the database, a clock (the real one unless a test
// or a replay gives its own), the engines of the packs in the policy folder (policy/load.ts), and
// a place for the cases of the years made lately.

import { loadEngine, packsOf } from './policy/load.ts';
import type { Ctx } from './store/ctx.ts';
import type { Db } from './store/schema.ts';
import { YearCases } from './store/year-cases.ts';

export function makeCtx(
  db: Db,
  now: () => Date = () => new Date(),
  policies: Pick<Ctx, 'engine' | 'packs'> = { engine: loadEngine, packs: packsOf },
): Ctx {
  return { db, now, ...policies, years: new YearCases() };
}
