// The fines screen's reading of the ledger through the API, on SQLite and PostgreSQL: each
// obligation with its status in Chinese, names and town; filters by town, unit, clause, status
// and name; paging with totals over every match; an obligation's entries labelled; balances by
// person, unit, town and county that add up; a town sees only its own.

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
type Row = {
  id: string;
  kind: string;
  status: string;
  status_zh: string;
  town: string | null;
  clause: string;
  subject: { name: string };
  balance: Record<string, number>;
};
type Sums = { fines: Record<string, number>; rewards: Record<string, number> };

for (const dialect of DIALECTS)
  describe(`the obligations screen’s API on ${dialect}`, () => {
    let k: Kit;
    const list = async (who: 'office' | 'xishan' | 'finance', q = '') => {
      const r = await k.as(who, { url: `${Y}/obligations?${q}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { total: number; items: Row[]; totals: Sums; choices: Record<string, unknown[]> };
    };

    beforeAll(async () => {
      k = await workflowKit(dialect);
      k.setClock('2009-12-20T04:00:00Z');
      expect((await k.as('office', { method: 'PUT', url: `${Y}/case`, payload: example() })).statusCode).toBe(
        200,
      );
      const ev = await k.as('office', { method: 'POST', url: `${Y}/evaluations`, payload: {} });
      const d = await k.as('office', {
        method: 'POST',
        url: `${Y}/decisions`,
        payload: { evaluation_id: ev.json().receipt.id, fines_due_on: '2010-03-31' },
      });
      expect(d.statusCode, d.body).toBe(201);
    });
    afterAll(async () => k?.close());

    it('pages the obligations with their status in Chinese, and totals over every match', async () => {
      const all = await list('office');
      expect(all.total).toBe(all.items.length);
      expect(all.items.every((o) => o.status === 'due' && ['应缴', '应付'].includes(o.status_zh))).toBe(true);
      const first = await list('office', 'limit=2&offset=0');
      const second = await list('office', 'limit=2&offset=2');
      expect(first.total).toBe(all.total);
      expect([...first.items, ...second.items].map((o) => o.id)).toEqual(
        all.items.slice(0, 4).map((o) => o.id),
      );
      expect(first.totals).toEqual(all.totals);
      const fines = all.items.filter((o) => o.kind === 'fine');
      expect(all.totals.fines.assessed_fen).toBe(fines.reduce((t, o) => t + o.balance.assessed_fen!, 0));
      expect(all.choices.clauses).toContainEqual({ id: '4.2.2', label: '四（二）2' });
    });

    it('filters by town, unit, clause, name and status; a town sees its own only', async () => {
      const all = await list('office', 'kind=fine');
      const towns = [...new Set(all.items.map((o) => o.town))];
      expect(towns).toContain('t-xishan');
      const xishan = await list('office', 'kind=fine&town=t-xishan');
      expect(xishan.total).toBe(all.items.filter((o) => o.town === 't-xishan').length);
      expect((await list('office', 'kind=fine&unit=t-xishan')).total).toBe(xishan.total);
      const own = await list('xishan', 'kind=fine');
      expect(own.items.map((o) => o.id)).toEqual(xishan.items.map((o) => o.id));
      expect(own.choices.towns).toEqual([{ id: 't-xishan', name: expect.any(String) }]);
      const clause = all.items[0]!.clause;
      const byClause = await list('office', `kind=fine&clause=${clause}`);
      expect(byClause.items.every((o) => o.clause === clause)).toBe(true);
      const name = all.items[0]!.subject.name.slice(0, 1);
      const byName = await list('office', `kind=fine&name=${encodeURIComponent(name)}`);
      expect(byName.items.every((o) => o.subject.name.includes(name))).toBe(true);
      expect((await k.as('office', { url: `${Y}/obligations?status=nonsense` })).statusCode).toBe(400);

      // Collected and remitted: 已缴, then 已解缴; after the deadline the rest are 逾期.
      const fine = own.items[0]!;
      const fen = fine.balance.assessed_fen!;
      k.setClock('2010-01-10T04:00:00Z');
      await k.as(
        'xishan',
        post(
          `/api/v1/obligations/${fine.id}/collect`,
          { amount_fen: fen, receipt_no: 'OB-1' },
          'ob-test-collect-1',
        ),
      );
      expect((await list('xishan', 'status=paid')).items.map((o) => [o.id, o.status_zh])).toEqual([
        [fine.id, '已缴'],
      ]);
      await k.as(
        'xishan',
        post(`/api/v1/obligations/${fine.id}/remit`, { amount_fen: fen }, 'ob-test-remit-1'),
      );
      expect((await list('xishan', 'status=remitted')).items.map((o) => o.status_zh)).toEqual(['已解缴']);
      k.setClock('2010-04-10T04:00:00Z');
      const overdue = await list('xishan', 'status=overdue');
      expect(overdue.total).toBe(own.total - 1);
      expect(overdue.items.every((o) => o.status_zh === '逾期')).toBe(true);

      // The entries, labelled, with the paper each has and who entered it (by name).
      const d = (await k.as('xishan', { url: `/api/v1/obligations/${fine.id}` })).json();
      expect(
        d.entries.map((e: { kind_zh: string; document_zh: string | null }) => [e.kind_zh, e.document_zh]),
      ).toEqual([
        ['核定', null],
        ['收缴', '收款收据'],
        ['上缴', '解缴凭证'],
      ]);
      expect(d).toMatchObject({ status: 'remitted', status_zh: '已解缴', town: 't-xishan', kind_zh: '罚款' });
    });

    it('gives balances by person, unit, town and county, with names, that add up', async () => {
      const b = (await k.as('finance', { url: `${Y}/balances` })).json() as {
        county: Sums;
        towns: (Sums & { id: string; name: string })[];
        units: (Sums & { id: string; name: string })[];
        people: (Sums & { id: string; name: string })[];
      };
      for (const level of [b.towns, b.units])
        for (const part of ['fines', 'rewards'] as const)
          for (const k of Object.keys(b.county[part]))
            expect(
              level.reduce((t, r) => t + r[part][k]!, 0),
              `${part}.${k}`,
            ).toBe(b.county[part][k]);
      expect(b.people.reduce((t, r) => t + r.fines.assessed_fen!, 0)).toBe(b.county.fines.assessed_fen);
      expect(b.towns.map((t) => t.name)).toContain('县直单位');
      expect(b.people.every((p) => p.name && p.name !== p.id)).toBe(true);
      const mine = (await k.as('xishan', { url: `${Y}/balances` })).json();
      expect(mine.towns.map((t: { id: string }) => t.id)).toEqual(['t-xishan']);
    });
  });
