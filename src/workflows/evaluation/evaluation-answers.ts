// What the evaluation and decision routes answer, beyond the stored rows: a receipt or decision
// with the name of the person who made it (never a login), an evaluation with its view (lines,
// totals, clauses, readings: evaluation-view.ts), a diff with its changes paired, a receipt's
// check in words.

import type { ZerenResult } from '../../domain/result.ts';
import type { ResultDiff } from '../../domain/result-diff.ts';
import type { Ctx } from '../../store/ctx.ts';
import type { Decision } from '../../store/decisions.ts';
import type { Receipt, ReceiptCheck } from '../../store/evaluations.ts';
import type { Db } from '../../store/schema.ts';
import type { Scope } from '../../store/scope.ts';
import { scopedTownResults } from '../../store/town-evaluations.ts';
import { holders } from '../documents/common.ts';
import { namesOf } from '../reports/reports-data.ts';
import { changesOf, evaluationView } from './evaluation-view.ts';
import { townView } from './town-view.ts';

export async function namedReceipts(db: Db, receipts: Receipt[]) {
  const names = await holders(db, [...new Set(receipts.map((r) => r.created_by))]);
  return receipts.map((r) => ({ ...r, created_by_name: names.get(r.created_by) ?? r.created_by }));
}

export async function namedDecisions(db: Db, decisions: Decision[]) {
  const names = await holders(db, [...new Set(decisions.map((d) => d.confirmed_by))]);
  return decisions.map((d) => ({
    ...d,
    confirmed_by_name: names.get(d.confirmed_by) ?? d.confirmed_by,
    in_force: d.superseded_by === null,
  }));
}

/**
 * An evaluation with its receipt named and its view; and each town pack's (七) result with its
 * own view, apart, as the scope may see it.
 */
export async function evaluationAnswer(ctx: Ctx, e: { receipt: Receipt; result: ZerenResult }, scope: Scope) {
  const [receipt] = await namedReceipts(ctx.db, [e.receipt]);
  const names = await namesOf(ctx, e.receipt.county);
  const view = evaluationView(e.result, names, ctx.engine(e.receipt.policy).pack);
  const towns = (await scopedTownResults(ctx, scope, e.receipt.id)).map((t) =>
    townView(t, names, ctx.engine(t.pack, t.town).pack),
  );
  return { receipt: receipt!, result: e.result, view, towns };
}

/** A diff with its changes, named. */
export async function diffChanges(ctx: Ctx, county: string, diff: ResultDiff) {
  return changesOf(diff, await namesOf(ctx, county));
}

/** A receipt's check, with its verdict in Chinese. */
export function checkAnswer(c: ReceiptCheck) {
  const faults = [
    !c.case_intact && '存档的案件数据与其校验值不符',
    !c.same_pack && '政策包已与评定时不同',
    !c.same_engine && '评定引擎版本已与评定时不同',
  ].filter((x): x is string => typeof x === 'string');
  const verdict_zh = c.reproduces
    ? `复核一致：按存档的案件数据和解读重新评定，结果与回执完全相同${faults.length ? `（但${faults.join('；')}）` : ''}。`
    : `复核不一致：重新评定的结果与回执不同${faults.length ? `（${faults.join('；')}）` : ''}，共 ${c.differences.length} 处差异。`;
  const towns = c.towns.length
    ? c.towns.every((t) => t.reproduces)
      ? `镇级办法的 ${c.towns.length} 项结果复核一致。`
      : `镇级办法的 ${c.towns.filter((t) => !t.reproduces).length} 项结果复核不一致。`
    : '';
  return { ...c, verdict_zh: verdict_zh + towns };
}
