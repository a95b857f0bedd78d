// A decision's personnel recommendations (记功, 诫勉谈话 …): those the decision makes recorded, those
// a correction no longer makes withdrawn. Inside the decision's transaction.

import { randomUUID } from 'node:crypto';
import type { ZerenResult } from '../domain/result.ts';
import type { Recorder } from './audit.ts';
import { insertAll } from './bulk.ts';
import type { Db, Row, Tx } from './schema.ts';

const actionKey = (a: {
  subject_kind: string;
  subject_id: string;
  type: string;
  clause: string;
  from_date: string | null;
  until_date: string | null;
  max_grade: string | null;
}) =>
  `${a.subject_kind}|${a.subject_id}|${a.type}|${a.clause}|${a.from_date ?? ''}|${a.until_date ?? ''}|${a.max_grade ?? ''}`;

/** Personnel recommendations: new ones recorded, those the correction no longer makes withdrawn. */
export async function recordPersonnel(
  trx: Tx,
  decision: Row<'decisions'>,
  result: ZerenResult,
  personnel: ReadonlySet<string>,
  at: string,
  record: Recorder,
): Promise<void> {
  const existing = await liveActions(trx, decision.county_id, decision.fp_year);
  const byKey = new Map(existing.map((a) => [actionKey(a), a]));
  const keep = new Set<string>();
  const fresh: Row<'personnel_actions'>[] = [];
  for (const c of result.consequences) {
    if (!personnel.has(c.type)) continue;
    const a = {
      subject_kind: c.subject.kind,
      subject_id: c.subject.id,
      type: c.type,
      clause: c.clause,
      from_date: c.from ?? null,
      until_date: c.until ?? null,
      max_grade: c.max_grade ?? null,
    };
    const k = actionKey(a);
    if (byKey.has(k)) {
      keep.add(k);
      continue;
    }
    const row: Row<'personnel_actions'> = {
      id: randomUUID(),
      county_id: decision.county_id,
      fp_year: decision.fp_year,
      decision_id: decision.id,
      applies: c.applies ?? null,
      explanation: c.explanation,
      created_at: at,
      ...a,
    };
    fresh.push(row);
    record('personnel.recommend', 'personnel_actions', row.id, null, row);
  }
  await insertAll(trx, 'personnel_actions', fresh);
  const withdrawn: Row<'personnel_records'>[] = [];
  for (const a of existing)
    if (!keep.has(actionKey(a))) {
      const r: Row<'personnel_records'> = {
        id: randomUUID(),
        action_id: a.id,
        county_id: a.county_id,
        outcome: 'withdrawn',
        authority: null,
        decided_on: null,
        note: `更正决定 ${decision.id}：${decision.reason}`,
        recorded_by: decision.confirmed_by,
        recorded_at: at,
      };
      withdrawn.push(r);
      record('personnel.withdraw', 'personnel_actions', a.id, a, r);
    }
  await insertAll(trx, 'personnel_records', withdrawn);
}

/** The recommendations in force: not withdrawn by a correction. */
export async function liveActions(
  db: Db | Tx,
  county: string,
  year: number,
): Promise<Row<'personnel_actions'>[]> {
  const withdrawn = db
    .selectFrom('personnel_records')
    .select('action_id')
    .where('county_id', '=', county)
    .where('outcome', '=', 'withdrawn');
  return db
    .selectFrom('personnel_actions')
    .selectAll()
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .where('id', 'not in', withdrawn)
    .orderBy('subject_id')
    .orderBy('type')
    .execute();
}
