// An evaluation as the office reads it (the 奖惩评定 screen): every consequence and withheld
// entry as a line with its names and Chinese labels, grouped by subject (town, village, county
// unit, person) with totals in fen; the text of every clause cited; the readings (I1–I13) in force
// with every value the pack allows; and a diff between two results with the changes of amount
// paired. Pure: the caller reads the names (reports-data.ts namesOf) and the engine.

import type { Consequence, Withheld, ZerenResult } from '../../domain/result.ts';
import type { ResultDiff } from '../../domain/result-diff.ts';
import { CONSEQUENCE_TYPES, type Vocabulary, withheldReasonZh, wordZh } from '../../domain/vocabulary.ts';
import type { Pack } from '../../engine/pack.ts';
import { postOf, unitName } from '../documents/common.ts';
import { clauseZh, fullWidth } from '../documents/zh.ts';
import { byClause, GROUPS, groupOf, groupZh, type Names, type ReportGroup } from '../reports/reports.ts';

export interface ViewLine {
  /** The line's place in `result.consequences` (or `result.withheld` when withheld). */
  index: number;
  withheld: boolean;
  group: ReportGroup;
  group_zh: string;
  subject: { kind: string; id: string; name: string };
  /** The post or link a person answers through: 东风镇红星村驻村干部; the unit a unit's line is for. */
  via_zh: string | null;
  type: string;
  type_zh: string;
  clause: string;
  /** 四（三）1（4） */
  clause_label: string;
  applies: string | null;
  applies_label: string | null;
  amount_fen: number | null;
  /** A title, a freeze's dates or a grade cap, in words. */
  detail: string;
  rule: string;
  depends_on: string[];
  reason: string | null;
  reason_zh: string | null;
}

export interface GroupTotals {
  group: ReportGroup;
  group_zh: string;
  lines: number;
  withheld: number;
  rewards_fen: number;
  fines_fen: number;
  withheld_fen: number;
}

export interface Reading {
  id: string;
  question_zh: string;
  clauses: string[];
  clause_labels: string[];
  value: string;
  value_zh: string;
  default: string;
  values: { value: string; zh: string }[];
}

function detailOf(c: Consequence): string {
  if (c.title) return fullWidth(c.title);
  if (c.from && c.until) return `${c.from}至${c.until}`;
  if (c.max_grade) return `最高${c.max_grade}`;
  return '';
}

export function lineOf(c: Consequence | Withheld, index: number, names: Names): ViewLine {
  const withheld = 'reason' in c;
  const name =
    c.subject.kind === 'person' ? names.people.get(c.subject.id) : unitName(names, c.subject.id) || undefined;
  const via = c.via
    ? c.subject.kind === 'person'
      ? postOf(names, c.via)
      : c.via.unit !== c.subject.id
        ? unitName(names, c.via.unit)
        : ''
    : '';
  return {
    index,
    withheld,
    group: groupOf(c.subject, names),
    group_zh: fullWidth(groupZh(groupOf(c.subject, names), names.words)),
    subject: { ...c.subject, name: name ?? c.subject.id },
    via_zh: via || null,
    type: c.type,
    type_zh: wordZh(names.words, 'consequence_types', c.type),
    clause: c.clause,
    clause_label: clauseZh(c.clause),
    applies: c.applies ?? null,
    applies_label: c.applies ? clauseZh(c.applies) : null,
    amount_fen: c.amount_yuan === undefined ? null : Math.round(c.amount_yuan * 100),
    detail: detailOf(c),
    rule: c.rule,
    depends_on: [...c.depends_on],
    reason: withheld ? c.reason : null,
    reason_zh: withheld ? withheldReasonZh(c.reason) : null,
  };
}

const typeOrder = (t: string) => (CONSEQUENCE_TYPES as readonly string[]).indexOf(t);
/** Group, subject, clause in reading order, type. */
export function byLine(a: ViewLine, b: ViewLine): number {
  return (
    GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group) ||
    (a.subject.id < b.subject.id ? -1 : a.subject.id > b.subject.id ? 1 : 0) ||
    byClause(a.clause, b.clause) ||
    typeOrder(a.type) - typeOrder(b.type) ||
    Number(a.withheld) - Number(b.withheld)
  );
}

