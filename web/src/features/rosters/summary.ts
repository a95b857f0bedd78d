// Pure helpers of the rosters screen: a workbook's problems by sheet and cell, the board's
// filter, and the office's reasons for a return typed one per line.

import type { Problem } from '../../api/errors.ts';
import type { RosterItem } from './api.ts';

export interface CellProblem {
  key: string;
  /** The worksheet (工作表), or '' when the problem is the file's as a whole. */
  sheet: string;
  /** The cell (C5), or '' when the problem is the sheet's or the file's. */
  cell: string;
  /** `名单!C5` as the server wrote it, for the record. */
  path: string;
  zh: string;
}

const CELL = /^(.+)!([A-Z]{1,3}\d+)$/;

/** The problems of an upload as rows of a table: 工作表, 单元格, 问题 (in the file's order). */
export function cellProblems(problems: readonly Problem[]): CellProblem[] {
  return problems.map((p, i) => {
    const m = CELL.exec(p.path);
    return {
      key: `${i}`,
      sheet: m ? m[1]! : sheetOnly(p),
      cell: m ? m[2]! : '',
      path: p.path,
      zh: p.zh,
    };
  });
}

/** A problem naming a sheet but no cell (a missing sheet is named by its path). */
const sheetOnly = (p: Problem) => (p.code === 'missing_sheet' ? p.path : '');

export interface BoardFilter {
  name?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
}

/** The board's rows that match the search form (name contains, kind and status equal). */
export function filterBoard(items: readonly RosterItem[], f: BoardFilter): RosterItem[] {
  const name = f.name?.trim();
  return items.filter(
    (i) =>
      (!name || i.unit_name.includes(name) || i.unit === name) &&
      (!f.kind || i.unit_kind === f.kind) &&
      (!f.status || i.status === f.status),
  );
}

/** Reasons typed one per line: blank lines dropped, each trimmed. */
export function reasonsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
