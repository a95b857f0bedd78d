// The fines ledger and reward payments, as the office, the towns and units, and the finance bureau
// use them. Every move is one transaction with its audit entry; a request repeated with the same
// idempotency key returns the first answer and moves nothing; balances per person, unit and
// county are sums of the same entries, so they always add up.

import { randomUUID } from 'node:crypto';
import { canonicalJson, sha256 } from '../domain/canonical.ts';
import { chinaDay, isIsoDate } from '../domain/dates.ts';
import { type Fen, parseYuan } from '../domain/money.ts';
import type { Problem } from '../domain/problems.ts';
import { appendAudit } from './audit.ts';
import { currentDecision } from './decisions.ts';
import { conflict, invalid, notFound, StoreError } from './errors.ts';
import type { Ctx } from './facts.ts';
import {
  type Balance,
  balanceOf,
  checkMove,
  checkReversal,
  type Entry,
  lockLedger,
  type Move,
  nextSeq,
  stateOf,
} from './ledger-core.ts';
import type { Db, Row, Tx } from './schema.ts';
import type { Scope } from './scope.ts';

export interface ObligationView {
  id: string;
  fp_year: number;
  kind: 'fine' | 'reward';
  subject: { kind: string; id: string; name: string };
  clause: string;
  applies: string | null;
  collecting_unit: string | null;
  /** Where the person has moved since: the unit of the new post withholds the fine (八). */
  withholding_unit: string | null;
  due_on: string | null;
  balance: Balance;
  explanation: string;
  entries?: Row<'ledger_entries'>[];
}

/** For each person, the units of the posts held on a day (villages counted to their towns). */
async function unitsHeldOn(
  db: Db | Tx,
  county: string,
  people: string[],
  on: string,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (people.length === 0) return out;
  const posts = await db
    .selectFrom('posts')
    .innerJoin('units', (j) =>
      j.onRef('units.county_id', '=', 'posts.county_id').onRef('units.id', '=', 'posts.unit_id'),
    )
    .select(['posts.person_id', 'units.id', 'units.kind', 'units.town_id'])
    .where('posts.county_id', '=', county)
    .where('posts.person_id', 'in', people)
    .where('posts.retracted_at', 'is', null)
    .where((eb) =>
      eb.and([
        eb.or([eb('posts.from_date', 'is', null), eb('posts.from_date', '<=', on)]),
        eb.or([eb('posts.to_date', 'is', null), eb('posts.to_date', '>=', on)]),
      ]),
    )
    .execute();
  for (const p of posts) {
    const unit = p.kind === 'village' ? (p.town_id ?? p.id) : p.id;
    const list = out.get(p.person_id) ?? [];
    if (!list.includes(unit)) list.push(unit);
    out.set(p.person_id, list.sort());
  }
  return out;
}

/** Who collects a fine on a day: its collecting unit, or the new unit if the person has moved away (八). */
function collector(
  o: Row<'obligations'>,
  held: Map<string, string[]>,
): { collecting: string | null; withholding: string | null } {
  if (o.kind !== 'fine' || o.subject_kind !== 'person')
    return { collecting: o.collecting_unit_id, withholding: null };
  const units = held.get(o.subject_id) ?? [];
  const moved = o.collecting_unit_id !== null && units.length > 0 && !units.includes(o.collecting_unit_id);
  return { collecting: o.collecting_unit_id, withholding: moved ? units[0]! : null };
}

export async function collectorOn(db: Db | Tx, o: Row<'obligations'>, on: string) {
  return collector(o, await unitsHeldOn(db, o.county_id, [o.subject_id], on));
}

