// The escalation timeline of one unit in a year (四(三)2): each notice issued, its correction
// reported and verified, and — where two notices came in a row (4.3.2.2, read as I13 says) — the
// 提醒注意 that follows, or the warning that one more notice would bring it. Pure, for the drawer.

import type { Escalations, NoticeItem } from './api.ts';

export interface TimelineEntry {
  date: string;
  /** antd Timeline colours: red for an escalation or a deadline past, green when verified. */
  color: 'blue' | 'green' | 'red' | 'gray' | 'orange';
  title: string;
  text?: string;
}

/** What happened to one unit's notices, in date order (same day: issued, reported, verified). */
export function unitTimeline(
  unit: string,
  notices: readonly NoticeItem[],
  escalations: Escalations | undefined,
): TimelineEntry[] {
  const out: (TimelineEntry & { order: number })[] = [];
  for (const n of notices) {
    if (n.unit.id !== unit || n.status === 'retracted') continue;
    out.push({
      date: n.issued_on,
      order: 0,
      color: n.light === 'red' ? 'red' : n.light === 'yellow' ? 'orange' : 'blue',
      title: `下发警示通知书 ${n.id}`,
      text: `${n.matter}；整改期限：${n.deadline ?? '未定'}${n.light ? `（${n.light_zh}）` : ''}`,
    });
    if (n.correction_reported_on)
      out.push({
        date: n.correction_reported_on,
        order: 1,
        color: 'blue',
        title: `报告整改（${n.id}）`,
        ...(n.correction_note && { text: n.correction_note }),
      });
    if (n.corrected_on)
      out.push({
        date: n.corrected_on,
        order: 2,
        color: 'green',
        title: `验收整改（${n.id}）`,
        ...(n.verified_by && { text: `验收人：${n.verified_by}` }),
      });
  }
  const escalated = escalations?.escalated.find((x) => x.unit.id === unit);
  if (escalated) {
    const second = escalated.notices[1]!;
    const talk = escalated.talk.map((t) => `${t.person.name}（${t.role_zh}）`).join('、');
    out.push({
      date: second.issued_on,
      order: 3,
      color: 'red',
      title: `连续二次下发警示通知书（${escalated.notices.map((n) => n.id).join('、')}）`,
      text: `${escalated.consequence_zh}${talk ? `；诫勉谈话：${talk}` : ''}`,
    });
  }
  const atRisk = escalations?.one_more_escalates.find((x) => x.unit.id === unit);
  if (atRisk)
    out.push({ date: atRisk.latest.issued_on, order: 4, color: 'gray', title: '提示', text: atRisk.zh });
  return out
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order))
    .map(({ order: _order, ...e }) => e);
}

/** Whether the unit's notices of the year have come two in a row (the timeline's headline). */
export function escalationOf(unit: string, escalations: Escalations | undefined) {
  return escalations?.escalated.find((x) => x.unit.id === unit) ?? null;
}
