// Personnel through the API, on SQLite and PostgreSQL: the recommendations of the decision with
// their Chinese labels, clause and subject name; what the deciding authority did; a person found
// by name; and every restriction in force on a day, award vetoes included, each with its dates
// and clause; a town kept to its own people.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { confirmDecision } from '../../store/decisions.ts';
import { evaluateYear } from '../../store/evaluations.ts';
import { DIALECTS } from '../../store/testing.ts';

const Y = `/api/v1/counties/${COUNTY}/years/2009`;
const restrictions = (person: string, on: string) =>
  `/api/v1/counties/${COUNTY}/people/${person}/restrictions?on=${on}`;

for (const dialect of DIALECTS) {
  describe(`personnel on ${dialect}`, () => {
    let k: Kit;
    beforeAll(async () => {
      k = await workflowKit(dialect); // today is 2009-12-01
      const ev = await evaluateYear(k.ctx, k.office, COUNTY, 2009);
      await confirmDecision(k.ctx, k.office, COUNTY, 2009, {
        evaluation_id: ev.receipt.id,
        fines_due_on: '2010-03-31',
      });
    });
    afterAll(async () => k?.close());

    it('lists the recommendations with labels, clauses and names, and records what was decided', async () => {
      const r = await k.as('office', { url: `${Y}/personnel-actions?person=p-wu` });
      expect(r.statusCode).toBe(200);
      const items = r.json().items as Record<string, any>[];
      const freeze = items.find((a) => a.type === 'transfer_promotion_freeze')!;
      expect(freeze).toMatchObject({
        subject: { kind: 'person', id: 'p-wu', name: '吴书记' },
        type_zh: '一年内不得平级调动、提拔',
        clause: '4.2.2',
        clause_label: expect.stringMatching(/^四/),
        status: 'pending',
        status_zh: '待决定',
        records: [],
      });
      const rec = await k.as('office', {
        method: 'POST',
        url: `/api/v1/personnel-actions/${freeze.id}/records`,
        payload: { outcome: 'adopted', authority: '中共清水县委组织部', decided_on: '2009-12-01' },
      });
      expect(rec.statusCode).toBe(201);
      expect(rec.json()).toMatchObject({
        outcome: 'adopted',
        outcome_zh: '已采纳执行',
        recorded_by: 'office1',
      });
      const after = (await k.as('office', { url: `${Y}/personnel-actions?person=p-wu` })).json();
      expect(after.items.find((a: { id: string }) => a.id === freeze.id)).toMatchObject({
        status: 'adopted',
        status_zh: '已采纳执行',
        records: [{ authority: '中共清水县委组织部', outcome_zh: '已采纳执行' }],
      });
      const bad = await k.as('office', {
        method: 'POST',
        url: `/api/v1/personnel-actions/${freeze.id}/records`,
        payload: { outcome: 'adopted', authority: ' ', decided_on: '2009-12-01' },
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.problems[0].path).toBe('authority');
    });

    it('searches the recommendations by name, kind and status, a page at a time', async () => {
      const all = (await k.as('office', { url: `${Y}/personnel-actions` })).json();
      expect(all.total).toBe(all.items.length);
      expect(all.types.map((t: { type: string }) => t.type)).toContain('transfer_promotion_freeze');
      const wu = (
        await k.as('office', { url: `${Y}/personnel-actions?q=${encodeURIComponent('吴')}` })
      ).json();
      expect(new Set(wu.items.map((a: { subject: { name: string } }) => a.subject.name))).toEqual(
        new Set(['吴书记']),
      );
      const freezes = (
        await k.as('office', { url: `${Y}/personnel-actions?type=transfer_promotion_freeze&status=pending` })
      ).json();
      expect(freezes.total).toBeGreaterThan(1);
      for (const a of freezes.items)
        expect(a).toMatchObject({ type: 'transfer_promotion_freeze', status: 'pending' });
      const page2 = (await k.as('office', { url: `${Y}/personnel-actions?limit=2&offset=2` })).json();
      expect(page2.items.map((a: { id: string }) => a.id)).toEqual(
        all.items.slice(2, 4).map((a: { id: string }) => a.id),
      );
      expect(page2.total).toBe(all.total);
      expect((await k.as('office', { url: `${Y}/personnel-actions?status=lost` })).statusCode).toBe(400);
    });

    it('finds a person by name', async () => {
      const r = await k.as('office', { url: `/api/v1/counties/${COUNTY}/people?name=许` });
      expect(r.json().items.map((p: { id: string }) => p.id)).toEqual(['p-xu']);
    });

    it('answers with every restriction in force, award vetoes included, with dates and clauses', async () => {
      const xu = (await k.as('office', { url: restrictions('p-xu', '2010-06-01') })).json();
      expect(xu.person_name).toBe('许局长');
      expect(xu.may_transfer_or_promote).toBe(true);
      expect(
        xu.restrictions.map((r: Record<string, unknown>) => [r.kind, r.clause, r.applies, r.from, r.until]),
      ).toEqual([
        ['award_veto', '4.2.4', null, '2008-10-01', '2010-09-30'],
        ['award_veto', '4.3.2.2', '4.3.1.3', '2008-10-01', '2010-09-30'],
      ]);
      expect(xu.restrictions[1]).toMatchObject({
        kind_zh: '评先评优一票否决',
        blocks_transfer_or_promotion: false,
        status_zh: '决定已生效',
      });
      expect(xu.restrictions[1].zh).toMatch(
        /^依据四.+（按四.+），2008-10-01至2010-09-30评先评优一票否决（决定已生效）$/,
      );
      // After the year the decision was made in, the vetoes no longer hold.
      expect((await k.as('office', { url: restrictions('p-xu', '2010-10-01') })).json().restrictions).toEqual(
        [],
      );

      const wu = (await k.as('office', { url: restrictions('p-wu', '2010-06-01') })).json();
      expect(wu.may_transfer_or_promote).toBe(false);
      expect(
        wu.restrictions.map((r: Record<string, unknown>) => [
          r.kind,
          r.from,
          r.until,
          r.blocks_transfer_or_promotion,
        ]),
      ).toEqual([
        ['transfer_promotion_freeze', '2009-12-20', '2010-12-19', true],
        ['appraisal_cap', '2008-10-01', '2010-09-30', false],
      ]);
      expect(wu.restrictions[0].status_zh).toBe('已采纳执行');
    });

    it('keeps a town to its own people', async () => {
      expect((await k.as('dongfeng', { url: restrictions('p-xu', '2010-06-01') })).statusCode).toBe(404);
      expect((await k.as('gongan', { url: restrictions('p-xu', '2010-06-01') })).statusCode).toBe(200);
      const own = (await k.as('dongfeng', { url: `${Y}/personnel-actions` })).json();
      expect(own.items.some((a: { subject: { id: string } }) => a.subject.id === 'p-xu')).toBe(false);
    });
  });
}
