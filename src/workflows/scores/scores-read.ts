// Reading a filled score sheet (layouts in scores-excel.ts): each sheet found by its name, its
// table by its header, each row's unit, outcome and score, and the villages marked 抽中 / 失职 as
// the sampled and at-fault villages of their town's county assessment. Every problem is a cell.

import type { Problem } from '../../domain/problems.ts';
import type { Vocabulary } from '../../domain/vocabulary.ts';
import type { Row } from '../../store/schema.ts';
import type * as X from '../workbooks/excel.ts';
import * as R from '../workbooks/excel-read.ts';
import { countyOutcomes, INTRO, inGroup, kindOf, SHEETS, type Sheet, YES_NO } from './scores-excel.ts';

export interface ScoreRow {
  sheet: Sheet;
  /** The sheet's name in the file. */
  name: string;
  row: number;
  col: Partial<Record<string, number>>;
  subject: string;
  kind: 'annual' | 'governance_duty';
  /** An outcome of the pack's vocabulary. */
  outcome?: string;
  score?: number;
}

/** A town's sampled and at-fault villages as the file marks them, with the cell of each mark. */
export interface Sampling {
  sampled: string[];
  at_fault: string[];
  cells: Map<string, { sampled: string; at_fault: string }>;
}

export interface ReadScores {
  rows: ScoreRow[];
  /** By town; absent when the file has no 抽中 column (an older template): the stored lists stand. */
  sampling?: Map<string, Sampling>;
  problems: Problem[];
}

const YES = new Set(['是', 'yes', 'y', '√', '✓', '✔', '1', 'true']);
const NO = new Set(['', '否', 'no', 'n', '×', '✗', '0', 'false']);

function yesNo(text: string, path: string, problems: Problem[]): boolean {
  const t = text.toLowerCase();
  if (YES.has(t)) return true;
  if (!NO.has(t))
    problems.push({
      path,
      code: 'enum',
      zh: `“${text}”应为“${YES_NO.yes}”或留空`,
      en: `"${text}" must be "${YES_NO.yes}" (yes) or blank`,
    });
  return false;
}

/** Reads an uploaded score sheet (run off the event loop): the rows, or the problems by cell. */
export async function readScoresUpload(
  upload: R.Upload,
  units: Row<'units'>[],
  county: string,
  year: number,
  words: Vocabulary,
) {
  return readScores(await R.readWorkbook(R.uploadOf(upload)), units, county, year, words);
}

/** Reads a filled score sheet; its outcomes are read in the words of the county's pack (`words`). */
export function readScores(
  wb: X.Workbook,
  units: Row<'units'>[],
  county: string,
  year: number,
  words: Vocabulary,
): ReadScores {
  const outcomes = countyOutcomes(words);
  const problems: Problem[] = [];
  const rows: ScoreRow[] = [];
  let sampling: Map<string, Sampling> | undefined;
  const c = R.introValue(wb, INTRO, '县编号');
  if (c?.text && c.text !== county)
    problems.push({
      path: c.path,
      code: 'wrong_county',
      zh: `这是“${c.text}”的分数表`,
      en: `this is the score sheet of "${c.text}"`,
    });
  const y = R.introValue(wb, INTRO, '计生年度');
  if (y?.text && y.text !== String(year))
    problems.push({
      path: y.path,
      code: 'wrong_year',
      zh: `这是 ${y.text} 年度的分数表，不是 ${year} 年度的`,
      en: `this is the score sheet of FP year ${y.text}, not ${year}`,
    });
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const sheet of SHEETS) {
    const ws = R.findSheet(wb, sheet.name);
    if (!ws) {
      problems.push(R.missingSheet(sheet.name));
      continue;
    }
    const found = R.findTable(ws, sheet.columns);
    if (!found.ok) {
      problems.push(...found.problems);
      continue;
    }
    const { col } = found.value;
    if (col.sampled) sampling = new Map();
    const seen = new Map<string, number>();
    for (const r of found.value.rows) {
      const at = (c: number) => R.cellPath(ws.name, c, r);
      const subject = R.cellText(ws, r, col.id!);
      const u = byId.get(subject);
      if (!subject)
        problems.push({
          path: at(col.id!),
          code: 'required',
          zh: '缺少单位编号',
          en: 'the unit id is missing',
        });
      else if (!u || !inGroup(u, sheet.group))
        problems.push({
          path: at(col.id!),
          code: 'unknown_ref',
          zh: `本表没有单位“${subject}”`,
          en: `"${subject}" is not a unit of this sheet`,
        });
      else if (seen.has(subject))
        problems.push({
          path: at(col.id!),
          code: 'duplicate',
          zh: `与第 ${seen.get(subject)} 行重复`,
          en: `repeats row ${seen.get(subject)}`,
        });
      seen.set(subject, r);
      const row: ScoreRow = { sheet, name: ws.name, row: r, col, subject, kind: kindOf(sheet.group) };
      const sc = col.score ? R.cellText(ws, r, col.score) : '';
      if (sc !== '') {
        const n = Number(sc);
        if (Number.isFinite(n)) row.score = n;
        else
          problems.push({
            path: at(col.score!),
            code: 'number',
            zh: `“${sc}”不是数字`,
            en: `"${sc}" is not a number`,
          });
      }
      if (col.outcome) {
        const text = R.cellText(ws, r, col.outcome);
        if (text) {
          const p = R.pick(text, outcomes, at(col.outcome), { zh: '考核结果', en: 'outcome' });
          if (p.ok) row.outcome = p.value;
          else problems.push(p.problem);
        } else if (sc !== '')
          problems.push({
            path: at(col.outcome),
            code: 'required',
            zh: '有总分的单位须填考核结果',
            en: 'a unit with a score needs its outcome',
          });
      }
      if (sampling && u?.town_id && col.sampled) {
        const cells = { sampled: at(col.sampled), at_fault: at(col.at_fault ?? col.sampled) };
        const sampled = yesNo(R.cellText(ws, r, col.sampled), cells.sampled, problems);
        const atFault = col.at_fault
          ? yesNo(R.cellText(ws, r, col.at_fault), cells.at_fault, problems)
          : false;
        const town: Sampling = sampling.get(u.town_id) ?? { sampled: [], at_fault: [], cells: new Map() };
        sampling.set(u.town_id, town);
        town.cells.set(u.id, cells);
        if (sampled) town.sampled.push(u.id);
        if (atFault) town.at_fault.push(u.id);
      }
      if (row.outcome !== undefined || row.score !== undefined) rows.push(row);
    }
  }
  return { rows, problems, ...(sampling && { sampling }) };
}
