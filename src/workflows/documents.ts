// The printed documents: the 警示通知书 (四(三)2(1)) the office sends a unit, and the receipt for
// a fine collected or a reward paid (收款收据), each readable only within the caller's jurisdiction.

import { capitalYuan, formatYuan } from '../domain/money.ts';
import { clauseLabel } from '../engine/clauses.ts';
import { loadEngine } from '../policy/load.ts';
import { getCounty } from '../store/cases.ts';
import { conflict, invalid, notFound } from '../store/errors.ts';
import type { Ctx } from '../store/facts.ts';
import { getObligation } from '../store/ledger.ts';
import type { Scope } from '../store/scope.ts';
import { addressee, chineseDate, documentBuffer, fields, para, signature, subtitle, title } from './docx.ts';
import { visibleNotice } from './notices.ts';
import { entryDates } from './reports-data.ts';
import { OBLIGATION_ZH } from './reports-ledger.ts';

/** The office's name as it signs: 县人口考核办 of the county. */
const office = (countyName: string) => `${countyName}人口考核办`;

export async function noticeDocument(ctx: Ctx, scope: Scope, county: string, id: string) {
  const n = await visibleNotice(ctx, scope, county, id);
  if (n.retracted_at) throw conflict(`警示通知书 "${id}" 已撤回`, `warning notice "${id}" was retracted`);
  const c = await getCounty(ctx.db, county);
  const engine = loadEngine(c.policy);
  const text = (clause: string) => engine.pack.clauses.get(clause)?.text ?? '';
  const town = n.unit_town
    ? (
        await ctx.db
          .selectFrom('units')
          .select('name')
          .where('county_id', '=', county)
          .where('id', '=', n.unit_town)
          .executeTakeFirst()
      )?.name
    : undefined;
  const children = [
    title('警示通知书'),
    subtitle(`${office(c.name)}  编号:${n.id}`),
    addressee(`${town ?? ''}${n.unit_name}`),
    para(
      `经县人口考核办督查,你单位在「${n.matter}」中弄虚作假、工作不达标或任务不完成,影响全县人口和计划生育工作。`,
    ),
    para(
      `根据《${engine.pack.title}》${clauseLabel('4.3.2.1')}:“${text('4.3.2.1')}”现向你单位下达警示通知书。`,
    ),
    para(
      n.deadline
        ? `限期改正:请于${chineseDate(n.deadline)}前改正,并将整改情况书面报告县人口考核办,由县人口考核办督查验收。`
        : '限期改正:请接到本通知书后立即改正,并将整改情况书面报告县人口考核办,由县人口考核办督查验收。',
      { bold: true },
    ),
    para(`特此提醒:依照${clauseLabel('4.3.2.2')},“${text('4.3.2.2')}”`),
    ...signature(office(c.name), n.issued_on),
  ];
  return {
    filename: `警示通知书-${n.id}-${n.unit_name}.docx`,
    body: await documentBuffer(children, `警示通知书 ${n.id}`),
  };
}

/** A receipt for a collection (收款收据) or a reward payment (领款收据), scoped like its obligation. */
export async function receiptDocument(ctx: Ctx, scope: Scope, entryId: string) {
  const e = await ctx.db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!e || e.county_id !== scope.county) throw notFound('分录', entryId);
  const o = await getObligation(ctx, scope, e.obligation_id);
  if (e.kind !== 'collect' && e.kind !== 'pay')
    throw invalid([
      {
        path: 'id',
        code: 'kind',
        zh: '只有收缴或支付分录才有收据',
        en: 'only a collection or a payment has a receipt',
      },
    ]);
  const reversed = await ctx.db
    .selectFrom('ledger_entries')
    .select('id')
    .where('reverses', '=', e.id)
    .executeTakeFirst();
  if (reversed)
    throw conflict(
      `该分录已冲正(${reversed.id}),收据作废`,
      `the entry was reversed (${reversed.id}); its receipt is void`,
    );
  const c = await getCounty(ctx.db, e.county_id);
  const unitName = async (id: string | null) =>
    id
      ? ((
          await ctx.db
            .selectFrom('units')
            .select('name')
            .where('county_id', '=', e.county_id)
            .where('id', '=', id)
            .executeTakeFirst()
        )?.name ?? id)
      : '—';
  const on = (await entryDates(ctx.db, [e.id])).get(e.id) ?? e.created_at.slice(0, 10);
  const collect = e.kind === 'collect';
  const heading = collect ? '罚款收款收据' : '奖金领款收据';
  const actingUnit = await unitName(e.unit_id);
  const rows: [string, string][] = [
    ['县', c.name],
    ['计生年度', `${o.fp_year}年度`],
    [collect ? '缴款人' : '领款人', `${o.subject.name}(${o.subject.id})`],
    [collect ? '收款单位' : '付款单位', collect ? actingUnit : `${c.name}财政局`],
    ...(collect && e.unit_id !== o.collecting_unit
      ? [['执罚单位', `${await unitName(o.collecting_unit)}(调入单位代扣)`] as [string, string]]
      : []),
    ['款项', OBLIGATION_ZH[o.kind]],
    [
      '依据条款',
      `${clauseLabel(o.clause)}(${o.clause})${o.applies ? `,按${clauseLabel(o.applies)}(${o.applies})` : ''}`,
    ],
    ['事由', o.explanation],
    ['金额(小写)', `¥${formatYuan(e.amount_fen)}元`],
    ['金额(大写)', capitalYuan(e.amount_fen)],
    ['收据号', e.receipt_no ?? '—'],
    ['日期', chineseDate(on)],
    ['经办人', e.created_by],
    ...(e.note ? [['备注', e.note] as [string, string]] : []),
  ];
  const children = [
    title(heading),
    subtitle(`收据号:${e.receipt_no ?? '—'}`),
    fields(rows),
    para(
      `${collect ? '收款单位' : '付款单位'}(盖章):            经办人(签字):            ${collect ? '缴款人' : '领款人'}(签字):`,
      {
        indent: false,
      },
    ),
    ...signature(collect ? actingUnit : `${c.name}财政局`, on),
  ];
  return {
    filename: `${heading}-${e.receipt_no ?? e.id}.docx`,
    body: await documentBuffer(children, `${heading} ${e.receipt_no ?? ''}`),
  };
}
