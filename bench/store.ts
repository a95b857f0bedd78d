// npm run -s bench -- --store [--scale county|province|nation | --counties N]
//
// The store path of a year: every county of the generated data imported as a case, then evaluated
// through the store (the facts read back, validated, evaluated, the result and its receipt kept),
// on SQLite (a temporary file) and on PostgreSQL (a fresh database, dropped after; ZEREN_TEST_PG
// names the server, as for the store's tests). One process, not pinned: PostgreSQL is another
// process anyway. Times are wall-clock, per phase.
//
// The yardstick of the ratios is the engine on the same county, timed beside that county's store
// steps (the best of 3 runs, warmed): a machine whose load changes during the run slows both sides
// of each ratio alike, where one engine figure taken before the run would not.
//
// The cases are read from the file synchronously between counties, never while a county's steps
// are timed (a stream would go on reading and splitting the file inside their time).
//
// The store's calls are in `storePath` alone, so that a change of its API touches one function.

import { makeCtx } from '../src/compose.ts';
import type { ZerenCase } from '../src/domain/case.ts';
import { loadEngine } from '../src/policy/load.ts';
import { SYSTEM } from '../src/store/audit.ts';
import { createCounty } from '../src/store/cases.ts';
import type { Ctx } from '../src/store/ctx.ts';
import type { Dialect } from '../src/store/db.ts';
import { evaluateYear } from '../src/store/evaluations.ts';
import { systemScope } from '../src/store/scope.ts';
import { createTestStore, DIALECTS } from '../src/store/testing.ts';
import { importCase } from '../src/store/year-import.ts';
import { ensureData, readCasesSync } from './data.ts';

export interface StoreBenchOptions {
  scale: string;
  counties: number;
  seed: string;
  log: (s: string) => void;
}

interface Phases {
  import_ms: number;
  evaluate_ms: number;
  /** The engine alone on the same counties, timed beside their store steps. */
  engine_ms: number;
  consequences: number;
}

/** The engine on one case, validate + evaluate: the best of 3 runs (the first run warms it). */
function engineOn(c: ZerenCase): number {
  const engine = loadEngine(c.policy);
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    engine.evaluate(c);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** The store's calls for one county year: create the county, import the case, evaluate it there. */
async function storePath(ctx: Ctx, c: ZerenCase, into: Phases): Promise<void> {
  const county = c.units.find((u) => u.kind === 'county')!;
  await createCounty(ctx, SYSTEM, { id: county.id, name: county.name, policy: c.policy });
  const scope = systemScope(county.id);
  let t = performance.now();
  await importCase(ctx, scope, county.id, c.fp_year, c);
  into.import_ms += performance.now() - t;
  t = performance.now();
  const { result } = await evaluateYear(ctx, scope, county.id, c.fp_year);
  into.evaluate_ms += performance.now() - t;
  into.consequences += result.consequences.length;
  into.engine_ms += engineOn(c);
}

async function onDialect(dialect: Dialect, file: string, counties: number, log: (s: string) => void) {
  const store = await createTestStore(dialect);
  const phases: Phases = { import_ms: 0, evaluate_ms: 0, engine_ms: 0, consequences: 0 };
  let n = 0;
  try {
    const ctx: Ctx = makeCtx(store.db);
    for (const c of readCasesSync(file, counties)) {
      await storePath(ctx, c, phases);
      if (++n % 10 === 0) log(`  ${dialect}: ${n}/${counties} counties`);
    }
  } finally {
    await store.drop();
  }
  return {
    dialect,
    counties: n,
    consequences: phases.consequences,
    engine_s: phases.engine_ms / 1000,
    import_s: phases.import_ms / 1000,
    evaluate_and_store_s: phases.evaluate_ms / 1000,
    total_s: (phases.import_ms + phases.evaluate_ms) / 1000,
    import_ms_per_county: phases.import_ms / n,
    evaluate_and_store_ms_per_county: phases.evaluate_ms / n,
  };
}

export async function runStoreBench(o: StoreBenchOptions) {
  const file = await ensureData(o.seed, o.counties, o.log);
  const dialects = [];
  for (const d of DIALECTS) {
    o.log(`store path on ${d}: ${o.counties} counties…`);
    dialects.push(await onDialect(d, file, o.counties, o.log));
  }
  const f = (x: number) => x.toFixed(x >= 100 ? 0 : 2);
  const text = [
    `Zeren store path — ${o.scale}: ${o.counties} counties (seed ${o.seed}), node ${process.version}, not pinned`,
    '',
    `${'store'.padEnd(12)}${'import s'.padStart(12)}${'evaluate+store s'.padStart(18)}${'total s'.padStart(10)}${'ms/county'.padStart(12)}`,
    ...dialects.map(
      (d) =>
        `${d.dialect.padEnd(12)}${f(d.import_s).padStart(12)}${f(d.evaluate_and_store_s).padStart(18)}${f(d.total_s).padStart(10)}${f((d.total_s * 1000) / d.counties).padStart(12)}`,
    ),
    '',
    'store step ÷ the engine alone on the same counties (validate + evaluate, best of 3, timed beside them):',
    ...dialects.map(
      (d) =>
        `  ${d.dialect}: engine ${f(d.engine_s)} s; import ${f(d.import_s / d.engine_s)}×, evaluate+store ${f(d.evaluate_and_store_s / d.engine_s)}×`,
    ),
  ].join('\n');
  const ratios: Record<string, number> = {};
  for (const d of dialects) {
    ratios[`store_import_vs_engine_${d.dialect}`] = Math.round((d.import_s * 100) / d.engine_s) / 100;
    ratios[`store_evaluate_vs_engine_${d.dialect}`] =
      Math.round((d.evaluate_and_store_s * 100) / d.engine_s) / 100;
  }
  return { scale: o.scale, seed: o.seed, counties: o.counties, ...ratios, dialects, text };
}
