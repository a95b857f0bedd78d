// The offices that issue documents in a county: the assessment office (县人口考核办), which
// issues the decision and everything that follows from it, and the finance bureau, which
// deducts from allocations. Each has its name, the 发文机关标志 of its red 版头, its 机关代字
// and whether it prints the 版头 or uses the county's own 红头 paper. Until the office sets its
// own, defaults follow from the county's name (清水县 → 清水县人口考核办公室, 清人考).

import { can } from '../../domain/permissions.ts';
import type { Problem } from '../../domain/problems.ts';
import { type Actor, appendAudit } from '../../store/audit.ts';
import { getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { invalid, notFound, StoreError } from '../../store/errors.ts';
import type { Db, Row } from '../../store/schema.ts';
import type { Scope } from '../../store/scope.ts';
import type { FontSet } from './model.ts';

export const OFFICES = ['office', 'finance'] as const;
export type OfficeId = (typeof OFFICES)[number];
export const OFFICE_ZH: Record<OfficeId, string> = { office: '县人口考核办', finance: '县财政局' };

export interface IssuingOffice {
  id: OfficeId;
  /** Full name: 发文机关署名, 印发机关. */
  name: string;
  /** 发文机关标志 in the 版头. */
  mark: string;
  /** 机关代字 of the 发文字号. */
  code: string;
  letterhead: 'print' | 'preprinted';
  fonts: FontSet;
  /** false: the defaults, the office has not set its own. */
  configured: boolean;
}

/** The county's name without a note in brackets: 青山县（示范） → 青山县. */
export function countyName(name: string): string {
  return name.replace(/\s*[（(][^（()）]*[)）]\s*$/, '');
}

export function defaultOffice(county: string, id: OfficeId): IssuingOffice {
  const c = countyName(county);
  const first = [...c][0] ?? '';
  const name = id === 'office' ? `${c}人口考核办公室` : `${c}财政局`;
  return {
    id,
    name,
    mark: `${name}文件`,
    code: id === 'office' ? `${first}人考` : `${first}财`,
    letterhead: 'print',
    fonts: 'gb',
    configured: false,
  };
}

const officeOf = (r: Row<'issuing_offices'>): IssuingOffice => ({
  id: r.id as OfficeId,
  name: r.name,
  mark: r.mark,
  code: r.code,
  letterhead: r.letterhead as IssuingOffice['letterhead'],
  fonts: r.fonts as FontSet,
  configured: true,
});

/** Both offices of a county, as set or by default. */
export async function issuingOffices(db: Db, county: string): Promise<Record<OfficeId, IssuingOffice>> {
  const c = await getCounty(db, county);
  const rows = await db.selectFrom('issuing_offices').selectAll().where('county_id', '=', county).execute();
  const out = {} as Record<OfficeId, IssuingOffice>;
  for (const id of OFFICES) {
    const r = rows.find((x) => x.id === id);
    out[id] = r ? officeOf(r) : defaultOffice(c.name, id);
  }
  return out;
}

export async function listOffices(ctx: Ctx, scope: Scope, county: string): Promise<IssuingOffice[]> {
  if (scope.county !== county) throw notFound('县', county);
  return Object.values(await issuingOffices(ctx.db, county));
}

function check(input: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const text = (path: string, max: number, zh: string, en: string) => {
    const v = input[path];
    if (typeof v !== 'string' || v.trim() === '' || [...v].length > max || /[\p{Cc}]/u.test(v))
      problems.push({
        path,
        code: 'format',
        zh: `${zh}应为 1–${max} 个字符`,
        en: `${en} is 1–${max} characters`,
      });
  };
  text('name', 40, '机关全称', 'the name');
  text('mark', 40, '发文机关标志', 'the letterhead mark');
  text('code', 10, '机关代字', 'the office code');
  if (typeof input.code === 'string' && /[\s〔〕[\]0-9]/.test(input.code))
    problems.push({
      path: 'code',
      code: 'format',
      zh: '机关代字不含空格、数字和六角括号',
      en: 'the office code has no spaces, digits or brackets',
    });
  if (!['print', 'preprinted'].includes(String(input.letterhead)))
    problems.push({
      path: 'letterhead',
      code: 'enum',
      zh: '版头应为 print（打印红色版头）或 preprinted（使用印好的红头纸）',
      en: "letterhead is print (print the red letterhead) or preprinted (the county's own letterhead paper)",
    });
  if (!['gb', 'system'].includes(String(input.fonts)))
    problems.push({
      path: 'fonts',
      code: 'enum',
      zh: '字体应为 gb（方正小标宋简体、仿宋_GB2312）或 system（宋体、仿宋）',
      en: 'fonts is gb (the GB/T 9704 fonts: FZXiaoBiaoSong, FangSong_GB2312) or system (SimSun, FangSong)',
    });
  return problems;
}

/** Whether a scope may set an office's letterhead: each office its own (the system may set any). */
export function mayEditOffice(scope: Scope, id: OfficeId): boolean {
  return scope.actor.role === 'system' || can(scope.role, `issuing-offices.write-${id}`);
}

export async function setOffice(
  ctx: Ctx,
  scope: Scope,
  county: string,
  input: Record<string, unknown>,
): Promise<IssuingOffice> {
  if (scope.county !== county) throw notFound('县', county);
  const id = input.office as OfficeId;
  if (!(OFFICES as readonly string[]).includes(String(id)))
    throw invalid([
      { path: 'office', code: 'enum', zh: '机关应为 office 或 finance', en: 'office is office or finance' },
    ]);
  if (!mayEditOffice(scope, id))
    throw new StoreError(
      'forbidden',
      `只有${OFFICE_ZH[id]}可以设置本机关的版头`,
      `only the ${id === 'office' ? 'assessment office' : 'finance bureau'} sets its own letterhead`,
    );
  const problems = check(input);
  if (problems.length) throw invalid(problems);
  const before = (await issuingOffices(ctx.db, county))[id];
  const at = ctx.now().toISOString();
  const row: Row<'issuing_offices'> = {
    county_id: county,
    id,
    name: String(input.name).trim(),
    mark: String(input.mark).trim(),
    code: String(input.code).trim(),
    letterhead: String(input.letterhead),
    fonts: String(input.fonts),
    updated_by: scope.actor.name,
    created_at: at,
    updated_at: at,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('issuing_offices')
      .select('created_at')
      .where('county_id', '=', county)
      .where('id', '=', id)
      .executeTakeFirst();
    if (exists)
      await trx
        .updateTable('issuing_offices')
        .set({ ...row, created_at: exists.created_at })
        .where('county_id', '=', county)
        .where('id', '=', id)
        .execute();
    else await trx.insertInto('issuing_offices').values(row).execute();
    const after = officeOf(row);
    await appendAudit(
      trx,
      scope.actor as Actor,
      {
        action: 'issuing_office.update',
        object_type: 'issuing_offices',
        object_id: id,
        county_id: county,
        before,
        after,
      },
      at,
    );
    return after;
  });
}
