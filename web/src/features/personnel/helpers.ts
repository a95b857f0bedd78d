// Pure helpers of the 人事 screen: the dates of a recommendation in words, the search in the
// address, the lookup's answer in one sentence.

import type { ActionSearch, Restrictions } from './api.ts';

/** 2009-12-20 至 2010-12-19, or 一 where a recommendation has no dates. */
export function period(a: { from?: string; until?: string }): string {
  if (a.from && a.until) return `${a.from} 至 ${a.until}`;
  if (a.from) return `${a.from} 起`;
  return '—';
}

/** The clause as the policy numbers it, and the 提醒注意 item applied where there is one. */
export function clauseText(a: { clause_label: string; applies_label: string | null }): string {
  return a.applies_label ? `${a.clause_label}（按${a.applies_label}）` : a.clause_label;
}

/** The search an address holds (?name=&type=&status=&page=). */
export function actionSearchOf(params: URLSearchParams): ActionSearch {
  const status = params.get('status');
  const page = Number(params.get('page'));
  return {
    ...(params.get('name') && { name: params.get('name')! }),
    ...(params.get('type') && { type: params.get('type')! }),
    ...((status === 'pending' || status === 'adopted' || status === 'not_adopted') && { status }),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The lookup's answer: may the person be transferred or promoted on the day, and why not. */
export function verdict(
  r: Pick<Restrictions, 'person_name' | 'on' | 'may_transfer_or_promote' | 'restrictions'>,
): string {
  const blocking = r.restrictions.filter((x) => x.blocks_transfer_or_promotion);
  const others = r.restrictions.length - blocking.length;
  const rest = others > 0 ? `另有${others}项其他限制（见下表）。` : '';
  if (r.may_transfer_or_promote)
    return `${r.person_name}在${r.on}可以平级调动、提拔。${rest || '没有在限制期内的处理。'}`;
  return `${r.person_name}在${r.on}不得平级调动、提拔：${blocking
    .map((x) => `依据${x.clause_label}，${x.from}至${x.until}`)
    .join('；')}。${rest}`;
}
