// A town's own pack (七) through the API, on SQLite and PostgreSQL: the administrator sets it for
// a town; the office's evaluation answers its result in a section of its own, titled with the
// pack's short name and citing the town's clauses, the county's view unchanged; a town sees its
// own part of it only.

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { SYSTEM } from '../../store/audit.ts';
import { DIALECTS } from '../../store/testing.ts';
import { createToken } from '../../store/tokens.ts';
import { createUser } from '../../store/users.ts';
import { visibleText } from '../../workflows/documents/docx-reading.ts';

const Y = `/api/v1/counties/${COUNTY}/years/2009`;
const PACKS = `/api/v1/counties/${COUNTY}/town-packs`;
const REPORTS = `${Y}/reports`;
const TOWN_PACK = 'example-town-dongfeng';
interface Line {
  subject: { id: string };
  clause: string;
  clause_label: string;
}

for (const dialect of DIALECTS)
  describe(`town packs through the API on ${dialect}`, () => {
    let k: Kit;
    let admin = '';
    let evaluation = '';
    let townMoney = 0;
    const asAdmin = (opts: Parameters<Kit['as']>[1]) =>
      k.app.inject({ ...opts, headers: { authorization: `Bearer ${admin}` } });
    beforeAll(async () => {
      k = await workflowKit(dialect);
      k.setClock('2009-12-21T08:00:00Z');
      const u = await createUser(k.ctx, SYSTEM, {
        username: 'admin1',
        password: 'workflow password',
        role: 'admin',
        county: null,
      });
      admin = (await createToken(k.ctx, u, 'test')).token;
    });
    afterAll(async () => k?.close());

    it('is set by the administrator, and read by the office', async () => {
      const none = await k.as('office', { url: PACKS });
      expect(none.statusCode, none.body).toBe(200);
      expect(none.json().items).toEqual([]);
      expect(none.json().packs.map((p: { id: string }) => p.id)).toContain(TOWN_PACK);
      const body = { packs: [{ pack: TOWN_PACK, from_year: 2009 }] };
      expect(
        (await k.as('office', { method: 'PUT', url: `${PACKS}/t-dongfeng`, payload: body })).statusCode,
      ).toBe(403);
      const bad = await asAdmin({
        method: 'PUT',
        url: `${PACKS}/t-dongfeng`,
        payload: { packs: [{ pack: 'x', from_year: 2009 }] },
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('packs[0].pack');
      const r = await asAdmin({ method: 'PUT', url: `${PACKS}/t-dongfeng`, payload: body });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().items).toMatchObject([{ town: 't-dongfeng', town_name: '东风镇', pack: TOWN_PACK }]);
      expect((await k.as('auditor', { url: PACKS })).json().items).toHaveLength(1);
    });

    it("answers an evaluation's town-pack result in its own section, citing the town's clauses", async () => {
      const r = await k.as('office', { method: 'POST', url: `${Y}/evaluations`, payload: {} });
      expect(r.statusCode, r.body).toBe(201);
      const { receipt, result, view, towns } = r.json();
      expect(receipt.policy).toBe('county-fp-2009');
      // The county's lines cite the county's clauses only.
      expect(view.lines).toHaveLength(result.consequences.length + result.withheld.length);
      expect(view.lines.some((l: Line) => l.clause_label.includes('东风镇办法'))).toBe(false);
      expect(towns).toHaveLength(1);
      const [t] = towns;
      expect(t).toMatchObject({
        town: 't-dongfeng',
        town_name: '东风镇',
        pack: TOWN_PACK,
        section_zh: '东风镇办法（镇级）',
      });
      expect(t.result.policy).toBe(TOWN_PACK);
      expect(t.view.lines.length).toBe(t.result.consequences.length);
      expect(t.view.lines.length).toBeGreaterThan(0);
      for (const l of t.view.lines as Line[]) expect(l.clause_label).toMatch(/^东风镇办法[二三四]$/);
      expect(t.view.clauses['2'].label).toBe('东风镇办法二');
      expect(t.view.totals.all.rewards_fen).toBeGreaterThan(0);

      const again = (await k.as('auditor', { url: `/api/v1/evaluations/${receipt.id}` })).json();
      expect(again.towns).toEqual(towns);
      // 西山镇 sees none of 东风镇's town-pack lines; 东风镇 sees all of them.
      const xishan = (await k.as('xishan', { url: `/api/v1/evaluations/${receipt.id}` })).json();
      expect(xishan.towns[0].view.lines).toEqual([]);
      const dongfeng = (await k.as('dongfeng', { url: `/api/v1/evaluations/${receipt.id}` })).json();
      expect(dongfeng.towns[0].view.lines).toHaveLength(t.view.lines.length);
      evaluation = receipt.id;
      // The receipt's check re-runs the town pack's result too.
      const check = (await k.as('auditor', { url: `/api/v1/evaluations/${receipt.id}/verify` })).json();
      expect(check.reproduces).toBe(true);
      expect(check.towns).toEqual([
        { town: 't-dongfeng', pack: TOWN_PACK, reproduces: true, same_pack: true },
      ]);
      expect(check.verdict_zh).toContain('镇级办法的 1 项结果复核一致');
      townMoney = t.result.consequences.filter((c: { type: string }) =>
        ['fine', 'reward'].includes(c.type),
      ).length;
    });

    it("keeps a confirmed decision's town-pack rewards and fines in the ledger with their source", async () => {
      const d = await k.as('office', {
        method: 'POST',
        url: `${Y}/decisions`,
        payload: { evaluation_id: evaluation, fines_due_on: '2010-03-31' },
      });
      expect(d.statusCode, d.body).toBe(201);
      const all = (await k.as('office', { url: `${Y}/obligations` })).json();
      expect(all.choices.sources).toEqual([
        { id: 'county', name: '县级办法' },
        { id: TOWN_PACK, name: '东风镇办法' },
      ]);
      const town = (await k.as('office', { url: `${Y}/obligations?source=${TOWN_PACK}` })).json();
      expect(town.items).toHaveLength(townMoney);
      for (const o of town.items) {
        expect(o.source_pack).toBe(TOWN_PACK);
        expect(o.source_zh).toBe('东风镇办法');
        expect(o.clause_label).toMatch(/^东风镇办法[二三四]$/);
      }
      const county = (await k.as('office', { url: `${Y}/obligations?source=county` })).json();
      expect(county.total + town.total).toBe(all.total);
      for (const o of county.items) expect(o.source_zh).toBe('县级办法');
      // The balances of one 来源 add up to the whole.
      const B = `${Y}/balances`;
      const whole = (await k.as('office', { url: B })).json();
      expect(whole.sources).toEqual(all.choices.sources);
      const mine = (await k.as('office', { url: `${B}?source=${TOWN_PACK}` })).json();
      const theirs = (await k.as('office', { url: `${B}?source=county` })).json();
      expect(mine.source).toBe(TOWN_PACK);
      expect(mine.county.rewards.assessed_fen).toBeGreaterThan(0);
      expect(mine.county.fines.assessed_fen).toBe(0);
      expect(mine.county.rewards.assessed_fen + theirs.county.rewards.assessed_fen).toBe(
        whole.county.rewards.assessed_fen,
      );
    });

    it("lists the town pack's consequences under 镇级办法 in the 奖惩兑现表 and its workbook, and says the 来源 in statements", async () => {
      const r = await k.as('office', { url: `${REPORTS}/rewards-and-sanctions` });
      expect(r.statusCode, r.body).toBe(200);
      const rs = r.json();
      const county = rs.groups.flatMap((g: { lines: Line[] }) => g.lines);
      expect(county.some((l: Line) => l.clause_label.includes('东风镇办法'))).toBe(false);
      expect(rs.towns).toHaveLength(1);
      const [t] = rs.towns;
      expect(t).toMatchObject({ town: 't-dongfeng', pack: TOWN_PACK, section_zh: '东风镇办法（镇级）' });
      const lines = t.groups.flatMap((g: { lines: Line[] }) => g.lines);
      expect(lines).toHaveLength(townMoney);
      for (const l of lines) expect(l.clause_label).toMatch(/^东风镇办法[二三四]$/);
      // Each town-pack line is settled from its own obligation.
      for (const l of lines) expect(l.obligation_id).not.toBeNull();
      expect(t.totals.rewards.amount_fen).toBeGreaterThan(0);

      const x = await k.as('office', { url: `${REPORTS}/rewards-and-sanctions.xlsx` });
      expect(x.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('镇级办法')!;
      expect(String(ws.getCell('A1').value)).toContain('镇级办法：东风镇办法（镇级）（东风镇）');
      const texts = ws.getSheetValues().flat().map(String);
      expect(texts).toContain('东风镇办法二');
      // The county's sheets cite none of the town's clauses.
      expect(wb.getWorksheet('个人')!.getSheetValues().flat().map(String)).not.toContain('东风镇办法二');

      const st = (await k.as('office', { url: `${REPORTS}/statement?person=p-zhang` })).json();
      const sources = st.blocks.map((b: { obligation: { source_zh: string } }) => b.obligation.source_zh);
      expect(sources).toContain('东风镇办法');
      const own = st.blocks.find(
        (b: { obligation: { source_pack: string | null } }) => b.obligation.source_pack,
      );
      expect(own.obligation.clause_label).toBe('东风镇办法二');
      // The overdue list says each fine's 来源 (the example town pack gives rewards only).
      const overdue = (await k.as('office', { url: `${REPORTS}/overdue?on=2010-04-15` })).json();
      const late = overdue.units.flatMap((u: { lines: { source_zh: string }[] }) => u.lines);
      expect(late.length).toBeGreaterThan(0);
      for (const l of late) expect(l.source_zh).toBe('县级办法');
    });

    it("cites the town pack's rules in the papers of its money: the reward notice and the pay slip", async () => {
      const town = (await k.as('office', { url: `${Y}/obligations?source=${TOWN_PACK}&kind=reward` })).json();
      const o = town.items.find((x: { subject: { id: string } }) => x.subject.id === 'v-qiaotou');
      const notice = await k.as('office', { url: `/api/v1/obligations/${o.id}/notice.docx` });
      expect(notice.statusCode, notice.body).toBe(200);
      const text = visibleText(notice.rawPayload);
      expect(text).toContain('依照《东风镇人口和计划生育村级工作考核奖惩办法（示例）》二');
      expect(text).toContain('镇另奖励该村1000元');
      const paid = await k.as('finance', {
        method: 'POST',
        url: `/api/v1/obligations/${o.id}/pay`,
        headers: { 'idempotency-key': 'town-pay-1' },
        payload: { amount_fen: o.balance.outstanding_fen, receipt_no: 'T-1' },
      });
      expect(paid.statusCode, paid.body).toBeLessThan(300);
      const pay = paid.json().entries.find((x: { kind: string }) => x.kind === 'pay');
      const slip = await k.as('office', { url: `/api/v1/ledger-entries/${pay.id}/receipt.docx` });
      expect(slip.statusCode, slip.body).toBe(200);
      expect(visibleText(slip.rawPayload)).toContain(
        '依据《东风镇人口和计划生育村级工作考核奖惩办法（示例）》二',
      );
    });
    it("takes the town's own monthly checks of its villages, in the town pack's words, and no one else's", async () => {
      const A = `/api/v1/counties/${COUNTY}/assessments`;
      const monthly = (subject: string) => ({
        fp_year: 2009,
        by: 'town',
        kind: 'monthly_check',
        subject,
        outcome: 'monthly_unqualified',
      });
      const outside = await k.as('office', { method: 'POST', url: A, payload: monthly('v-shangling') });
      expect(outside.statusCode, outside.body).toBe(422);
      expect(outside.body).toContain('not_in_town');
      expect(outside.body).toContain('subject');
      const ok = await k.as('office', { method: 'POST', url: A, payload: monthly('v-hongxing') });
      expect(ok.statusCode, ok.body).toBe(201);
      const year = await k.as('office', { url: `${Y}/assessments` });
      expect(year.statusCode, year.body).toBe(200);
      // Labelled in the town pack's words.
      expect(
        year
          .json()
          .items.filter((a: { by: string }) => a.by === 'town')
          .map((a: Record<string, string>) => [a.kind, a.by_zh, a.kind_zh, a.outcome_zh]),
      ).toEqual([['monthly_check', '镇（场）', '月度检查', '不合格']]);
      const r = await k.as('office', { method: 'POST', url: `${Y}/evaluations`, payload: {} });
      expect(r.statusCode, r.body).toBe(201);
      const five = r.json().towns[0].result.consequences.filter((c: Line) => c.clause === '5');
      expect(five.length).toBeGreaterThan(0);
      expect(r.json().result.consequences.some((c: Line) => c.clause === '5')).toBe(false);
    });
  });
