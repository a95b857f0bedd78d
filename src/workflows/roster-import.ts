// Importing a filled roster workbook (layouts in roster-excel.ts). A new person has no 人员编号:
// rows with the same name and no number are one new person (or the person of that name numbered
// elsewhere in the file), given a new id. Every problem comes back as its cell (`驻村干部!C5`),
// whether found reading the file or checking the roster (roster-content.ts); nothing is stored
// unless the file is clean, and a clean file is submitted as the unit's roster.

import { randomUUID } from 'node:crypto';
import type { CasePerson } from '../domain/case.ts';
import type { Problem } from '../domain/problems.ts';
import { ROLE_ZH, type StaffType } from '../domain/vocabulary.ts';
import { loadEngine } from '../policy/load.ts';
import { invalid } from '../store/errors.ts';
import type { Ctx } from '../store/facts.ts';
import type { Scope } from '../store/scope.ts';
import * as X from './excel.ts';
import {
  checkRoster,
  loadSetting,
  type RosterContent,
  type Setting,
  storedPeople,
} from './roster-content.ts';
import { STAFF_ZH } from './roster-diff.ts';
import { columns, type Field, INTRO, roleKind, SHEETS, type Sheet, villageChoices } from './roster-excel.ts';
import { requireSubmitter, submitRoster } from './rosters.ts';

/** Where each entry of the content came from: its sheet, row, and the column of each field. */
interface At {
  sheet: string;
  row: number;
  cols: Record<string, number>;
}
interface Where {
  people: At[];
  posts: At[];
  links: At[];
}

interface PersonCell {
  id: string;
  name: string;
  staff_type: string;
  at: At;
}

