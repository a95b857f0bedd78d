// A town's own packs (七) at the office's evaluation: when the office evaluates a county-year, each
// town pack set for one of its towns (town-packs.ts) is evaluated on the same case under the same
// readings, and its result kept beside the county's receipt, naming its pack and town and citing
// the town's clauses. The county's receipt and result are not touched.

import { randomUUID } from 'node:crypto';
import { canonicalJson, sha256 } from '../domain/canonical.ts';
import type { ZerenCase } from '../domain/case.ts';
import type { ZerenResult } from '../domain/result.ts';
import { ENGINE_VERSION } from '../engine/engine.ts';
import { evaluateOffThread } from '../engine-pool/pool.ts';
import { AuditWriter } from './audit.ts';
import type { Ctx } from './ctx.ts';
import { invalid } from './errors.ts';
import { scopeResult } from './evaluations.ts';
import type { Row, Tx } from './schema.ts';
import type { Scope } from './scope.ts';
import { packTitle, townWordsOfYear } from './town-packs.ts';

/** A town pack's result, before it is stored. */
export interface TownOutcome {
  town: string;
  pack: string;
  packHash: string;
  result: ZerenResult;
  resultJson: string;
}

/** A stored town pack's result of an evaluation. */
export interface TownResult {
  id: string;
  county: string;
  town: string;
  pack: string;
  /** The pack's title: 东风镇人口和计划生育村级工作考核奖惩办法（示例） */
  title: string;
  pack_hash: string;
  result_sha256: string;
  result: ZerenResult;
}

/** Evaluates every town pack that applies to the year (`towns`: townPacksOfYear), on the county's case and readings. */
export async function evaluateTownPacks(
  ctx: Ctx,
  towns: { town: string; pack: string }[],
  kase: ZerenCase,
  overrides: Record<string, string>,
): Promise<TownOutcome[]> {
  const out: TownOutcome[] = [];
  for (const { town, pack } of towns) {
    const r = await evaluateOffThread(pack, kase, overrides, town, towns);
    if (!r.ok)
      throw invalid(r.problems.map((p) => ({ ...p, path: `${pack}:${p.path}`, zh: `镇办法：${p.zh}` })));
    out.push({
      town,
      pack,
      packHash: ctx.engine(pack, town).packHash,
      result: r.value,
      // A town's result is a few of its units' consequences: small enough to serialise here.
      resultJson: canonicalJson(r.value),
    });
  }
  return out;
}

/** Keeps the town packs' results of an evaluation (in its transaction), each audited. */
export async function storeTownResults(
  trx: Tx,
  scope: Scope,
  evaluation: Pick<Row<'evaluations'>, 'id' | 'county_id' | 'fp_year' | 'created_at'>,
  outcomes: readonly TownOutcome[],
): Promise<void> {
  if (outcomes.length === 0) return;
  const rows: Row<'town_evaluations'>[] = outcomes.map((o) => ({
    id: randomUUID(),
    evaluation_id: evaluation.id,
    county_id: evaluation.county_id,
    fp_year: evaluation.fp_year,
    town_id: o.town,
    pack: o.pack,
    pack_hash: o.packHash,
    engine_version: ENGINE_VERSION,
    result_json: o.resultJson,
    result_sha256: sha256(o.resultJson),
    created_at: evaluation.created_at,
  }));
  await trx.insertInto('town_evaluations').values(rows).execute();
  const audit = await AuditWriter.open(trx);
  for (const { result_json, ...summary } of rows)
    audit.add(
      scope.actor,
      {
        action: 'evaluation.town',
        object_type: 'town_evaluations',
        object_id: summary.id,
        county_id: evaluation.county_id,
        after: summary,
      },
      evaluation.created_at,
    );
  await audit.flush();
}

/** The town packs' results of an evaluation, by town and pack. */
export async function townResults(ctx: Ctx, evaluation: string): Promise<TownResult[]> {
  const rows = await ctx.db
    .selectFrom('town_evaluations')
    .selectAll()
    .where('evaluation_id', '=', evaluation)
    .orderBy('town_id')
    .orderBy('pack')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    county: r.county_id,
    town: r.town_id,
    pack: r.pack,
    title: packTitle(ctx, r.pack),
    pack_hash: r.pack_hash,
    result_sha256: r.result_sha256,
    result: JSON.parse(r.result_json) as ZerenResult,
  }));
}

/** The town packs' results of an evaluation as a user may see them: a town or unit its own lines. */
export async function scopedTownResults(ctx: Ctx, scope: Scope, evaluation: string): Promise<TownResult[]> {
  const all = await townResults(ctx, evaluation);
  return Promise.all(
    all.map(async (t) => ({ ...t, result: await scopeResult(ctx.db, scope, t.county, t.result) })),
  );
}

/** A town pack's result re-run on the receipt's case and readings. */
export interface TownCheck {
  town: string;
  pack: string;
  /** Re-run now, the result has the stored SHA-256. */
  reproduces: boolean;
  same_pack: boolean;
}

/** Re-runs each town pack's result of an evaluation on its stored case and readings. */
export async function verifyTownResults(
  ctx: Ctx,
  evaluation: string,
  kase: ZerenCase,
  interpretations: Record<string, string>,
): Promise<TownCheck[]> {
  const all = await townResults(ctx, evaluation);
  const words = all.length ? await townWordsOfYear(ctx, ctx.db, all[0]!.county, kase.fp_year) : [];
  return all.map((t) => {
    try {
      const engine = ctx.engine(t.pack, t.town);
      const out = engine.evaluate(kase, interpretations, undefined, words);
      return {
        town: t.town,
        pack: t.pack,
        reproduces: out.ok && sha256(canonicalJson(out.value)) === t.result_sha256,
        same_pack: engine.packHash === t.pack_hash,
      };
    } catch {
      // The pack is no longer there: nothing to re-run it with.
      return { town: t.town, pack: t.pack, reproduces: false, same_pack: false };
    }
  });
}
