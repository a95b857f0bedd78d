// The 政策 screen's one call: the county's pack as the explorer shows it, parameters as of a day.

import { useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client.ts';
import type { paths } from '../../api/schema';

export type Policy =
  paths['/api/v1/counties/{county}/policy']['get']['responses'][200]['content']['application/json'];
export type Clause = Policy['clauses'][number];
export type Parameter = Policy['parameters'][number];
export type Interpretation = Policy['interpretations'][number];
export type Rule = Clause['rules'][number];
export type TestRef = Clause['tests'][number];

export function usePolicy(county: string | null, asOf: string) {
  return useQuery({
    queryKey: ['policy', county, asOf],
    enabled: county !== null,
    staleTime: 5 * 60_000,
    placeholderData: (prev) => prev,
    queryFn: () =>
      data(
        api.GET('/api/v1/counties/{county}/policy', {
          params: { path: { county: county! }, query: { as_of: asOf } },
        }),
      ),
  });
}

export function useCounties(enabled: boolean) {
  return useQuery({ queryKey: ['counties'], enabled, queryFn: () => data(api.GET('/api/v1/counties')) });
}
