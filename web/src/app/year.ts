// The FP year (计生年度) a screen shows: `?year=` in the address, so a link or a reload keeps it;
// without one, the default (the current FP year when it has data, else the latest year with data).

import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { defaultFpYear, todayInChina } from '../lib/format.ts';
import { withParams } from '../lib/params.ts';

/** The year in `?year=` when it is a plausible FP year, else the default for these years. */
export function yearFrom(param: string | null, years: readonly number[], today: string): number {
  const n = Number(param);
  if (param && Number.isInteger(n) && n >= 1900 && n <= 2200) return n;
  return defaultFpYear(years, today);
}

/** The selected FP year and a setter that keeps the rest of the address. */
export function useFpYear(years: readonly number[]): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const year = yearFrom(params.get('year'), years, todayInChina());
  const set = useCallback((y: number) => setParams((p) => withParams(p, { year: String(y) })), [setParams]);
  return [year, set];
}

/** The years the picker offers: those with data, and the selected one, newest first. */
export function yearOptions(years: readonly number[], selected: number): number[] {
  return [...new Set([...years, selected])].sort((a, b) => b - a);
}
