// The papers of the money's moves (八): a 收款收据 for a fine collected and a 奖金领款收据 for a
// reward paid, each in three copies on one sheet (存根, 收据, 记账); a 解缴凭证 for a fine a
// unit remits to the finance bureau; and the finance bureau's 扣缴通知书 to a unit whose
// allocation it deducts an uncollected fine from. The person who entered the move signs as
// 经办人 by name, never by login; a reversed entry's paper is void.

import { rmbCapital, yuanText } from '../../domain/money.ts';
import type { Pack } from '../../engine/pack.ts';
import { getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { conflict, invalid, notFound } from '../../store/errors.ts';
import { getObligation, type ObligationView } from '../../store/ledger-views.ts';
import type { Row } from '../../store/schema.ts';
import type { Scope } from '../../store/scope.ts';
import {
  clauseText,
  documentFile,
  holders,
  letterheadOf,
  type Names,
  namesOf,
  policyTitle,
  unitAddressee,
  unitName,
} from './common.ts';
import type { Block, DocKind, OfficialDoc } from './model.ts';
import type { IssuingOffice, OfficeId } from './offices.ts';
import { inSnapshot, issue } from './register.ts';
import { chineseDate, clauseZh } from './zh.ts';

type Entry = Row<'ledger_entries'>;

export interface EntryInput {
  e: Entry;
  o: ObligationView;
  names: Names;
  /** The county's pack: its title and clauses are quoted. */
  pack: Pack;
  /** The town pack (七) that gave the obligation, if one did: its title and clause are cited instead. */
  rules?: Pack;
  offices: Record<OfficeId, IssuingOffice>;
  /** The name of who entered the move, if the account has one. */
  clerk?: string;
  number?: string;
}

const COPIES = {
  collect: ['第一联　存根', '第二联　收据（交缴款人）', '第三联　记账'],
  pay: ['第一联　存根', '第二联　收据（交财政局）', '第三联　记账'],
  remit: ['第一联　回单（交缴款单位）', '第二联　收款凭证', '第三联　记账'],
} as const;

const KIND: Record<'collect' | 'pay' | 'remit' | 'deduct', DocKind> = {
  collect: 'receipt',
  pay: 'payment_receipt',
  remit: 'remittance',
  deduct: 'deduction_notice',
};

/** The number a form carries: the receipt book's, or the ledger's own. */
export const formNumber = (e: Entry) => e.receipt_no ?? `${e.fp_year}-${String(e.seq).padStart(6, '0')}`;

/** Three copies of a slip, cut apart along dashed lines. */
function threeCopies(
  title: string,
  copies: readonly string[],
  head: string,
  rows: [string, string][],
  sign: Block,
): Block[] {
  return copies.flatMap((copy, i): Block[] => [
    ...(i > 0 ? [{ kind: 'cut', text: '沿虚线剪开' } as Block] : []),
    { kind: 'form-title', text: title, right: `${head}　　${copy}` },
    { kind: 'fields', rows },
    sign,
  ]);
}

export function slipModel({ e, o, names, pack, rules, offices, clerk }: EntryInput): OfficialDoc {
  const move = e.kind as 'collect' | 'pay' | 'remit';
  const unit = unitName(names, e.unit_id);
  const money: [string, string] = ['金额', `${rmbCapital(e.amount_fen)}（${yuanText(e.amount_fen)}）`];
  const what = `${o.fp_year}年度${o.kind === 'fine' ? '罚款' : '奖金'}，依据${policyTitle(rules ?? pack)}${clauseZh(o.clause)}${o.applies ? `（按${clauseZh(o.applies)}）` : ''}`;
  const head = `编号：${formNumber(e)}　　${chineseDate(e.on_date)}`;
  const signer = (label: string): Block => ({
    kind: 'p',
    small: true,
    text: [
      { text: `${label}（盖章）：` },
      { blank: 6 },
      { text: '　经办人：' },
      ...(clerk ? [{ text: clerk }] : [{ blank: 4 }]),
      { text: `　${move === 'remit' ? '收款人' : move === 'collect' ? '缴款人' : '领款人'}（签字）：` },
      { blank: 4 },
    ],
  });
  if (move === 'remit')
    return {
      kind: 'remittance',
      form: true,
      fonts: offices.finance.fonts,
      title: '罚没款解缴凭证',
      body: threeCopies(
        '罚没款解缴凭证',
        COPIES.remit,
        head,
        [['缴款单位', unit], ['收款单位', offices.finance.name], ['款项', `${o.subject.name}${what}`], money],
        signer('缴款单位'),
      ),
      dated: e.on_date,
    };
  const collect = move === 'collect';
  const title = collect ? '收款收据' : '奖金领款收据';
  return {
    kind: collect ? 'receipt' : 'payment_receipt',
    form: true,
    fonts: offices.office.fonts,
    title,
    body: threeCopies(
      title,
      COPIES[move],
      head,
      [
        [
          collect ? '缴款人' : '领款人',
          o.subject.kind === 'unit' ? unitName(names, o.subject.id) : o.subject.name,
        ],
        [collect ? '收款单位' : '付款单位', collect ? unit : offices.finance.name],
        ['款项', what],
        money,
      ],
      signer(collect ? '收款单位' : '付款单位'),
    ),
    dated: e.on_date,
  };
}

export function deductionModel({ e, o, names, pack, rules, offices, number }: EntryInput): OfficialDoc {
  const finance = offices.finance;
  const unit = e.unit_id ?? o.collecting_unit;
  return {
    kind: 'deduction_notice',
    fonts: finance.fonts,
    letterhead: letterheadOf(finance),
    number,
    title: '扣缴通知书',
    addressee: unit ? unitAddressee(names, unit) : '',
    body: [
      {
        kind: 'p',
        text: `${o.subject.name}${o.fp_year}年度罚款${yuanText(o.balance.assessed_fen)}，依照${policyTitle(rules ?? pack)}${clauseZh(o.clause)}，由你单位执罚，缴纳期限为${chineseDate(o.due_on ?? e.on_date)}。截至${chineseDate(e.on_date)}，该罚款尚未收缴上缴。`,
      },
      {
        kind: 'p',
        text: `根据《实施意见》${clauseZh('8')}“${clauseText(pack, '8')}”的规定，现从你单位拨款中扣缴罚款${yuanText(e.amount_fen)}（${rmbCapital(e.amount_fen)}）。`,
      },
      { kind: 'p', text: '特此通知。' },
    ],
    signature: { office: finance.name, date: e.on_date, seal: true },
    record: { cc: [offices.office.name, '县纪委', '县审计局'], printer: finance.name, printed_on: e.on_date },
    dated: e.on_date,
  };
}

/** The paper of a ledger entry, scoped like its obligation; void once the entry is reversed. */
/** What the paper of an entry says, read on one snapshot. */
async function entryFacts(ctx: Ctx, scope: Scope, id: string, only?: readonly string[]) {
  const e = await ctx.db.selectFrom('ledger_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e || e.county_id !== scope.county) throw notFound('分录', id);
  const o = await getObligation(ctx, scope, e.obligation_id);
  const kinds = only ?? Object.keys(KIND);
  if (!kinds.includes(e.kind))
    throw invalid([
      {
        path: 'id',
        code: 'kind',
        zh: `只有${kinds.includes('remit') ? '收缴、支付、上缴或扣缴' : '收缴或支付'}分录才有单据`,
        en: `only a ${kinds.join(', ')} entry has a paper`,
      },
    ]);
  const reversed = await ctx.db
    .selectFrom('ledger_entries')
    .select('id')
    .where('reverses', '=', e.id)
    .executeTakeFirst();
  if (reversed)
    throw conflict(
      `该分录已冲正（${reversed.id}），单据作废`,
      `the entry was reversed (${reversed.id}); its paper is void`,
    );
  const c = await getCounty(ctx.db, e.county_id);
  const names = await namesOf(ctx, e.county_id);
  const clerk = (await holders(ctx.db, [e.created_by])).get(e.created_by);
  return { e, o, c, names, clerk };
}

export async function entryDocument(ctx: Ctx, scope: Scope, id: string, only?: readonly string[]) {
  const { e, o, c, names, clerk } = await inSnapshot(ctx, (s) => entryFacts(s, scope, id, only));
  const kind = KIND[e.kind as keyof typeof KIND];
  const deduct = e.kind === 'deduct';
  const issued = await issue(ctx, scope.actor, {
    county: e.county_id,
    kind,
    object: { type: 'ledger_entries', id: e.id },
    office: deduct ? 'finance' : null,
    number: deduct ? undefined : formNumber(e),
    dated: e.on_date,
    build: ({ number, offices }) =>
      (deduct ? deductionModel : slipModel)({
        e,
        o,
        names,
        pack: ctx.engine(c.policy).pack,
        ...(o.source_pack && { rules: ctx.engine(o.source_pack).pack }),
        offices,
        clerk,
        number,
      }),
  });
  return documentFile(issued, deduct ? unitName(names, e.unit_id) : o.subject.name);
}
