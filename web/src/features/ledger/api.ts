// The fines screen's calls: a page of obligations, one with its entries, the balances, and the
// moves of money (each with the idempotency key its form was opened with).

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client.ts';
import type { paths } from '../../api/schema';

type ListOp = paths['/api/v1/counties/{county}/years/{fpYear}/obligations']['get'];
export type ObligationPage = ListOp['responses'][200]['content']['application/json'];
export type ObligationQuery = NonNullable<ListOp['parameters']['query']>;
export type Obligation = ObligationPage['items'][number];
export type ObligationDetail =
  paths['/api/v1/obligations/{id}']['get']['responses'][200]['content']['application/json'];
export type LedgerEntry = ObligationDetail['entries'][number];
export type Balances =
  paths['/api/v1/counties/{county}/years/{fpYear}/balances']['get']['responses'][200]['content']['application/json'];
export type Status = Obligation['status'];

export function useObligations(county: string, year: number, query: ObligationQuery) {
  return useQuery({
    queryKey: ['obligations', county, year, query],
    placeholderData: keepPreviousData,
    queryFn: () =>
      data(
        api.GET('/api/v1/counties/{county}/years/{fpYear}/obligations', {
          params: { path: { county, fpYear: year }, query },
        }),
      ),
  });
}

export function useObligation(id: string | null) {
  return useQuery({
    queryKey: ['obligation', id],
    enabled: id !== null,
    retry: false,
    queryFn: () => data(api.GET('/api/v1/obligations/{id}', { params: { path: { id: id! } } })),
  });
}

/** The balances, of one 来源 when `source` is given (`county`, or a town pack's id). */
export function useBalances(county: string, year: number, enabled: boolean, source?: string) {
  return useQuery({
    queryKey: ['balances', county, year, source ?? null],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () =>
      data(
        api.GET('/api/v1/counties/{county}/years/{fpYear}/balances', {
          params: { path: { county, fpYear: year }, query: source ? { source } : {} },
        }),
      ),
  });
}

type MovePath = 'collect' | 'remit' | 'refund' | 'recover' | 'deduct' | 'finance-refund' | 'pay';
export interface MoveRequest {
  id: string;
  path: MovePath;
  key: string;
  body: { amount_fen: number; receipt_no?: string; on?: string; note?: string };
}

/** Every cached reading of the ledger is stale after a move. */
function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      ['obligations', 'obligation', 'balances', 'worklist', 'reports'].map((k) =>
        qc.invalidateQueries({ queryKey: [k] }),
      ),
    );
}

export function useMove() {
  const refresh = useRefresh();
  return useMutation({
    meta: { form: true },
    mutationFn: ({ id, path, key, body }: MoveRequest) =>
      data(
        api.POST(`/api/v1/obligations/{id}/${path}` as '/api/v1/obligations/{id}/collect', {
          params: { path: { id }, header: { 'idempotency-key': key } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useReverse() {
  const refresh = useRefresh();
  return useMutation({
    meta: { form: true },
    mutationFn: ({ id, key, reason }: { id: string; key: string; reason: string }) =>
      data(
        api.POST('/api/v1/ledger-entries/{id}/reverse', {
          params: { path: { id }, header: { 'idempotency-key': key } },
          body: { reason },
        }),
      ),
    onSuccess: refresh,
  });
}
