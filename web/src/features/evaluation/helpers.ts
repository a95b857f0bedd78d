// The 奖惩评定 screen's pure helpers: lines of a group found by a search, the state of a receipt
// against the year's decisions, the readings a what-if changes, the words of a diff and of a
// receipt's check.

import type { Change, Check, Decision, Line, Reading, Receipt, View } from './api.ts';

export type ReportGroup = Line['group'];

/** The lines of a group whose subject, post, type or clause contains the search text. */
export function linesOf(view: View, group: ReportGroup, search = ''): Line[] {
  const q = search.trim();
  return view.lines.filter(
    (l) =>
      l.group === group &&
      (q === '' ||
        [l.subject.name, l.subject.id, l.via_zh ?? '', l.type_zh, l.clause, l.clause_label].some((s) =>
          s.includes(q),
        )),
  );
}

/** The key of a line in the address (?line=): given or withheld, and its place in the result. */
export const lineKey = (l: Pick<Line, 'withheld' | 'index'>) => `${l.withheld ? 'w' : 'c'}${l.index}`;

export function lineByKey(view: View | undefined, key: string | null): Line | undefined {
  return key ? view?.lines.find((l) => lineKey(l) === key) : undefined;
}

/** The decision in force: the one no later decision supersedes. */
export function inForce(decisions: readonly Decision[]): Decision | undefined {
  return decisions.find((d) => d.in_force);
}

export interface ReceiptState {
  text: string;
  /** A dark tag colour: white text on it reads at 4.5:1. */
  color: string;
}

/** What a receipt is for the year: the decision in force, a superseded decision, the latest run. */
export function receiptState(
  r: Receipt,
  decisions: readonly Decision[],
  latest: string | undefined,
): ReceiptState[] {
  const out: ReceiptState[] = [];
  const mine = decisions.filter((d) => d.evaluation_id === r.id);
  if (mine.some((d) => d.in_force)) out.push({ text: '现行决定', color: '#237804' });
  else if (mine.length) out.push({ text: '已被更正的决定', color: '#595959' });
  if (r.id === latest && !mine.some((d) => d.in_force))
    out.push({ text: '最新评定，未确认', color: '#ad4e00' });
  return out;
}

/** The readings of a receipt that differ from the pack's defaults: “I2、I10”, or 默认解读. */
export function readingsText(interpretations: Record<string, string>, readings: readonly Reading[]): string {
  const changed = readings.filter(
    (r) => interpretations[r.id] !== undefined && interpretations[r.id] !== r.default,
  );
  return changed.length ? `非默认：${changed.map((r) => r.id).join('、')}` : '默认解读';
}

/** The readings a what-if sends: those chosen that differ from the ones in force. */
export function overrides(
  readings: readonly Reading[],
  chosen: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of readings)
    if (chosen[r.id] !== undefined && chosen[r.id] !== r.value) out[r.id] = chosen[r.id]!;
  return out;
}

/** The readings a line depends on, with their values in force. */
export function dependsOn(line: Pick<Line, 'depends_on'>, readings: readonly Reading[]): Reading[] {
  return readings.filter((r) => line.depends_on.includes(r.id));
}

/** 新增 2 项，取消 1 项 — or 没有变化. */
export function changesText(changes: readonly Pick<Change, 'change' | 'change_zh'>[]): string {
  if (changes.length === 0) return '没有变化';
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(c.change_zh, (counts.get(c.change_zh) ?? 0) + 1);
  return [...counts].map(([zh, n]) => `${zh} ${n} 项`).join('，');
}

/** A difference of money in 元 words: 增加 / 减少 / 不变. */
export function deltaFen(before: number, after: number): { sign: 'up' | 'down' | 'same'; fen: number } {
  if (after === before) return { sign: 'same', fen: 0 };
  return after > before ? { sign: 'up', fen: after - before } : { sign: 'down', fen: before - after };
}

/** Confirming an evaluation: a first decision, or a correction of the one in force. */
export function confirmMode(
  decisions: readonly Decision[],
): { correction: false } | { correction: true; supersedes: Decision } {
  const current = inForce(decisions);
  return current ? { correction: true, supersedes: current } : { correction: false };
}

/** A receipt's check as lines of words, each passed or not. */
export function checkItems(c: Check): { label: string; ok: boolean }[] {
  return [
    { label: c.reproduces ? '重新评定的结果与回执相同' : '重新评定的结果与回执不同', ok: c.reproduces },
    { label: c.case_intact ? '存档的案件数据完整' : '存档的案件数据与校验值不符', ok: c.case_intact },
    { label: c.same_pack ? '政策包与评定时相同' : '政策包已与评定时不同', ok: c.same_pack },
    { label: c.same_engine ? '评定引擎版本与评定时相同' : '评定引擎版本已与评定时不同', ok: c.same_engine },
    // 镇级办法 (七): the town packs' results kept with the receipt, re-run the same way.
    ...(c.towns.length
      ? [
          c.towns.every((t) => t.reproduces)
            ? { label: `镇级办法的 ${c.towns.length} 项结果与回执相同`, ok: true }
            : { label: '镇级办法的结果与回执不同', ok: false },
        ]
      : []),
  ];
}
