// 警示通知书 (四（三）2（1）): to the one unit, about the one matter the notice is for; the
// deadline for the correction and who verifies it; what a second notice in a row brings, quoted
// from 四（三）2（2); and a 回执 the unit signs and returns.

import type { Pack } from '../../engine/pack.ts';
import { getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { conflict } from '../../store/errors.ts';
import type { Scope } from '../../store/scope.ts';
import { visibleNotice } from '../notices/notices.ts';
import {
  clauseText,
  documentFile,
  letterheadOf,
  type Names,
  namesOf,
  policyTitle,
  unitAddressee,
  unitName,
} from './common.ts';
import type { OfficialDoc } from './model.ts';
import type { IssuingOffice } from './offices.ts';
import { inSnapshot, issue } from './register.ts';
import { chineseDate, clauseZh, fullWidth } from './zh.ts';

export interface NoticeInput {
  notice: { id: string; unit_id: string; issued_on: string; matter: string; deadline: string | null };
  names: Names;
  /** The county's pack: its title and clauses are quoted. */
  pack: Pack;
  /** The clause the rules for two notices in a row cite (the engine's `notices().clause`), if any. */
  inARowClause: string | undefined;
  office: IssuingOffice;
  number?: string;
}

/** 根据《…》四（三）2（1）“…”的规定: the clause the pack says founds the notice, quoted; or the policy alone. */
function groundOf(pack: Pack): string {
  const id = pack.workflowClauses.warning_notice;
  const title = `${policyTitle(pack)}（以下简称《实施意见》）`;
  return id ? `根据${title}${clauseZh(id)}“${clauseText(pack, id)}”的规定` : `根据${title}的规定`;
}

export function noticeModel({
  notice: n,
  names,
  pack,
  inARowClause,
  office,
  number,
}: NoticeInput): OfficialDoc {
  const matter = fullWidth(n.matter.trim());
  const unit = names.units.get(n.unit_id);
  const town = unit?.kind === 'village' && unit.town ? names.units.get(unit.town) : undefined;
  const deadline = n.deadline
    ? `请你单位于${chineseDate(n.deadline)}前完成整改`
    : '请你单位接到本通知书后立即整改';
  return {
    kind: 'warning_notice',
    fonts: office.fonts,
    letterhead: letterheadOf(office),
    number,
    title: '警示通知书',
    addressee: unitAddressee(names, n.unit_id),
    body: [
      {
        kind: 'p',
        text: `经督查，你单位在${matter}工作中未达到要求，影响全县人口和计划生育工作。${groundOf(pack)}，现就${matter}向你单位下达警示通知书。`,
      },
      {
        kind: 'p',
        text: `${deadline}，并将整改情况书面报告${office.name}，由${office.name}督查验收。`,
      },
      ...(inARowClause
        ? [
            {
              kind: 'p' as const,
              text: `特此提醒：依照《实施意见》${clauseZh(inARowClause)}，“${clauseText(pack, inARowClause)}”。`,
            },
          ]
        : []),
    ],
    attachments: [
      {
        title: '警示通知书回执',
        body: [
          {
            kind: 'fields',
            rows: [
              ['通知书文号', number ?? ''],
              ['受通知单位', unitName(names, n.unit_id)],
              ['整改事项', matter],
              ['整改期限', n.deadline ? chineseDate(n.deadline) : '立即整改'],
              ['收到日期', '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日'],
              ['签收人（签字）', ''],
              ['整改措施', '\n\n'],
              ['单位负责人（签字）', ''],
              ['单位（盖章）', '\n\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日'],
            ],
          },
          { kind: 'p', small: true, text: `本回执由受通知单位填写，签章后送回${office.name}。` },
        ],
      },
    ],
    signature: { office: office.name, date: n.issued_on, seal: true },
    record: {
      cc: town ? [`${town.name}党委、政府`] : [],
      printer: office.name,
      printed_on: n.issued_on,
    },
    dated: n.issued_on,
  };
}

export async function noticeDocument(ctx: Ctx, scope: Scope, county: string, id: string) {
  const { n, c, names } = await inSnapshot(ctx, async (s) => {
    const n = await visibleNotice(s, scope, county, id);
    if (n.retracted_at) throw conflict(`警示通知书“${id}”已撤回`, `warning notice "${id}" was retracted`);
    return { n, c: await getCounty(s.db, county), names: await namesOf(s, county) };
  });
  const issued = await issue(ctx, scope.actor, {
    county,
    kind: 'warning_notice',
    object: { type: 'warning_notices', id: n.id },
    office: 'office',
    dated: n.issued_on,
    build: ({ number, offices }) =>
      noticeModel({
        notice: n,
        names,
        pack: ctx.engine(c.policy).pack,
        inARowClause: ctx.engine(c.policy).notices({}).clause,
        office: offices.office,
        number,
      }),
  });
  return documentFile(issued, unitName(names, n.unit_id));
}
