// Importing a filled score sheet (layouts in scores-excel.ts, reading in scores-read.ts): the year
// as the engine will read it, with the file's rows (and its 抽中 / 失职 marks as the towns' sampled
// and at-fault villages) in place of the stored county assessments, is checked whole;
// every problem comes back as its cell and nothing is written, or every row is written in one
// transaction, each audited (`assessments.create` / `assessments.update`, then `scores.import`).

import { randomUUID } from 'node:crypto';
import { renderOffThread } from '../../engine-pool/pool.ts';
import { AuditWriter } from '../../store/audit.ts';
import { buildCase, getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { invalid } from '../../store/errors.ts';
import { FACTS, type FactFields } from '../../store/fact-kinds.ts';
import type { NewRow } from '../../store/schema.ts';
import type { Scope } from '../../store/scope.ts';
import { townWordsOfYear } from '../../store/town-packs.ts';
import * as R from '../workbooks/excel-read.ts';
import { countyAssessments, keyOf, requireOffice, unitsOf } from './scores-excel.ts';
import type { Sampling, ScoreRow } from './scores-read.ts';

/** Imports a filled score sheet: problems by cell and nothing written, or every row written and audited. */
export async function importScores(ctx: Ctx, scope: Scope, county: string, year: number, upload: R.Upload) {
  requireOffice(scope, county);
  const engine = ctx.engine((await getCounty(ctx.db, county)).policy);
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const audit = await AuditWriter.open(trx);
    const { rows, sampling, problems } = await renderOffThread(
      'readScoresUpload',
      upload,
      await unitsOf(trx, county, year),
      county,
      year,
      engine.vocabulary,
    );
    // The year as the engine will read it, with the file's rows in place of the stored ones.
    const stored = await countyAssessments(trx, county, year);
    const index = new Map(stored.map((a, i) => [keyOf(a), i]));
    const next: FactFields[] = [...stored];
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
    // The towns' sampled and at-fault villages, as the file marks them.
    const marks = new Map<number, Sampling>();
    for (const [town, m] of sampling ?? []) {
      const i = index.get(`county|${town}|annual`);
      if (i === undefined) {
        for (const v of m.sampled)
          problems.push({
            path: m.cells.get(v)!.sampled,
            code: 'no_assessment',
            zh: '所属镇（场）没有县年度考核结果，不能标记抽中；请先在“镇（场）”表中填写其考核结果',
            en: "the village's town has no annual county assessment to be sampled in; give the town's outcome first",
          });
        continue;
      }
      const before = next[i]!;
      const same = (a: unknown, b: string[]) => JSON.stringify(a ?? []) === JSON.stringify(b);
      if (same(before.sampled, m.sampled) && same(before.at_fault, m.at_fault)) continue;
      next[i] = { ...before, sampled: m.sampled, at_fault: m.at_fault };
      marks.set(i, m);
    }
    if (problems.length) throw invalid(problems);
    const c = await buildCase(trx, county, year);
    const v = engine.validate(
      { ...c, assessments: next.map(FACTS.assessments.toCase) },
      undefined,
      await townWordsOfYear(ctx, trx, county, year),
    );
    if (!v.ok) {
      const cells = v.problems.map((p) => {
        const m = /^assessments\[(\d+)\](?:\.(\w+))?(?:\[(\d+)\])?/.exec(p.path);
        const i = Number(m?.[1]);
        const list = m?.[2] === 'sampled' || m?.[2] === 'at_fault' ? m[2] : undefined;
        const mark = list && marks.get(i);
        if (mark) {
          const village = (next[i]![list] as string[])[Number(m![3])]!;
          return { ...p, path: mark.cells.get(village)?.[list] ?? p.path };
        }
        const r = source.get(i);
        if (!r) return p;
        const column = (m?.[2] === 'score' || m?.[2] === 'outcome' ? r.col[m[2]] : r.col.id) ?? 1;
        return { ...p, path: R.cellPath(r.name, column, r.row) };
      });
      throw invalid(cells);
    }
    const summary = { created: 0, updated: 0, unchanged: 0 };
    const changed = new Map<number, string>([...marks.keys()].map((i) => [i, String(next[i]!.subject)]));
    for (const [i, r] of source) changed.set(i, r.subject);
    for (const [i, subject] of changed) {
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
          unit_id: subject,
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
