// A decision's money: one obligation per fine or reward the decision gives, its amount due the sum
// of its live `assess` entries. A correction reverses what it changes or no longer gives and
// assesses anew; nothing in the ledger is edited. Inside the decision's transaction, under the
// ledger's lock.

import { randomUUID } from 'node:crypto';
import type { ZerenCase } from '../domain/case.ts';
import type { Consequence } from '../domain/result.ts';
import type { Recorder } from './audit.ts';
import { insertAll } from './bulk.ts';
import { nextSeq } from './ledger-lock.ts';
import type { Row, Tx } from './schema.ts';

const MONEY = new Set(['fine', 'reward']);

/** A consequence the decision gives, with the town pack (七) that gave it; null: the county's own pack. */
export interface Given {
  c: Consequence;
  source: string | null;
}

/** The key of a consequence for obligations: who, what, which clause of which pack (null: the county's). */
const keyOf = (kind: string, subjectKind: string, subjectId: string, clause: string, source: string | null) =>
  `${kind}|${subjectKind}|${subjectId}|${clause}|${source ?? ''}`;

/**
 * The unit that collects a person's fine: where the post or link that made the person answer
 * was held (a village's posts and links answer to its town: 罚款由镇(场)、县直相关单位执罚). A
 * fine on a person named in an incident (4.3.1.8) goes to the unit of the person's latest post.
 */
function collectingUnit(
  c: Consequence,
  townOf: Map<string, string | null>,
  postsOf: Map<string, string[]>,
): string | null {
  const unit = c.via?.unit ?? postsOf.get(c.subject.id)?.at(-1);
  if (!unit) return null;
  return townOf.get(unit) ?? unit;
}

/** Where the case's people answered: each village's town, each person's posts' units in order. */
export interface Places {
  townOf: Map<string, string | null>;
  postsOf: Map<string, string[]>;
}

export function placesOf(kase: ZerenCase): Places {
  const townOf = new Map(kase.units.filter((u) => u.kind === 'village').map((u) => [u.id, u.town ?? null]));
  const postsOf = new Map<string, string[]>();
  for (const p of [...(kase.posts ?? [])].sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1)))
    postsOf.set(p.person, [...(postsOf.get(p.person) ?? []), p.unit]);
  return { townOf, postsOf };
}

/**
 * Money: one obligation per fine or reward, its amount due the sum of its live `assess` entries.
 * A consequence new or changed gets an `assess` entry (after reversing the one it replaces); an
 * obligation the decision no longer gives has its live assessment reversed.
 */
export async function assessMoney(
  trx: Tx,
  decision: Row<'decisions'>,
  given: readonly Given[],
  places: Places,
  on: string,
  record: Recorder,
): Promise<void> {
  const { county_id: county, fp_year: year } = decision;
  const obligations = await trx
    .selectFrom('obligations')
    .selectAll()
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .execute();
  const byKey = new Map(
    obligations.map((o) => [keyOf(o.kind, o.subject_kind, o.subject_id, o.clause, o.source_pack), o]),
  );
  const live = await liveAssessments(trx, county, year);
  let seq = await nextSeq(trx, county);
  const entry = (
    obligation: string,
    kind: string,
    fen: number,
    extra: Partial<Row<'ledger_entries'>> = {},
  ) => {
    const e: Row<'ledger_entries'> = {
      id: randomUUID(),
      seq: seq++,
      county_id: county,
      fp_year: year,
      obligation_id: obligation,
      kind,
      amount_fen: fen,
      on_date: on,
      reverses: null,
      unit_id: null,
      receipt_no: null,
      decision_id: decision.id,
      note: null,
      idempotency_key: null,
      created_by: decision.confirmed_by,
      created_at: decision.confirmed_at,
      due_on: null,
      ...extra,
    };
    record(`ledger.${kind}`, 'ledger_entries', e.id, null, e);
    return e;
  };
  const entries: Row<'ledger_entries'>[] = [];
  const newObligations: Row<'obligations'>[] = [];
  const wanted = new Set<string>();
  for (const { c, source } of given) {
    if (!MONEY.has(c.type)) continue;
    const key = keyOf(c.type, c.subject.kind, c.subject.id, c.clause, source);
    wanted.add(key);
    const fen = Math.round(c.amount_yuan! * 100);
    let o = byKey.get(key);
    if (!o) {
      o = newObligation(decision, c, source, places);
      newObligations.push(o);
      record('obligation.create', 'obligations', o.id, null, o);
    }
    const prev = live.get(o.id);
    if (prev?.amount_fen === fen) continue;
    if (prev)
      entries.push(
        entry(o.id, 'reverse', prev.amount_fen, {
          reverses: prev.id,
          note: `更正决定 ${decision.id}：${decision.reason}`,
        }),
      );
    // A fine falls due by this decision's date: a correction's new or raised fine by its own.
    entries.push(
      entry(o.id, 'assess', fen, {
        note: c.explanation.slice(0, 500),
        due_on: c.type === 'fine' ? decision.fines_due_on : null,
      }),
    );
  }
  for (const o of obligations) {
    const prev = live.get(o.id);
    if (!wanted.has(keyOf(o.kind, o.subject_kind, o.subject_id, o.clause, o.source_pack)) && prev)
      entries.push(
        entry(o.id, 'reverse', prev.amount_fen, {
          reverses: prev.id,
          note: `更正决定 ${decision.id} 不再有此项：${decision.reason}`,
        }),
      );
  }
  await insertAll(trx, 'obligations', newObligations);
  await insertAll(trx, 'ledger_entries', entries);
}

/** A fine or reward the year had not owed before. */
function newObligation(
  decision: Row<'decisions'>,
  c: Consequence,
  source: string | null,
  places: Places,
): Row<'obligations'> {
  return {
    id: randomUUID(),
    county_id: decision.county_id,
    fp_year: decision.fp_year,
    kind: c.type,
    subject_kind: c.subject.kind,
    subject_id: c.subject.id,
    clause: c.clause,
    applies: c.applies ?? null,
    collecting_unit_id:
      c.type === 'fine' && c.subject.kind === 'person'
        ? collectingUnit(c, places.townOf, places.postsOf)
        : null,
    explanation: c.explanation,
    created_at: decision.confirmed_at,
    source_pack: source,
  };
}

/** Each obligation's `assess` entry still in force (not reversed). */
async function liveAssessments(
  trx: Tx,
  county: string,
  year: number,
): Promise<Map<string, Row<'ledger_entries'>>> {
  const rows = await trx
    .selectFrom('ledger_entries')
    .selectAll()
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .where('kind', 'in', ['assess', 'reverse'])
    .execute();
  const reversed = new Set(rows.filter((r) => r.kind === 'reverse').map((r) => r.reverses));
  const out = new Map<string, Row<'ledger_entries'>>();
  for (const r of rows) if (r.kind === 'assess' && !reversed.has(r.id)) out.set(r.obligation_id, r);
  return out;
}
