// The reports screen's calls: the 奖惩兑现表, a ledger statement, the overdue list as of a day,
// the rankings, and the units a statement may be asked for. Each report also downloads as Excel
// from the same address with `.xlsx` (xlsxHref).

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client.ts';
import type { paths } from '../../api/schema';

const R = '/api/v1/counties/{county}/years/{fpYear}/reports';
type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;
export type RewardsReport = Json<`${typeof R}/rewards-and-sanctions`>;
export type StatementReport = Json<`${typeof R}/statement`>;
export type OverdueReport = Json<`${typeof R}/overdue`>;
export type RankingsReport = Json<'/api/v1/counties/{county}/years/{fpYear}/rankings'>;

export function useRewardsReport(county: string, year: number, enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'rewards', county, year],
    enabled,
    queryFn: () =>
      data(api.GET(`${R}/rewards-and-sanctions`, { params: { path: { county, fpYear: year } } })),
  });
}

export function useStatement(county: string, year: number, unit: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'statement', county, year, unit],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () =>
      data(
        api.GET(`${R}/statement`, {
          params: { path: { county, fpYear: year }, query: unit ? { unit } : {} },
        }),
      ),
  });
}

export function useOverdue(county: string, year: number, on: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'overdue', county, year, on],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () =>
      data(api.GET(`${R}/overdue`, { params: { path: { county, fpYear: year }, query: on ? { on } : {} } })),
  });
}

export function useRankings(county: string, year: number, enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'rankings', county, year],
    enabled,
    queryFn: () =>
      data(
        api.GET('/api/v1/counties/{county}/years/{fpYear}/rankings', {
          params: { path: { county, fpYear: year } },
        }),
      ),
  });
}

export interface UnitChoice {
  id: string;
  name: string;
  kind: string;
}

/** The units the user may ask a statement for (the server keeps a town to its own). */
export function useUnits(county: string, enabled: boolean) {
  return useQuery({
    queryKey: ['units', county, 'choices'],
    enabled,
    queryFn: async () => {
      const r = await data(
        api.GET('/api/v1/counties/{county}/units', {
          params: { path: { county }, query: { limit: 1000, offset: 0, include_retracted: false } },
        }),
      );
      return (r.items as unknown as UnitChoice[])
        .filter((u) => u.kind !== 'county')
        .map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
    },
  });
}

/** The Excel download of a report: its address with `.xlsx`, the same query. */
export function xlsxHref(
  county: string,
  year: number,
  report: 'rewards-and-sanctions' | 'statement' | 'overdue',
  query: Record<string, string | null> = {},
) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  const s = q.toString();
  return `/api/v1/counties/${county}/years/${year}/reports/${report}.xlsx${s ? `?${s}` : ''}`;
}
