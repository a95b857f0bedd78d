// A document as data: what it says, element by element in the order of GB/T 9704-2012 (版头,
// 主体, 版记), and nothing about how it is drawn. It is built from the store once, when the
// document is first issued, kept as JSON with its 发文字号, and drawn again from that JSON on
// every later request, so the same object always prints the same document.

/** The kinds of document the office system issues. */
export const DOC_KINDS = {
  decision: '奖惩决定',
  warning_notice: '警示通知书',
  fine_notice: '罚款缴纳通知书',
  reward_notice: '奖金兑现通知',
  receipt: '收款收据',
  payment_receipt: '奖金领款收据',
  remittance: '解缴凭证',
  deduction_notice: '扣缴通知书',
  admonishment_notice: '诫勉谈话通知',
  personnel_letter: '人事处理建议函',
} as const;
export type DocKind = keyof typeof DOC_KINDS;

/** Which fonts the county's machines have: the GB fonts of 公文, or those every Windows has. */
export type FontSet = 'gb' | 'system';

/** A run of text; `blank` draws an underlined space to fill in by hand. */
export type Span = { text: string; bold?: boolean } | { blank: number };

export type Block =
  /** A paragraph of the body: indented two characters unless `indent` is false; `small`: 小四. */
  | {
      kind: 'p';
      text: string | Span[];
      indent?: boolean;
      align?: 'left' | 'center' | 'right';
      small?: boolean;
    }
  /** 一、 (黑体), （一） (楷体), 1. (仿宋 bold): the text carries its own numbering. */
  | { kind: 'h1' | 'h2' | 'h3'; text: string }
  /** A table with a header row; amounts right-aligned; an optional closing row of totals. */
  | {
      kind: 'table';
      columns: { title: string; width: number; align?: 'left' | 'center' | 'right' }[];
      rows: string[][];
      total?: string[];
    }
  /** Label and value pairs, the labels 28% of the width (forms, slips). */
  | { kind: 'fields'; rows: [string, string][] }
  /** A smaller centred heading inside a form (a slip's title), with a line under it. */
  | { kind: 'form-title'; text: string; right?: string }
  /** A dashed line to cut along. */
  | { kind: 'cut'; text: string }
  /** Empty lines. */
  | { kind: 'space'; lines: number }
  | { kind: 'page-break' };

export interface Letterhead {
  /** 文件格式 (a decision, a notice) or 信函格式 (a letter to another authority). */
  style: 'document' | 'letter';
  /** 发文机关标志, printed in red. */
  mark: string;
  /** false: the county prints on its own 红头 paper; the space is kept, nothing red is printed. */
  printed: boolean;
}

export interface OfficialDoc {
  kind: DocKind;
  fonts: FontSet;
  /** A form (a receipt, a voucher): its body is all there is, each copy with its own title. */
  form?: boolean;
  /** 版头; absent on forms (receipts, vouchers). */
  letterhead?: Letterhead;
  /** 发文字号, e.g. 清人考〔2010〕12号. */
  number?: string;
  title: string;
  /** 主送机关, without the colon. */
  addressee?: string;
  body: Block[];
  /** 附件说明 lines, and each attachment on its own page (a 回执). */
  attachments?: { title: string; body: Block[] }[];
  /** 发文机关署名 and 成文日期 (YYYY-MM-DD); `seal`: room for the seal above the date. */
  signature?: { office: string; date: string; seal: boolean };
  /** 附注, in brackets under the date. */
  note?: string;
  /** 版记: 抄送机关, 印发机关 and 印发日期. */
  record?: { cc: string[]; printer: string; printed_on: string };
  /** Core properties: when the document was made (its 成文日期), for a reproducible file. */
  dated: string;
}
