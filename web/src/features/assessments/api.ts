// The 考核 screen's calls: the year's assessments (with the units to pick from), recording one
// through the facts API (create, change, retract with a reason), the score sheet's import, and the
// rankings and category changes as the engine reads them (I5 previewed when asked).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client.ts';
import type { paths } from '../../api/schema';

const Y = '/api/v1/counties/{county}/years/{fpYear}' as const;
type Ok<P extends keyof paths> = paths[P]['get'] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type YearAssessments = Ok<`${typeof Y}/assessments`>;
export type Assessment = YearAssessments['items'][number];
export type Unit = YearAssessments['units'][number];
export type Rankings = Ok<`${typeof Y}/rankings`>;
export type Ranking = Rankings['rankings'][number];
export type CategoryChange = Rankings['categories'][number];
export type AssessmentBody =
  paths['/api/v1/counties/{county}/assessments']['post']['requestBody']['content']['application/json'];

export const scoresTemplateUrl = (county: string, year: number) =>
  `/api/v1/counties/${encodeURIComponent(county)}/years/${year}/scores/template.xlsx`;

export function useYearAssessments(county: string | null, year: number) {
  return useQuery({
    queryKey: ['assessments', county, year],
    enabled: county !== null,
    queryFn: () => data(api.GET(`${Y}/assessments`, { params: { path: { county: county!, fpYear: year } } })),
  });
}

export function useRankings(county: string | null, year: number, I5: string | null) {
  return useQuery({
    queryKey: ['assessments', county, year, 'rankings', I5],
    enabled: county !== null,
    queryFn: () =>
      data(
        api.GET(`${Y}/rankings`, {
          params: { path: { county: county!, fpYear: year }, query: I5 ? { I5 } : {} },
        }),
      ),
  });
}

/** Recording, changing and retracting an assessment; importing scores. Each refreshes the year. */
export function useAssessmentActions(county: string, year: number) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['assessments', county, year] });
  return {
    save: useMutation({
      meta: { form: true },
      mutationFn: ({ id, body }: { id: string | null; body: AssessmentBody }) =>
        id
          ? data(
              api.PATCH('/api/v1/counties/{county}/assessments/{id}', {
                params: { path: { county, id } },
                body,
              }),
            )
          : data(api.POST('/api/v1/counties/{county}/assessments', { params: { path: { county } }, body })),
      onSuccess: done,
    }),
    retract: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }) =>
        data(
          api.POST('/api/v1/counties/{county}/assessments/{id}/close', {
            params: { path: { county, id } },
            body: { reason },
          }),
        ),
      onSuccess: done,
    }),
    importScores: useMutation({
      meta: { form: true },
      mutationFn: (file: File) => {
        const form = new FormData();
        form.append('file', file, file.name);
        return data(
          api.PUT(`${Y}/scores/xlsx`, { params: { path: { county, fpYear: year } }, body: form as never }),
        );
      },
      onSuccess: done,
    }),
  };
}
