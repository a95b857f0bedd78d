// The reports as workbooks, laid out as in xlsx.ts (title, 单位：元, header, rows, 制表人 / 审核人 /
// 日期): the 奖惩兑现表 (one sheet per group and a 汇总 of totals, the totals also in 金额大写), a
// ledger statement (对账单), and the overdue list with what may be deducted from each unit's
// allocation.

import { capitalYuan } from '../../domain/money.ts';
import {
  addNoteLine,
  addSignature,
  addTable,
  addTotalLine,
  type Col,
  newWorkbook,
  type Signature,
  workbookBuffer,
} from '../workbooks/xlsx.ts';
import type { Line, ReportTotals, WithheldLine } from './reports.ts';
import type { overdueReport, rewardsAndSanctionsReport, statementReport } from './reports-data.ts';
import type { OverdueLine, StatementBlock, StatementLine } from './reports-ledger.ts';

type RS = Awaited<ReturnType<typeof rewardsAndSanctionsReport>>;
type Statement = Awaited<ReturnType<typeof statementReport>>;
type Overdue = Awaited<ReturnType<typeof overdueReport>>;

const money = (header: string, value: (l: Line) => number | null, width = 12): Col<Line> => ({
  header,
  width,
  kind: 'yuan',
  value,
});

function lineCols(person: boolean): Col<Line>[] {
  return [
    { header: person ? '姓名' : '单位', width: 14, value: (l) => l.subject.name },
    { header: person ? '人员编号' : '单位编号', width: 14, value: (l) => l.subject.id },
    ...(person
      ? [
          { header: '所在单位', width: 14, value: (l: Line) => l.unit?.name },
          { header: '职务（关系）', width: 14, value: (l: Line) => l.role_zh },
        ]
      : []),
    { header: '奖惩项目', width: 24, value: (l) => l.type_zh },
    { header: '条款', width: 12, value: (l) => l.clause_label },
    { header: '条款编号', width: 10, value: (l) => l.clause },
    { header: '适用条款', width: 12, value: (l) => l.applies_label },
    money('金额（元）', (l) => l.amount_fen),
    money('已兑现（元）', (l) => l.settled_fen),
    money('未兑现（元）', (l) => l.outstanding_fen),
    { header: '兑现状态', width: 14, value: (l) => l.state_zh },
    { header: '说明', width: 26, value: (l) => l.detail },
  ];
}

/** A sheet of 奖惩兑现表 lines with its 合计, a note (`lead`, then the totals in 金额大写) and the signature. */
function linesSheet(
  wb: ReturnType<typeof newWorkbook>,
  name: string,
  title: string,
  cols: Col<Line>[],
  lines: Line[],
  t: ReportTotals,
  lead: string,
  sign: Signature,
): void {
  const ws = addTable(wb, name, title, cols, lines);
  const at = (h: string) => cols.findIndex((c) => c.header === h) + 1;
  addTotalLine(ws, cols, {
    1: '合计',
    [at('金额（元）')]: t.rewards.amount_fen + t.fines.amount_fen,
    [at('已兑现（元）')]: t.rewards.settled_fen + t.fines.settled_fen,
    [at('未兑现（元）')]: t.rewards.outstanding_fen + t.fines.outstanding_fen,
  });
  addNoteLine(
    ws,
    cols.length,
    `${lead}其中奖励 ${t.rewards.count} 项 ${capitalYuan(t.rewards.amount_fen)}；罚款 ${t.fines.count} 项 ${capitalYuan(t.fines.amount_fen)}`,
  );
  addSignature(ws, cols.length, sign);
}

