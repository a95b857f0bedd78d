// Importing a filled score sheet (layouts and reading in scores-excel.ts): the year as the engine
// will read it, with the file's rows in place of the stored county assessments, is checked whole;
// every problem comes back as its cell and nothing is written, or every row is written in one
// transaction, each audited (`assessments.create` / `assessments.update`, then `scores.import`).

import { randomUUID } from 'node:crypto';
import { loadEngine } from '../policy/load.ts';
import { AuditWriter } from '../store/audit.ts';
import { buildCase, getCounty } from '../store/cases.ts';
import { invalid } from '../store/errors.ts';
import { type Api, FACTS } from '../store/fact-kinds.ts';
import type { Ctx } from '../store/facts.ts';
import type { NewRow } from '../store/schema.ts';
import type { Scope } from '../store/scope.ts';
import * as X from './excel.ts';
import {
  col,
  countyAssessments,
  keyOf,
  readScores,
  requireOffice,
  type ScoreRow,
  scoreCol,
  unitsOf,
} from './scores-excel.ts';

/** Imports a filled score sheet: problems by cell and nothing written, or every row written and audited. */
export async function importScores(ctx: Ctx, scope: Scope, county: string, year: number, body: Buffer) {
  requireOffice(scope, county);
  const engine = loadEngine((await getCounty(ctx.db, county)).policy);
  const read = await X.readWorkbook(body);
  if (!read.ok) throw invalid(read.problems);
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const audit = await AuditWriter.open(trx);
    const { rows, problems } = readScores(read.wb, await unitsOf(trx, county, year), county, year);
    if (problems.length) throw invalid(problems);
    // The year as the engine will read it, with the file's rows in place of the stored ones.
    const stored = await countyAssessments(trx, county, year);
    const index = new Map(stored.map((a, i) => [keyOf(a), i]));
    const next: Api[] = [...stored];
    const source = new Map<number, ScoreRow>();
    for (const r of rows) {
      const key = `county|${r.subject}|${r.kind}`;
      const i = index.get(key) ?? next.length;
      const before = next[i];
      const {
        outcome: _o,
        score: _s,
        ...kept
      } = before ?? {
        fp_year: year,
        by: 'county',
        subject: r.subject,
        kind: r.kind,
        sampled: [],
        at_fault: [],
        caused_by: [],
      };
      next[i] = {
        ...kept,
        ...(r.outcome && { outcome: r.outcome }),
        ...(r.score !== undefined && { score: r.score }),
      };
      index.set(key, i);
      source.set(i, r);
    }
    const c = await buildCase(trx, county, year);
    const v = engine.validate({ ...c, assessments: next.map(FACTS.assessments.toCase) });
    if (!v.ok) {
      const cells = v.problems.map((p) => {
        const m = /^assessments\[(\d+)\](?:\.(\w+))?/.exec(p.path);
        const r = m ? source.get(Number(m[1])) : undefined;
        if (!r) return p;
        const column =
          m?.[2] === 'score' ? scoreCol(r.sheet) : m?.[2] === 'outcome' ? col(r.sheet, '考核结果') : 1;
        return { ...p, path: X.cellPath(r.sheet.name, column, r.row) };
      });
      throw invalid(cells);
    }
    const summary = { created: 0, updated: 0, unchanged: 0 };
    for (const [i, r] of source) {
      const before = stored[i];
      const after = next[i]!;
      if (
        before &&
        JSON.stringify(FACTS.assessments.toCase(before)) === JSON.stringify(FACTS.assessments.toCase(after))
      ) {
        summary.unchanged++;
        continue;
      }
      const id = before ? String(before.id) : randomUUID();
      const row = { ...FACTS.assessments.toRow(after), updated_at: at };
      if (before)
        await trx
          .updateTable('assessments')
          .set(row)
          .where('county_id', '=', county)
          .where('id', '=', id)
          .execute();
      else
        await trx
          .insertInto('assessments')
          .values({ ...row, id, county_id: county, created_at: at } as unknown as NewRow<'assessments'>)
          .execute();
      const { created_at, updated_at, ...was } = before ?? {};
      audit.add(
        scope.actor,
        {
          action: before ? 'assessments.update' : 'assessments.create',
          object_type: 'assessments',
          object_id: id,
          county_id: county,
          unit_id: r.subject,
          before: before ? was : null,
          after: { ...after, id },
        },
        at,
      );
      summary[before ? 'updated' : 'created']++;
    }
    audit.add(
      scope.actor,
      {
        action: 'scores.import',
        object_type: 'assessments',
        object_id: `${county}/${year}`,
        county_id: county,
        after: { fp_year: year, ...summary },
      },
      at,
    );
    await audit.flush();
    return { fp_year: year, ...summary };
  });
}
