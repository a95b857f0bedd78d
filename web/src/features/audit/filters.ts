// The audit screen's search, kept in the address (`/audit?actor=office&from=2010-03-01&page=2`) so
// a search can be reloaded or sent to a colleague: the form's values to the address, the address
// to the API's query.

export interface AuditSearch {
  actor?: string;
  from?: string;
  to?: string;
  action?: string;
  object_type?: string;
  object_id?: string;
  unit?: string;
  county?: string;
}

export const SEARCH_KEYS = [
  'actor',
  'from',
  'to',
  'action',
  'object_type',
  'object_id',
  'unit',
  'county',
] as const;
export const PAGE_SIZES = [20, 50, 100] as const;

export interface AuditQuery extends AuditSearch {
  limit: number;
  offset: number;
}

/** The search and page in the address, as the API's query (an unknown page size reads as 20). */
export function queryOf(params: URLSearchParams): AuditQuery {
  const q: AuditQuery = { limit: 20, offset: 0 };
  for (const k of SEARCH_KEYS) {
    const v = params.get(k)?.trim();
    if (v) q[k] = v;
  }
  const size = Number(params.get('size'));
  if ((PAGE_SIZES as readonly number[]).includes(size)) q.limit = size;
  const page = Math.floor(Number(params.get('page')));
  if (page > 1) q.offset = (page - 1) * q.limit;
  return q;
}

/** A new address for a search: the form's values, back to page 1; other keys (head, entry) kept. */
export function withSearch(params: URLSearchParams, search: AuditSearch): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const k of SEARCH_KEYS) {
    const v = search[k]?.trim();
    if (v) next.set(k, v);
    else next.delete(k);
  }
  next.delete('page');
  return next;
}

export function withPage(params: URLSearchParams, page: number, size: number): URLSearchParams {
  const next = new URLSearchParams(params);
  if (page > 1) next.set('page', String(page));
  else next.delete('page');
  if (size !== 20) next.set('size', String(size));
  else next.delete('size');
  return next;
}
