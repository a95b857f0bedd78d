import type { CaseUnit } from '../../domain/case.ts';
import { rolesOf, roleZh, type UnitKind, type Vocabulary, wordZh } from '../../domain/vocabulary.ts';
import { zhPunct } from '../../domain/zh-punct.ts';
import type { Ctx } from '../../store/ctx.ts';
import type { Scope } from '../../store/scope.ts';
import * as X from '../workbooks/excel.ts';
import type { TableColumn } from '../workbooks/excel-read.ts';
import { loadSetting, type Setting, storedContent } from './roster-content.ts';
import { requireRoster } from './rosters.ts';

export type Field = 'id' | 'name' | 'staff_type' | 'role' | 'village' | 'from' | 'to';
export interface Sheet {
  name: string;
  /** What a row is: a post of the unit, a post of one of its villages, or a link. */
  row: 'post' | 'village_post' | 'stationed' | 'unit_village';
  fields: Field[];
  villageHeader?: string;
}

const PERSON: Field[] = ['id', 'name', 'staff_type', 'role', 'from', 'to'];
export const SHEETS: Record<'town' | 'county_unit', Sheet[]> = {
  town: [
    { name: '镇（场）职务', row: 'post', fields: PERSON },
    {
      name: '驻村干部',
      row: 'stationed',
      fields: ['id', 'name', 'village', 'from', 'to'],
      villageHeader: '驻（挂钩联系）村',
    },
    // Village cadres are neither civil servants nor institution staff: no 人员类别 column.
    {
      name: '村干部',
      row: 'village_post',
      fields: ['village', 'id', 'name', 'role', 'from', 'to'],
      villageHeader: '村（社区、工区）',
    },
  ],
  county_unit: [
    { name: '单位职务', row: 'post', fields: PERSON },
    {
      name: '挂钩村',
      row: 'unit_village',
      fields: ['village', 'from', 'to'],
      villageHeader: '村（社区、工区）',
    },
  ],
};
export const INTRO = '说明';

/** The posts of a unit of a kind, code → label, as the pack names them: a dropdown and what it reads back. */
export function roleLabels(words: Vocabulary, kind: string): Record<string, string> {
  return Object.fromEntries(rolesOf(words, kind).map((r) => [r, roleZh(words, kind, r)]));
}

/** The staff types, code → label (公务员, 事业单位人员). */
export function staffLabels(words: Vocabulary): Record<string, string> {
  return Object.fromEntries(Object.entries(words.staff_types).map(([k, v]) => [k, v.zh]));
}

export const roleKind = (sheet: Sheet, s: Setting): UnitKind =>
  sheet.row === 'village_post' ? 'village' : s.unit.kind;

export function columns(sheet: Sheet): (X.Column & TableColumn<Field>)[] {
  const col: Record<Field, X.Column & { required?: boolean }> = {
    id: {
      header: '人员编号',
      width: 16,
      note: '已有人员的编号；新人员留空，系统会给出新编号',
      required: false,
    },
    name: { header: '姓名', width: 12 },
    staff_type: {
      header: '人员类别',
      width: 14,
      choices: 'staff',
      note: '公务员（称职等次）或事业单位人员（合格等次）；留空为公务员',
      required: false,
    },
    role: { header: '职务', width: 20, choices: sheet.row === 'village_post' ? 'village_roles' : 'roles' },
    village: { header: sheet.villageHeader ?? '村（社区、工区）', width: 22, choices: 'villages' },
    from: { header: '起始日期', width: 13, date: true, note: '可留空；格式 2009-03-01', required: false },
    to: { header: '终止日期', width: 13, date: true, note: '仍在任的留空', required: false },
  };
  return sheet.fields.map((f) => ({ ...col[f], field: f }));
}