/** The views of many obligations of one county and year, in a handful of queries. */
async function views(
  db: Db | Tx,
  rows: Row<'obligations'>[],
  on: string,
  withEntries = false,
): Promise<ObligationView[]> {
  if (rows.length === 0) return [];
  const { county_id: county, fp_year: year } = rows[0]!;
  const ids = rows.map((o) => o.id);
  const entries = new Map<string, Row<'ledger_entries'>[]>();
  for (let i = 0; i < ids.length; i += 500)
    for (const e of await db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('obligation_id', 'in', ids.slice(i, i + 500))
      .orderBy('seq')
      .execute())
      entries.set(e.obligation_id, [...(entries.get(e.obligation_id) ?? []), e]);
  const decision = await currentDecision(db, county, year);
  const people = [...new Set(rows.filter((o) => o.subject_kind === 'person').map((o) => o.subject_id))];
  const held = await unitsHeldOn(db, county, people, on);
  const names = new Map<string, string>();
  for (const r of await db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('county_id', '=', county)
    .execute())
    names.set(`person:${r.id}`, r.name);
  for (const r of await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('county_id', '=', county)
    .execute())
    names.set(`unit:${r.id}`, r.name);
  return rows.map((o) => {
    const mine = entries.get(o.id) ?? [];
    const who = collector(o, held);
    return {
      id: o.id,
      fp_year: o.fp_year,
      kind: o.kind as 'fine' | 'reward',
      subject: {
        kind: o.subject_kind,
        id: o.subject_id,
        name: names.get(`${o.subject_kind}:${o.subject_id}`) ?? o.subject_id,
      },
      clause: o.clause,
      applies: o.applies,
      collecting_unit: who.collecting,
      withholding_unit: who.withholding,
      due_on: o.kind === 'fine' ? (decision?.fines_due_on ?? null) : null,
      balance: balanceOf(stateOf(mine as Entry[]), o.kind as 'fine' | 'reward'),
      explanation: o.explanation,
      ...(withEntries && { entries: mine }),
    };
  });
}

async function entriesOf(db: Db | Tx, obligation: string): Promise<Row<'ledger_entries'>[]> {
  return db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('obligation_id', '=', obligation)
    .orderBy('seq')
    .execute();
}

async function view(
  db: Db | Tx,
  o: Row<'obligations'>,
  on: string,
  withEntries = false,
): Promise<ObligationView> {
  return (await views(db, [o], on, withEntries))[0]!;
}

/** Whether the scope may see an obligation: county-wide roles all; a town or unit its own. */
function visible(
  scope: Scope,
  o: Row<'obligations'>,
  v: { collecting_unit: string | null; withholding_unit: string | null },
): boolean {
  if (scope.county !== o.county_id) return false;
  if (scope.units === null) return true;
  const mine = scope.unit;
  return (
    mine !== null &&
    (v.collecting_unit === mine ||
      v.withholding_unit === mine ||
      (o.subject_kind === 'unit' && scope.units.includes(o.subject_id)))
  );
}

