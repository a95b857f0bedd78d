// Every document of the example county, read back from its DOCX on SQLite and PostgreSQL: what
// each says (the one matter of a notice, the deadline, the clauses, the amounts in figures and
// capitals, who pays where, who decides), that the text has no ASCII punctuation in Chinese,
// no login names and no internal ids, that a correction is its own 决定 naming the one it
// corrects, and that a document once issued prints the same whatever changes after.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmbCapital } from '../../domain/money.ts';
import { loadEngine } from '../../policy/load.ts';
import { confirmDecision, currentDecision } from '../../store/decisions.ts';
import { evaluateYear } from '../../store/evaluations.ts';
import { updateFact } from '../../store/facts.ts';
import { keptText } from '../../store/kept-text.ts';
import { listObligations } from '../../store/ledger-views.ts';
import { DIALECTS } from '../../store/testing.ts';
import { unitName } from './common.ts';
import { decisionDocument } from './decision.ts';
import { visibleText } from './docx-reading.ts';
import { DOC_KINDS, type DocKind } from './model.ts';
import { obligationNotice } from './money-notices.ts';
import { noticeDocument } from './notice.ts';
import { deciderOf } from './personnel.ts';
import { issueSamples, SAMPLE_COUNTY, type Samples } from './samples.ts';
import { asciiPunctuationInChinese } from './zh.ts';

const county = SAMPLE_COUNTY;

/** Each “人民币… （1,234.50元）” or “1,234.50元（人民币…）” pair: the capitals of the figure. */
function capitalPairs(text: string): [string, string][] {
  const fen = (s: string) => Math.round(Number(s.replace(/,/g, '')) * 100);
  return [
    ...[...text.matchAll(/(人民币[^（）\n]+)（([\d,]+\.\d{2})元）/g)].map((m) => [
      m[1]!,
      rmbCapital(fen(m[2]!)),
    ]),
    ...[...text.matchAll(/([\d,]+\.\d{2})元（(人民币[^（）\n]+)）/g)].map((m) => [
      m[2]!,
      rmbCapital(fen(m[1]!)),
    ]),
  ] as [string, string][];
}