/** The villages a roster may name, each with the label its dropdown shows. */
export function villageChoices(s: Setting): { id: string; name: string; label: string }[] {
  const list =
    s.unit.kind === 'town'
      ? s.villages.map((v) => ({ id: v.id, name: v.name, label: zhPunct(v.name) }))
      : s.units
          .filter((u) => u.kind === 'village')
          .map((v) => ({ id: v.id, name: v.name, label: zhPunct(`${townName(s, v)} ${v.name}`) }));
  const count = new Map<string, number>();
  for (const v of list) count.set(v.label, (count.get(v.label) ?? 0) + 1);
  return list.map((v) => ((count.get(v.label) ?? 0) > 1 ? { ...v, label: `${v.label}（${v.id}）` } : v));
}
const townName = (s: Setting, v: CaseUnit) => s.units.find((u) => u.id === v.town)?.name ?? v.town ?? '';

/** The template of a unit's roster for a year, prefilled with the stored posts and links. */
export async function rosterTemplate(ctx: Ctx, scope: Scope, county: string, year: number, unit: string) {
  requireRoster(scope, county, unit);
  const s = await loadSetting(ctx.db, county, unit, ctx.engine);
  const content = await storedContent(ctx.db, s, year);
  const people = new Map(content.people.map((p) => [p.id, p]));
  const villages = villageChoices(s);
  const villageLabel = new Map(villages.map((v) => [v.id, v.label]));
  const wb = X.newWorkbook();
  const heading = `${s.unit.name}${year}年度人口和计划生育层级动态管理责任制名单`;
  X.addIntro(wb, INTRO, [
    ['名单', `${heading}（二（四））`],
    ['单位编号', s.unit.id],
    ['计生年度', year],
    ['填写说明', '每行一条；职务、人员类别、村从下拉列表中选择。已有人员保留其编号；新人员编号留空。'],
    ['', '日期格式 2009-03-01；起始日期可留空，仍在任的终止日期留空。删去的行即不再任职或驻村。'],
    [
      '',
      s.unit.kind === 'town'
        ? '驻村干部须在“镇（场）职务”中列出其职务。村干部不填人员类别。'
        : '挂钩村：本单位挂钩联系的村（社区、工区）。',
    ],
    ['', '各表第 1 行为标题、第 2 行为表头，已锁定以防误改；数据区可直接填写、插入或删除行。'],
  ]);
  const formulas = X.addChoices(wb, {
    roles: Object.values(roleLabels(s.words, s.unit.kind)),
    village_roles: Object.values(roleLabels(s.words, 'village')),
    staff: Object.values(staffLabels(s.words)),
    villages: villages.map((v) => v.label),
  });
  for (const sheet of SHEETS[s.unit.kind as 'town' | 'county_unit']) {
    const cols = columns(sheet);
    const ws = X.addSheet(wb, sheet.name, `${heading}——${sheet.name}`, cols);
    X.addDropdowns(ws, cols, formulas);
    const rows: Record<string, unknown>[] = (sheet.row === 'post'
      ? content.posts.filter((p) => p.unit === s.unit.id)
      : sheet.row === 'village_post'
        ? content.posts.filter((p) => p.unit !== s.unit.id).map((p) => ({ ...p, village: p.unit }))
        : content.links) as unknown as Record<string, unknown>[];
    for (const r of rows) {
      const p = people.get(String(r.person));
      const role = r.role === undefined ? undefined : roleZh(s.words, roleKind(sheet, s), String(r.role));
      const cells: Record<Field, unknown> = {
        id: r.person ?? null,
        name: p?.name ?? null,
        staff_type: wordZh(s.words, 'staff_types', p?.staff_type ?? 'civil_servant'),
        role: role ? zhPunct(role) : (r.role ?? null),
        village: villageLabel.get(String(r.village)) ?? r.village ?? null,
        from: X.dateCell(r.from as string | undefined),
        to: X.dateCell(r.to as string | undefined),
      };
      ws.addRow(sheet.fields.map((f) => cells[f]));
    }
    await X.protectHeader(ws);
  }
  return { filename: `${s.unit.name}-${year}-名单.xlsx`, body: await X.writeWorkbook(wb) };
}