export async function getObligation(
  ctx: Ctx,
  scope: Scope,
  id: string,
  on = today(ctx),
): Promise<ObligationView> {
  const o = await ctx.db.selectFrom('obligations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o) throw notFound('应收应付款项', id);
  const v = await view(ctx.db, o, on, true);
  if (!visible(scope, o, v)) throw notFound('应收应付款项', id);
  return v;
}

export interface ObligationFilter {
  kind?: string;
  unit?: string;
  person?: string;
  open?: boolean;
}

export async function listObligations(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  f: ObligationFilter = {},
  on = today(ctx),
): Promise<ObligationView[]> {
  if (scope.county !== county) throw notFound('县', county);
  let qb = ctx.db
    .selectFrom('obligations')
    .selectAll()
    .where('county_id', '=', county)
    .where('fp_year', '=', year);
  if (f.kind) qb = qb.where('kind', '=', f.kind);
  if (f.person) qb = qb.where('subject_kind', '=', 'person').where('subject_id', '=', f.person);
  const rows = await qb.orderBy('subject_id').orderBy('clause').execute();
  const all = await views(ctx.db, rows, on);
  const out: ObligationView[] = [];
  for (const [i, v] of all.entries()) {
    const o = rows[i]!;
    if (!visible(scope, o, v)) continue;
    if (
      f.unit &&
      v.collecting_unit !== f.unit &&
      v.withholding_unit !== f.unit &&
      !(o.subject_kind === 'unit' && o.subject_id === f.unit)
    )
      continue;
    if (f.open && v.balance.outstanding === 0 && v.balance.overpaid === 0 && v.balance.held === 0) continue;
    out.push(v);
  }
  return out;
}

function today(ctx: Ctx): string {
  return chinaDay(ctx.now());
}

export interface MoveInput {
  amount_yuan: unknown;
  receipt_no?: string;
  on?: string;
  note?: string;
}

export interface Replayed<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Runs a money-moving request once per idempotency key: a repeat with the same key and request
 * returns the first answer and moves nothing; the same key with another request is refused.
 */
async function once<T>(
  ctx: Ctx,
  scope: Scope,
  key: string | undefined,
  route: string,
  request: unknown,
  f: (trx: Tx) => Promise<T>,
): Promise<Replayed<T>> {
  if (!key || !/^[\w.:-]{8,100}$/.test(key))
    throw invalid([
      {
        path: 'Idempotency-Key',
        code: 'required',
        zh: '资金操作须带幂等键(Idempotency-Key,8–100 个字符)',
        en: 'a money-moving request needs an Idempotency-Key header (8–100 characters)',
      },
    ]);
  const hash = sha256(canonicalJson({ route, request }));
  return ctx.db.transaction().execute(async (trx) => {
    await lockLedger(trx);
    const seen = await trx
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('actor', '=', scope.actor.name)
      .where('key', '=', key)
      .executeTakeFirst();
    if (seen) {
      if (seen.request_sha256 !== hash)
        throw conflict('该幂等键已用于另一请求', 'this idempotency key was used for a different request');
      return { status: seen.status, body: JSON.parse(seen.response_json) as T, replayed: true };
    }
    const body = await f(trx);
    await trx
      .insertInto('idempotency_keys')
      .values({
        key,
        actor: scope.actor.name,
        route,
        request_sha256: hash,
        status: 201,
        response_json: JSON.stringify(body),
        created_at: ctx.now().toISOString(),
      })
      .execute();
    return { status: 201, body, replayed: false };
  });
}

const WHO_MAY: Record<Move, readonly string[]> = {
  collect: ['office', 'town', 'unit'],
  remit: ['office', 'town', 'unit'],
  refund: ['office', 'town', 'unit'],
  deduct: ['finance'],
  pay: ['finance'],
};

/** Records a move on an obligation: checked against its balance, under the ledger's lock. */
export async function move(
  ctx: Ctx,
  scope: Scope,
  id: string,
  kind: Move,
  input: MoveInput,
  key: string | undefined,
): Promise<Replayed<ObligationView>> {
  const problems: Problem[] = [];
  const amount = parseYuan(input.amount_yuan, 'amount_yuan');
  if ('problem' in amount) problems.push(amount.problem);
  const on = input.on ?? today(ctx);
  if (!isIsoDate(on))
    problems.push({ path: 'on', code: 'date', zh: '应为日期 YYYY-MM-DD', en: 'must be a date, YYYY-MM-DD' });
  if ((kind === 'collect' || kind === 'pay') && !input.receipt_no?.trim())
    problems.push({
      path: 'receipt_no',
      code: 'required',
      zh: kind === 'collect' ? '收缴须填写收据号' : '支付须填写凭证号',
      en: kind === 'collect' ? 'a collection needs its receipt number' : 'a payment needs its voucher number',
    });
  if (problems.length) throw invalid(problems);
  const fen = (amount as { fen: Fen }).fen;
  return once(ctx, scope, key, `${kind} ${id}`, { ...input, on }, async (trx) => {
    const o = await trx.selectFrom('obligations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!o || o.county_id !== scope.county) throw notFound('应收应付款项', id);
    const who = await collectorOn(trx, o, on);
    const actingUnit = who.withholding ?? who.collecting;
    if (!WHO_MAY[kind].includes(scope.role))
      throw new StoreError('forbidden', '无权进行此项资金操作', 'you may not make this move');
    if (scope.units !== null && scope.unit !== actingUnit) throw notFound('应收应付款项', id);
    const entries = await entriesOf(trx, id);
    const refusal = checkMove(o.kind as 'fine' | 'reward', stateOf(entries as Entry[]), kind, fen);
    if (refusal) throw invalid([{ path: 'amount_yuan', code: 'balance', zh: refusal.zh, en: refusal.en }]);
    if (kind === 'deduct') {
      const decision = await currentDecision(trx, o.county_id, o.fp_year);
      if (decision && on <= decision.fines_due_on)
        throw invalid([
          {
            path: 'on',
            code: 'not_due',
            zh: `缴纳期限 ${decision.fines_due_on} 未过,不能从拨款中扣除`,
            en: `the fine is not overdue until after ${decision.fines_due_on}; no deduction yet`,
          },
        ]);
    }
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
      receipt_no: input.receipt_no?.trim() || null,
      decision_id: null,
      note: input.note ?? (kind === 'collect' && who.withholding ? `调入单位 ${who.withholding} 代扣` : null),
      idempotency_key: key ?? null,
      created_by: scope.actor.name,
      created_at: at,
    };
    await trx.insertInto('ledger_entries').values(e).execute();
    await appendAudit(
      trx,
      scope.actor,
      {
        action: `ledger.${kind}`,
        object_type: 'ledger_entries',
        object_id: e.id,
        county_id: o.county_id,
        unit_id: e.unit_id,
        after: { ...e, on },
      },
      at,
    );
    return view(trx, o, on, true);
  });
}

/** Reverses a collection, remittance, deduction, refund or payment entered by mistake. */
export async function reverse(
  ctx: Ctx,
  scope: Scope,
  entryId: string,
  reason: string | undefined,
  key: string | undefined,
): Promise<Replayed<ObligationView>> {
  if (!reason?.trim())
    throw invalid([
      { path: 'reason', code: 'required', zh: '冲正须说明理由', en: 'a reversal needs its reason' },
    ]);
  return once(ctx, scope, key, `reverse ${entryId}`, { reason }, async (trx) => {
    const target = await trx
      .selectFrom('ledger_entries')
      .selectAll()
      .where('id', '=', entryId)
      .executeTakeFirst();
    if (!target || target.county_id !== scope.county) throw notFound('分录', entryId);
    const entries = await entriesOf(trx, target.obligation_id);
    const refusal = checkReversal(entries as Entry[], target as Entry);
    if (refusal) throw invalid([{ path: 'id', code: 'balance', zh: refusal.zh, en: refusal.en }]);
    // The finance bureau reverses its own kinds of entry; the office the units'.
    const mine = scope.role === 'finance' ? ['deduct', 'pay'] : ['collect', 'remit', 'refund'];
    if (!mine.includes(target.kind))
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
    };
    await trx.insertInto('ledger_entries').values(e).execute();
    await appendAudit(
      trx,
      scope.actor,
      {
        action: 'ledger.reverse',
        object_type: 'ledger_entries',
        object_id: e.id,
        county_id: e.county_id,
        unit_id: e.unit_id,
        before: target,
        after: e,
      },
      at,
    );
    const o = await trx
      .selectFrom('obligations')
      .selectAll()
      .where('id', '=', target.obligation_id)
      .executeTakeFirstOrThrow();
    return view(trx, o, today(ctx), true);
  });
}

