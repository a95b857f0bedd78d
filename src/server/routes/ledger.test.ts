// Corrections and the fines ledger through the API, on SQLite and PostgreSQL. A fine paid and
// remitted survives a correction that lowers it: the payment stays with it, and the finance
// bureau refunds the difference (the unit holds nothing to refund). A fine a correction raises
// owes only the increase, due by the correction's own deadline: not overdue at birth, not
// deductible before then. After a deduction the unit recovers the fine from the person. The
// overdue list as of a day uses the balances of that day.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, example, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { DIALECTS } from '../../store/testing.ts';

const Y = `/api/v1/counties/${COUNTY}/years/2009`;
const post = (url: string, payload: object, key: string) => ({
  method: 'POST' as const,
  url,
  payload,
  headers: { 'idempotency-key': key },
});

/** The decided year: 卫支书 also stationed at 上岭村 (四(二)2: 1,500 as a stationed cadre, I9). */
function decided() {
  const c = example();
  c.links.push({ kind: 'stationed', person: 'p-wei', village: 'v-shangling' });
  return c;
}
/** The corrected year: 卫支书 only a village cadre (1,000); 杨主任 also stationed at 下营社区 (1,200 → 1,500). */
function corrected() {
  const c = example();
  c.links.push({ kind: 'stationed', person: 'p-yang', village: 'v-xiaying' });
  return c;
}

