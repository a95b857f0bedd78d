// The notices about money that follow a decision. 罚款缴纳通知书: to the person fined — the
// amount in figures and capitals, the clause, where to pay (the collecting unit, or the unit the
// person has moved to) and by when. 奖金兑现通知: to the unit or person rewarded, where the
// finance bureau pays it. Each is issued once per obligation and decision in force: a
// correcting decision that changes the amount brings a new notice under it.

import { rmbCapital, yuanText } from '../../domain/money.ts';
import type { Pack } from '../../engine/pack.ts';
import { getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { currentDecision } from '../../store/decisions.ts';
import { conflict } from '../../store/errors.ts';
import { getObligation, type ObligationView } from '../../store/ledger-views.ts';
import type { Scope } from '../../store/scope.ts';
import {
  documentFile,
  groundOf,
  letterheadOf,
  type Names,
  namesOf,
  unitAddressee,
  unitName,
} from './common.ts';
import { issueDecision } from './decision.ts';
import type { OfficialDoc } from './model.ts';
import type { IssuingOffice } from './offices.ts';
import { type Issued, inSnapshot, issue } from './register.ts';
import { chineseDate, clauseZh } from './zh.ts';

export interface MoneyNoticeInput {
  o: ObligationView;
  /** The decision in force, as issued. */
  decision: Issued;
  names: Names;
  /** The pack that gave the obligation (the county's, or a town pack's, 七): its title and clause are quoted. */
  pack: Pack;
  offices: Record<'office' | 'finance', IssuingOffice>;
  number?: string;
}

export function fineNoticeModel({
  o,
  decision,
  names,
  pack,
  offices,
  number,
}: MoneyNoticeInput): OfficialDoc {
  const office = offices.office;
  const fen = o.balance.assessed_fen;
  const payAt = o.withholding_unit ?? o.collecting_unit;
  const where = payAt ? unitName(names, payAt) : '县财政局';
  return {
    kind: 'fine_notice',
    fonts: office.fonts,
    letterhead: letterheadOf(office),
    number,
    title: '罚款缴纳通知书',
    addressee: `${o.subject.name}同志`,
    body: [
      {
        kind: 'p',
        text: `${groundOf(pack, decision, o)}对你处以罚款${yuanText(fen)}（${rmbCapital(fen)}）。`,
      },
      {
        kind: 'p',
        text: `请于${chineseDate(o.due_on ?? decision.dated)}前到${where}缴纳${o.withholding_unit ? `（你已调离原单位，由现单位${where}代扣）` : ''}，缴纳时取得收款收据。罚款由执罚单位上缴县财政局；逾期未收缴的，由县财政从执罚单位的拨款中直接扣除（${clauseZh('8')}）。`,
      },
      { kind: 'p', text: `如对处罚有异议，请向${office.name}书面提出。` },
    ],
    signature: { office: office.name, date: decision.dated, seal: true },
    record: {
      cc: [...(payAt ? [unitAddressee(names, payAt)] : []), offices.finance.name],
      printer: office.name,
      printed_on: decision.dated,
    },
    dated: decision.dated,
  };
}

export function rewardNoticeModel({
  o,
  decision,
  names,
  pack,
  offices,
  number,
}: MoneyNoticeInput): OfficialDoc {
  const office = offices.office;
  const fen = o.balance.assessed_fen;
  const toUnit = o.subject.kind === 'unit';
  return {
    kind: 'reward_notice',
    fonts: office.fonts,
    letterhead: letterheadOf(office),
    number,
    title: '奖金兑现通知',
    addressee: toUnit ? unitAddressee(names, o.subject.id) : `${o.subject.name}同志`,
    body: [
      {
        kind: 'p',
        text: `${groundOf(pack, decision, o)}给予${toUnit ? '你单位' : '你'}奖励${yuanText(fen)}（${rmbCapital(fen)}）。`,
      },
      {
        kind: 'p',
        text: `奖金由${offices.finance.name}兑现。请持本通知到${offices.finance.name}办理领款手续，领款时签收领款收据。`,
      },
    ],
    signature: { office: office.name, date: decision.dated, seal: true },
    record: { cc: [offices.finance.name], printer: office.name, printed_on: decision.dated },
    dated: decision.dated,
  };
}

/** The notice of a fine or a reward, under the decision in force. */
export async function obligationNotice(ctx: Ctx, scope: Scope, id: string) {
  const county = scope.county!;
  const { o, row, c, names } = await inSnapshot(ctx, async (s) => {
    const o = await getObligation(s, scope, id);
    const row = await currentDecision(s.db, county, o.fp_year);
    if (!row || o.balance.assessed_fen === 0)
      throw conflict(
        '该款项已被更正决定取消，不再发出通知',
        'a correcting decision cancelled this amount; there is no notice to issue',
      );
    return { o, row, c: await getCounty(s.db, county), names: await namesOf(s, county) };
  });
  const decision = await issueDecision(ctx, scope.actor, county, row.id);
  const fine = o.kind === 'fine';
  const issued = await issue(ctx, scope.actor, {
    county,
    kind: fine ? 'fine_notice' : 'reward_notice',
    object: { type: 'obligations', id: `${o.id}@${row.id}` },
    office: 'office',
    dated: decision.dated,
    build: ({ number, offices }) =>
      (fine ? fineNoticeModel : rewardNoticeModel)({
        o,
        decision,
        names,
        pack: ctx.engine(o.source_pack ?? c.policy).pack,
        offices,
        number,
      }),
  });
  return documentFile(issued, o.subject.name);
}
