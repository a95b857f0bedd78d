// The 警示通知书 screen's calls: the year's notices (searched, paged), one notice, the units to
// pick from, the year's escalations, and the writes: issue, report the correction, verify.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { type IssueValues, type NoticeSearch, queryOf } from './search.ts';

const Y = '/api/v1/counties/{county}/years/{fpYear}/warning-notices' as const;
export type NoticePage = paths[typeof Y]['get']['responses'][200]['content']['application/json'];
export type NoticeItem = NoticePage['items'][number];
export type Escalations =
  paths['/api/v1/counties/{county}/years/{fpYear}/escalations']['get']['responses'][200]['content']['application/json'];

export function useNotices(county: string, year: number, search: NoticeSearch) {
  return useQuery({
    queryKey: ['notices', county, year, search],
    placeholderData: (previous) => previous,
    queryFn: () => data(api.GET(Y, { params: { path: { county, fpYear: year }, query: queryOf(search) } })),
  });
}

/** Every notice of one unit in the year (a unit gets a handful), for its timeline. */
export function useUnitNotices(county: string, year: number, unit: string | null) {
  return useQuery({
    queryKey: ['notices', county, year, { unit, all: true }],
    enabled: unit !== null,
    queryFn: () =>
      data(
        api.GET(Y, {
          params: { path: { county, fpYear: year }, query: { unit: unit!, limit: 1000, offset: 0 } },
        }),
      ),
  });
}

export function useNotice(county: string, year: number, id: string | null) {
  return useQuery({
    queryKey: ['notice', county, id],
    enabled: id !== null,
    retry: false,
    queryFn: () =>
      data(
        api.GET('/api/v1/counties/{county}/years/{fpYear}/warning-notices/{id}', {
          params: { path: { county, fpYear: year, id: id! } },
        }),
      ),
  });
}

export function useEscalations(county: string, year: number, enabled: boolean) {
  return useQuery({
    queryKey: ['escalations', county, year],
    enabled,
    queryFn: () =>
      data(
        api.GET('/api/v1/counties/{county}/years/{fpYear}/escalations', {
          params: { path: { county, fpYear: year }, query: {} },
        }),
      ),
  });
}

export interface UnitOption {
  id: string;
  name: string;
  kind: string;
  town?: string;
}

/** The county's units the user may see, for the pickers. */
export function useUnits(county: string) {
  return useQuery({
    queryKey: ['units', county, 'all'],
    queryFn: async () => {
      const page = await data(
        api.GET('/api/v1/counties/{county}/units', {
          params: { path: { county }, query: { limit: 1000, offset: 0, include_retracted: false } },
        }),
      );
      return (page.items as unknown as UnitOption[]).filter((u) => u.kind !== 'county');
    },
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: ['notices'] });
    qc.invalidateQueries({ queryKey: ['notice'] });
    qc.invalidateQueries({ queryKey: ['escalations'] });
    qc.invalidateQueries({ queryKey: ['worklist'] });
  };
}

export function useIssue(county: string) {
  const done = useInvalidate();
  return useMutation({
    meta: { form: true },
    mutationFn: (body: IssueValues) =>
      data(api.POST('/api/v1/counties/{county}/warning-notices', { params: { path: { county } }, body })),
    onSuccess: done,
  });
}

export function useReportCorrection(county: string, id: string) {
  const done = useInvalidate();
  return useMutation({
    meta: { form: true },
    mutationFn: (body: { reported_on: string; note: string }) =>
      data(
        api.POST('/api/v1/counties/{county}/warning-notices/{id}/correction', {
          params: { path: { county, id } },
          body,
        }),
      ),
    onSuccess: done,
  });
}

export function useVerify(county: string, id: string) {
  const done = useInvalidate();
  return useMutation({
    meta: { form: true },
    mutationFn: (body: { verified_on: string; note?: string }) =>
      data(
        api.POST('/api/v1/counties/{county}/warning-notices/{id}/verify', {
          params: { path: { county, id } },
          body,
        }),
      ),
    onSuccess: done,
  });
}

/** The printable notice (Word), issued once with its number. */
export const documentUrl = (county: string, id: string) =>
  `/api/v1/counties/${encodeURIComponent(county)}/warning-notices/${encodeURIComponent(id)}/document.docx`;