for (const dialect of DIALECTS)
  describe(`corrections and the ledger on ${dialect}`, () => {
    let k: Kit;
    let decision = '';
    const fine = async (person: string, clause: string, on?: string) => {
      const r = await k.as('office', {
        url: `${Y}/obligations?kind=fine&person=${person}${on ? `&on=${on}` : ''}`,
      });
      return r.json().items.find((o: { clause: string }) => o.clause === clause);
    };
    const confirm = async (facts: object, body: Record<string, string>) => {
      expect((await k.as('office', { method: 'PUT', url: `${Y}/case`, payload: facts })).statusCode).toBe(
        200,
      );
      const ev = await k.as('office', { method: 'POST', url: `${Y}/evaluations`, payload: {} });
      return k.as('office', {
        method: 'POST',
        url: `${Y}/decisions`,
        payload: { evaluation_id: ev.json().receipt.id, ...body },
      });
    };

    beforeAll(async () => {
      k = await workflowKit(dialect);
      k.setClock('2009-12-20T04:00:00Z');
      const d = await confirm(decided(), { fines_due_on: '2010-03-31' });
      expect(d.statusCode, d.body).toBe(201);
      decision = d.json().id;
    });
    afterAll(async () => k?.close());

    it('collects and remits a fine, deducts another past its deadline, and the unit recovers it from the person', async () => {
      k.setClock('2010-01-10T04:00:00Z');
      const wei = await fine('p-wei', '4.2.2');
      expect(wei.balance).toMatchObject({ assessed_fen: 150000, outstanding_fen: 150000 });
      const paid = await k.as(
        'xishan',
        post(
          `/api/v1/obligations/${wei.id}/collect`,
          { amount_fen: 150000, receipt_no: 'XS-001' },
          'wei-collect-1',
        ),
      );
      expect(paid.statusCode, paid.body).toBe(201);
      await k.as(
        'xishan',
        post(`/api/v1/obligations/${wei.id}/remit`, { amount_fen: 150000 }, 'wei-remit-1'),
      );

      k.setClock('2010-04-10T04:00:00Z');
      const yang = await fine('p-yang', '4.3.1.6');
      expect(yang.balance).toMatchObject({ outstanding_fen: 120000, overdue_fen: 120000 });
      const deducted = await k.as(
        'finance',
        post(
          `/api/v1/obligations/${yang.id}/deduct`,
          { amount_fen: 120000, on: '2010-04-10' },
          'yang-deduct-1',
        ),
      );
      expect(deducted.json().balance).toMatchObject({
        deducted_fen: 120000,
        outstanding_fen: 0,
        recoverable_fen: 120000,
      });
      const tooMuch = await k.as(
        'xishan',
        post(
          `/api/v1/obligations/${yang.id}/recover`,
          { amount_fen: 120001, receipt_no: 'XS-002' },
          'yang-recover-0',
        ),
      );
      expect(tooMuch.json().error.problems[0]).toMatchObject({ path: 'amount_fen', code: 'balance' });
      const recovered = await k.as(
        'xishan',
        post(
          `/api/v1/obligations/${yang.id}/recover`,
          { amount_fen: 120000, receipt_no: 'XS-002' },
          'yang-recover-1',
        ),
      );
      expect(recovered.statusCode, recovered.body).toBe(201);
      expect(recovered.json().balance).toMatchObject({
        recovered_fen: 120000,
        recoverable_fen: 0,
        outstanding_fen: 0,
      });
      expect(recovered.json().entries.at(-1)).toMatchObject({
        kind: 'recover',
        unit_id: 't-xishan',
        receipt_no: 'XS-002',
      });
    });

    it('refuses a correction whose deadline is before the day it is made', async () => {
      k.setClock('2010-05-10T04:00:00Z');
      const r = await confirm(corrected(), {
        fines_due_on: '2010-05-01',
        supersedes: decision,
        reason: '县政府常务会议更正驻村干部名单',
      });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.problems[0]).toMatchObject({ path: 'fines_due_on', code: 'range' });
      expect((await k.as('office', { url: `${Y}/decisions` })).json().items).toHaveLength(1);
    });

    it('keeps a payment with its fine through a correction: only the difference is refunded, by the finance bureau', async () => {
      const r = await confirm(corrected(), {
        fines_due_on: '2010-06-30',
        supersedes: decision,
        reason: '县政府常务会议更正驻村干部名单',
      });
      expect(r.statusCode, r.body).toBe(201);
      const wei = await fine('p-wei', '4.2.2');
      expect(wei.balance).toMatchObject({
        assessed_fen: 100000,
        collected_fen: 150000,
        remitted_fen: 150000,
        outstanding_fen: 0,
        overdue_fen: 0,
        overpaid_fen: 50000,
        held_fen: 0,
        finance_held_fen: 150000,
      });
      expect(wei.due_on).toBe('2010-03-31');
      const byUnit = await k.as(
        'xishan',
        post(`/api/v1/obligations/${wei.id}/refund`, { amount_fen: 50000 }, 'wei-refund-1'),
      );
      expect(byUnit.statusCode).toBe(422);
      expect(byUnit.json().error.problems[0].zh).toContain('财政局退还');
      const deduct = await k.as(
        'finance',
        post(`/api/v1/obligations/${wei.id}/deduct`, { amount_fen: 100 }, 'wei-deduct-1'),
      );
      expect(deduct.json().error.problems[0]).toMatchObject({ path: 'amount_fen', code: 'balance' });
      const over = await k.as(
        'finance',
        post(`/api/v1/obligations/${wei.id}/finance-refund`, { amount_fen: 50001 }, 'wei-frefund-0'),
      );
      expect(over.json().error.problems[0]).toMatchObject({ path: 'amount_fen', code: 'balance' });
      const refunded = await k.as(
        'finance',
        post(
          `/api/v1/obligations/${wei.id}/finance-refund`,
          { amount_fen: 50000, note: '退还本人' },
          'wei-frefund-1',
        ),
      );
      expect(refunded.statusCode, refunded.body).toBe(201);
      expect(refunded.json().balance).toMatchObject({
        finance_refunded_fen: 50000,
        overpaid_fen: 0,
        outstanding_fen: 0,
        finance_held_fen: 100000,
      });
      expect(refunded.json().entries.map((e: { kind: string }) => e.kind)).toEqual([
        'assess',
        'collect',
        'remit',
        'reverse',
        'assess',
        'finance_refund',
      ]);
      expect(
        (
          await k.as(
            'xishan',
            post(`/api/v1/obligations/${wei.id}/finance-refund`, { amount_fen: 1 }, 'wei-frefund-2'),
          )
        ).statusCode,
      ).toBe(403);
    });

    it('gives a raised fine the correction’s deadline for the increase: not overdue at birth, not deductible before it', async () => {
      const yang = await fine('p-yang', '4.3.1.6');
      expect(yang.balance).toMatchObject({
        assessed_fen: 150000,
        deducted_fen: 120000,
        outstanding_fen: 30000,
        overdue_fen: 0,
      });
      expect(yang.due_on).toBe('2010-06-30');
      const early = await k.as(
        'finance',
        post(
          `/api/v1/obligations/${yang.id}/deduct`,
          { amount_fen: 30000, on: '2010-05-10' },
          'yang-deduct-2',
        ),
      );
      expect(early.json().error.problems[0]).toMatchObject({ path: 'on', code: 'not_due' });
      expect(early.json().error.problems[0].zh).toContain('2010-06-30');
      const overdue = (await k.as('finance', { url: `${Y}/reports/overdue?on=2010-05-10` })).json();
      expect(JSON.stringify(overdue)).not.toContain('p-yang');
      const later = (await k.as('finance', { url: `${Y}/reports/overdue?on=2010-07-01` })).json();
      const line = later.units
        .flatMap((u: { lines: object[] }) => u.lines)
        .find((l: { person: { id: string } }) => l.person.id === 'p-yang');
      expect(line).toMatchObject({ outstanding_fen: 30000, overdue_fen: 30000, due_on: '2010-06-30' });
      k.setClock('2010-07-02T04:00:00Z');
      const late = await k.as(
        'finance',
        post(
          `/api/v1/obligations/${yang.id}/deduct`,
          { amount_fen: 30000, on: '2010-07-01' },
          'yang-deduct-3',
        ),
      );
      expect(late.statusCode, late.body).toBe(201);
      expect(late.json().balance).toMatchObject({ deducted_fen: 150000, recoverable_fen: 30000 });
    });

    it('lists overdue fines as of a day with the balances of that day', async () => {
      const feng = await fine('p-feng', '4.2.2');
      const collected = await k.as(
        'xishan',
        post(
          `/api/v1/obligations/${feng.id}/collect`,
          { amount_fen: 150000, receipt_no: 'XS-003', on: '2010-06-01' },
          'feng-collect-1',
        ),
      );
      expect(collected.statusCode, collected.body).toBe(201);
      const lines = async (on: string) =>
        (await k.as('finance', { url: `${Y}/reports/overdue?on=${on}` }))
          .json()
          .units.flatMap((u: { lines: { person: { id: string }; clause: string }[] }) => u.lines)
          .filter(
            (l: { person: { id: string }; clause: string }) =>
              l.person.id === 'p-feng' && l.clause === '4.2.2',
          );
      expect(await lines('2010-05-15')).toMatchObject([{ outstanding_fen: 150000, settled_fen: 0 }]);
      expect(await lines('2010-06-02')).toEqual([]);
      expect((await fine('p-feng', '4.2.2', '2010-05-15')).balance).toMatchObject({
        collected_fen: 0,
        overdue_fen: 150000,
      });
      const balances = (await k.as('finance', { url: `${Y}/balances?on=2010-05-15` })).json();
      const person = balances.people.find((p: { id: string }) => p.id === 'p-feng');
      expect(person).toMatchObject({ name: expect.any(String), fines: { collected_fen: 0 } });
    });
  });
