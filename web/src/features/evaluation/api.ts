// The 奖惩评定 screen's calls: the year's receipts and decisions, one evaluation with its view,
// running an evaluation, a what-if, the diff between runs, confirming a decision, verifying a
// receipt.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client.ts';
import type { paths } from '../../api/schema';

type Json<P extends keyof paths, M extends 'get' | 'post', S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Evaluation = Json<'/api/v1/evaluations/{id}', 'get'>;
export type Receipt = Evaluation['receipt'];
export type View = Evaluation['view'];
export type Line = View['lines'][number];
export type Reading = View['readings'][number];
export type Decision = Json<'/api/v1/counties/{county}/years/{fpYear}/decisions', 'get'>['items'][number];
export type WhatIf = Json<'/api/v1/counties/{county}/years/{fpYear}/what-if', 'post'>;
export type Change = WhatIf['changes'][number];
export type Diff = Json<'/api/v1/evaluations/{id}/diff', 'get'>;
export type Check = Json<'/api/v1/evaluations/{id}/verify', 'get'>;

const Y = '/api/v1/counties/{county}/years/{fpYear}' as const;
const yearPath = (county: string, year: number) => ({ params: { path: { county, fpYear: year } } });

export function useEvaluations(county: string, year: number) {
  return useQuery({
    queryKey: ['evaluations', county, year],
    queryFn: () => data(api.GET(`${Y}/evaluations`, yearPath(county, year))),
  });
}

export function useDecisions(county: string, year: number) {
  return useQuery({
    queryKey: ['decisions', county, year],
    queryFn: () => data(api.GET(`${Y}/decisions`, yearPath(county, year))),
  });
}

export function useEvaluation(id: string | null) {
  return useQuery({
    queryKey: ['evaluation', id],
    enabled: id !== null,
    staleTime: Number.POSITIVE_INFINITY, // a receipt never changes
    queryFn: () => data(api.GET('/api/v1/evaluations/{id}', { params: { path: { id: id! } } })),
  });
}

export function useRunEvaluation(county: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => data(api.POST(`${Y}/evaluations`, { ...yearPath(county, year), body: {} })),
    onSuccess: (e) => {
      qc.setQueryData(['evaluation', e.receipt.id], e);
      return qc.invalidateQueries({ queryKey: ['evaluations', county, year] });
    },
  });
}

export function useWhatIf(county: string, year: number) {
  return useMutation({
    mutationFn: (interpretations: Record<string, string>) =>
      data(api.POST(`${Y}/what-if`, { ...yearPath(county, year), body: { interpretations } })),
  });
}

export function useDiff(id: string | null, against: 'previous' | 'decision' | null) {
  return useQuery({
    queryKey: ['evaluation-diff', id, against],
    enabled: id !== null && against !== null,
    retry: false,
    queryFn: () =>
      data(
        api.GET('/api/v1/evaluations/{id}/diff', {
          params: { path: { id: id! }, query: { against: against! } },
        }),
      ),
  });
}

export interface ConfirmBody {
  evaluation_id: string;
  fines_due_on: string;
  supersedes?: string;
  reason?: string;
}

export function useConfirm(county: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    meta: { form: true },
    mutationFn: (body: ConfirmBody) => data(api.POST(`${Y}/decisions`, { ...yearPath(county, year), body })),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['decisions', county, year] }),
        qc.invalidateQueries({ queryKey: ['worklist', county, year] }),
      ]),
  });
}

export function useVerify() {
  return useMutation({
    mutationFn: (id: string) =>
      data(api.GET('/api/v1/evaluations/{id}/verify', { params: { path: { id } } })),
  });
}

/** The decision document's address (a download; the server issues it once and keeps it). */
export const decisionDocumentUrl = (id: string) =>
  `/api/v1/decisions/${encodeURIComponent(id)}/document.docx`;

/** Imports a whole year (zeren-case/1): the stored year becomes the case, and nothing else. */
export function useImportCase(county: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    meta: { form: true },
    mutationFn: (kase: unknown) =>
      data(api.PUT(`${Y}/case`, { ...yearPath(county, year), body: kase as never })),
    onSuccess: () => qc.invalidateQueries(),
  });
}
