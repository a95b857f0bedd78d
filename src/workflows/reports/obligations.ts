// The fines and reward payments screen's reading of the ledger (八): the obligations of a year
// with their names, town, status in Chinese, filtered and paged on the server; one obligation
// with its entries labelled; the balances by person, unit, town and county with the names to
// show them. Jurisdiction is the store's (listObligations, getObligation): a town or unit sees
// only what it collects or receives. Amounts are integer fen.

import { ENTRY_ZH, OBLIGATION_ZH } from '../../domain/labels.ts';
import { unitKindZh } from '../../domain/vocabulary.ts';
import { clauseLabel } from '../../engine/clauses.ts';
import type { Ctx } from '../../store/ctx.ts';
import { type Balance, balanceOf, type EntryKind, stateOf } from '../../store/ledger-core.ts';
import { type ObligationStatus, statusOf } from '../../store/ledger-status.ts';
import {
  balances,
  getObligation,
  type LedgerTotals,
  listObligations,
  type ObligationView,
  sourcesOf,
  today,
} from '../../store/ledger-views.ts';
import type { Db, Row } from '../../store/schema.ts';
import type { Scope } from '../../store/scope.ts';
import { sourceClauseZh, sourceZh } from '../evaluation/town-view.ts';
import type { Names } from './reports.ts';
import { namesOf } from './reports-data.ts';

/** The town a unit belongs to: a town is its own, a village its town's; a county unit none. */
export function townOf(names: Names, unit: string | null): string | null {
  if (!unit) return null;
  const u = names.units.get(unit);
  if (!u) return null;
  if (u.kind === 'town') return unit;
  return u.kind === 'village' ? u.town : null;
}

/** The unit that acts on an obligation: the one withholding a moved person's fine, else the collector; a unit's reward, the unit. */
export function actingUnit(
  o: Pick<ObligationView, 'kind' | 'subject' | 'collecting_unit' | 'withholding_unit'>,
) {
  if (o.kind === 'fine') return o.withholding_unit ?? o.collecting_unit;
  return o.subject.kind === 'unit' ? o.subject.id : null;
}

export function rowOf(ctx: Pick<Ctx, 'engine'>, o: ObligationView, names: Names) {
  const unitName = (id: string | null) => (id ? (names.units.get(id)?.name ?? id) : null);
  const town = townOf(names, actingUnit(o));
  return {
    id: o.id,
    fp_year: o.fp_year,
    kind: o.kind,
    kind_zh: OBLIGATION_ZH[o.kind],
    subject: o.subject,
    clause: o.clause,
    clause_label: sourceClauseZh(ctx, o.source_pack, o.clause),
    applies: o.applies,
    applies_label: o.applies ? sourceClauseZh(ctx, o.source_pack, o.applies) : null,
    /** 来源: the county's own pack (null) or a town pack (七). */
    source_pack: o.source_pack,
    source_zh: sourceZh(ctx, o.source_pack),
    collecting_unit: o.collecting_unit,
    collecting_unit_name: unitName(o.collecting_unit),
    withholding_unit: o.withholding_unit,
    withholding_unit_name: unitName(o.withholding_unit),
    town,
    town_name: unitName(town),
    due_on: o.due_on,
    on: o.on,
    ...statusOf(o.kind, o.balance),
    balance: o.balance,
    explanation: o.explanation,
  };
}
export type ObligationRow = ReturnType<typeof rowOf>;

export interface ObligationQuery {
  kind?: 'fine' | 'reward';
  town?: string;
  unit?: string;
  person?: string;
  /** Part of the name of the person or unit the obligation is for. */
  name?: string;
  clause?: string;
  /** 来源: `county` (the county's own pack) or a town pack's id. */
  source?: string;
  status?: ObligationStatus;
  open?: boolean;
  on?: string;
  limit?: number;
  offset?: number;
}

const zero = (): Balance => balanceOf(stateOf([]), 'fine');
function add(a: Balance, b: Balance): void {
  for (const k of Object.keys(a) as (keyof Balance)[]) a[k] += b[k];
}

/** A page of the obligations the caller may see, filtered; totals and choices over every match. */
export async function obligationPage(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  q: ObligationQuery,
) {
  const on = q.on ?? today(ctx);
  const { kind, unit, person, open } = q;
  const all = await listObligations(
    ctx,
    scope,
    county,
    year,
    { ...(kind && { kind }), ...(unit && { unit }), ...(person && { person }), ...(open && { open }) },
    on,
  );
  const names = await namesOf(ctx, county);
  const rows = all.map((o) => rowOf(ctx, o, names));
  const name = q.name?.trim();
  const matches = rows.filter(
    (r) =>
      (!q.town || r.town === q.town) &&
      (!q.clause || r.clause === q.clause) &&
      (!q.source || (r.source_pack ?? 'county') === q.source) &&
      (!q.status || r.status === q.status) &&
      (!name || r.subject.name.includes(name)),
  );
  const totals: LedgerTotals = { fines: zero(), rewards: zero() };
  for (const r of matches) add(r.kind === 'fine' ? totals.fines : totals.rewards, r.balance);
  const limit = q.limit ?? 20;
  const offset = q.offset ?? 0;
  const choice = (id: string | null) => (id ? { id, name: names.units.get(id)?.name ?? id } : null);
  const distinct = <T extends { id: string }>(xs: (T | null)[]) =>
    [...new Map(xs.filter((x): x is T => x !== null).map((x) => [x.id, x])).values()].sort((a, b) =>
      a.id < b.id ? -1 : 1,
    );
  return {
    on,
    total: matches.length,
    limit,
    offset,
    items: matches.slice(offset, offset + limit),
    totals,
    /** What the search form offers: the towns, units, sources and clauses of what the caller may see. */
    choices: {
      sources: [...new Set(rows.map((r) => r.source_pack))].map((p) => ({
        id: p ?? 'county',
        name: sourceZh(ctx, p),
      })),
      towns: distinct(rows.map((r) => choice(r.town))),
      units: distinct(rows.map((r) => choice(actingUnit(r)))),
      clauses: [...new Set(rows.map((r) => r.clause))]
        .sort((a, b) => {
          const x = a.split('.').map(Number);
          const y = b.split('.').map(Number);
          for (let i = 0; i < Math.max(x.length, y.length); i++)
            if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
          return 0;
        })
        .map((c) => ({ id: c, label: clauseLabel(c) })),
    },
  };
}

