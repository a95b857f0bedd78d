// Importing one collection of a case into its year: the stored year becomes exactly the case's
// collection, and nothing else. Each item of the case is paired with a stored row of the county
// — first one that already reads the same, then one that is the same fact (its natural key:
// the same post, the same notice), preferring rows the year holds, then live rows, then a row
// withdrawn earlier (restored: import A, B, A gives back A) — and the row is made to read as the
// item, every field of the case included (a field the case leaves out is cleared). Items paired
// with nothing are inserted. Rows the year held that the case no longer lists are ended the day
// before the year (posts and links begun before it, or whose start is unknown), retracted, or —
// when the year held them only
// because its case listed them outside its dates — let go. Pairing counts duplicates: a case may
// list the same acceptance twice, and the store then holds it twice.

import type { Kysely } from 'kysely';
import { canonicalJson } from '../domain/canonical.ts';
import { addDays, fpYear, fpYearOf } from '../domain/dates.ts';
import type { Recorder } from './audit.ts';
import { insertAll } from './bulk.ts';
import type { YearFact } from './cases.ts';
import { FACTS, type FactFields } from './fact-kinds.ts';
import { newId } from './ids.ts';
import type { Tx } from './schema.ts';
import { type Held, inYear, type YearCollection } from './year-view.ts';

export interface Changes {
  inserted: number;
  updated: number;
  restored: number;
  closed: number;
  retracted: number;
  /** Facts outside the year's dates that the year now holds, unchanged. */
  linked: number;
  /** Facts outside the year's dates that the year no longer holds (kept as they are). */
  unlinked: number;
}

export const noChanges = (): Changes => ({
  inserted: 0,
  updated: 0,
  restored: 0,
  closed: 0,
  retracted: 0,
  linked: 0,
  unlinked: 0,
});

/** The key that says two rows are the same fact of the year, whatever else changed. */
const NATURAL_KEY: Record<YearCollection, (a: FactFields) => string> = {
  posts: (a) => `${a.person}|${a.unit}|${a.role}|${a.from ?? ''}`,
  links: (a) => `${a.kind}|${a.person ?? a.unit}|${a.village ?? a.town}|${a.from ?? ''}`,
  categories: (a) => `${a.unit}|${a.fp_year}`,
  assessments: (a) => `${a.by}|${a.subject}|${a.kind ?? 'annual'}`,
  acceptances: (a) => `${a.unit}|${a.kind}|${a.by}`,
  // A notice is its id in the case and the FP year it was issued in.
  warning_notices: (a) => `${fpYearOf(String(a.issued_on))}|${a.case_id ?? a.id}`,
  incidents: (a) => `${a.kind}|${a.person}|${a.occurred_on}`,
};

const any = (db: Tx) => db as unknown as Kysely<any>;

interface Stored {
  row: Record<string, unknown>;
  api: FactFields;
  /** 0: the year holds it; 1: live elsewhere in the county; 2: withdrawn. */
  rank: 0 | 1 | 2;
  used: boolean;
}

/** The item of a case as the store reads it: its year, defaults, and a notice's case id. */
function normalise(name: YearCollection, a: FactFields, year: number): FactFields {
  if (name === 'assessments') return { fp_year: year, kind: 'annual', ...a };
  if (name === 'acceptances') return { fp_year: year, ...a };
  if (name === 'warning_notices') return { ...a, case_id: a.id };
  return a;
}

/** Picks, for each item, the best unused stored row with the same key (lowest rank first). */
function pair(
  items: readonly FactFields[],
  pool: readonly Stored[],
  keyOf: (a: FactFields) => string,
  out: (Stored | undefined)[],
  maxRank: number,
): void {
  const byKey = new Map<string, Stored[]>();
  for (const s of pool) {
    if (s.used || s.rank > maxRank) continue;
    const k = keyOf(s.api);
    const list = byKey.get(k);
    if (list) list.push(s);
    else byKey.set(k, [s]);
  }
  for (const list of byKey.values()) list.sort((x, y) => x.rank - y.rank);
  items.forEach((a, i) => {
    if (out[i]) return;
    const s = byKey.get(keyOf(a))?.find((c) => !c.used);
    if (s) {
      s.used = true;
      out[i] = s;
    }
  });
}

/** A notice's id in the county for a new notice: its case id, or the case id and its FP year. */
function freeId(caseId: string, fp: number, taken: Set<string>): string {
  let id = caseId;
  for (let n = 1; taken.has(id); n++) id = n === 1 ? `${caseId}-${fp}` : `${caseId}-${fp}-${n}`;
  taken.add(id);
  return id;
}

