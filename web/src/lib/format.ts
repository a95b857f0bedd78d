// How the application writes dates, years and money: `2009年10月1日` in prose, `2009-10-01` in
// tables, amounts in 元 with thousands separators and, where a sum is final, 金额大写. Money and
// FP-year rules come from src/domain, the same code the server runs.

import { chinaDay, fpYear, fpYearOf, type IsoDate } from '../../../src/domain/dates.ts';
import { capitalYuan, type Fen, yuanText } from '../../../src/domain/money.ts';

export { capitalYuan, fpYear, fpYearOf };

/** 2009-10-01 → 2009年10月1日 (prose, headings, documents). */
export function proseDate(date: IsoDate | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

/** A date or a timestamp as a table shows it: 2009-10-01 (timestamps on the county's calendar). */
export function tableDate(value: string | null | undefined): string {
  if (!value) return '';
  return value.length > 10 ? chinaDay(new Date(value)) : value;
}

/** A timestamp as a table shows it, to the minute, in China time: 2009-10-01 08:30. */
export function tableDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const china = new Date(new Date(value).getTime() + 8 * 3_600_000).toISOString();
  return `${china.slice(0, 10)} ${china.slice(11, 16)}`;
}

/** 150050 fen → "1,500.50元" (src/domain/money.ts: one way of writing money). */
export function yuan(fen: Fen | null | undefined): string {
  return fen === null || fen === undefined ? '' : yuanText(fen);
}

/** A final sum as a finance office writes it: "1,500.50元（大写：壹仟伍佰元伍角整）". */
export function yuanWithCapital(fen: Fen): string {
  return `${yuan(fen)}（大写：${capitalYuan(fen)}）`;
}

/** 计生年度 N runs from 1 October of N−1 to 30 September of N: 2010年度（2009年10月1日至2010年9月30日）. */
export function fpYearLabel(year: number): string {
  const y = fpYear(year);
  return `${year}年度（${proseDate(y.start)}至${proseDate(y.end)}）`;
}

/** The short form, for a picker's closed state and titles: 2010年度. */
export function fpYearShort(year: number): string {
  return `${year}年度`;
}

/**
 * The year a user lands on: the current FP year when the county has data for it, else the latest
 * year with data, else the current one.
 */
export function defaultFpYear(years: readonly number[], today: IsoDate): number {
  const current = fpYearOf(today);
  if (years.includes(current) || years.length === 0) return current;
  return Math.max(...years);
}

/** Today in the county (UTC+8), from the browser's clock. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return chinaDay(now);
}
