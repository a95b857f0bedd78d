// Importing a filled roster workbook (layouts in roster-excel.ts). A new person has no 人员编号:
// rows with the same name and no number are one new person (or the person of that name numbered
// elsewhere in the file), given a new id. Every problem comes back as its cell (`驻村干部!C5`),
// whether found reading the file or checking the roster (roster-content.ts); nothing is stored
// unless the file is clean, and a clean file is submitted as the unit's roster.

import { randomUUID } from 'node:crypto';
import type { CasePerson } from '../../domain/case.ts';
import type { Problem, Result } from '../../domain/problems.ts';
import type { StaffType } from '../../domain/vocabulary.ts';
import { sameLabel } from '../../domain/zh-punct.ts';
import { renderOffThread } from '../../engine-pool/pool.ts';
import type { Ctx } from '../../store/ctx.ts';
import { invalid } from '../../store/errors.ts';
import type { Scope } from '../../store/scope.ts';
import type * as X from '../workbooks/excel.ts';
import * as R from '../workbooks/excel-read.ts';
import {
  checkRoster,
  loadSetting,
  type RosterContent,
  type Setting,
  storedContent,
  storedPeople,
} from './roster-content.ts';
import {
  columns,
  type Field,
  INTRO,
  roleKind,
  roleLabels,
  SHEETS,
  type Sheet,
  staffLabels,
  villageChoices,
} from './roster-excel.ts';
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

/**
 * Reads a filled workbook into roster content; every problem is a cell. `storedStaff`: the stored
 * staff type of the roster's people, kept for those listed only where it is not asked (村干部).
 */
