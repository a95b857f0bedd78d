// County assessment scores from Excel: a template with a sheet per group, prefilled with the
// year's stored county assessments, and the import of the filled file. Layouts (row 1 the header):
//   镇(场)              单位编号 名称 考核结果 总分
//   村(社区、工区)       单位编号 名称 所属镇(场) 考核结果 总分
//   县直单位            单位编号 名称 考核结果 总分
//   综合治理职责单位     单位编号 名称 履职考评得分
// 考核结果 is a dropdown of the county's outcomes in Chinese (达标, 不达标, …; a code is accepted
// too). A row states the unit's annual county assessment (or governance_duty evaluation): an
// existing one is updated (its sampled units and dates kept), a missing one created; a blank score
// means no score; a row with neither outcome nor score changes nothing (retract through the facts
// API). The import (scores-import.ts) checks the changed year whole with the engine's validator;
// every problem comes back as its cell, and nothing is written unless the file is clean — then all
// of it, in one transaction, each row audited.

import { fpYear } from '../domain/dates.ts';
import type { Problem } from '../domain/problems.ts';
import { allowedOutcomes, OUTCOME_ZH, type Outcome } from '../domain/vocabulary.ts';
import { getCounty } from '../store/cases.ts';
import { notFound, StoreError } from '../store/errors.ts';
import { type Api, FACTS } from '../store/fact-kinds.ts';
import type { Ctx } from '../store/facts.ts';
import type { Db, Row, Tx } from '../store/schema.ts';
import type { Scope } from '../store/scope.ts';
import * as X from './excel.ts';

type Group = 'town' | 'village' | 'county_unit' | 'governance';
export interface Sheet {
  name: string;
  group: Group;
  columns: X.Column[];
}

const COUNTY_OUTCOMES = Object.fromEntries(
  allowedOutcomes('county', 'town', 'annual').map((o) => [o, OUTCOME_ZH[o]]),
) as Record<Outcome, string>;

const id = { header: '单位编号', width: 16, note: '请勿修改' };
const name = { header: '名称', width: 20 };
const outcome = { header: '考核结果', width: 22, choices: 'outcomes' };
const score = { header: '总分', width: 10, note: '综合评估总分,用于排名;可留空' };
const SHEETS: Sheet[] = [
  { name: '镇(场)', group: 'town', columns: [id, name, outcome, score] },
  {
    name: '村(社区、工区)',
    group: 'village',
    columns: [id, name, { header: '所属镇(场)', width: 14 }, outcome, score],
  },
  { name: '县直单位', group: 'county_unit', columns: [id, name, outcome, score] },
  {
    name: '综合治理职责单位',
    group: 'governance',
    columns: [id, name, { header: '履职考评得分', width: 14 }],
  },
];
export const col = (sheet: Sheet, header: string) => sheet.columns.findIndex((c) => c.header === header) + 1;
export const scoreCol = (sheet: Sheet) => (sheet.group === 'governance' ? 3 : sheet.columns.length);
const kindOf = (g: Group) => (g === 'governance' ? 'governance_duty' : 'annual');

export function requireOffice(scope: Scope, county: string): void {
  if (scope.county !== county) throw notFound('县', county);
  if (scope.role !== 'office' || scope.units !== null)
    throw new StoreError(
      'forbidden',
      '只有县人口考核办可以导入考核分数',
      'only the office imports county scores',
    );
}

export async function unitsOf(db: Db | Tx, county: string, year: number) {
  const start = fpYear(year).start;
  const rows = await db
    .selectFrom('units')
    .selectAll()
    .where('county_id', '=', county)
    .orderBy('id')
    .execute();
  return rows.filter((u) => u.closed_on === null || u.closed_on >= start);
}
const inGroup = (u: Row<'units'>, g: Group) =>
  g === 'governance' ? u.kind === 'county_unit' && u.governance_duty === 1 : u.kind === g;

