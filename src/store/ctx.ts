// What every store and workflow function is given: the database, the clock, the engine of a
// policy pack, and the cases of the years made lately. The composition root — the server's
// buildApp, the CLI, the demo seeder, the test kits — makes it with makeCtx (src/compose.ts), which reads the packs from the policy folder;
// the store and the workflows never read a pack themselves, they ask `ctx.engine(policy)`.

import type { Engine } from '../engine/engine.ts';
import type { Db } from './schema.ts';
import type { YearCases } from './year-cases.ts';

export interface Ctx {
  db: Db;
  now: () => Date;
  /**
   * The engine of a policy pack, by its id (a county's `policy`, or a town pack applied to `town`,
   * the unit id of the town that follows it); an unknown pack is refused.
   */
  engine: (policy: string, town?: string) => Engine;
  /** The ids of the packs there are of a kind: a county's, or a town's own (七). */
  packs: (kind: 'county' | 'town') => string[];
  /** The cases of the years made lately, kept while the store is unchanged (year-cases.ts). */
  years: YearCases;
}
