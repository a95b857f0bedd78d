// The 人事 screen's calls: the recommendations of the year's decision and what was decided, the
// record of a decision, people found by name, and a person's restrictions on a day.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client.ts';
import type { paths } from '../../api/schema';

export type Actions =
  paths['/api/v1/counties/{county}/years/{fpYear}/personnel-actions']['get']['responses'][200]['content']['application/json'];
export type Action = Actions['items'][number];
export type Restrictions =
  paths['/api/v1/counties/{county}/people/{id}/restrictions']['get']['responses'][200]['content']['application/json'];

export const PAGE_SIZE = 15;

export interface ActionSearch {
  name?: string;
  type?: string;
  status?: Action['status'];
  page: number;
}

/** One page of the year's recommendations, searched on the server. */
export function useActions(county: string, year: number, s: ActionSearch) {
  return useQuery({
    queryKey: ['personnel-actions', county, year, s],
    placeholderData: (previous) => previous,
    queryFn: () =>
      data(
        api.GET('/api/v1/counties/{county}/years/{fpYear}/personnel-actions', {
          params: {
            path: { county, fpYear: year },
            query: {
              limit: PAGE_SIZE,
              offset: (s.page - 1) * PAGE_SIZE,
              ...(s.name && { q: s.name }),
              ...(s.type && { type: s.type }),
              ...(s.status && { status: s.status }),
            },
          },
        }),
      ),
  });
}

/** One recommendation by id, for the drawer (it may be on another page). */
export function useAction(county: string, year: number, id: string | null) {
  return useQuery({
    queryKey: ['personnel-actions', county, year, 'all'],
    enabled: id !== null,
    queryFn: () =>
      data(
        api.GET('/api/v1/counties/{county}/years/{fpYear}/personnel-actions', {
          params: { path: { county, fpYear: year }, query: { limit: 1000, offset: 0 } },
        }),
      ),
    select: (d) => d.items.find((a) => a.id === id) ?? null,
  });
}

export interface PersonHit {
  id: string;
  name: string;
}

/** People whose name contains the words typed (at most 20). */
export function usePeopleByName(county: string, name: string) {
  const q = name.trim();
  return useQuery({
    queryKey: ['people-by-name', county, q],
    enabled: q.length > 0,
    queryFn: async () => {
      const page = await data(
        api.GET('/api/v1/counties/{county}/people', {
          params: { path: { county }, query: { name: q, limit: 20, offset: 0, include_retracted: false } },
        }),
      );
      return page.items as unknown as PersonHit[];
    },
  });
}

export function useRestrictions(county: string, person: string | null, on: string | null) {
  return useQuery({
    queryKey: ['restrictions', county, person, on],
    enabled: person !== null && on !== null,
    retry: false,
    queryFn: () =>
      data(
        api.GET('/api/v1/counties/{county}/people/{id}/restrictions', {
          params: { path: { county, id: person! }, query: { on: on! } },
        }),
      ),
  });
}

export interface RecordBody {
  outcome: 'adopted' | 'not_adopted';
  authority: string;
  decided_on: string;
  note?: string;
}

export function useRecord(id: string) {
  const qc = useQueryClient();
  return useMutation({
    meta: { form: true },
    mutationFn: (body: RecordBody) =>
      data(api.POST('/api/v1/personnel-actions/{id}/records', { params: { path: { id } }, body })),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['personnel-actions'] });
      qc.invalidateQueries({ queryKey: ['restrictions'] });
    },
  });
}

/** The 人事处理建议函 (Word), issued once with its number. */
export const letterUrl = (id: string) => `/api/v1/personnel-actions/${encodeURIComponent(id)}/document.docx`;