export async function countyAssessments(db: Db | Tx, county: string, year: number): Promise<Api[]> {
  const rows = await db
    .selectFrom('assessments')
    .selectAll()
    .where('county_id', '=', county)
    .where('fp_year', '=', year)
    .where('retracted_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(FACTS.assessments.toApi);
}
export const keyOf = (a: Api) => `${a.by}|${a.subject}|${a.kind ?? 'annual'}`;

export async function scoresTemplate(ctx: Ctx, scope: Scope, county: string, year: number) {
  requireOffice(scope, county);
  const c = await getCounty(ctx.db, county);
  const units = await unitsOf(ctx.db, county, year);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const stored = new Map((await countyAssessments(ctx.db, county, year)).map((a) => [keyOf(a), a]));
  const wb = X.newWorkbook();
  const intro = wb.addWorksheet('说明');
  intro.columns = [{ width: 12 }, { width: 70 }];
  intro.addRows([
    ['考核分数', `${c.name} ${year} 计生年度县年度考核结果与综合评估总分`],
    ['县编号', county],
    ['计生年度', year],
    ['说明', '每个单位一行;考核结果从下拉列表中选择,总分填数字。结果和总分都留空的行不作改动。'],
  ]);
  intro.getColumn(1).font = { bold: true };
  const formulas = X.addChoices(wb, { outcomes: Object.values(COUNTY_OUTCOMES) });
  for (const sheet of SHEETS) {
    const ws = X.addSheet(wb, sheet.name, sheet.columns);
    X.addDropdowns(ws, sheet.columns, formulas);
    for (const u of units.filter((x) => inGroup(x, sheet.group))) {
      const a = stored.get(`county|${u.id}|${kindOf(sheet.group)}`);
      const label = a?.outcome ? (OUTCOME_ZH[a.outcome as Outcome] ?? a.outcome) : null;
      const s = typeof a?.score === 'number' ? a.score : null;
      if (sheet.group === 'governance') ws.addRow([u.id, u.name, s]);
      else if (sheet.group === 'village')
        ws.addRow([u.id, u.name, names.get(u.town_id ?? '') ?? '', label, s]);
      else ws.addRow([u.id, u.name, label, s]);
    }
  }
  return { filename: `${c.name}-${year}-县考核分数.xlsx`, body: await X.writeWorkbook(wb) };
}

export interface ScoreRow {
  sheet: Sheet;
  row: number;
  subject: string;
  kind: 'annual' | 'governance_duty';
  outcome?: Outcome;
  score?: number;
}

export function readScores(
  wb: X.Workbook,
  units: Row<'units'>[],
  county: string,
  year: number,
): { rows: ScoreRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: ScoreRow[] = [];
  const intro = wb.getWorksheet('说明');
  if (intro) {
    const [c, y] = [X.cellText(intro, 2, 2), X.cellText(intro, 3, 2)];
    if (c && c !== county)
      problems.push({
        path: '说明!B2',
        code: 'wrong_county',
        zh: `这是 "${c}" 的分数表`,
        en: `this is the score sheet of "${c}"`,
      });
    if (y && y !== String(year))
      problems.push({
        path: '说明!B3',
        code: 'wrong_year',
        zh: `这是 ${y} 年度的分数表,不是 ${year} 年度的`,
        en: `this is the score sheet of FP year ${y}, not ${year}`,
      });
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const sheet of SHEETS) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) {
      problems.push(X.missingSheet(sheet.name));
      continue;
    }
    const header = X.checkHeader(ws, sheet.columns);
    problems.push(...header);
    if (header.length) continue;
    const seen = new Map<string, number>();
    for (const r of X.dataRows(ws, sheet.columns.length)) {
      const at = (c: number) => X.cellPath(ws.name, c, r);
      const subject = X.cellText(ws, r, 1);
      const u = byId.get(subject);
      if (!subject)
        problems.push({ path: at(1), code: 'required', zh: '缺少单位编号', en: 'the unit id is missing' });
      else if (!u || !inGroup(u, sheet.group))
        problems.push({
          path: at(1),
          code: 'unknown_ref',
          zh: `本表没有单位 "${subject}"`,
          en: `"${subject}" is not a unit of this sheet`,
        });
      else if (seen.has(subject))
        problems.push({
          path: at(1),
          code: 'duplicate',
          zh: `与第 ${seen.get(subject)} 行重复`,
          en: `repeats row ${seen.get(subject)}`,
        });
      seen.set(subject, r);
      const row: ScoreRow = { sheet, row: r, subject, kind: kindOf(sheet.group) };
      const sc = X.cellText(ws, r, scoreCol(sheet));
      if (sc !== '') {
        const n = Number(sc);
        if (Number.isFinite(n)) row.score = n;
        else
          problems.push({
            path: at(scoreCol(sheet)),
            code: 'number',
            zh: `"${sc}" 不是数字`,
            en: `"${sc}" is not a number`,
          });
      }
      if (sheet.group !== 'governance') {
        const oc = col(sheet, '考核结果');
        const text = X.cellText(ws, r, oc);
        if (text) {
          const p = X.pick(text, COUNTY_OUTCOMES, at(oc), { zh: '考核结果', en: 'outcome' });
          if (p.ok) row.outcome = p.value;
          else problems.push(p.problem);
        } else if (sc !== '')
          problems.push({
            path: at(oc),
            code: 'required',
            zh: '有总分的单位须填考核结果',
            en: 'a unit with a score needs its outcome',
          });
      }
      if (row.outcome !== undefined || row.score !== undefined) rows.push(row);
    }
  }
  return { rows, problems };
}