export interface Totals {
  fines: Balance;
  rewards: Balance;
}

const zero = (): Balance => ({
  assessed: 0,
  collected: 0,
  refunded: 0,
  remitted: 0,
  deducted: 0,
  paid: 0,
  outstanding: 0,
  overpaid: 0,
  held: 0,
});
function add(a: Balance, b: Balance): void {
  for (const k of Object.keys(a) as (keyof Balance)[]) a[k] += b[k];
}

/** Balances by person, by collecting unit and for the county: three sums of the same obligations. */
export async function balances(ctx: Ctx, scope: Scope, county: string, year: number, on = today(ctx)) {
  const list = await listObligations(ctx, scope, county, year, {}, on);
  const byPerson = new Map<string, Totals>();
  const byUnit = new Map<string, Totals>();
  const county_: Totals = { fines: zero(), rewards: zero() };
  const bucket = (m: Map<string, Totals>, k: string) => {
    const t = m.get(k) ?? { fines: zero(), rewards: zero() };
    m.set(k, t);
    return t;
  };
  for (const o of list) {
    const part = o.kind === 'fine' ? 'fines' : 'rewards';
    add(county_[part], o.balance);
    if (o.subject.kind === 'person') add(bucket(byPerson, o.subject.id)[part], o.balance);
    const unit =
      o.kind === 'fine'
        ? (o.withholding_unit ?? o.collecting_unit)
        : o.subject.kind === 'unit'
          ? o.subject.id
          : null;
    add(bucket(byUnit, unit ?? '(未定)')[part], o.balance);
  }
  return { on, county: county_, units: Object.fromEntries(byUnit), people: Object.fromEntries(byPerson) };
}

/** Fines past their deadline and not settled: for the office, the finance bureau and the unit. */
export async function overdue(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  on = today(ctx),
): Promise<ObligationView[]> {
  return (await listObligations(ctx, scope, county, year, { kind: 'fine' }, on)).filter(
    (o) => o.due_on !== null && o.due_on < on && o.balance.outstanding > 0,
  );
}
