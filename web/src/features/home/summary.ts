// The home screen's figures, from the worklist: one card per concern the user's role has.

import { yuan } from '../../lib/format.ts';
import type { Worklist } from './api.ts';

export interface Figure {
  key: string;
  title: string;
  value: number | string;
  suffix?: string;
  /** Something is waiting (shown in the warning colour). */
  alert: boolean;
  note?: string;
}

export function figures(w: Worklist, role: string): Figure[] {
  const out: Figure[] = [];
  if (w.rosters) {
    const c = w.rosters.counts;
    const own = role === 'town' || role === 'unit';
    out.push({
      key: 'rosters-todo',
      title: own ? '本单位名单' : '未上报或退回的名单',
      value: own
        ? c.accepted
          ? '已接受'
          : c.submitted
            ? '待审核'
            : c.returned
              ? '已退回'
              : '未上报'
        : c.not_submitted + c.returned,
      ...(!own && { suffix: '份' }),
      alert: own ? c.not_submitted + c.returned > 0 : c.not_submitted + c.returned > 0,
    });
    if (role === 'office')
      out.push({
        key: 'rosters-review',
        title: '待审核的名单',
        value: c.submitted,
        suffix: '份',
        alert: c.submitted > 0,
      });
  }
  if (w.assessments)
    out.push({
      key: 'assessments',
      title: '未录入县考核的单位',
      value: w.assessments.missing.length,
      suffix: '个',
      alert: w.assessments.missing.length > 0,
      note: `应录 ${w.assessments.expected} 个，已录 ${w.assessments.recorded} 个`,
    });
  if (w.evaluation)
    out.push({
      key: 'evaluation',
      title: '奖惩评定',
      value: evaluationState(w.evaluation),
      alert: w.evaluation.pending,
    });
  if (w.notices)
    out.push({
      key: 'notices',
      title: '逾期或即将到期的警示通知书',
      value: w.notices.red + w.notices.yellow,
      suffix: '份',
      alert: w.notices.red + w.notices.yellow > 0,
      note: `已逾期 ${w.notices.red} 份，三日内到期 ${w.notices.yellow} 份`,
    });
  if (w.fines)
    out.push({
      key: 'fines',
      title: '逾期未缴的罚款',
      value: w.fines.count,
      suffix: '笔',
      alert: w.fines.count > 0,
      note: `合计 ${yuan(w.fines.outstanding_fen)}`,
    });
  return out;
}

export function evaluationState(e: NonNullable<Worklist['evaluation']>): string {
  if (!e.latest) return '尚未评定';
  if (e.pending) return e.decision ? '有新的评定待确认' : '已评定，待确认';
  return '已确认';
}
