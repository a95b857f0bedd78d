// The evaluation routes as the 奖惩评定 screen reads them, on SQLite and PostgreSQL: an
// evaluation with its view (lines, totals, clauses, readings), a town's view of its own part only,
// a what-if's and a diff's changes, confirming and correcting with names, a receipt's verdict.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, example, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { getEvaluation } from '../../store/evaluations.ts';
import { DIALECTS } from '../../store/testing.ts';

const Y = `/api/v1/counties/${COUNTY}/years/2009`;

for (const dialect of DIALECTS)
  describe(`evaluation routes on ${dialect}`, () => {
    let k: Kit;
    let id = '';
    beforeAll(async () => {
      k = await workflowKit(dialect);
      k.setClock('2009-12-21T08:00:00Z');
    });
    afterAll(async () => k?.close());

    it('evaluates and answers the result with its view: lines, totals in fen, clauses, readings', async () => {
      const r = await k.as('office', { method: 'POST', url: `${Y}/evaluations`, payload: {} });
      expect(r.statusCode, r.body).toBe(201);
      const { receipt, result, view } = r.json();
      id = receipt.id;
      expect(receipt.created_by_name).toBe('office1');
      expect(view.lines).toHaveLength(result.consequences.length + result.withheld.length);
      const rewards = result.consequences
        .filter((c: { type: string }) => c.type === 'reward')
        .reduce((s: number, c: { amount_yuan: number }) => s + c.amount_yuan * 100, 0);
      expect(view.totals.all.rewards_fen).toBe(rewards);
      expect(view.readings).toHaveLength(13);
      expect(Object.keys(view.clauses)).toContain('4.2.2');
      expect(view.lines.find((l: { withheld: boolean }) => l.withheld).reason_zh).toContain('一票否决');
      // The typed answer drops nothing of the stored zeren-result/1.
      expect(result).toEqual((await getEvaluation(k.ctx, k.office, id)).result);
      const again = await k.as('auditor', { url: `/api/v1/evaluations/${id}` });
      expect(again.json().view).toEqual(view);
      const list = await k.as('finance', { url: `${Y}/evaluations` });
      expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([id]);
    });

    it('shows a county unit only its own lines', async () => {
      const r = (await k.as('gongan', { url: `/api/v1/evaluations/${id}` })).json();
      expect(r.view.lines.length).toBeGreaterThan(0);
      const units = r.view.lines.filter((l: { subject: { kind: string } }) => l.subject.kind === 'unit');
      expect(units.length).toBeGreaterThan(0);
      expect(units.map((l: { subject: { id: string } }) => l.subject.id)).toEqual(
        units.map(() => 'u-gongan'),
      );
      expect(r.view.totals.all.lines + r.view.totals.all.withheld).toBe(r.view.lines.length);
    });

    it("shows a town only its own town's part", async () => {
      const r = (await k.as('xishan', { url: `/api/v1/evaluations/${id}` })).json();
      const all = (await k.as('office', { url: `/api/v1/evaluations/${id}` })).json();
      expect(r.view.lines.length).toBeGreaterThan(0);
      expect(r.view.lines.length).toBeLessThan(all.view.lines.length);
      const units = r.view.lines.filter((l: { subject: { kind: string } }) => l.subject.kind === 'unit');
      const xishan = example()
        .units.filter((u: { id: string; town?: string }) => u.id === 't-xishan' || u.town === 't-xishan')
        .map((u: { id: string }) => u.id);
      for (const l of units) expect(xishan).toContain(l.subject.id);
      expect(r.view.lines.some((l: { subject: { id: string } }) => l.subject.id === 't-dongfeng')).toBe(
        false,
      );
      expect(
        (await k.as('xishan', { method: 'POST', url: `${Y}/what-if`, payload: { interpretations: {} } }))
          .statusCode,
      ).toBe(403);
      expect((await k.as('xishan', { url: `/api/v1/evaluations/${id}/verify` })).statusCode).toBe(403);
    });

    it('pairs the changes of a what-if and of a diff between runs', async () => {
      const w = await k.as('office', {
        method: 'POST',
        url: `${Y}/what-if`,
        payload: { interpretations: { I4: 'no-effect' } },
      });
      expect(w.statusCode, w.body).toBe(200);
      const changes = w.json().changes;
      expect(changes.length).toBe(w.json().diff.withheld_removed.length);
      expect(changes.every((c: { change_zh: string }) => c.change_zh === '恢复兑现')).toBe(true);
      k.setClock('2009-12-21T09:00:00Z');
      await k.as('office', {
        method: 'POST',
        url: `${Y}/evaluations`,
        payload: { interpretations: { I10: 'two-committees-only' } },
      });
      const list = (await k.as('office', { url: `${Y}/evaluations` })).json().items;
      const d = await k.as('auditor', { url: `/api/v1/evaluations/${list[0].id}/diff?against=previous` });
      expect(d.statusCode, d.body).toBe(200);
      expect(
        d
          .json()
          .changes.map((c: { change: string; before: { subject: { name: string } } }) => [
            c.change,
            c.before.subject.name,
          ]),
      ).toEqual([['removed', expect.any(String)]]);
    });

    it('names who confirmed a decision and which is in force; a receipt verifies in words', async () => {
      const first = await k.as('office', {
        method: 'POST',
        url: `${Y}/decisions`,
        payload: { evaluation_id: id, fines_due_on: '2010-03-31' },
      });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ confirmed_by_name: 'office1', in_force: true, supersedes: null });
      const second = await k.as('office', {
        method: 'POST',
        url: `${Y}/decisions`,
        payload: {
          evaluation_id: id,
          fines_due_on: '2010-03-31',
          supersedes: first.json().id,
          reason: '复核更正',
        },
      });
      expect(second.statusCode, second.body).toBe(201);
      const items = (await k.as('dongfeng', { url: `${Y}/decisions` })).json().items;
      expect(items.map((d: { in_force: boolean; reason: string | null }) => [d.in_force, d.reason])).toEqual([
        [false, null],
        [true, '复核更正'],
      ]);
      const one = (await k.as('dongfeng', { url: `/api/v1/decisions/${second.json().id}` })).json();
      expect(one.decision.supersedes).toBe(first.json().id);
      expect(one.result.consequences.length).toBeGreaterThan(0);
      const v = (await k.as('auditor', { url: `/api/v1/evaluations/${id}/verify` })).json();
      expect(v).toMatchObject({ reproduces: true, case_intact: true });
      expect(v.verdict_zh).toMatch(/^复核一致：/);
    });
  });
