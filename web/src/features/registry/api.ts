// The 责任体系 screen's calls: the read views (registry routes: names and labels joined in) and
// the writes, all through the facts routes (create, edit, close or retract a unit, person, post,
// link or category). A write refreshes every registry view.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client.ts';
import type { paths } from '../../api/schema';

const R = '/api/v1/counties/{county}/registry';
type Ok<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;
export type Tree = Ok<`${typeof R}/tree`>;
export type TreeUnit = Tree['units'][number];
export type UnitView = Ok<`${typeof R}/units/{id}`>;
export type PostView = UnitView['posts'][number];
export type LinkView = UnitView['links'][number];
export type People = Ok<`${typeof R}/people`>;
export type PersonView = People['items'][number];

export function useTree(county: string | null, asOf: string) {
  return useQuery({
    queryKey: ['registry', 'tree', county, asOf],
    enabled: county !== null,
    queryFn: () =>
      data(api.GET(`${R}/tree`, { params: { path: { county: county! }, query: { as_of: asOf } } })),
  });
}

export function useUnit(county: string | null, id: string | null, asOf: string) {
  return useQuery({
    queryKey: ['registry', 'unit', county, id, asOf],
    enabled: county !== null && id !== null,
    retry: false,
    queryFn: () =>
      data(
        api.GET(`${R}/units/{id}`, {
          params: { path: { county: county!, id: id! }, query: { as_of: asOf } },
        }),
      ),
  });
}

export function usePerson(county: string | null, id: string | null, asOf: string) {
  return useQuery({
    queryKey: ['registry', 'person', county, id, asOf],
    enabled: county !== null && id !== null,
    retry: false,
    queryFn: () =>
      data(
        api.GET(`${R}/people/{id}`, {
          params: { path: { county: county!, id: id! }, query: { as_of: asOf } },
        }),
      ),
  });
}

export interface PeopleFilter {
  q: string;
  page: number;
  pageSize: number;
  includeRetracted: boolean;
}

export function usePeople(county: string | null, asOf: string, f: PeopleFilter) {
  return useQuery({
    queryKey: ['registry', 'people', county, asOf, f],
    enabled: county !== null,
    placeholderData: (prev) => prev,
    queryFn: () =>
      data(
        api.GET(`${R}/people`, {
          params: {
            path: { county: county! },
            query: {
              as_of: asOf,
              ...(f.q.trim() && { q: f.q.trim() }),
              include_retracted: f.includeRetracted,
              limit: f.pageSize,
              offset: (f.page - 1) * f.pageSize,
            },
          },
        }),
      ),
  });
}

/** The kinds of fact this screen writes, by their URL segment. */
export type Seg = 'units' | 'people' | 'posts' | 'links' | 'categories';
type Body = Record<string, unknown>;

/**
 * One write through the facts routes (the same shape for every kind; the path names the kind).
 * `meta.form`: the form shows the API's problems on its fields.
 */
export function useWrite() {
  const qc = useQueryClient();
  return useMutation({
    meta: { form: true },
    mutationFn: (w: {
      county: string;
      seg: Seg;
      op: 'create' | 'update' | 'close';
      id?: string;
      body: Body;
    }) => {
      const one = `/api/v1/counties/{county}/${w.seg}/{id}` as '/api/v1/counties/{county}/posts/{id}';
      const path = { county: w.county, id: w.id ?? '' };
      const body = w.body as never;
      if (w.op === 'create')
        return data(
          api.POST(`/api/v1/counties/{county}/${w.seg}` as '/api/v1/counties/{county}/posts', {
            params: { path },
            body,
          }),
        );
      if (w.op === 'update') return data(api.PATCH(one, { params: { path }, body }));
      return data(
        api.POST(`${one}/close` as '/api/v1/counties/{county}/posts/{id}/close', { params: { path }, body }),
      );
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['registry'] }),
  });
}
