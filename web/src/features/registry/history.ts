// How a dated row (a post, a link) reads in the history tables: its span in words, its standing
// as a coloured tag with words (colour is never the only sign), and what may still be done to it.

import { tableDate } from '../../lib/format.ts';

type Standing = 'current' | 'ended' | 'future' | 'retracted';

/** Dark enough for white text (4.5:1): 在任 green, 尚未开始 blue, 已撤回 red; 已结束 the plain tag. */
export const STANDING_COLOR: Record<Standing, string | undefined> = {
  current: '#237804',
  future: '#0958d9',
  ended: undefined,
  retracted: '#a8071a',
};

/** 2009-10-01 至今 / 2009-10-01 至 2010-03-01 / 开始日期未记 至今. */
export function span(from: string | null, to: string | null): string {
  return `${from ? tableDate(from) : '开始日期未记'} 至${to ? ` ${tableDate(to)}` : '今'}`;
}

/** A post or link may be ended while it has no end date, and retracted until it is retracted. */
export function actionsFor(r: { to: string | null; retracted_at: string | null }): {
  end: boolean;
  retract: boolean;
  edit: boolean;
} {
  const live = r.retracted_at === null;
  return { end: live && r.to === null, retract: live, edit: live };
}

/** The standing in words, with the reason of a retraction: 已撤回（录入错误）. */
export function standingText(r: {
  standing_zh: string;
  retract_reason: string | null;
  retracted_at: string | null;
}): string {
  return r.retracted_at && r.retract_reason ? `${r.standing_zh}（${r.retract_reason}）` : r.standing_zh;
}
