// Evaluations are kept as receipts, immutably: the result, the policy and a hash of its pack, the
// engine version, the canonical input case and its SHA-256, the readings in force, who ran it and
// when. A receipt can be re-run later to show whether it still reproduces.

import { randomUUID } from 'node:crypto';
import { canonicalJson, sha256 } from '../domain/canonical.ts';
import type { ZerenCase } from '../domain/case.ts';
import type { ZerenResult } from '../domain/result.ts';
import { ENGINE_VERSION } from '../engine/engine.ts';
import { evaluateToKeep } from '../engine-pool/pool.ts';
import { appendAudit } from './audit.ts';
import { currentCase } from './cases.ts';
import type { Ctx } from './ctx.ts';
import { invalid, notFound, StoreError } from './errors.ts';
import { FACTS, scoped } from './fact-kinds.ts';
import { keptText } from './kept-text.ts';
import type { Db, Row } from './schema.ts';
import type { Scope } from './scope.ts';
import {
  evaluateTownPacks,
  storeTownResults,
  type TownCheck,
  verifyTownResults,
} from './town-evaluations.ts';
import { townPacksOfYear, townWordsOfYear } from './town-packs.ts';
import { markOf, sameMark } from './year-cases.ts';

export interface Receipt {
  id: string;
  county: string;
  fp_year: number;
  policy: string;
  pack_hash: string;
  engine_version: string;
  case_sha256: string;
  result_sha256: string;
  interpretations: Record<string, string>;
  created_by: string;
  created_at: string;
}

/** The columns of a receipt: all but the case and the result, which are megabytes each. */
const RECEIPT_COLUMNS = [
  'id',
  'county_id',
  'fp_year',
  'policy',
  'pack_hash',
  'engine_version',
  'case_sha256',
  'result_sha256',
  'interpretations',
  'created_by',
  'created_at',
] as const;

function receiptOf(r: Pick<Row<'evaluations'>, (typeof RECEIPT_COLUMNS)[number]>): Receipt {
  return {
    id: r.id,
    county: r.county_id,
    fp_year: r.fp_year,
    policy: r.policy,
    pack_hash: r.pack_hash,
    engine_version: r.engine_version,
    case_sha256: r.case_sha256,
    result_sha256: r.result_sha256,
    interpretations: JSON.parse(r.interpretations),
    created_by: r.created_by,
    created_at: r.created_at,
  };
}

/** Evaluates the stored facts of a county's FP year and keeps the receipt. */
export async function evaluateYear(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  overrides: Record<string, string> = {},
): Promise<{ receipt: Receipt; result: ZerenResult }> {
  if (scope.county !== county) throw notFound('县', county);
  if (scope.units !== null)
    throw new StoreError(
      'forbidden',
      '只有县人口考核办可以评定',
      'only the county assessment office evaluates',
    );
  // The year's case as the store holds it: kept since an import or the last evaluation made it,
  // while nothing was written since (year-cases.ts), or else read back.
  const current = await currentCase(ctx, county, year);
  const kase = current.kase;
  const engine = ctx.engine(kase.policy);
  // Off the event loop: the engine, the serialisation, the hashes and the compression run in a
  // worker thread (a case sealed before is not sealed again).
  const assigned = await townPacksOfYear(ctx.db, county, year);
  const out = await evaluateToKeep(kase.policy, kase, overrides, assigned, current.sealed);
  if (!out.ok) throw invalid(out.problems);
  current.sealed = out.case;
  // A town's own packs (七): each evaluated on the same case, kept beside the county's receipt.
  const towns = await evaluateTownPacks(ctx, assigned, kase, overrides);
  const at = ctx.now().toISOString();
  const row: Row<'evaluations'> = {
    id: randomUUID(),
    county_id: county,
    fp_year: year,
    policy: engine.pack.id,
    pack_hash: engine.packHash,
    engine_version: ENGINE_VERSION,
    case_sha256: out.case.sha256,
    case_json: out.case.body,
    interpretations: JSON.stringify(out.value.interpretations),
    result_json: out.result.body,
    result_sha256: out.result.sha256,
    created_by: scope.actor.name,
    created_at: at,
  };
  const mark = await ctx.db.transaction().execute(async (trx) => {
    const unchanged = sameMark(await markOf(trx), current.mark);
    await trx.insertInto('evaluations').values(row).execute();
    const { case_json, result_json, ...summary } = row;
    const seq = await appendAudit(
      trx,
      scope.actor,
      {
        action: 'evaluation.create',
        object_type: 'evaluations',
        object_id: row.id,
        county_id: county,
        after: summary,
      },
      at,
    );
    await storeTownResults(trx, scope, row, towns);
    // Nothing else was written since the case was read: it is still the year's case, at this mark.
    return unchanged && seq === current.mark.seq + 1 ? markOf(trx) : undefined;
  });
  if (mark) ctx.years.put(county, year, { ...current, mark });
  return { receipt: receiptOf(row), result: out.value };
}

