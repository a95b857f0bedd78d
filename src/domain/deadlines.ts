// 四(三)2: a warning notice sets a deadline (限期改正). Its light, as every screen and report shows
// it: green while there is time, yellow from three days before the deadline, red once it is past.
// One rule, used by the server (worklist, notices) and the browser alike.

import { daysBetween, type IsoDate } from './dates.ts';

export type DeadlineLight = 'green' | 'yellow' | 'red';

/** Days before the deadline from which a notice shows yellow. */
export const DUE_SOON_DAYS = 3;

export const DEADLINE_LIGHT_ZH: Record<DeadlineLight, string> = {
  green: '未到期',
  yellow: '即将到期',
  red: '已逾期',
};

/** The light of a deadline seen on a day: red past it, yellow within three days of it, else green. */
export function deadlineLight(deadline: IsoDate, on: IsoDate): DeadlineLight {
  const left = daysBetween(on, deadline);
  return left < 0 ? 'red' : left <= DUE_SOON_DAYS ? 'yellow' : 'green';
}
