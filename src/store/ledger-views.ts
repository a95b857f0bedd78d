// The ledger as the office, the towns and units, the finance bureau and the auditors read it:
// each fine or reward with its balance as of a day (the entries in force that day), who collects
// it (the unit that now withholds it, where the person has moved: 八), when it falls due; and
// the balances per person, unit and county, which are sums of the same entries and so add up.

import { chinaDay } from '../domain/dates.ts';
import type { Ctx } from './ctx.ts';
import { notFound } from './errors.ts';
import { asOf, type Balance, balanceOf, type LedgerEntry, stateOf } from './ledger-core.ts';
import { dueOnOf, overdueOn, tranchesOf } from './ledger-due.ts';
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
  /** A fine: the day the first part still unsettled falls due (a correction's increase, its own). */
  due_on: string | null;
  /** The day the balance is as of. */
  on: string;
  balance: Balance;
  explanation: string;
  /** The town pack (七) that gave it; null: the county's own pack. */
  source_pack: string | null;
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
  const { county_id: county } = rows[0]!;
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
    const kind = o.kind as 'fine' | 'reward';
    const inForce = asOf(mine as LedgerEntry[], on);
    const s = stateOf(inForce);
    const tranches = tranchesOf(inForce);
    return {
      id: o.id,
      fp_year: o.fp_year,
      kind,
      subject: {
        kind: o.subject_kind,
        id: o.subject_id,
        name: names.get(`${o.subject_kind}:${o.subject_id}`) ?? o.subject_id,
      },
      clause: o.clause,
      applies: o.applies,
      collecting_unit: who.collecting,
      withholding_unit: who.withholding,
      due_on: kind === 'fine' ? dueOnOf(tranches, s) : null,
      on,
      balance: balanceOf(s, kind, kind === 'fine' ? overdueOn(tranches, s, on) : 0),
      explanation: o.explanation,
      source_pack: o.source_pack,
      ...(withEntries && { entries: mine }),
    };
  });
}

export async function entriesOf(db: Db | Tx, obligation: string): Promise<Row<'ledger_entries'>[]> {
  return db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('obligation_id', '=', obligation)
    .orderBy('seq')
    .execute();
}

export async function view(
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
  /** 来源: `county` (the county's own pack), or a town pack's (七) id. */
  source?: string;
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
  if (f.source)
    qb = f.source === 'county' ? qb.where('source_pack', 'is', null) : qb.where('source_pack', '=', f.source);
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
    const b = v.balance;
    if (
      f.open &&
      b.outstanding_fen === 0 &&
      b.overpaid_fen === 0 &&
      b.held_fen === 0 &&
      b.recoverable_fen === 0
    )
      continue;
    out.push(v);
  }
  return out;
}

export function today(ctx: Ctx): string {
  return chinaDay(ctx.now());
}

export interface LedgerTotals {
  fines: Balance;
  rewards: Balance;
}

const zero = (): Balance => balanceOf(stateOf([]), 'fine');
function add(a: Balance, b: Balance): void {
  for (const k of Object.keys(a) as (keyof Balance)[]) a[k] += b[k];
}

/**
 * Balances by person, by collecting unit and for the county: three sums of the same obligations
 * (of one 来源 only when `source` is given: `county`, or a town pack's id).
 */
export async function balances(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  on = today(ctx),
  source?: string,
) {
  const list = await listObligations(ctx, scope, county, year, source ? { source } : {}, on);
  const byPerson = new Map<string, LedgerTotals>();
  const byUnit = new Map<string, LedgerTotals>();
  const county_: LedgerTotals = { fines: zero(), rewards: zero() };
  const bucket = (m: Map<string, LedgerTotals>, k: string) => {
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
    add(bucket(byUnit, unit ?? '（未定）')[part], o.balance);
  }
  return { on, county: county_, units: Object.fromEntries(byUnit), people: Object.fromEntries(byPerson) };
}

/**
 * Fines past their deadline and not settled as of a day, with the balances of that day: for the
 * office, the finance bureau (what it may deduct) and the unit.
 */
export async function overdue(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  on = today(ctx),
): Promise<ObligationView[]> {
  return (await listObligations(ctx, scope, county, year, { kind: 'fine' }, on)).filter(
    (o) => o.balance.overdue_fen > 0,
  );
}

/** The sources (来源) of a county year's obligations: null for the county's own pack, else a town pack's id. */
export async function sourcesOf(ctx: Ctx, county: string, year: number): Promise<(string | null)[]> {
  const rows = await ctx.db
    .selectFrom('obligations')
    .select('source_pack')
    .distinct()
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .execute();
  return rows.map((r) => r.source_pack).sort((a, b) => ((a ?? '') < (b ?? '') ? -1 : 1));
}