/** Reads a filled workbook into roster content; every problem is a cell. */
export function parseRosterWorkbook(
  wb: X.Workbook,
  s: Setting,
  year: number,
): { ok: true; content: RosterContent; where: Where } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const intro = wb.getWorksheet(INTRO);
  if (intro) {
    const [u, y] = [X.cellText(intro, 2, 2), X.cellText(intro, 3, 2)];
    if (u && u !== s.unit.id)
      problems.push({
        path: `${INTRO}!B2`,
        code: 'wrong_unit',
        zh: `这是单位 "${u}" 的名单,不是 "${s.unit.id}" 的`,
        en: `this is the roster of "${u}", not of "${s.unit.id}"`,
      });
    if (y && y !== String(year))
      problems.push({
        path: `${INTRO}!B3`,
        code: 'wrong_year',
        zh: `这是 ${y} 年度的名单,不是 ${year} 年度的`,
        en: `this is the roster of FP year ${y}, not ${year}`,
      });
  }
  const villages = villageChoices(s);
  const village = (text: string) => {
    const named = villages.filter((v) => v.name === text);
    return (
      villages.find((v) => v.label === text || v.id === text) ?? (named.length === 1 ? named[0] : undefined)
    );
  };
  // Rows first, people after: a row without a number may name a person numbered on another row.
  const rows: {
    sheet: Sheet;
    row: number;
    get: Partial<Record<Field, string>>;
    col: Record<string, number>;
  }[] = [];
  for (const sheet of SHEETS[s.unit.kind as 'town' | 'county_unit']) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) {
      problems.push(X.missingSheet(sheet.name));
      continue;
    }
    const cols = columns(sheet);
    const header = X.checkHeader(ws, cols);
    problems.push(...header);
    if (header.length) continue;
    for (const r of X.dataRows(ws, cols.length)) {
      const get: Partial<Record<Field, string>> = {};
      const col: Record<string, number> = {};
      sheet.fields.forEach((f, i) => {
        col[f] = i + 1;
        const path = X.cellPath(ws.name, i + 1, r);
        const text = X.cellText(ws, r, i + 1);
        if (f === 'from' || f === 'to') {
          const d = X.cellDate(ws, r, i + 1);
          if (d.ok) get[f] = d.value;
          else problems.push(d.problem);
        } else if (f === 'role' && text) {
          const p = X.pick(text, ROLE_ZH[roleKind(sheet, s)] ?? {}, path, { zh: '职务', en: 'post' });
          if (p.ok) get.role = p.value;
          else problems.push(p.problem);
        } else if (f === 'staff_type' && text) {
          const p = X.pick(text, STAFF_ZH, path, { zh: '人员类别', en: 'staff type' });
          if (p.ok) get.staff_type = p.value;
          else problems.push(p.problem);
        } else if (f === 'village' && text) {
          const v = village(text);
          if (v) get.village = v.id;
          else
            problems.push({
              path,
              code: 'unknown_ref',
              zh: `"${text}" 不是可选的村(社区、工区),请从下拉列表中选择`,
              en: `"${text}" is not a village to choose; pick one from the list`,
            });
        } else if (text) get[f] = text;
        const required =
          f === 'role' || f === 'village' || (f === 'name' && !(sheet.row === 'stationed' && get.id));
        if (required && !text)
          problems.push({
            path,
            code: 'required',
            zh: `缺少${cols[i]!.header}`,
            en: `${cols[i]!.header} is required`,
          });
      });
      rows.push({ sheet, row: r, get, col });
    }
  }

  // People: numbered rows define them; unnumbered rows with the same name are one person.
  const byId = new Map<string, PersonCell>();
  const personRows = rows.filter((r) => r.sheet.row !== 'unit_village');
  for (const r of personRows) {
    const { id, name, staff_type } = r.get;
    if (!id || !name) continue;
    const at = {
      sheet: r.sheet.name,
      row: r.row,
      cols: { id: r.col.id!, name: r.col.name!, staff_type: r.col.staff_type ?? r.col.id! },
    };
    const seen = byId.get(id);
    if (!seen) byId.set(id, { id, name, staff_type: staff_type ?? '', at });
    else if (seen.name !== name)
      problems.push({
        path: X.cellPath(r.sheet.name, r.col.name!, r.row),
        code: 'name_mismatch',
        zh: `编号 "${id}" 在 ${seen.at.sheet} 第 ${seen.at.row} 行是"${seen.name}"`,
        en: `"${id}" is "${seen.name}" on ${seen.at.sheet} row ${seen.at.row}`,
      });
    else if (staff_type && seen.staff_type && staff_type !== seen.staff_type)
      problems.push({
        path: X.cellPath(r.sheet.name, r.col.staff_type!, r.row),
        code: 'staff_mismatch',
        zh: `人员类别与 ${seen.at.sheet} 第 ${seen.at.row} 行不一致`,
        en: `the staff type differs from ${seen.at.sheet} row ${seen.at.row}`,
      });
    else if (staff_type) seen.staff_type = staff_type;
  }
  const newByName = new Map<string, PersonCell>();
  for (const r of personRows) {
    const { id, name, staff_type } = r.get;
    if (id) continue;
    if (!name) continue;
    const numbered = [...byId.values()].filter((p) => p.name === name);
    if (numbered.length === 1) {
      r.get.id = numbered[0]!.id;
      continue;
    }
    let p = newByName.get(name);
    if (!p) {
      p = {
        id: `p-${randomUUID().slice(0, 8)}`,
        name,
        staff_type: staff_type ?? '',
        at: {
          sheet: r.sheet.name,
          row: r.row,
          cols: { id: r.col.id!, name: r.col.name!, staff_type: r.col.staff_type ?? r.col.name! },
        },
      };
      newByName.set(name, p);
    } else if (staff_type && !p.staff_type) p.staff_type = staff_type;
    r.get.id = p.id;
  }
  if (problems.length) return { ok: false, problems };

  const content: RosterContent = { people: [], posts: [], links: [] };
  const where: Where = { people: [], posts: [], links: [] };
  for (const p of [...byId.values(), ...newByName.values()]) {
    content.people.push({
      id: p.id,
      name: p.name,
      ...(p.staff_type && { staff_type: p.staff_type as StaffType }),
    } as CasePerson);
    where.people.push(p.at);
  }
  for (const { sheet, row, get, col } of rows) {
    const dates = { ...(get.from && { from: get.from }), ...(get.to && { to: get.to }) };
    const at = {
      sheet: sheet.name,
      row,
      cols: { ...col, person: col.id ?? 1, unit: col.village ?? col.role ?? 1 },
    };
    if (sheet.row === 'post' || sheet.row === 'village_post') {
      const unit = sheet.row === 'post' ? s.unit.id : get.village!;
      content.posts.push({ person: get.id!, unit, role: get.role!, ...dates });
      where.posts.push(at);
    } else {
      content.links.push(
        sheet.row === 'stationed'
          ? { kind: 'stationed', person: get.id!, village: get.village!, ...dates }
          : { kind: 'unit_village', unit: s.unit.id, village: get.village!, ...dates },
      );
      where.links.push(at);
    }
  }
  return { ok: true, content, where };
}

/** A problem of the content, moved to the cell it came from. */
export function toCell(p: Problem, where: Where): Problem {
  const m = /^(people|posts|links)\[(\d+)\](?:\.(\w+))?/.exec(p.path);
  if (!m) return p.path === 'fp_year' ? { ...p, path: `${INTRO}!B3` } : p;
  const at = where[m[1] as keyof Where][Number(m[2])];
  if (!at) return p;
  return { ...p, path: X.cellPath(at.sheet, (m[3] && at.cols[m[3]]) || 1, at.row) };
}

/** Imports a filled template: problems by cell and nothing stored, or the roster submitted. */
export async function importRosterWorkbook(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  unit: string,
  body: Buffer,
) {
  requireSubmitter(scope, county, unit);
  const s = await loadSetting(ctx.db, county, unit);
  const read = await X.readWorkbook(body);
  if (!read.ok) throw invalid(read.problems);
  const parsed = parseRosterWorkbook(read.wb, s, year);
  if (!parsed.ok) throw invalid(parsed.problems);
  const known = await storedPeople(
    ctx.db,
    county,
    parsed.content.people.map((p) => p.id),
    scope,
  );
  const problems = checkRoster(loadEngine(s.policy), s, year, parsed.content, known);
  if (problems.length) throw invalid(problems.map((p) => toCell(p, parsed.where)));
  return submitRoster(ctx, scope, county, year, unit, parsed.content);
}