export async function rewardsAndSanctionsWorkbook(r: RS, sign: Signature): Promise<Buffer> {
  const wb = newWorkbook();
  const heading = `${r.county_name}${r.fp_year}年度人口和计划生育层级动态管理责任制奖惩兑现表`;
  type Sum = { zh: string; t: ReportTotals };
  const sums: Sum[] = [...r.groups.map((g) => ({ zh: g.zh, t: g.totals })), { zh: '合计', t: r.totals }];
  const summary = addTable<Sum>(
    wb,
    '汇总',
    heading,
    [
      { header: '类别', width: 16, value: (s) => s.zh },
      { header: '奖励（项）', width: 9, kind: 'int', value: (s) => s.t.rewards.count },
      { header: '奖励金额（元）', width: 14, kind: 'yuan', value: (s) => s.t.rewards.amount_fen },
      { header: '已支付（元）', width: 14, kind: 'yuan', value: (s) => s.t.rewards.settled_fen },
      { header: '未支付（元）', width: 14, kind: 'yuan', value: (s) => s.t.rewards.outstanding_fen },
      { header: '罚款（项）', width: 9, kind: 'int', value: (s) => s.t.fines.count },
      { header: '罚款金额（元）', width: 14, kind: 'yuan', value: (s) => s.t.fines.amount_fen },
      { header: '已收缴（元）', width: 14, kind: 'yuan', value: (s) => s.t.fines.settled_fen },
      { header: '未收缴（元）', width: 14, kind: 'yuan', value: (s) => s.t.fines.outstanding_fen },
      { header: '一票否决（项）', width: 12, kind: 'int', value: (s) => s.t.vetoes },
      { header: '组织处理建议（项）', width: 16, kind: 'int', value: (s) => s.t.personnel_actions },
      { header: '荣誉、奖牌（项）', width: 14, kind: 'int', value: (s) => s.t.honours },
    ],
    sums,
  );
  summary.lastRow!.font = { bold: true };
  addNoteLine(summary, 12, `奖励合计（大写）：${r.rewards_capital}`, true);
  addNoteLine(summary, 12, `罚款合计（大写）：${r.fines_capital}`, true);
  addNoteLine(
    summary,
    12,
    `依据：${r.fp_year}年度奖惩决定 ${r.decision.id}（${r.decision.confirmed_at.slice(0, 10)} 确认）；兑现情况截至 ${r.on}；罚款缴纳期限 ${r.decision.fines_due_on}`,
  );
  addSignature(summary, 12, sign);
  for (const g of r.groups)
    linesSheet(wb, g.zh, `${heading}——${g.zh}`, lineCols(g.group === 'person'), g.lines, g.totals, '', sign);
  // 镇级办法: each town pack's (七) consequences on a sheet of their own, apart from the county's.
  const groupZh = new Map(r.groups.map((g) => [g.group, g.zh]));
  for (const [i, t] of r.towns.entries())
    linesSheet(
      wb,
      `镇级办法${r.towns.length > 1 ? i + 1 : ''}`,
      `${heading}——镇级办法：${t.section_zh}（${t.town_name}）`,
      [{ header: '类别', width: 10, value: (l) => groupZh.get(l.group) ?? l.group }, ...lineCols(true)],
      t.groups.flatMap((g) => g.lines),
      t.totals,
      `${t.title}，镇自定的奖惩，在县的奖惩之外另行兑现，不计入县的合计。`,
      sign,
    );
  if (r.withheld.length) {
    const cols: Col<WithheldLine>[] = [
      { header: '对象', width: 14, value: (w) => w.subject.name },
      { header: '编号', width: 14, value: (w) => w.subject.id },
      { header: '奖惩项目', width: 16, value: (w) => w.type_zh },
      { header: '条款', width: 12, value: (w) => w.clause_label },
      { header: '金额（元）', width: 12, kind: 'yuan', value: (w) => w.amount_fen },
      { header: '说明', width: 26, value: (w) => w.detail },
      { header: '暂缓兑现原因', width: 40, value: (w) => w.reason_zh },
    ];
    const ws = addTable(wb, '暂缓兑现', `${heading}——暂缓兑现`, cols, r.withheld);
    addSignature(ws, cols.length, sign);
  }
  return workbookBuffer(wb);
}

type Row = { block: StatementBlock; line: StatementLine };

