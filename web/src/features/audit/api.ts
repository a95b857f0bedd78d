// The audit screen's calls: the trail (filtered, paged), who appears in it, the county's places,
// the head of the chain and its check against a kept head. All reads: the screen writes nothing.

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data, type paths } from '../../api/client.ts';
import type { AuditQuery } from './filters.ts';
import type { Head } from './head.ts';

export type AuditEntry =
  paths['/api/v1/audit']['get']['responses'][200]['content']['application/json']['items'][number];
export type Verification =
  paths['/api/v1/audit/verify']['get']['responses'][200]['content']['application/json'];

export function useTrail(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => data(api.GET('/api/v1/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useActors() {
  return useQuery({ queryKey: ['audit-actors'], queryFn: () => data(api.GET('/api/v1/audit/actors')) });
}

export function usePlaces(county: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['places', county],
    enabled: enabled && county !== null,
    queryFn: () =>
      data(api.GET('/api/v1/counties/{county}/places', { params: { path: { county: county! } } })),
  });
}

export function useHead() {
  return useQuery({ queryKey: ['audit-head'], queryFn: () => data(api.GET('/api/v1/audit/head')) });
}

/** The check of the chain against a kept head; runs when asked (the head is in the address). */
export function useVerify(head: Head | null) {
  return useQuery({
    queryKey: ['audit-verify', head],
    enabled: head !== null,
    staleTime: 0,
    queryFn: () =>
      data(api.GET('/api/v1/audit/verify', { params: { query: { head: `${head!.seq}:${head!.hash}` } } })),
  });
}

/** One entry by its number (the drawer's, from ?entry=), within what the reader may see. */
export function useEntry(seq: number | null) {
  return useQuery({
    queryKey: ['audit-entry', seq],
    enabled: seq !== null,
    queryFn: async () => {
      const r = await data(
        api.GET('/api/v1/audit', { params: { query: { before_seq: seq! + 1, limit: 1, offset: 0 } } }),
      );
      return r.items.find((e) => e.seq === seq) ?? null;
    },
  });
}

export function useCounties(enabled: boolean) {
  return useQuery({ queryKey: ['counties'], enabled, queryFn: () => data(api.GET('/api/v1/counties')) });
}