export function parseRosterWorkbook(
  wb: X.Workbook,
  s: Setting,
  year: number,
  storedStaff: ReadonlyMap<string, string> = new Map(),
): Result<{ content: RosterContent; where: Where }> {
  const problems: Problem[] = [];
  const u = R.introValue(wb, INTRO, '单位编号');
  if (u?.text && u.text !== s.unit.id)
    problems.push({
      path: u.path,
      code: 'wrong_unit',
      zh: `这是单位“${u.text}”的名单，不是“${s.unit.id}”的`,
      en: `this is the roster of "${u.text}", not of "${s.unit.id}"`,
    });
  const y = R.introValue(wb, INTRO, '计生年度');
  if (y?.text && y.text !== String(year))
    problems.push({
      path: y.path,
      code: 'wrong_year',
      zh: `这是 ${y.text} 年度的名单，不是 ${year} 年度的`,
      en: `this is the roster of FP year ${y.text}, not ${year}`,
    });
  const villages = villageChoices(s);
  const village = (text: string) => {
    const named = villages.filter((v) => sameLabel(v.name, text));
    return (
      villages.find((v) => sameLabel(v.label, text) || v.id === text) ??
      (named.length === 1 ? named[0] : undefined)
    );
  };
  // Rows first, people after: a row without a number may name a person numbered on another row.
  const rows: {
    sheet: Sheet;
    name: string;
    row: number;
    get: Partial<Record<Field, string>>;
    col: Record<string, number>;
  }[] = [];
  for (const sheet of SHEETS[s.unit.kind as 'town' | 'county_unit']) {
    const ws = R.findSheet(wb, sheet.name);
    if (!ws) {
      problems.push(R.missingSheet(sheet.name));
      continue;
    }
    const cols = columns(sheet);
    const found = R.findTable(ws, cols);
    if (!found.ok) {
      problems.push(...found.problems);
      continue;
    }
    const { col } = found.value;
    for (const r of found.value.rows) {
      const get: Partial<Record<Field, string>> = {};
      for (const c of cols) {
        const f = c.field;
        const at = col[f];
        const text = at ? R.cellText(ws, r, at) : '';
        const path = R.cellPath(ws.name, at ?? 1, r);
        if (at && (f === 'from' || f === 'to')) {
          const d = R.cellDate(ws, r, at);
          if (d.ok) get[f] = d.value;
          else problems.push(d.problem);
        } else if (f === 'role' && text) {
          const p = R.pick(text, roleLabels(s.words, roleKind(sheet, s)), path, { zh: '职务', en: 'post' });
          if (p.ok) get.role = p.value;
          else problems.push(p.problem);
        } else if (f === 'staff_type' && text) {
          const p = R.pick(text, staffLabels(s.words), path, { zh: '人员类别', en: 'staff type' });
          if (p.ok) get.staff_type = p.value;
          else problems.push(p.problem);
        } else if (f === 'village' && text) {
          const v = village(text);
          if (v) get.village = v.id;
          else
            problems.push({
              path,
              code: 'unknown_ref',
              zh: `“${text}”不是可选的村（社区、工区），请从下拉列表中选择`,
              en: `"${text}" is not a village to choose; pick one from the list`,
            });
        } else if (text) get[f] = text;
        const required =
          f === 'role' || f === 'village' || (f === 'name' && !(sheet.row === 'stationed' && get.id));
        if (required && !text)
          problems.push({ path, code: 'required', zh: `缺少${c.header}`, en: `${c.header} is required` });
      }
      rows.push({ sheet, name: ws.name, row: r, get, col: col as Record<string, number> });
    }
  }

  // People: numbered rows define them; unnumbered rows with the same name are one person.
  const byId = new Map<string, PersonCell>();
  const personRows = rows.filter((r) => r.sheet.row !== 'unit_village');
  for (const r of personRows) {
    const { id, name, staff_type } = r.get;
    if (!id || !name) continue;
    const at = {
      sheet: r.name,
      row: r.row,
      cols: { id: r.col.id ?? r.col.name!, name: r.col.name!, staff_type: r.col.staff_type ?? r.col.name! },
    };
    const seen = byId.get(id);
    if (!seen) byId.set(id, { id, name, staff_type: staff_type ?? '', at });
    else if (seen.name !== name)
      problems.push({
        path: R.cellPath(r.name, r.col.name!, r.row),
        code: 'name_mismatch',
        zh: `编号“${id}”在 ${seen.at.sheet} 第 ${seen.at.row} 行是“${seen.name}”`,
        en: `"${id}" is "${seen.name}" on ${seen.at.sheet} row ${seen.at.row}`,
      });
    else if (staff_type && seen.staff_type && staff_type !== seen.staff_type)
      problems.push({
        path: R.cellPath(r.name, r.col.staff_type!, r.row),
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
          sheet: r.name,
          row: r.row,
          cols: {
            id: r.col.id ?? r.col.name!,
            name: r.col.name!,
            staff_type: r.col.staff_type ?? r.col.name!,
          },
        },
      };
      newByName.set(name, p);
    } else if (staff_type && !p.staff_type) p.staff_type = staff_type;
    r.get.id = p.id;
  }
  if (problems.length) return { ok: false, problems };

  const content: RosterContent = { people: [], posts: [], links: [] };
  const where: Where = { people: [], posts: [], links: [] };
  // Where the staff type is asked for none of a person's rows (村干部), the stored one stands.
  const asked = new Set(rows.filter((r) => r.sheet.fields.includes('staff_type')).map((r) => r.get.id));
  for (const p of [...byId.values(), ...newByName.values()]) {
    const staff = asked.has(p.id) ? p.staff_type : storedStaff.get(p.id);
    content.people.push({
      id: p.id,
      name: p.name,
      ...(staff && { staff_type: staff as StaffType }),
    } as CasePerson);
    where.people.push(p.at);
  }
  for (const { sheet, name, row, get, col } of rows) {
    const dates = { ...(get.from && { from: get.from }), ...(get.to && { to: get.to }) };
    const at = {
      sheet: name,
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
  return { ok: true, value: { content, where } };
}

/** A problem of the content, moved to the cell it came from. */
export function toCell(p: Problem, where: Where): Problem {
  const m = /^(people|posts|links)\[(\d+)\](?:\.(\w+))?/.exec(p.path);
  if (!m) return p.path === 'fp_year' ? { ...p, path: `${INTRO}!B3` } : p;
  const at = where[m[1] as keyof Where][Number(m[2])];
  if (!at) return p;
  return { ...p, path: R.cellPath(at.sheet, (m[3] && at.cols[m[3]]) || 1, at.row) };
}

/** Reads an uploaded roster workbook into roster content, or its problems (run off the event loop). */
export async function parseRosterUpload(
  upload: R.Upload,
  s: Setting,
  year: number,
  storedStaff: ReadonlyMap<string, string>,
) {
  return parseRosterWorkbook(await R.readWorkbook(R.uploadOf(upload)), s, year, storedStaff);
}

/** Imports a filled template: problems by cell and nothing stored, or the roster submitted. */
export async function importRosterWorkbook(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year: number,
  unit: string,
  upload: R.Upload,
) {
  requireSubmitter(scope, county, unit);
  const s = await loadSetting(ctx.db, county, unit, ctx.engine);
  const stored = await storedContent(ctx.db, s, year);
  const storedStaff = new Map(stored.people.flatMap((p) => (p.staff_type ? [[p.id, p.staff_type]] : [])));
  const parsed = await renderOffThread('parseRosterUpload', upload, s, year, storedStaff);
  if (!parsed.ok) throw invalid(parsed.problems);
  const { content, where } = parsed.value;
  const known = await storedPeople(
    ctx.db,
    county,
    content.people.map((p) => p.id),
    scope,
  );
  const problems = checkRoster(ctx.engine(s.policy), s, year, content, known);
  if (problems.length) throw invalid(problems.map((p) => toCell(p, where)));
  return submitRoster(ctx, scope, county, year, unit, content);
}