export async function statementWorkbook(s: Statement, sign: Signature): Promise<Buffer> {
  const wb = newWorkbook();
  const cols: Col<Row>[] = [
    { header: '款项编号', width: 12, value: (r) => r.block.obligation.id.slice(0, 8) },
    { header: '对象', width: 12, value: (r) => r.block.obligation.subject.name },
    { header: '款项', width: 8, value: (r) => r.block.obligation.kind_zh },
    {
      header: '条款',
      width: 12,
      value: (r) => `${r.block.obligation.clause_label}（${r.block.obligation.clause}）`,
    },
    { header: '日期', width: 12, value: (r) => r.line.date },
    { header: '摘要', width: 12, value: (r) => r.line.kind_zh },
    { header: '金额（元）', width: 14, kind: 'yuan', value: (r) => r.line.amount_fen },
    { header: '收据号', width: 14, value: (r) => r.line.receipt_no },
    { header: '余额（元）', width: 14, kind: 'yuan', value: (r) => r.line.balance_fen },
    { header: '备注', width: 30, value: (r) => r.line.note },
    // 县级办法, or a town pack's (七) short name: 东风镇办法.
    { header: '来源', width: 14, value: (r) => r.block.obligation.source_zh },
  ];
  const rows = s.blocks.flatMap((block) => block.lines.map((line) => ({ block, line })));
  const ws = addTable(
    wb,
    '对账单',
    `${s.county_name}${s.fp_year}年度罚款和奖金对账单——${s.subject.name}`,
    cols,
    rows,
  );
  const f = s.totals.fines;
  const w = s.totals.rewards;
  addTotalLine(ws, cols, {
    1: '罚款合计',
    6: '核定',
    7: f.assessed_fen,
    9: f.outstanding_fen - f.overpaid_fen,
  });
  addTotalLine(ws, cols, { 1: '', 6: '收缴', 7: f.collected_fen });
  addTotalLine(ws, cols, { 1: '', 6: '扣除', 7: f.deducted_fen });
  addTotalLine(ws, cols, { 1: '', 6: '退还', 7: f.refunded_fen });
  addTotalLine(ws, cols, { 1: '', 6: '上缴', 7: f.remitted_fen });
  addTotalLine(ws, cols, {
    1: '奖金合计',
    6: '核定',
    7: w.assessed_fen,
    9: w.outstanding_fen - w.overpaid_fen,
  });
  addTotalLine(ws, cols, { 1: '', 6: '支付', 7: w.paid_fen });
  addNoteLine(
    ws,
    cols.length,
    `尚欠罚款（大写）：${s.fines_outstanding_capital}；应付未付奖金（大写）：${s.rewards_outstanding_capital}；已收未缴财政（大写）：${s.held_capital}`,
    true,
  );
  addNoteLine(ws, cols.length, `截至 ${s.on}`);
  addSignature(ws, cols.length, sign);
  return workbookBuffer(wb);
}

type ORow = { unit: Overdue['units'][number]['unit']; line: OverdueLine };

export async function overdueWorkbook(o: Overdue, sign: Signature): Promise<Buffer> {
  const wb = newWorkbook();
  const heading = `${o.county_name}${o.fp_year}年度逾期未缴罚款（截至${o.on}）`;
  const cols: Col<ORow>[] = [
    { header: '执罚单位', width: 14, value: (r) => r.unit.name },
    { header: '姓名', width: 10, value: (r) => r.line.person.name },
    { header: '条款', width: 12, value: (r) => r.line.clause_label },
    { header: '条款编号', width: 10, value: (r) => r.line.clause },
    { header: '应缴（元）', width: 12, kind: 'yuan', value: (r) => r.line.assessed_fen },
    { header: '已缴（元）', width: 12, kind: 'yuan', value: (r) => r.line.settled_fen },
    { header: '尚欠（元）', width: 12, kind: 'yuan', value: (r) => r.line.outstanding_fen },
    { header: '缴纳期限', width: 12, value: (r) => r.line.due_on },
    { header: '逾期天数', width: 10, kind: 'int', value: (r) => r.line.days_overdue },
    // 县级办法, or a town pack's (七) short name.
    { header: '来源', width: 14, value: (r) => r.line.source_zh },
  ];
  const rows = o.units.flatMap((u) => u.lines.map((line) => ({ unit: u.unit, line })));
  const ws = addTable(wb, '逾期罚款', heading, cols, rows);
  addTotalLine(ws, cols, { 1: '合计', 7: o.total_fen });
  addSignature(ws, cols.length, sign);
  type U = Overdue['units'][number];
  const unitCols: Col<U>[] = [
    { header: '执罚单位', width: 16, value: (u) => u.unit.name },
    { header: '逾期笔数', width: 10, kind: 'int', value: (u) => u.lines.length },
    { header: '可从拨款中扣除（元）', width: 20, kind: 'yuan', value: (u) => u.deductible_fen },
    { header: '金额大写', width: 30, value: (u) => u.deductible_capital },
  ];
  const byUnit = addTable(wb, '可扣拨款', `${heading}——县财政可从拨款中扣除（八）`, unitCols, o.units);
  addTotalLine(byUnit, unitCols, { 1: '合计', 3: o.total_fen, 4: o.total_capital });
  addSignature(byUnit, unitCols.length, sign);
  return workbookBuffer(wb);
}
