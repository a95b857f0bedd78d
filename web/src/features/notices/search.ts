// The 警示通知书 list's search, kept in the address (?unit=&status=&from=&to=&page=) so a search can
// be shared or reloaded, and the API query it asks for; the issue form's values as the request.

import { NOTICE_STATUS_ZH, NOTICE_STATUSES, type NoticeStatus } from '../../../../src/domain/labels.ts';

export const PAGE_SIZE = 20;

export type { NoticeStatus };
export const STATUS_OPTIONS = NOTICE_STATUSES.map((value) => ({ value, label: NOTICE_STATUS_ZH[value] }));

export interface NoticeSearch {
  unit?: string;
  status?: NoticeStatus;
  /** The deadline range, inclusive: YYYY-MM-DD. */
  from?: string;
  to?: string;
  page: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES: readonly string[] = STATUS_OPTIONS.map((s) => s.value);

/** The search an address holds; anything malformed is left out rather than sent. */
export function searchOf(params: URLSearchParams): NoticeSearch {
  const s: NoticeSearch = { page: 1 };
  const unit = params.get('unit');
  if (unit) s.unit = unit;
  const status = params.get('status');
  if (status && STATUSES.includes(status)) s.status = status as NoticeStatus;
  const from = params.get('from');
  if (from && DATE.test(from)) s.from = from;
  const to = params.get('to');
  if (to && DATE.test(to)) s.to = to;
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) s.page = page;
  return s;
}

/** The address after a new search: the other parameters (year, notice) kept, paging restarted. */
export function withSearch(params: URLSearchParams, s: NoticeSearch): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const k of ['unit', 'status', 'from', 'to', 'page']) next.delete(k);
  if (s.unit) next.set('unit', s.unit);
  if (s.status) next.set('status', s.status);
  if (s.from) next.set('from', s.from);
  if (s.to) next.set('to', s.to);
  if (s.page > 1) next.set('page', String(s.page));
  return next;
}

/** The list's API query for a search. */
export function queryOf(s: NoticeSearch) {
  return {
    limit: PAGE_SIZE,
    offset: (s.page - 1) * PAGE_SIZE,
    ...(s.unit && { unit: s.unit }),
    ...(s.status && { status: s.status }),
    ...(s.from && { deadline_from: s.from }),
    ...(s.to && { deadline_to: s.to }),
  };
}

export interface IssueValues {
  id: string;
  unit: string;
  matter: string;
  issued_on: string;
  deadline: string;
}

/** The issue form as the API takes it: text trimmed, dates as YYYY-MM-DD. */
export function issueRequest(v: IssueValues): IssueValues {
  return {
    id: v.id.trim(),
    unit: v.unit,
    matter: v.matter.trim(),
    issued_on: v.issued_on,
    deadline: v.deadline,
  };
}

/**
 * The form's own check before sending (the server checks again): a deadline is required and not
 * before the issue date. Returns the message for the deadline field, or null.
 */
export function deadlineProblem(issuedOn: string | undefined, deadline: string | undefined): string | null {
  if (!deadline) return '请选择整改期限';
  if (issuedOn && deadline < issuedOn) return `整改期限不能早于下发日期（${issuedOn}）`;
  return null;
}
