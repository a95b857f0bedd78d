// The tables of a 奖惩决定: one per kind of subject (镇（场）, 村（社区、工区）, 县直单位, 个人),
// a row for each subject and clause with everything that clause gives it, the money in its own
// column and a total under each table; and the numbering of the decision's parts (一、 （一）).

import { formatYuan } from '../../domain/money.ts';
import type { Consequence } from '../../domain/result.ts';
import { type Vocabulary, wordZh } from '../../domain/vocabulary.ts';
import { byClause, GROUPS, groupZh, type ReportGroup } from '../reports/reports.ts';
import type { Block } from './model.ts';
import { chineseDate, clauseZh, fullWidth } from './zh.ts';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const fenOf = (c: { amount_yuan?: number; amount_fen?: number }) =>
  c.amount_fen ?? (c.amount_yuan === undefined ? 0 : Math.round(c.amount_yuan * 100));

/** What one consequence gives, in words: 罚款, 一年内不得平级调动、提拔（…至…）, 授予“…”称号. */
export function consequenceText(c: Consequence, words: Vocabulary): string {
  const zh = wordZh(words, 'consequence_types', c.type);
  if (c.type === 'transfer_promotion_freeze' && c.from && c.until)
    return `${zh}（${chineseDate(c.from)}至${chineseDate(c.until)}）`;
  if (c.type === 'appraisal_cap' && c.max_grade) return `${zh}（至多${c.max_grade}）`;
  if (c.type === 'honour_title' && c.title) return `授予“${fullWidth(c.title)}”荣誉称号`;
  if (c.type === 'plaque') return '颁发奖牌一块';
  return fullWidth(zh);
}

/** Why a reward is withheld, in Chinese: “I4: unit award veto” → 所在单位本年度被评先评优一票否决. */
export function withheldReason(reason: string): string {
  const [id, what] = reason.split(': ');
  const why =
    what === 'unit award veto'
      ? '所在单位本年度被评先评优一票否决'
      : what === 'person award veto'
        ? '本人本年度被评先评优一票否决'
        : fullWidth(what ?? reason);
  return `${why}（解释${id}）`;
}

export interface Line {
  c: Consequence;
  /** The unit's or the person's name. */
  name: string;
  /** A person's post (东风镇党委书记), '' for a unit. */
  post: string;
}

interface Row {
  line: Line;
  items: string[];
  fen: number;
}

const MONEY = new Set(['reward', 'fine']);

function groupOf(l: Line, kinds: Map<string, string>): ReportGroup {
  if (l.c.subject.kind === 'person') return 'person';
  const kind = kinds.get(l.c.subject.id);
  return kind === 'town' || kind === 'village' ? kind : 'county_unit';
}

/** One row per subject, post and clause: what the clause gives, with the money summed. */
function rowsOf(lines: Line[], words: Vocabulary): Row[] {
  const rows = new Map<string, Row>();
  for (const l of lines) {
    const key = `${l.c.subject.kind}|${l.c.subject.id}|${l.post}|${l.c.clause}|${l.c.applies ?? ''}`;
    const row = rows.get(key) ?? { line: l, items: [], fen: 0 };
    row.items.push(consequenceText(l.c, words));
    if (MONEY.has(l.c.type)) row.fen += fenOf(l.c);
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) =>
      (a.line.post < b.line.post ? -1 : a.line.post > b.line.post ? 1 : 0) ||
      (a.line.c.subject.id < b.line.c.subject.id ? -1 : a.line.c.subject.id > b.line.c.subject.id ? 1 : 0) ||
      byClause(a.line.c.clause, b.line.c.clause),
  );
}

const basis = (c: Consequence) => `${clauseZh(c.clause)}${c.applies ? `（按${clauseZh(c.applies)}）` : ''}`;
const amount = (fen: number) => (fen ? formatYuan(fen) : '');

/** The tables of one part (奖励 or 处罚), by kind of subject; `kinds`: unit id → its kind. */
export function moneyTables(
  lines: Line[],
  label: string,
  kinds: Map<string, string>,
  words: Vocabulary,
): Block[] {
  if (lines.length === 0) return [{ kind: 'p', text: `本年度无${label}。` }];
  const out: Block[] = [];
  let n = 0;
  for (const g of GROUPS) {
    const rows = rowsOf(
      lines.filter((l) => groupOf(l, kinds) === g),
      words,
    );
    if (rows.length === 0) continue;
    out.push({ kind: 'h2', text: `（${NUMERALS[n++]}）${fullWidth(groupZh(g, words))}` });
    const fen = rows.reduce((a, r) => a + r.fen, 0);
    const money = { title: '金额（元）', width: 16, align: 'right' as const };
    if (g === 'person')
      out.push({
        kind: 'table',
        columns: [
          { title: '姓名', width: 12 },
          { title: '单位及职务', width: 25 },
          { title: `${label}内容`, width: 30 },
          money,
          { title: '依据', width: 17 },
        ],
        rows: rows.map((r) => [r.line.name, r.line.post, r.items.join('；'), amount(r.fen), basis(r.line.c)]),
        total: fen ? ['合计', '', '', formatYuan(fen), ''] : undefined,
      });
    else
      out.push({
        kind: 'table',
        columns: [
          { title: '单位', width: 27 },
          { title: `${label}内容`, width: 42 },
          money,
          { title: '依据', width: 17 },
        ],
        rows: rows.map((r) => [r.line.name, r.items.join('；'), amount(r.fen), basis(r.line.c)]),
        total: fen ? ['合计', '', formatYuan(fen), ''] : undefined,
      });
  }
  return out;
}

/** The parts of a document under 一、二、… headings (黑体). */
export function numbered(parts: [string, Block[]][]): Block[] {
  return parts.flatMap(([title, blocks], i): Block[] => [
    { kind: 'h1', text: `${NUMERALS[i]}、${title}` },
    ...blocks,
  ]);
}
