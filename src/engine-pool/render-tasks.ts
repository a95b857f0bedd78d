// What the worker threads make besides evaluations: Excel workbooks and Word documents (exceljs
// and docx build them synchronously, seconds for a large county), and the reading of an uploaded
// workbook (parsing 20,000 rows). Each task takes plain data and answers plain data or a Buffer,
// so it runs the same in a worker (pool.ts, `renderOffThread`) as in place.

import { renderDocx } from '../workflows/documents/render.ts';
import {
  overdueWorkbook,
  rewardsAndSanctionsWorkbook,
  statementWorkbook,
} from '../workflows/reports/reports-xlsx.ts';
import { parseRosterUpload } from '../workflows/rosters/roster-import.ts';
import { readScoresUpload } from '../workflows/scores/scores-read.ts';

export const RENDER_TASKS = {
  docx: renderDocx,
  rewardsAndSanctionsWorkbook,
  statementWorkbook,
  overdueWorkbook,
  parseRosterUpload,
  readScoresUpload,
};

export type RenderTasks = typeof RENDER_TASKS;
export type RenderTask = keyof RenderTasks;
