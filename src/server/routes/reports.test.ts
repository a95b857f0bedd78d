// The reports end to end through the API, on SQLite and PostgreSQL, after the example year is
// evaluated and its decision confirmed, and some fines collected and rewards paid: the 奖惩兑现表
// adds up to the result, its workbook opens with its Chinese headers, statements add up, overdue
// fines appear after the deadline, receipts print; and the refusals.

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../../test/support/files.ts';
import { COUNTY, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { capitalYuan } from '../../domain/money.ts';
import type { ZerenResult } from '../../domain/result.ts';
import { confirmDecision } from '../../store/decisions.ts';
import { evaluateYear } from '../../store/evaluations.ts';
import { move, reverse } from '../../store/ledger-moves.ts';
import { listObligations } from '../../store/ledger-views.ts';
import { DIALECTS } from '../../store/testing.ts';

const reports = `/api/v1/counties/${COUNTY}/years/2009/reports`;
/** The total of a result's rewards or fines, in fen (a zeren-result/1 gives whole yuan). */
const sum = (r: ZerenResult, type: string) =>
  r.consequences.filter((c) => c.type === type).reduce((s, c) => s + (c.amount_yuan ?? 0) * 100, 0);

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}
const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(3).values as unknown[]).slice(1);

for (const dialect of DIALECTS) {
  describe(`reports on ${dialect}`, () => {
    let k: Kit;
    let result: ZerenResult;
    const entries: Record<string, string> = {};

    beforeAll(async () => {
      k = await workflowKit(dialect);
    });
    afterAll(async () => k?.close());

    it('answers 404 with a clear message while the year has no decision', async () => {
      const r = await k.as('office', { url: `${reports}/rewards-and-sanctions` });
      expect(r.statusCode).toBe(404);
      expect(r.json().error).toMatchObject({
        code: 'not_found',
        zh: expect.stringContaining('尚无确认的奖惩决定'),
        en: expect.stringContaining('no confirmed decision'),
      });
      expect((await k.as('office', { url: `${reports}/rewards-and-sanctions.xlsx` })).statusCode).toBe(404);
    });

    // Every test below runs on the year as this sets it up; each may run alone.
    describe('once the year is decided, fines collected and remitted, a reward paid, a mistake reversed', () => {
      beforeAll(async () => {
        k.setClock('2009-12-21T08:00:00Z');
        const ev = await evaluateYear(k.ctx, k.office, COUNTY, 2009);
        result = ev.result;
        await confirmDecision(k.ctx, k.office, COUNTY, 2009, {
          evaluation_id: ev.receipt.id,
          fines_due_on: '2010-03-31',
        });
        k.setClock('2010-02-01T08:00:00Z');
        const list = await listObligations(k.ctx, k.office, COUNTY, 2009);
        const find = (subject: string, clause: string) =>
          list.find((o) => o.subject.id === subject && o.clause === clause)!.id;
        const finance = {
          ...k.office,
          role: 'finance' as const,
          actor: { name: 'finance1', role: 'finance' },
        };
        const wu = await move(
          k.ctx,
          k.office,
          find('p-wu', '4.2.2'),
          'collect',
          { amount_fen: 150000, receipt_no: 'R-001', on: '2010-01-10' },
          'collect-wu-1',
        );
        entries.collect = wu.body.entries!.at(-1)!.id;
        await move(
          k.ctx,
          k.office,
          find('p-wu', '4.2.2'),
          'remit',
          { amount_fen: 150000, on: '2010-01-15' },
          'remit-wu-01',
        );
        await move(
          k.ctx,
          k.office,
          find('p-feng', '4.2.2'),
          'collect',
          { amount_fen: 50000, receipt_no: 'R-002', on: '2010-01-12' },
          'collect-feng1',
        );
        const chen = await move(
          k.ctx,
          k.office,
          find('p-chen', '4.2.2'),
          'collect',
          { amount_fen: 30000, receipt_no: 'R-003', on: '2010-01-13' },
          'collect-chen1',
        );
        entries.reversed = chen.body.entries!.at(-1)!.id;
        await reverse(k.ctx, k.office, entries.reversed, '误录', 'reverse-chen1');
        const paid = await move(
          k.ctx,
          finance,
          find('p-zhang', '3.1.1'),
          'pay',
          { amount_fen: 200000, receipt_no: 'V-001', on: '2010-01-20' },
          'pay-zhang-01',
        );
        entries.pay = paid.body.entries!.at(-1)!.id;
        entries.assess = paid.body.entries![0]!.id;
      });

      it('奖惩兑现表: every consequence of the decision, the totals equal to the result, settlement from the ledger', async () => {
        const r = await k.as('finance', { url: `${reports}/rewards-and-sanctions?on=2010-02-01` });
        expect(r.statusCode).toBe(200);
        const t = r.json();
        expect(t.groups.map((g: { zh: string }) => g.zh)).toEqual([
          '镇（场）',
          '村（社区、工区）',
          '县直单位',
          '个人',
        ]);
        expect(t.groups.flatMap((g: { lines: unknown[] }) => g.lines)).toHaveLength(
          result.consequences.length,
        );
        expect(t.totals.rewards).toMatchObject({
          count: 28,
          amount_fen: sum(result, 'reward'),
          settled_fen: 200000,
          outstanding_fen: sum(result, 'reward') - 200000,
        });
        expect(t.totals.fines).toMatchObject({
          count: 14,
          amount_fen: sum(result, 'fine'),
          settled_fen: 200000,
          outstanding_fen: sum(result, 'fine') - 200000,
        });
        expect(t.rewards_capital).toBe(capitalYuan(sum(result, 'reward')));
        const person = t.groups[3].lines;
        expect(
          person.find(
            (l: { subject: { id: string }; clause: string; type: string }) =>
              l.subject.id === 'p-wu' && l.clause === '4.2.2' && l.type === 'fine',
          ),
        ).toMatchObject({
          clause_label: '四（二）2',
          amount_fen: 150000,
          state: 'collected',
          state_zh: '已收缴',
          unit: { id: 't-xishan', name: '西山镇' },
        });
        expect(
          person.find(
            (l: { subject: { id: string }; type: string; clause: string }) =>
              l.subject.id === 'p-zhang' && l.clause === '3.1.1',
          ),
        ).toMatchObject({ state: 'paid', settled_fen: 200000 });
        expect(
          person.find(
            (l: { subject: { id: string }; type: string }) =>
              l.subject.id === 'p-xu' && l.type === 'admonishment_talk',
          ),
        ).toMatchObject({ clause_label: '四（三）2（2）', state: 'pending' });
        expect(t.decision).toMatchObject({ fines_due_on: '2010-03-31' });
      });

      it('奖惩兑现表 as a workbook: one sheet per group and a 汇总, Chinese headers, amounts with two decimals', async () => {
        const r = await k.as('office', { url: `${reports}/rewards-and-sanctions.xlsx` });
        expect(r.statusCode).toBe(200);
        expect(r.headers['content-type']).toBe(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
        expect(r.headers['content-disposition']).toContain(
          `filename*=UTF-8''${encodeURIComponent('奖惩兑现表-清水县-2009.xlsx')}`,
        );
        const wb = await workbook(r.rawPayload);
        expect(wb.worksheets.map((w) => w.name)).toEqual([
          '汇总',
          '镇（场）',
          '村（社区、工区）',
          '县直单位',
          '个人',
          '暂缓兑现',
        ]);
        // The rewards withheld under I4, each with its reason in Chinese, not the code.
        const held = wb.getWorksheet('暂缓兑现')!;
        expect(headers(held)).toEqual([
          '对象',
          '编号',
          '奖惩项目',
          '条款',
          '金额（元）',
          '说明',
          '暂缓兑现原因',
        ]);
        const reasons = new Set<string>();
        for (let i = 4; i < 4 + result.withheld.length; i++)
          reasons.add(String(held.getRow(i).getCell(7).value));
        expect([...reasons]).toEqual(['所在单位本计生年度被评先评优一票否决，暂不兑现（解释I4）']);
        const summary = wb.getWorksheet('汇总')!;
        expect(headers(summary)).toEqual(
          expect.arrayContaining(['类别', '奖励金额（元）', '罚款金额（元）', '一票否决（项）']),
        );
        const total = summary.getRow(8);
        expect(total.getCell(1).value).toBe('合计');
        expect(total.getCell(3).value).toBe(sum(result, 'reward') / 100);
        expect(total.getCell(7).value).toBe(sum(result, 'fine') / 100);
        expect(summary.getColumn(3).numFmt).toBe('#,##0.00');
        expect(summary.getRow(9).getCell(1).value).toBe(
          `奖励合计（大写）：${capitalYuan(sum(result, 'reward'))}`,
        );
        const people = wb.getWorksheet('个人')!;
        expect(headers(people)).toEqual([
          '姓名',
          '人员编号',
          '所在单位',
          '职务（关系）',
          '奖惩项目',
          '条款',
          '条款编号',
          '适用条款',
          '金额（元）',
          '已兑现（元）',
          '未兑现（元）',
          '兑现状态',
          '说明',
        ]);
        expect(people.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
        expect(people.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
        expect(people.getColumn(1).width).toBe(14);
      });

      it('statements: every entry with its running balance, adding up to the totals, in figures and in capitals', async () => {
        const r = await k.as('xishan', { url: `${reports}/statement?on=2010-02-01` });
        expect(r.statusCode).toBe(200);
        const s = r.json();
        expect(s.subject).toMatchObject({ kind: 'unit', id: 't-xishan' });
        const wu = s.blocks.find(
          (b: { obligation: { subject: { id: string } } }) => b.obligation.subject.id === 'p-wu',
        );
        expect(
          wu.lines.map((l: Record<string, unknown>) => [
            l.date,
            l.kind_zh,
            l.amount_fen,
            l.receipt_no,
            l.balance_fen,
          ]),
        ).toEqual([
          ['2009-12-21', '核定', 150000, null, 150000],
          ['2010-01-10', '收缴', 150000, 'R-001', 0],
          ['2010-01-15', '上缴', 150000, null, 0],
        ]);
        const chen = s.blocks.find(
          (b: { obligation: { subject: { id: string } } }) => b.obligation.subject.id === 'p-chen',
        );
        expect(
          chen.lines.map((l: { kind_zh: string; balance_fen: number }) => [l.kind_zh, l.balance_fen]),
        ).toEqual([
          ['核定', 150000],
          ['收缴', 120000],
          ['冲正（收缴）', 150000],
        ]);
        const fines = s.blocks.filter((b: { obligation: { kind: string } }) => b.obligation.kind === 'fine');
        const owed = fines.reduce((a: number, b: { balance_fen: number }) => a + b.balance_fen, 0);
        expect(owed).toBe(s.totals.fines.outstanding_fen - s.totals.fines.overpaid_fen);
        for (const b of s.blocks) expect(b.lines.at(-1).balance_fen).toBe(b.balance_fen);
        expect(s.totals.fines).toMatchObject({
          collected_fen: 200000,
          remitted_fen: 150000,
          held_fen: 50000,
        });
        expect(s.fines_outstanding_capital).toBe(capitalYuan(s.totals.fines.outstanding_fen));
        expect(s.held_capital).toBe('伍佰元整');
        const person = (await k.as('office', { url: `${reports}/statement?person=p-zhang` })).json();
        expect(person.totals.rewards).toMatchObject({ paid_fen: 200000 });
        expect(
          person.blocks.every(
            (b: { obligation: { subject: { id: string } } }) => b.obligation.subject.id === 'p-zhang',
          ),
        ).toBe(true);

        const x = await k.as('office', { url: `${reports}/statement.xlsx?unit=t-xishan` });
        expect(x.statusCode).toBe(200);
        const ws = (await workbook(x.rawPayload)).getWorksheet('对账单')!;
        expect(headers(ws)).toEqual([
          '款项编号',
          '对象',
          '款项',
          '条款',
          '日期',
          '摘要',
          '金额（元）',
          '收据号',
          '余额（元）',
          '备注',
          '来源',
        ]);
        const texts = ws
          .getSheetValues()
          .flat()
          .filter((v): v is string => typeof v === 'string');
        expect(texts.some((v) => v.startsWith('尚欠罚款（大写）：'))).toBe(true);
      });

      it('keeps a town to its own statements', async () => {
        expect((await k.as('xishan', { url: `${reports}/statement?unit=t-dongfeng` })).statusCode).toBe(404);
        expect((await k.as('dongfeng', { url: `${reports}/statement?person=p-wu` })).statusCode).toBe(404);
        expect((await k.as('dongfeng', { url: `${reports}/statement.xlsx?unit=t-xishan` })).statusCode).toBe(
          404,
        );
        expect((await k.as('dongfeng', { url: `${reports}/statement?unit=v-hongxing` })).statusCode).toBe(
          200,
        );
        const both = await k.as('office', { url: `${reports}/statement?unit=t-xishan&person=p-wu` });
        expect(both.statusCode).toBe(422);
        expect(both.json().error.problems[0]).toMatchObject({ path: 'person', code: 'exclusive' });
        const none = await k.as('office', { url: `${reports}/statement` });
        expect(none.json().error.problems[0]).toMatchObject({ path: 'unit', code: 'required' });
        expect((await k.as('dongfeng', { url: `${reports}/rewards-and-sanctions` })).statusCode).toBe(403);
      });

      it('lists fines past their deadline by collecting unit, with what may be deducted (八)', async () => {
        const before = (await k.as('office', { url: `${reports}/overdue?on=2010-03-31` })).json();
        expect(before.units).toEqual([]);
        const r = (await k.as('finance', { url: `${reports}/overdue?on=2010-04-15` })).json();
        const xishan = r.units.find((u: { unit: { id: string } }) => u.unit.id === 't-xishan');
        expect(xishan.lines.map((l: { person: { id: string } }) => l.person.id)).not.toContain('p-wu');
        expect(
          xishan.lines.find(
            (l: { person: { id: string }; clause: string }) =>
              l.person.id === 'p-feng' && l.clause === '4.2.2',
          ),
        ).toMatchObject({
          outstanding_fen: 100000,
          overdue_fen: 100000,
          settled_fen: 50000,
          days_overdue: 15,
        });
        expect(xishan.deductible_fen).toBe(
          xishan.lines.reduce((a: number, l: { overdue_fen: number }) => a + l.overdue_fen, 0),
        );
        expect(r.total_fen).toBe(sum(result, 'fine') - 200000);
        const mine = (await k.as('dongfeng', { url: `${reports}/overdue?on=2010-04-15` })).json();
        expect(mine.units.map((u: { unit: { id: string } }) => u.unit.id)).toEqual([]);
        const x = await k.as('office', { url: `${reports}/overdue.xlsx?on=2010-04-15` });
        const wb = await workbook(x.rawPayload);
        expect(wb.worksheets.map((w) => w.name)).toEqual(['逾期罚款', '可扣拨款']);
        expect(headers(wb.getWorksheet('可扣拨款')!)).toEqual([
          '执罚单位',
          '逾期笔数',
          '可从拨款中扣除（元）',
          '金额大写',
        ]);
      });

      it('lays out every workbook as an office table: title, 单位：元, 宋体/仿宋, 制表人 line, Chinese labels', async () => {
        for (const url of [
          `${reports}/rewards-and-sanctions.xlsx`,
          `${reports}/statement.xlsx?unit=t-xishan`,
          `${reports}/overdue.xlsx?on=2010-04-15`,
        ]) {
          const wb = await workbook((await k.as('office', { url })).rawPayload);
          for (const ws of wb.worksheets) {
            const at = `${url} ${ws.name}`;
            expect(String(ws.getCell('A1').value), at).toMatch(/^清水县2009年度/);
            expect(ws.getCell('A1').font, at).toMatchObject({ name: '宋体', size: 16, bold: true });
            expect(ws.getCell('A2').value, at).toBe('单位：元');
            expect(ws.getCell('A2').font, at).toMatchObject({ name: '仿宋' });
            expect(ws.getCell('A3').font, at).toMatchObject({ name: '宋体', bold: true });
            expect(ws.getCell('A4').font, at).toMatchObject({ name: '宋体' });
            // (A merged cell reads as its first cell's value: each text once.)
            const sign = new Set((ws.getRow(ws.rowCount).values as unknown[]).filter(Boolean));
            expect([...sign], at).toEqual([
              // The test's office account has no display name: the line is left to sign, never the login.
              '制表人：',
              '审核人：',
              expect.stringMatching(/^日期：\d{4}年\d{1,2}月\d{1,2}日$/),
            ]);
            const texts = ws
              .getSheetValues()
              .flat()
              .filter((v): v is string => typeof v === 'string');
            expect(
              texts.filter((t) => /[\u3400-\u9fff] ?[,:;()!?"]|[,:;()!?"] ?[\u3400-\u9fff]/.test(t)),
              at,
            ).toEqual([]);
            // A code a person would not read (`partly_paid`, `not_submitted`): every one has its label.
            expect(
              texts.filter((t) => /\b[a-z]+_[a-z_]+\b/.test(t)),
              at,
            ).toEqual([]);
          }
        }
      });

      it('prints receipts of collections and payments, scoped like the obligation', async () => {
        const r = await k.as('xishan', { url: `/api/v1/ledger-entries/${entries.collect}/receipt.docx` });
        expect(r.statusCode).toBe(200);
        const text = docxText(r.rawPayload);
        for (const s of [
          '收款收据',
          '编号：R-001',
          '吴书记',
          '西山镇',
          '四（二）2',
          '人民币壹仟伍佰元整（1,500.00元）',
          '2010年1月10日',
        ])
          expect(text).toContain(s);
        // Three copies: 存根, 收据, 记账; an amount is never written ¥…元.
        for (const copy of ['第一联　存根', '第二联　收据（交缴款人）', '第三联　记账'])
          expect(text).toContain(copy);
        expect(text).not.toContain('¥');
        const pay = docxText(
          (await k.as('finance', { url: `/api/v1/ledger-entries/${entries.pay}/receipt.docx` })).rawPayload,
        );
        for (const s of ['奖金领款收据', 'V-001', '张书记', '清水县财政局', '贰仟元整'])
          expect(pay).toContain(s);
        expect(
          (await k.as('dongfeng', { url: `/api/v1/ledger-entries/${entries.collect}/receipt.docx` }))
            .statusCode,
        ).toBe(404);
        const assess = await k.as('office', { url: `/api/v1/ledger-entries/${entries.assess}/receipt.docx` });
        expect(assess.statusCode).toBe(422);
        expect(
          (await k.as('office', { url: `/api/v1/ledger-entries/${entries.reversed}/receipt.docx` }))
            .statusCode,
        ).toBe(409);
      });
    });
  });
}