for (const dialect of DIALECTS)
  describe(`documents on ${dialect}`, () => {
    let s: Samples;
    const text: Partial<Record<DocKind, string>> = {};
    beforeAll(async () => {
      s = await issueSamples(dialect);
      for (const [kind, doc] of Object.entries(s.documents)) text[kind as DocKind] = visibleText(doc.body);
    });
    afterAll(async () => s?.store.drop());

    it('issues every kind of document', () => {
      expect(Object.keys(s.documents).sort()).toEqual(Object.keys(DOC_KINDS).sort());
    });

    it('writes Chinese with full-width punctuation, people by name, no login names or internal ids', () => {
      for (const [kind, t] of Object.entries(text)) {
        expect(asciiPunctuationInChinese(t!), kind).toEqual([]);
        expect(t, kind).not.toMatch(/office1|finance1|\bp-[a-z]+|\b[tvu]-[a-z]+|[0-9a-f]{8}-[0-9a-f]{4}-/);
        expect(t, kind).not.toContain('¥');
        expect(t, kind).not.toMatch(/[「」]/);
        for (const [written, want] of capitalPairs(t!)) expect(written, kind).toBe(want);
      }
      expect(capitalPairs(text.decision!)).toHaveLength(2);
    });

    it('the decision: tables by town, village, county unit and person with their clauses, totals in capitals', async () => {
      const t = text.decision!;
      expect(s.documents.decision!.number).toBe('清人考〔2009〕2号');
      for (const part of [
        '一、奖励',
        '二、处罚',
        '三、奖惩金额合计',
        '四、执行要求',
        '（一）镇（场）',
        '（四）个人',
      ])
        expect(t).toContain(part);
      expect(t).not.toContain('适用的解释');
      expect(t).toMatch(/吴书记\n西山镇党委书记\n[^\n]*罚款[^\n]*\n1,500\.00\n四（二）2/);
      expect(t).toContain('东风镇红星村');
      const c = await currentDecision(s.ctx.db, county, 2009);
      const result = JSON.parse(
        keptText(
          (
            await s.ctx.db
              .selectFrom('evaluations')
              .select('result_json')
              .where('id', '=', c!.evaluation_id)
              .executeTakeFirstOrThrow()
          ).result_json,
        ),
      ) as { consequences: { type: string; amount_yuan?: number }[] };
      const sum = (type: string) =>
        result.consequences
          .filter((x) => x.type === type)
          .reduce((a, x) => a + (x.amount_yuan ?? 0) * 100, 0);
      expect(t).toContain(`（${rmbCapital(sum('reward'))}）`);
      expect(t).toContain(`（${rmbCapital(sum('fine'))}）`);
      expect(t).toContain('于2010年3月31日前上缴县财政局');
      expect(t).toContain('暂缓（不予）兑现');
      expect(t).toContain('所在单位本年度被评先评优一票否决（解释I4）');
    });

    it('the warning notice: the one matter, the deadline, 四（三）2（2) quoted, a 回执', () => {
      const t = text.warning_notice!;
      expect(t).toContain('东风镇红星村党支部、村（居）委会：');
      expect(t).toContain('你单位在春季集中服务活动工作中');
      expect(t).not.toMatch(/你单位[^。]*(弄虚作假|任务不完成)/);
      expect(t).toContain('请你单位于2009年3月31日前完成整改');
      expect(t).toContain('“连续二次下发警示通知书的镇（场）、村（社区、工区）、县直单位');
      expect(t).toContain('警示通知书回执');
      expect(t).toContain('抄送：东风镇党委、政府。');
    });

    it('the fine notice says how much, why, where and by when; the receipt names its clerk', () => {
      expect(text.fine_notice).toContain('吴书记同志：');
      expect(text.fine_notice).toContain('对你处以罚款1,500.00元（人民币壹仟伍佰元整）');
      expect(text.fine_notice).toContain('请于2010年3月31日前到西山镇缴纳');
      expect(text.fine_notice).toContain('（清人考〔2009〕2号）');
      expect(text.reward_notice).toContain('给予你奖励2,000.00元（人民币贰仟元整）');
      expect(text.reward_notice).toContain('清水县财政局兑现');
      for (const copy of ['第一联　存根', '第二联　收据（交缴款人）', '第三联　记账'])
        expect(text.receipt).toContain(copy);
      expect(text.receipt).toContain('经办人：王志刚');
      expect(text.payment_receipt).toContain('经办人：张丽');
      expect(text.remittance).toMatch(/缴款单位\n西山镇/);
      expect(text.remittance).toMatch(/收款单位\n清水县财政局/);
      expect(s.documents.deduction_notice!.number).toBe('清财〔2010〕1号');
      expect(text.deduction_notice).toContain('县公安局：');
      expect(text.deduction_notice).toContain('现从你单位拨款中扣缴罚款2,000.00元（人民币贰仟元整）');
    });

    it('personnel: a talk notice with time and place to fill in, a letter to the authority that decides', () => {
      expect(text.admonishment_notice).toContain('许局长同志：');
      expect(text.admonishment_notice).toContain('谈话时间：');
      expect(text.admonishment_notice).toContain('县公安局一把手许局长同志进行诫勉谈话');
      expect(text.personnel_letter).toContain('关于对杨主任同志实行“三停”的建议函');
      expect(text.personnel_letter).toContain('西山镇党委：');
      expect(text.personnel_letter).toContain(
        '建议对西山镇下营社区党支部书记杨主任同志实行“三停”（停职、停薪、停工作）',
      );
    });

    it('addresses the authority that appoints the person', async () => {
      const names = {
        units: new Map([
          ['t', { name: '东风镇', kind: 'town', town: null }],
          ['v', { name: '红星村', kind: 'village', town: 't' }],
          ['u', { name: '县教育局', kind: 'county_unit', town: null }],
        ]),
        people: new Map(),
        words: loadEngine().vocabulary,
      };
      const person = { kind: 'person', id: 'x' };
      expect(deciderOf(names, person, { unit: 't', role: 'party_secretary' })).toBe('县委组织部');
      expect(deciderOf(names, person, { unit: 't', role: 'cadre' })).toBe('东风镇党委');
      expect(deciderOf(names, person, { unit: 'v', role: 'branch_secretary' })).toBe('东风镇党委');
      expect(deciderOf(names, person, { unit: 'u', role: 'head' })).toBe('县委组织部');
      expect(deciderOf(names, { kind: 'unit', id: 'u' }, undefined)).toBe('县教育局的上级主管部门');
      expect(unitName(names, 'v')).toBe('东风镇红星村');
    });

    it('prints an issued document the same, whatever changes after', async () => {
      await updateFact(s.ctx, s.office, county, 'warning_notices', 'n1', { matter: '秋季集中服务活动' });
      await updateFact(s.ctx, s.office, county, 'people', 'p-wu', { name: '吴建国' });
      const again = await noticeDocument(s.ctx, s.office, county, 'n1');
      expect(Buffer.compare(again.body, s.documents.warning_notice!.body)).toBe(0);
      expect(again.number).toBe('清人考〔2009〕1号');
      const decision = await currentDecision(s.ctx.db, county, 2009);
      const reprint = await decisionDocument(s.ctx, s.office, decision!.id);
      expect(Buffer.compare(reprint.body, s.documents.decision!.body)).toBe(0);
    });

    it('a correction is its own 决定: it names the one it corrects and why, and the readings it changed', async () => {
      const before = await currentDecision(s.ctx.db, county, 2009);
      const ev = await evaluateYear(s.ctx, s.office, county, 2009, { I2: 'sampled-villages-only' });
      const correction = await confirmDecision(s.ctx, s.office, county, 2009, {
        evaluation_id: ev.receipt.id,
        fines_due_on: '2010-05-31',
        supersedes: before!.id,
        reason: '驻村干部的范围应按抽中村计算',
      });
      const doc = await decisionDocument(s.ctx, s.office, correction.id);
      const t = visibleText(doc.body);
      expect(doc.number).toBe('清人考〔2010〕1号');
      expect(t).toContain('关于更正2009年度人口和计划生育工作层级动态管理责任制奖惩决定的决定');
      expect(t).toContain(
        '本办2009年12月21日印发的《关于2009年度人口和计划生育工作层级动态管理责任制奖惩的决定》（清人考〔2009〕2号），因驻村干部的范围应按抽中村计算，需予更正',
      );
      expect(t).toContain('适用的解释');
      expect(t).toMatch(/I2：[^\n]*本年度采用“仅驻抽中村的干部”，默认解释为“抽中镇（场）所有村的驻村干部”/);
      expect(asciiPunctuationInChinese(t)).toEqual([]);
      // The notice of a fine follows the decision in force: a new notice, citing the correction.
      const wu = (await listObligations(s.ctx, s.office, county, 2009)).find(
        (o) => o.subject.id === 'p-wu' && o.clause === '4.2.2',
      )!;
      const notice = await obligationNotice(s.ctx, s.office, wu.id);
      expect(notice.number).toBe('清人考〔2010〕2号');
      expect(visibleText(notice.body)).toContain('（清人考〔2010〕1号）');
      // The fine is the same under the correction, so it keeps its deadline (a correction gives a
      // new deadline only to a new or increased fine).
      expect(wu.due_on).toBe('2010-03-31');
      expect(visibleText(notice.body)).toContain('请于2010年3月31日前');
    });
  });