/** The consequences a scoped user may see: those of the units and people of the scope. */
export async function scopeResult(
  db: Db,
  scope: Scope,
  county: string,
  result: ZerenResult,
): Promise<ZerenResult> {
  if (scope.units === null) return result;
  const units = new Set(scope.units);
  const people = new Set(
    (
      await scoped(
        (db as any).selectFrom('people').select('id').where('county_id', '=', county),
        FACTS.people,
        scope,
      ).execute()
    ).map((r: Record<string, unknown>) => String(r.id)),
  );
  const mine = (x: { subject: { kind: string; id: string } }) =>
    x.subject.kind === 'unit' ? units.has(x.subject.id) : people.has(x.subject.id);
  return {
    ...result,
    consequences: result.consequences.filter(mine),
    withheld: result.withheld.filter(mine),
  };
}

export async function getEvaluation(
  ctx: Ctx,
  scope: Scope,
  id: string,
): Promise<{ receipt: Receipt; result: ZerenResult }> {
  const row = await ctx.db.selectFrom('evaluations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.county_id !== scope.county) throw notFound('评定', id);
  return {
    receipt: receiptOf(row),
    result: await scopeResult(ctx.db, scope, row.county_id, JSON.parse(keptText(row.result_json))),
  };
}

export async function listEvaluations(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year?: number,
): Promise<Receipt[]> {
  if (scope.county !== county) throw notFound('县', county);
  // The receipts only: reading every case and result of the year made the list take seconds.
  let qb = ctx.db.selectFrom('evaluations').select(RECEIPT_COLUMNS).where('county_id', '=', county);
  if (year !== undefined) qb = qb.where('fp_year', '=', year);
  return (await qb.orderBy('created_at', 'desc').execute()).map(receiptOf);
}

export interface ReceiptCheck {
  id: string;
  reproduces: boolean;
  case_intact: boolean;
  same_pack: boolean;
  same_engine: boolean;
  differences: string[];
  /** Each town pack's (七) result kept with the receipt, re-run the same way. */
  towns: TownCheck[];
}

/** Re-runs a receipt: the stored case under the stored readings, with the pack as it is now. */
export async function verifyReceipt(ctx: Ctx, id: string): Promise<ReceiptCheck> {
  const row = await ctx.db.selectFrom('evaluations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('评定', id);
  const caseText = keptText(row.case_json);
  const kase = JSON.parse(caseText) as ZerenCase;
  const engine = ctx.engine(row.policy);
  const towns = await townWordsOfYear(ctx, ctx.db, row.county_id, row.fp_year);
  const out = engine.evaluate(kase, JSON.parse(row.interpretations), undefined, towns);
  const differences: string[] = [];
  let reproduces = false;
  if (!out.ok) differences.push(...out.problems.map((p) => `${p.path}: ${p.en}`));
  else {
    const again = canonicalJson(out.value);
    reproduces = sha256(again) === row.result_sha256;
    if (!reproduces) {
      const before = JSON.parse(keptText(row.result_json)) as ZerenResult;
      const key = (c: { subject: { id: string }; type: string; clause: string; amount_yuan?: number }) =>
        `${c.subject.id} ${c.type} ${c.clause} ${c.amount_yuan ?? ''}`;
      const a = new Set(before.consequences.map(key));
      const b = new Set(out.value.consequences.map(key));
      for (const k of a) if (!b.has(k)) differences.push(`- ${k}`);
      for (const k of b) if (!a.has(k)) differences.push(`+ ${k}`);
      if (differences.length === 0) differences.push('the result differs in explanations, order or readings');
    }
  }
  return {
    id,
    reproduces,
    case_intact: sha256(caseText) === row.case_sha256,
    same_pack: engine.packHash === row.pack_hash,
    same_engine: ENGINE_VERSION === row.engine_version,
    differences,
    towns: await verifyTownResults(ctx, id, kase, JSON.parse(row.interpretations)),
  };
}
