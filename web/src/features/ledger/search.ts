// The fines screen's search, pure: the address's parameters (so a search can be shared and
// reloaded) to the API's query, with the page as limit and offset.

import { OBLIGATION_STATUSES } from '../../../../src/domain/labels.ts';
import type { ObligationQuery, Status } from './api.ts';

export const PAGE_SIZE = 20;
export const FILTERS = ['kind', 'town', 'unit', 'name', 'clause', 'source', 'status'] as const;
export type Filter = (typeof FILTERS)[number];

const STATUSES: readonly Status[] = OBLIGATION_STATUSES;

/** The API query of the address's filters and page (unknown values are left out). */
export function queryOf(params: URLSearchParams): ObligationQuery {
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const kind = params.get('kind');
  const status = params.get('status') as Status | null;
  const text = (k: Filter) => params.get(k)?.trim() || undefined;
  const q: ObligationQuery = { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  if (kind === 'fine' || kind === 'reward') q.kind = kind;
  if (status && STATUSES.includes(status)) q.status = status;
  for (const k of ['town', 'unit', 'name', 'clause', 'source'] as const) {
    const v = text(k);
    if (v) q[k] = v;
  }
  return q;
}

/** The address after a search: the filters given, back to page 1, anything else kept. */
export function withFilters(
  params: URLSearchParams,
  values: Partial<Record<Filter, string | null | undefined>>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const k of FILTERS) {
    const v = values[k]?.trim();
    if (v) next.set(k, v);
    else next.delete(k);
  }
  next.delete('page');
  return next;
}

/** The address's filters as the search form's initial values. */
export function formOf(params: URLSearchParams): Partial<Record<Filter, string>> {
  const out: Partial<Record<Filter, string>> = {};
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) out[k] = v;
  }
  return out;
}
