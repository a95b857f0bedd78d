// The bell's words: its label for screen readers and the badge, and when each notice came, in
// the county's time.

import { tableDateTime } from '../../lib/format.ts';

/** 通知（3 条未读） / 通知（没有未读） — the button's accessible name. */
export function bellLabel(unread: number): string {
  return unread > 0 ? `通知（${unread} 条未读）` : '通知（没有未读）';
}

/** When, relative to now for today's and yesterday's, else the date and minute: 今天 09:30. */
export function whenText(at: string, now: Date = new Date()): string {
  const t = tableDateTime(at);
  const today = tableDateTime(now.toISOString()).slice(0, 10);
  const yesterday = tableDateTime(new Date(now.getTime() - 86_400_000).toISOString()).slice(0, 10);
  if (t.startsWith(today)) return `今天 ${t.slice(11)}`;
  if (t.startsWith(yesterday)) return `昨天 ${t.slice(11)}`;
  return t;
}
