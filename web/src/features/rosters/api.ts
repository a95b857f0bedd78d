// The rosters screen's calls (二(四)): the board, one roster, its diff, uploading the filled
// template, and the office's return and acceptance (each with the version reviewed).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client.ts';
import type { paths } from '../../api/schema';

const Y = '/api/v1/counties/{county}/years/{fpYear}/rosters' as const;
const U = `${Y}/{unit}` as const;
type Ok<P extends keyof paths, M extends 'get' | 'put' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type RosterList = Ok<typeof Y, 'get'>;
export type RosterItem = RosterList['items'][number];
export type Roster = Ok<typeof U, 'get'>;
export type Line = Roster['lines'][number];
export type RosterDiff = Ok<`${typeof U}/diff`, 'get'>;

export const templateUrl = (county: string, year: number, unit: string) =>
  `/api/v1/counties/${encodeURIComponent(county)}/years/${year}/rosters/${encodeURIComponent(unit)}/template.xlsx`;

export function useRosterList(county: string | null, year: number) {
  return useQuery({
    queryKey: ['rosters', county, year],
    enabled: county !== null,
    queryFn: () => data(api.GET(Y, { params: { path: { county: county!, fpYear: year } } })),
  });
}

export function useRoster(county: string | null, year: number, unit: string) {
  return useQuery({
    queryKey: ['rosters', county, year, unit],
    enabled: county !== null,
    queryFn: () => data(api.GET(U, { params: { path: { county: county!, fpYear: year, unit } } })),
  });
}

export function useRosterDiff(county: string | null, year: number, unit: string, enabled: boolean) {
  return useQuery({
    queryKey: ['rosters', county, year, unit, 'diff'],
    enabled: county !== null && enabled,
    queryFn: () => data(api.GET(`${U}/diff`, { params: { path: { county: county!, fpYear: year, unit } } })),
  });
}

/** The calls that change a roster; each refreshes the board, the roster and its diff. */
export function useRosterActions(county: string, year: number, unit: string) {
  const qc = useQueryClient();
  const path = { county, fpYear: year, unit };
  const done = () => qc.invalidateQueries({ queryKey: ['rosters', county, year] });
  return {
    upload: useMutation({
      // The cell problems are shown in a table by the screen itself.
      meta: { form: true },
      mutationFn: (file: File) => {
        const form = new FormData();
        form.append('file', file, file.name);
        return data(api.PUT(`${U}/xlsx`, { params: { path }, body: form as never }));
      },
      onSuccess: done,
    }),
    returnIt: useMutation({
      meta: { form: true },
      mutationFn: (body: { reasons: string[]; version: number }) =>
        data(api.POST(`${U}/return`, { params: { path }, body })),
      onSuccess: done,
    }),
    accept: useMutation({
      mutationFn: (version: number) =>
        data(api.POST(`${U}/accept`, { params: { path }, body: { version } as never })),
      onSuccess: done,
    }),
  };
}
