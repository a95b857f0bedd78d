// The home screen's calls: the worklist of the year, one warning notice, the counties (admin).

import { useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client.ts';
import type { paths } from '../../api/schema';

export type Worklist =
  paths['/api/v1/counties/{county}/years/{fpYear}/worklist']['get']['responses'][200]['content']['application/json'];

export function useWorklist(county: string | null, year: number) {
  return useQuery({
    queryKey: ['worklist', county, year],
    enabled: county !== null,
    queryFn: () =>
      data(
        api.GET('/api/v1/counties/{county}/years/{fpYear}/worklist', {
          params: { path: { county: county!, fpYear: year } },
        }),
      ),
  });
}

export function useNotice(county: string | null, id: string | null) {
  return useQuery({
    queryKey: ['warning-notice', county, id],
    enabled: county !== null && id !== null,
    queryFn: () =>
      data(
        api.GET('/api/v1/counties/{county}/warning-notices/{id}', {
          params: { path: { county: county!, id: id! } },
        }),
      ),
  });
}

export function useCounties(enabled: boolean) {
  return useQuery({ queryKey: ['counties'], enabled, queryFn: () => data(api.GET('/api/v1/counties')) });
}