/** What paper an entry has (src/workflows/documents/ledger-documents.ts): its download's title. */
const PAPER: Partial<Record<string, string>> = {
  collect: '收款收据',
  pay: '奖金领款收据',
  remit: '解缴凭证',
  deduct: '扣缴通知书',
};

async function displayNames(db: Db, county: string, logins: string[]): Promise<Map<string, string>> {
  if (logins.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['username', 'display_name'])
    .where('username', 'in', logins)
    .where((eb) => eb.or([eb('county_id', '=', county), eb('county_id', 'is', null)]))
    .execute();
  return new Map(rows.map((r) => [r.username, r.display_name || r.username]));
}

/** One obligation as the drawer shows it: its row and every entry, labelled, with its reversal. */
export async function obligationDetail(ctx: Ctx, scope: Scope, id: string, on?: string) {
  const o = await getObligation(ctx, scope, id, on);
  const names = await namesOf(ctx, scope.county ?? '');
  const entries = (o.entries ?? []) as Row<'ledger_entries'>[];
  const byId = new Map(entries.map((e) => [e.id, e]));
  const who = await displayNames(ctx.db, scope.county ?? '', [...new Set(entries.map((e) => e.created_by))]);
  return {
    ...rowOf(ctx, o, names),
    entries: entries.map((e) => {
      const target = e.reverses ? byId.get(e.reverses) : undefined;
      const reversedBy = entries.find((x) => x.kind === 'reverse' && x.reverses === e.id);
      return {
        id: e.id,
        seq: e.seq,
        kind: e.kind,
        kind_zh: target
          ? `${ENTRY_ZH.reverse}（${ENTRY_ZH[target.kind as EntryKind]}）`
          : ENTRY_ZH[e.kind as EntryKind],
        amount_fen: e.amount_fen,
        on_date: e.on_date,
        due_on: e.due_on,
        unit: e.unit_id,
        unit_name: e.unit_id ? (names.units.get(e.unit_id)?.name ?? e.unit_id) : null,
        receipt_no: e.receipt_no,
        note: e.note,
        reverses: e.reverses,
        reversed_by: reversedBy?.id ?? null,
        created_by_name: who.get(e.created_by) ?? e.created_by,
        created_at: e.created_at,
        /** The paper of the move, when it has one (GET /api/v1/ledger-entries/:id/document.docx). */
        document_zh: (!reversedBy && PAPER[e.kind]) || null,
      };
    }),
  };
}

/** The balances by person, unit, town and county, each row with its name; they add up. */
export async function balanceSheet(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  on?: string,
  source?: string,
) {
  const b = await balances(ctx, scope, county, year, on, source);
  const names = await namesOf(ctx, county);
  const towns: Record<string, LedgerTotals> = {};
  for (const [unit, t] of Object.entries(b.units)) {
    const u = names.units.get(unit);
    const key = townOf(names, unit) ?? (u ? 'county_units' : unit);
    const sum = towns[key] ?? { fines: zero(), rewards: zero() };
    add(sum.fines, t.fines);
    add(sum.rewards, t.rewards);
    towns[key] = sum;
  }
  const label = (id: string) =>
    id === 'county_units'
      ? unitKindZh(names.words, 'county_unit')
      : id === '（未定）'
        ? '发给个人（不经单位）'
        : (names.units.get(id)?.name ?? names.people.get(id) ?? id);
  const rows = (m: Record<string, LedgerTotals>) =>
    Object.entries(m)
      .map(([id, t]) => ({ id, name: label(id), ...t }))
      .sort((x, y) => (x.id < y.id ? -1 : 1));
  return {
    on: b.on,
    /** 来源 the sums are of (null: every source), and the sources there are, for a filter. */
    source: source ?? null,
    sources: (await sourcesOf(ctx, county, year)).map((p) => ({ id: p ?? 'county', name: sourceZh(ctx, p) })),
    county: b.county,
    towns: rows(towns),
    units: Object.entries(b.units)
      .map(([id, t]) => ({ id, name: label(id), town: townOf(names, id), ...t }))
      .sort((x, y) => (x.id < y.id ? -1 : 1)),
    people: rows(b.people),
  };
}
