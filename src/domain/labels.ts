// The codes of the office's own records a person sees — account roles, ledger entries and
// obligation statuses, roster and notice statuses, the outcome of a personnel proposal — each
// with its Chinese label (full-width punctuation). With vocabulary.ts (the words of a case: unit
// kinds, posts, outcomes, consequence types, link kinds, staff types, withheld reasons) this is
// the one source of labels for the server, Excel, documents, the CLI and the browser (web/ imports
// these modules as they are). labels.test.ts fails when a code has no label.

import type { UserRole } from './permissions.ts';

/** Account roles (ROLES): what a login may do is in permissions.ts; here is only what it is called. */
export const USER_ROLE_ZH: Record<UserRole, string> = {
  admin: '系统管理员',
  office: '县人口考核办',
  town: '镇（场）',
  unit: '县直单位',
  finance: '县财政局',
  auditor: '纪委、审计（只读）',
};

/** Kinds of ledger entry (src/store/ledger-core.ts). */
export const ENTRY_KINDS = [
  'assess',
  'collect',
  'remit',
  'deduct',
  'refund',
  'recover',
  'finance_refund',
  'pay',
  'reverse',
] as const;
export type EntryKindCode = (typeof ENTRY_KINDS)[number];

export const ENTRY_ZH: Record<EntryKindCode, string> = {
  assess: '核定',
  collect: '收缴',
  remit: '上缴',
  deduct: '扣除',
  refund: '退还',
  recover: '追回',
  finance_refund: '财政局退还',
  pay: '支付',
  reverse: '冲正',
};

export const OBLIGATION_KINDS = ['fine', 'reward'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];
export const OBLIGATION_ZH: Record<ObligationKind, string> = { fine: '罚款', reward: '奖金' };

export const OBLIGATION_STATUSES = [
  'due',
  'partly_paid',
  'overdue',
  'paid',
  'remitted',
  'deducted',
  'overpaid',
  'cancelled',
] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export const FINE_STATUS_ZH: Record<ObligationStatus, string> = {
  due: '应缴',
  partly_paid: '部分缴纳',
  overdue: '逾期',
  paid: '已缴',
  remitted: '已解缴',
  deducted: '已扣缴',
  overpaid: '多缴待退',
  cancelled: '已撤销',
};

export const REWARD_STATUS_ZH: Record<ObligationStatus, string> = {
  due: '应付',
  partly_paid: '部分支付',
  overdue: '逾期',
  paid: '已支付',
  remitted: '已支付',
  deducted: '已支付',
  overpaid: '多付待退',
  cancelled: '已撤销',
};

/** A status of a fine or a reward, as one label when both are meant (应缴（应付）). */
export function obligationStatusZh(status: ObligationStatus, kind?: ObligationKind): string {
  if (kind) return (kind === 'fine' ? FINE_STATUS_ZH : REWARD_STATUS_ZH)[status];
  const [fine, reward] = [FINE_STATUS_ZH[status], REWARD_STATUS_ZH[status]];
  return fine === reward ? fine : `${fine}（${reward}）`;
}

/** A unit's roster of posts and people for a year (src/workflows/rosters/rosters.ts). */
export const ROSTER_STATUSES = ['not_submitted', 'submitted', 'returned', 'accepted'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];
export const ROSTER_STATUS_ZH: Record<RosterStatus, string> = {
  not_submitted: '未上报',
  submitted: '已上报待审核',
  returned: '已退回待重报',
  accepted: '已接受',
};

export const ROSTER_ACTIONS = ['submit', 'return', 'accept'] as const;
export type RosterAction = (typeof ROSTER_ACTIONS)[number];
export const ROSTER_ACTION_ZH: Record<RosterAction, string> = {
  submit: '上报',
  return: '退回',
  accept: '接受',
};

/** The lines of a roster. */
export const ROSTER_LINE_KINDS = ['post', 'stationed', 'unit_village', 'person'] as const;
export type RosterLineKind = (typeof ROSTER_LINE_KINDS)[number];
export const ROSTER_LINE_KIND_ZH: Record<RosterLineKind, string> = {
  post: '职务',
  stationed: '驻村',
  unit_village: '挂钩村',
  person: '人员',
};

/** A 警示通知书 (src/workflows/notices/notices.ts). */
export const NOTICE_STATUSES = ['open', 'reported', 'verified', 'retracted'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_ZH: Record<NoticeStatus, string> = {
  open: '待整改',
  reported: '已报告整改，待验收',
  verified: '已验收',
  retracted: '已撤回',
};

/** What became of a personnel proposal (人事处理建议, src/store/personnel.ts). */
export const PERSONNEL_STATUSES = ['pending', 'adopted', 'not_adopted', 'withdrawn'] as const;
export type PersonnelStatus = (typeof PERSONNEL_STATUSES)[number];
export const PERSONNEL_STATUS_ZH: Record<PersonnelStatus, string> = {
  pending: '待决定',
  adopted: '已采纳执行',
  not_adopted: '未采纳',
  withdrawn: '因更正决定撤回',
};

/** What the bell tells a user about (src/store/notify.ts). */
export const NOTIFICATION_KINDS = [
  'roster_returned',
  'notice_issued',
  'decision_confirmed',
  'fine_due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_ZH: Record<NotificationKind, string> = {
  roster_returned: '名单退回',
  notice_issued: '警示通知书',
  decision_confirmed: '奖惩决定',
  fine_due: '罚款到期',
};

/** A label for a code, or the code itself when it has none. */
export function labelOf<K extends string>(table: Record<K, string>, code: string): string {
  return (table as Record<string, string>)[code] ?? code;
}
