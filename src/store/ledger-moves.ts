// Moves on the fines ledger and reward payments, as the office, the towns and units, and the
// finance bureau make them. Every move is one transaction with its audit entry, under the ledger's
// lock; a request repeated with the same idempotency key returns the first answer and moves
// nothing (ledger-idempotency.ts). What a move may do is the pure arithmetic of ledger-core.ts;
// reading the ledger is ledger-views.ts. Amounts are integer fen
// (`amount_fen`); a move is dated (`on`) no earlier than the decision that assessed the obligation
// and no later than today, and a receipt number is used once in a county's FP year.

import { randomUUID } from 'node:crypto';
import { isIsoDate } from '../domain/dates.ts';
import { can, mayReverse } from '../domain/permissions.ts';
import { type Problem, problem } from '../domain/problems.ts';
import { appendAudit } from './audit.ts';
import type { Ctx } from './ctx.ts';
import { invalid, notFound, StoreError } from './errors.ts';
import { checkMove, checkReversal, type LedgerEntry, type Move } from './ledger-core.ts';
import { once, type Replayed } from './ledger-idempotency.ts';
import { nextSeq } from './ledger-lock.ts';
import { collectorOn, entriesOf, type ObligationView, today, view } from './ledger-views.ts';
import type { Row, Tx } from './schema.ts';
import type { Scope } from './scope.ts';

export interface MoveInput {
  amount_fen: unknown;
  receipt_no?: string;
  on?: string;
  note?: string;
}

/** Moves that hand over money against a receipt or voucher, whose number is required. */
const RECEIPTED: Record<string, { zh: string; en: string }> = {
  collect: { zh: '收缴须填写收据号', en: 'a collection needs its receipt number' },
  recover: { zh: '追回须填写收据号', en: 'a recovery needs its receipt number' },
  pay: { zh: '支付须填写凭证号', en: 'a payment needs its voucher number' },
};

/** The checks of a move's request alone: the amount in fen, a real day not in the future, a receipt. */
function checkInput(kind: Move, input: MoveInput, on: string, now: string): Problem[] {
  const problems: Problem[] = [];
  const fen = input.amount_fen;
  if (typeof fen !== 'number' || !Number.isInteger(fen) || fen <= 0 || fen > 10_000_000_000)
    problems.push(
      problem(
        'amount_fen',
        'amount',
        '金额应为正整数，单位为分（1 元 = 100 分）',
        'the amount is a positive whole number of fen (1 yuan = 100 fen)',
      ),
    );
  if (!isIsoDate(on))
    problems.push(problem('on', 'date', '应为日期 YYYY-MM-DD', 'must be a date, YYYY-MM-DD'));
  else if (on > now)
    problems.push(problem('on', 'range', `不能晚于今天（${now}）`, `must not be after today (${now})`));
  const receipt = RECEIPTED[kind];
  if (receipt && !input.receipt_no?.trim())
    problems.push(problem('receipt_no', 'required', receipt.zh, receipt.en));
  return problems;
}

/** The receipt number is not used by another entry in force in the county's FP year. */
async function checkReceipt(trx: Tx, o: Row<'obligations'>, receipt: string): Promise<Problem | undefined> {
  const same = await trx
    .selectFrom('ledger_entries')
    .select(['id', 'obligation_id'])
    .where('county_id', '=', o.county_id)
    .where('fp_year', '=', o.fp_year)
    .where('receipt_no', '=', receipt)
    .where('kind', '!=', 'reverse')
    .execute();
  const reversed = same.length
    ? new Set(
        (
          await trx
            .selectFrom('ledger_entries')
            .select('reverses')
            .where(
              'reverses',
              'in',
              same.map((e) => e.id),
            )
            .execute()
        ).map((r) => r.reverses),
      )
    : new Set();
  if (!same.some((e) => !reversed.has(e.id))) return undefined;
  return problem(
    'receipt_no',
    'duplicate',
    `收据号 ${receipt} 在本县 ${o.fp_year} 计生年度已经使用`,
    `receipt number ${receipt} is already used in this county's FP year ${o.fp_year}`,
  );
}

/**
 * A town or unit acts only for the unit that collects the fine now. The unit a person has moved
 * away from is told which unit withholds the fine instead; any other reads it as absent.
 */
async function checkActing(trx: Tx, scope: Scope, o: Row<'obligations'>, acting: string | null) {
  if (scope.units === null || scope.unit === acting) return;
  if (acting === null || scope.unit !== o.collecting_unit_id) throw notFound('应收应付款项', o.id);
  const unit = await trx
    .selectFrom('units')
    .select('name')
    .where('county_id', '=', o.county_id)
    .where('id', '=', acting)
    .executeTakeFirst();
  const name = unit?.name ?? acting;
  throw new StoreError(
    'conflict',
    `当事人已调离，罚款由调入单位${name}（${acting}）代扣，本单位不能收缴`,
    `the person has moved: ${name} (${acting}) now withholds the fine, not your unit`,
    [problem('withholding_unit', 'moved', `由${name}（${acting}）代扣`, `withheld by ${name} (${acting})`)],
  );
}

