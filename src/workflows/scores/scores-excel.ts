// County assessment scores from Excel: a template with a sheet per group, prefilled with the
// year's stored county assessments, and (scores-read.ts, scores-import.ts) the import of the filled
// file. Each sheet has a title row, then its header (locked), then a row per unit:
//   镇（场）              单位编号 名称 考核结果 总分
//   村（社区、工区）       单位编号 名称 所属镇（场） 考核结果 总分 抽中 失职
//   县直单位             单位编号 名称 考核结果 总分
//   综合治理职责单位      单位编号 名称 履职考评得分
// 考核结果 is a dropdown of the county's outcomes in Chinese (达标, 不达标, …; a code is accepted
// too). 抽中 and 失职 (是, or blank for no) say which villages the county sampled when it assessed their town,
// and which of those it found at fault (工作失职): they become the town assessment's `sampled` and
// `at_fault`. A row states the unit's annual county assessment (or governance_duty evaluation): an
// existing one is updated (its dates kept), a missing one created; a blank score means no score; a
// row with neither outcome nor score changes nothing (retract through the facts API).

import { fpYear } from '../../domain/dates.ts';
import { can } from '../../domain/permissions.ts';
import { type Vocabulary, wordZh } from '../../domain/vocabulary.ts';
import { zhPunct } from '../../domain/zh-punct.ts';
import { getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { notFound, StoreError } from '../../store/errors.ts';
import { FACTS, type FactFields } from '../../store/fact-kinds.ts';
import type { Db, Row, Tx } from '../../store/schema.ts';
import type { Scope } from '../../store/scope.ts';
import * as X from '../workbooks/excel.ts';
import type { TableColumn } from '../workbooks/excel-read.ts';

export type ScoreSheetGroup = 'town' | 'village' | 'county_unit' | 'governance';
export type ScoreField = 'id' | 'name' | 'town' | 'outcome' | 'score' | 'sampled' | 'at_fault';
export type ScoreColumn = X.Column & TableColumn<ScoreField>;
export interface Sheet {
  name: string;
  group: ScoreSheetGroup;
  columns: ScoreColumn[];
}

/**
 * The outcomes the county gives in its annual assessments, code → label, as the pack names them
 * (达标, 不达标, …): the dropdown of 考核结果 and what the import reads back.
 */
export function countyOutcomes(words: Vocabulary): Record<string, string> {
  const codes = new Set(
    (words.assessment_kinds.annual?.assessed ?? [])
      .filter((a) => a.by === 'county')
      .flatMap((a) => a.outcomes),
  );
  return Object.fromEntries([...codes].map((o) => [o, wordZh(words, 'outcomes', o)]));
}
export const YES_NO = { yes: '是', no: '否' } as const;

const id: ScoreColumn = { field: 'id', header: '单位编号', width: 16, note: '请勿修改' };
const name: ScoreColumn = { field: 'name', header: '名称', width: 20, required: false };
const outcome: ScoreColumn = { field: 'outcome', header: '考核结果', width: 22, choices: 'outcomes' };
const score: ScoreColumn = {
  field: 'score',
  header: '总分',
  width: 10,
  note: '综合评估总分，用于排名；可留空',
};
export const SHEETS: Sheet[] = [
  { name: '镇（场）', group: 'town', columns: [id, name, outcome, score] },
  {
    name: '村（社区、工区）',
    group: 'village',
    columns: [
      id,
      name,
      { field: 'town', header: '所属镇（场）', width: 14, required: false },
      outcome,
      score,
      {
        field: 'sampled',
        header: '抽中',
        width: 8,
        choices: 'yes_no',
        note: '县考核所属镇（场）时是否抽中本村：是 / 否',
        required: false,
      },
      {
        field: 'at_fault',
        header: '失职',
        width: 8,
        choices: 'yes_no',
        note: '抽中后是否认定工作失职：是 / 否（须先抽中）',
        required: false,
      },
    ],
  },
  { name: '县直单位', group: 'county_unit', columns: [id, name, outcome, score] },
  {
    name: '综合治理职责单位',
    group: 'governance',
    columns: [id, name, { field: 'score', header: '履职考评得分', width: 14 }],
  },
];
export const INTRO = '说明';
export const kindOf = (g: ScoreSheetGroup) => (g === 'governance' ? 'governance_duty' : 'annual');

export function requireOffice(scope: Scope, county: string): void {
  if (scope.county !== county) throw notFound('县', county);
  if (!can(scope.role, 'scores.import') || scope.units !== null)
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
export const inGroup = (u: Row<'units'>, g: ScoreSheetGroup) =>
  g === 'governance' ? u.kind === 'county_unit' && u.governance_duty === 1 : u.kind === g;

export async function countyAssessments(db: Db | Tx, county: string, year: number): Promise<FactFields[]> {
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
export const keyOf = (a: FactFields) => `${a.by}|${a.subject}|${a.kind ?? 'annual'}`;
const has = (list: unknown, id: string) => Array.isArray(list) && list.includes(id);

export async function scoresTemplate(ctx: Ctx, scope: Scope, county: string, year: number) {
  requireOffice(scope, county);
  const c = await getCounty(ctx.db, county);
  const words = ctx.engine(c.policy).vocabulary;
  const units = await unitsOf(ctx.db, county, year);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const stored = new Map((await countyAssessments(ctx.db, county, year)).map((a) => [keyOf(a), a]));
  const wb = X.newWorkbook();
  const heading = `${c.name}${year}年度人口和计划生育层级动态管理责任制县考核结果`;
  X.addIntro(wb, INTRO, [
    ['考核分数', `${heading}与综合评估总分`],
    ['县编号', county],
    ['计生年度', year],
    ['填写说明', '每个单位一行；考核结果从下拉列表中选择，总分填数字。结果和总分都留空的行不作改动。'],
    ['', '村表的“抽中”“失职”：县考核所属镇（场）时抽中的村填“是”，其中认定工作失职的村在“失职”填“是”。'],
    ['', '各表第 1 行为标题、第 2 行为表头，已锁定以防误改；数据区可直接填写。'],
  ]);
  const formulas = X.addChoices(wb, {
    outcomes: Object.values(countyOutcomes(words)),
    yes_no: Object.values(YES_NO),
  });
  for (const sheet of SHEETS) {
    const ws = X.addSheet(wb, sheet.name, `${heading}——${sheet.name}`, sheet.columns);
    X.addDropdowns(ws, sheet.columns, formulas);
    for (const u of units.filter((x) => inGroup(x, sheet.group))) {
      const a = stored.get(`county|${u.id}|${kindOf(sheet.group)}`);
      const town = stored.get(`county|${u.town_id}|annual`);
      const label = a?.outcome ? zhPunct(wordZh(words, 'outcomes', String(a.outcome))) : null;
      const cells: Record<ScoreField, unknown> = {
        id: u.id,
        name: u.name,
        town: names.get(u.town_id ?? '') ?? '',
        outcome: label,
        score: typeof a?.score === 'number' ? a.score : null,
        sampled: has(town?.sampled, u.id) ? YES_NO.yes : null,
        at_fault: has(town?.at_fault, u.id) ? YES_NO.yes : null,
      };
      ws.addRow(sheet.columns.map((col) => cells[col.field]));
    }
    await X.protectHeader(ws);
  }
  return { filename: `${c.name}-${year}-县考核分数.xlsx`, body: await X.writeWorkbook(wb) };
}