/** Totals per group and overall: money given, money withheld, lines. */
export function totalsOf(
  lines: readonly ViewLine[],
  words: Vocabulary,
): {
  groups: GroupTotals[];
  all: Omit<GroupTotals, 'group' | 'group_zh'>;
} {
  const zero = () => ({ lines: 0, withheld: 0, rewards_fen: 0, fines_fen: 0, withheld_fen: 0 });
  const all = zero();
  const groups = GROUPS.map((g) => ({ group: g, group_zh: fullWidth(groupZh(g, words)), ...zero() }));
  for (const l of lines) {
    const g = groups[GROUPS.indexOf(l.group)]!;
    for (const t of [g, all]) {
      if (l.withheld) {
        t.withheld++;
        t.withheld_fen += l.amount_fen ?? 0;
        continue;
      }
      t.lines++;
      if (l.type === 'reward') t.rewards_fen += l.amount_fen ?? 0;
      if (l.type === 'fine') t.fines_fen += l.amount_fen ?? 0;
    }
  }
  return { groups, all };
}

/** The readings in force, each with its question and every value the pack allows, in Chinese. */
export function readingsOf(pack: Pack, inForce: Record<string, string>): Reading[] {
  return [...pack.interpretations.values()]
    .sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)))
    .map((i) => {
      const value = inForce[i.id] ?? i.default;
      return {
        id: i.id,
        question_zh: fullWidth(i.question_zh),
        clauses: i.clauses,
        clause_labels: i.clauses.map(clauseZh),
        value,
        value_zh: fullWidth(i.values[value]?.zh ?? value),
        default: i.default,
        values: Object.entries(i.values).map(([v, d]) => ({ value: v, zh: fullWidth(d.zh) })),
      };
    });
}

/** The clauses a set of lines cites (and applies through), with their label and text. */
export function clausesOf(
  pack: Pack,
  lines: readonly Pick<ViewLine, 'clause' | 'applies'>[],
): Record<string, { label: string; text: string }> {
  const out: Record<string, { label: string; text: string }> = {};
  for (const l of lines)
    for (const id of [l.clause, l.applies])
      if (id && !out[id])
        out[id] = { label: clauseZh(id), text: fullWidth(pack.clauses.get(id)?.text ?? '') };
  return out;
}

/** An evaluation's lines, totals, clauses and readings. */
export function evaluationView(result: ZerenResult, names: Names, pack: Pack) {
  const lines = [
    ...result.consequences.map((c, i) => lineOf(c, i, names)),
    ...result.withheld.map((w, i) => lineOf(w, i, names)),
  ].sort(byLine);
  return {
    lines,
    totals: totalsOf(lines, names.words),
    clauses: clausesOf(pack, lines),
    readings: readingsOf(pack, result.interpretations),
  };
}

export interface DiffLine extends ViewLine {
  explanation: string;
}
export interface Change {
  /** added, removed, changed (the amount or the dates), withheld (now withheld), released (no longer). */
  change: 'added' | 'removed' | 'changed' | 'withheld' | 'released';
  change_zh: string;
  before: DiffLine | null;
  after: DiffLine | null;
}

const CHANGE_ZH: Record<Change['change'], string> = {
  added: '新增',
  removed: '取消',
  changed: '变更',
  withheld: '暂缓兑现',
  released: '恢复兑现',
};

/**
 * The differences of two results as changes a reader follows: a consequence removed and one
 * added for the same subject, type and clause are one change (of amount or dates); a consequence
 * moved between given and withheld is one change too.
 */
export function changesOf(diff: ResultDiff, names: Names): Change[] {
  const line = (c: Consequence | Withheld, i: number): DiffLine => ({
    ...lineOf(c, i, names),
    explanation: fullWidth(c.explanation),
  });
  const key = (l: ViewLine) => `${l.subject.kind}|${l.subject.id}|${l.type}|${l.clause}|${l.applies ?? ''}`;
  const before = [...diff.removed.map(line), ...diff.withheld_removed.map(line)];
  const after = [...diff.added.map(line), ...diff.withheld_added.map(line)];
  const out: Change[] = [];
  const pending = new Map<string, DiffLine[]>();
  for (const b of before) pending.set(key(b), [...(pending.get(key(b)) ?? []), b]);
  for (const a of after) {
    const match = pending.get(key(a))?.shift();
    if (!match) {
      out.push({ change: a.withheld ? 'withheld' : 'added', change_zh: '', before: null, after: a });
      continue;
    }
    const change = match.withheld === a.withheld ? 'changed' : a.withheld ? 'withheld' : 'released';
    out.push({ change, change_zh: '', before: match, after: a });
  }
  for (const rest of pending.values())
    for (const b of rest) out.push({ change: 'removed', change_zh: '', before: b, after: null });
  for (const c of out) c.change_zh = CHANGE_ZH[c.change];
  return out.sort((x, y) => byLine((x.after ?? x.before)!, (y.after ?? y.before)!));
}
