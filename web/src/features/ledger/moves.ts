// The money forms of the fines screen, pure: which moves a user may make on an obligation (the
// server's permissions, and what its balance leaves to do), each move's words and fields, the
// amount typed in 元 read as integer fen, and the idempotency key a form carries from the moment
// it opens — one per opening, so a double click or a retry of the same form never pays twice.

import type { Problem } from '../../api/errors.ts';
import { can, type Session } from '../../session/session.ts';
import type { Obligation } from './api.ts';

export type MoveKind = 'collect' | 'remit' | 'refund' | 'recover' | 'deduct' | 'finance_refund' | 'pay';

export interface MoveSpec {
  kind: MoveKind;
  /** The button and the form's title. */
  label: string;
  /** The path segment: /api/v1/obligations/{id}/{path}. */
  path: 'collect' | 'remit' | 'refund' | 'recover' | 'deduct' | 'finance-refund' | 'pay';
  /** The number the form asks for: a receipt's or a voucher's, required or optional. */
  number: { label: string; required: boolean } | null;
  /** What the confirm step says is about to happen. */
  says: string;
  /** The most the balance allows (fen); the form starts with it. */
  limit(o: Pick<Obligation, 'balance'>): number;
}

type Balance = Obligation['balance'];

/** A move of the table below: its path is its kind, spelt with a hyphen. */
const move = (
  kind: MoveKind,
  label: string,
  number: MoveSpec['number'],
  says: string,
  limit: (b: Balance) => number,
): MoveSpec => ({
  kind,
  label,
  path: kind === 'finance_refund' ? 'finance-refund' : kind,
  number,
  says,
  limit: (o) => limit(o.balance),
});
const needs = (label: string) => ({ label, required: true });
const may = (label: string) => ({ label, required: false });

export const MOVES: readonly MoveSpec[] = [
  move('collect', '收缴罚款', needs('收据号'), '收到当事人缴纳的罚款', (b) => b.outstanding_fen),
  move('remit', '上缴财政局', may('解缴凭证号'), '将已收缴的罚款上缴县财政局', (b) => b.held_fen),
  move(
    'recover',
    '向本人追回',
    needs('收据号'),
    '从拨款中扣除后，向当事人追回罚款',
    (b) => b.recoverable_fen,
  ),
  move('refund', '退还多缴', null, '退还当事人多缴的罚款（本单位尚持有的部分）', (b) =>
    Math.min(b.overpaid_fen, b.held_fen),
  ),
  move(
    'deduct',
    '从拨款中扣除',
    may('扣缴通知书号'),
    '逾期未收缴的罚款，从收缴单位的拨款中直接扣除（八）',
    (b) => b.overdue_fen,
  ),
  move('finance_refund', '财政局退还', null, '退还多缴的罚款（已上缴或已扣除的部分）', (b) =>
    Math.min(b.overpaid_fen, b.finance_held_fen),
  ),
  move('pay', '支付奖金', needs('凭证号'), '支付奖金', (b) => b.outstanding_fen),
];

export const moveKey = (m: Pick<MoveSpec, 'path'>) => `POST /api/v1/obligations/:id/${m.path}`;
export const REVERSE_KEY = 'POST /api/v1/ledger-entries/:id/reverse';

/** The moves the user may make on an obligation now: allowed by the server, and with money to move. */
export function movesFor(
  session: Pick<Session, 'permissions'>,
  o: Pick<Obligation, 'kind' | 'balance'>,
): MoveSpec[] {
  return MOVES.filter(
    (m) => (m.kind === 'pay') === (o.kind === 'reward') && can(session, moveKey(m)) && m.limit(o) > 0,
  );
}

/**
 * An amount typed in 元 as integer fen: "1,500.5" → 150050. Null when it is not a positive
 * amount with at most two decimals (the form says so before anything is sent).
 */
export function fenOfYuan(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const s = String(text).replace(/[,，\s]/g, '');
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > 0 ? fen : null;
}

/** Fen as the form shows it in 元, without separators: 150050 → "1500.50". */
export function yuanInput(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

interface RandomSource {
  getRandomValues<T extends Uint8Array>(a: T): T;
}

/**
 * A fresh idempotency key (the API takes 8–100 of [A-Za-z0-9_.:-]): 128 random bits in hex.
 * crypto.randomUUID is newer than the browsers served (Chromium 78), getRandomValues is not.
 */
export function newIdempotencyKey(random: RandomSource = globalThis.crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(16));
  return `zr-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface MoveForm {
  amount: string | number;
  number?: string;
  on?: string;
  note?: string;
}

/** The request a filled form sends (the amount already checked by fenOfYuan). */
export function moveBody(f: MoveForm): {
  amount_fen: number;
  receipt_no?: string;
  on?: string;
  note?: string;
} {
  const fen = fenOfYuan(f.amount);
  if (fen === null) throw new Error('amount not checked');
  return {
    amount_fen: fen,
    ...(f.number?.trim() && { receipt_no: f.number.trim() }),
    ...(f.on && { on: f.on }),
    ...(f.note?.trim() && { note: f.note.trim() }),
  };
}

/** The API's problems named as the form's fields: amount_fen → amount, receipt_no → number. */
export function formProblems(problems: readonly Problem[]): Problem[] {
  const name: Record<string, string> = { amount_fen: 'amount', receipt_no: 'number' };
  return problems.map((p) => ({ ...p, path: name[p.path] ?? p.path }));
}