/** Records a move on an obligation: checked against its balance, under the ledger's lock. */
export async function move(
  ctx: Ctx,
  scope: Scope,
  id: string,
  kind: Move,
  input: MoveInput,
  key: string | undefined,
): Promise<Replayed<ObligationView>> {
  // Another county's obligation is as absent as none, whatever the request says.
  const mine = await ctx.db
    .selectFrom('obligations')
    .select('county_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!mine || mine.county_id !== scope.county) throw notFound('应收应付款项', id);
  const now = today(ctx);
  const on = input.on ?? now;
  const problems = checkInput(kind, input, on, now);
  if (problems.length) throw invalid(problems);
  const fen = input.amount_fen as number;
  return once(ctx, scope, key, `${kind} ${id}`, { ...input, on }, async (trx) => {
    const o = await trx.selectFrom('obligations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!o || o.county_id !== scope.county) throw notFound('应收应付款项', id);
    const who = await collectorOn(trx, o, on);
    const actingUnit = who.withholding ?? who.collecting;
    if (!can(scope.role, `ledger.${kind}`))
      throw new StoreError('forbidden', '无权进行此项资金操作', 'you may not make this move');
    await checkActing(trx, scope, o, actingUnit);
    const entries = await entriesOf(trx, id);
    const assessedOn = entries.find((e) => e.kind === 'assess')?.on_date;
    if (assessedOn && on < assessedOn)
      throw invalid([
        problem(
          'on',
          'range',
          `不能早于作出决定的日期（${assessedOn}）`,
          `must not be before the decision that assessed it (${assessedOn})`,
        ),
      ]);
    const receipt = input.receipt_no?.trim() || null;
    const duplicate = receipt ? await checkReceipt(trx, o, receipt) : undefined;
    if (duplicate) throw invalid([duplicate]);
    const refusal = checkMove(o.kind as 'fine' | 'reward', entries as LedgerEntry[], kind, fen, on);
    if (refusal) throw invalid([problem(refusal.path, refusal.code, refusal.zh, refusal.en)]);
    const at = ctx.now().toISOString();
    const e: Row<'ledger_entries'> = {
      id: randomUUID(),
      seq: await nextSeq(trx, o.county_id),
      county_id: o.county_id,
      fp_year: o.fp_year,
      obligation_id: id,
      kind,
      amount_fen: fen,
      on_date: on,
      reverses: null,
      unit_id: kind === 'pay' ? null : actingUnit,
      receipt_no: receipt,
      decision_id: null,
      note: input.note ?? (kind === 'collect' && who.withholding ? `调入单位 ${who.withholding} 代扣` : null),
      idempotency_key: key ?? null,
      created_by: scope.actor.name,
      created_at: at,
      due_on: null,
    };
    await enter(trx, scope, e, at);
    return view(trx, o, now, true);
  });
}

/** Writes an entry and its audit record (ledger.<kind>; a reversal with the entry it reverses). */
async function enter(
  trx: Tx,
  scope: Scope,
  e: Row<'ledger_entries'>,
  at: string,
  reversed?: Row<'ledger_entries'>,
): Promise<void> {
  await trx.insertInto('ledger_entries').values(e).execute();
  await appendAudit(
    trx,
    scope.actor,
    {
      action: `ledger.${e.kind}`,
      object_type: 'ledger_entries',
      object_id: e.id,
      county_id: e.county_id,
      unit_id: e.unit_id,
      ...(reversed && { before: reversed }),
      after: e,
    },
    at,
  );
}

/** Reverses a move entered by mistake (a correcting entry; nothing is edited). */
export async function reverse(
  ctx: Ctx,
  scope: Scope,
  entryId: string,
  reason: string | undefined,
  key: string | undefined,
): Promise<Replayed<ObligationView>> {
  if (!reason?.trim())
    throw invalid([problem('reason', 'required', '冲正须说明理由', 'a reversal needs its reason')]);
  return once(ctx, scope, key, `reverse ${entryId}`, { reason }, async (trx) => {
    const target = await trx
      .selectFrom('ledger_entries')
      .selectAll()
      .where('id', '=', entryId)
      .executeTakeFirst();
    if (!target || target.county_id !== scope.county) throw notFound('分录', entryId);
    const entries = await entriesOf(trx, target.obligation_id);
    const refusal = checkReversal(entries as LedgerEntry[], target as LedgerEntry);
    if (refusal) throw invalid([problem('id', refusal.code, refusal.zh, refusal.en)]);
    // The finance bureau reverses its own kinds of entry; the office the units'.
    if (!mayReverse(scope.role, target.kind))
      throw new StoreError('forbidden', '无权冲正此类分录', 'you may not reverse this kind of entry');
    const at = ctx.now().toISOString();
    const e: Row<'ledger_entries'> = {
      ...target,
      id: randomUUID(),
      seq: await nextSeq(trx, target.county_id),
      kind: 'reverse',
      on_date: today(ctx),
      reverses: target.id,
      decision_id: null,
      note: reason,
      idempotency_key: key ?? null,
      created_by: scope.actor.name,
      created_at: at,
      due_on: null,
    };
    await enter(trx, scope, e, at, target);
    const o = await trx
      .selectFrom('obligations')
      .selectAll()
      .where('id', '=', target.obligation_id)
      .executeTakeFirstOrThrow();
    return view(trx, o, today(ctx), true);
  });
}