export async function importCollection(
  trx: Tx,
  ctx: { county: string; year: number; at: string; actor: string; importId: string; held: Held },
  name: YearCollection,
  list: readonly FactFields[],
  record: Recorder,
): Promise<{ changes: Changes; held: string[]; facts: YearFact[] }> {
  const { county, year, at } = ctx;
  const kind = FACTS[name];
  const c = noChanges();
  const wasHeld = new Set(ctx.held[name] ?? []);
  let qb = any(trx).selectFrom(name).selectAll().where('county_id', '=', county);
  if (name === 'assessments' || name === 'acceptances') qb = qb.where('fp_year', '=', year);
  const rows: Record<string, unknown>[] = await (name === 'assessments' ? qb.orderBy('position') : qb)
    .orderBy('id')
    .execute();
  const pool: Stored[] = rows.map((row) => {
    const api = kind.toApi(row);
    const live = row.retracted_at === null;
    const held = live && (inYear(name, api, year) || wasHeld.has(String(row.id)));
    return { row, api, rank: held ? 0 : live ? 1 : 2, used: false };
  });
  const items = list.map((a) => normalise(name, a, year));
  // Each item's and stored row's canonical text, computed once (pairing asks for it repeatedly).
  const texts = new WeakMap<FactFields, string>();
  const same = (a: FactFields) => {
    const known = texts.get(a);
    if (known !== undefined) return known;
    const t = canonicalJson(kind.toCase(a));
    texts.set(a, t);
    return t;
  };
  const matched: (Stored | undefined)[] = items.map(() => undefined);
  if (pool.length > 0) {
    pair(items, pool, same, matched, 0);
    pair(items, pool, same, matched, 1);
    pair(items, pool, NATURAL_KEY[name], matched, 2);
  }

  const taken = new Set(rows.map((r) => String(r.id)));
  const fresh: Record<string, unknown>[] = [];
  const heldNow: string[] = [];
  const moved: { id: string; from: number; to: number }[] = [];
  // What the year holds now, each fact as the store reads it back (the case of the year: cases.ts).
  const facts: YearFact[] = [];
  for (const [i, a] of items.entries()) {
    const s = matched[i];
    const row: Record<string, unknown> = kind.toRow(a);
    // The case does not carry a notice's deadline or its correction report: the office's, kept.
    if (name === 'warning_notices') delete row.deadline;
    if (name === 'assessments') row.position = i;
    let id: string;
    if (!s) {
      id = name === 'warning_notices' ? freeId(String(a.id), fpYearOf(String(a.issued_on)), taken) : newId();
      // Set field by field: a spread of each of a year's thousands of rows cost more than the rest.
      row.id = id;
      row.county_id = county;
      row.created_at = at;
      row.updated_at = at;
      fresh.push(row);
      facts.push(yearFact(name, id, i, kind.toApi(row)));
    } else {
      id = String(s.row.id);
      const unchanged = s.rank < 2 && same(s.api) === same(a);
      if (unchanged) {
        if (s.rank === 1) c.linked++;
        if (name === 'assessments' && s.row.position !== i)
          moved.push({ id, from: Number(s.row.position), to: i });
        facts.push(yearFact(name, id, i, s.api));
      } else {
        const set: Record<string, unknown> = { ...row, id, updated_at: at };
        if (name === 'warning_notices' && a.corrected_on === undefined) set.verified_by = null;
        if (s.rank === 2)
          Object.assign(set, { retracted_at: null, retracted_by: null, retract_reason: null });
        await any(trx)
          .updateTable(name)
          .set(set)
          .where('county_id', '=', county)
          .where('id', '=', id)
          .execute();
        const now = { ...s.row, ...set };
        facts.push(yearFact(name, id, i, kind.toApi(now)));
        const after = { ...s.api, ...kind.toApi(now) };
        record(`${name}.${s.rank === 2 ? 'restore' : 'update'}`, name, id, s.api, after);
        if (s.rank === 2) c.restored++;
        else c.updated++;
      }
    }
    if (!inYear(name, a, year)) heldNow.push(id);
  }
  for (const m of moved)
    await any(trx)
      .updateTable('assessments')
      .set({ position: m.to })
      .where('county_id', '=', county)
      .where('id', '=', m.id)
      .execute();
  // The order of the year's assessments changed: one entry records it (I5 strict reads it).
  if (moved.length)
    record(
      'assessments.reorder',
      'assessments',
      String(year),
      moved.map(({ id, from }) => ({ id, position: from })),
      moved.map(({ id, to }) => ({ id, position: to })),
    );
  await insertAll(trx, name, fresh);
  c.inserted += fresh.length;

  const y = fpYear(year);
  for (const s of pool) {
    if (s.used || s.rank !== 0) continue;
    const id = String(s.row.id);
    if (!inYear(name, s.api, year)) {
      c.unlinked++;
      continue;
    }
    // A post or link that began before the year, or whose start is unknown, ends the day before it.
    const begunBefore =
      (name === 'posts' || name === 'links') && (typeof s.api.from !== 'string' || s.api.from < y.start);
    const set = begunBefore
      ? { to_date: addDays(y.start, -1), updated_at: at }
      : {
          retracted_at: at,
          retracted_by: ctx.actor,
          retract_reason: `不在 ${year} 年度案例导入 ${ctx.importId} 中`,
          updated_at: at,
        };
    await any(trx).updateTable(name).set(set).where('county_id', '=', county).where('id', '=', id).execute();
    record(`${name}.${begunBefore ? 'close' : 'retract'}`, name, id, s.api, {
      ...s.api,
      ...(begunBefore ? { to: set.to_date } : { retracted_at: at }),
    });
    if (begunBefore) c.closed++;
    else c.retracted++;
  }
  return { changes: c, held: heldNow.sort(), facts };
}

/** A fact of the year as the case orders it (cases.ts, caseOfParts): an assessment at its place `i`. */
function yearFact(name: YearCollection, id: string, i: number, api: FactFields): YearFact {
  return { id, position: name === 'assessments' ? i : undefined, api };
}
