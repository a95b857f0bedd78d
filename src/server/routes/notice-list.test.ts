// The warning notice list of the 警示通知书 screen through the API, on SQLite and PostgreSQL: the
// deadline lights (green; yellow from three days before; red once past) with their words, the
// search by unit, status and deadline range, paging, the next number, one notice by id, and a
// town kept to its own notices.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { DIALECTS } from '../../store/testing.ts';

const notices = `/api/v1/counties/${COUNTY}/warning-notices`;
const list = `/api/v1/counties/${COUNTY}/years/2009/warning-notices`;

for (const dialect of DIALECTS) {
  describe(`the notice list on ${dialect}`, () => {
    let k: Kit;
    beforeAll(async () => {
      k = await workflowKit(dialect); // today is 2009-12-01
      const issue = (id: string, unit: string, deadline: string) =>
        k.as('office', {
          method: 'POST',
          url: notices,
          payload: { id, unit, issued_on: '2009-09-20', matter: `事项 ${id}`, deadline },
        });
      for (const [id, unit, deadline] of [
        ['JS-2009-001', 'v-hongxing', '2009-11-30'], // past: red
        ['JS-2009-002', 't-dongfeng', '2009-12-04'], // three days ahead: yellow
        ['JS-2009-003', 't-dongfeng', '2009-12-05'], // four days ahead: green
        ['JS-2009-004', 'v-shangling', '2009-12-31'],
      ] as const)
        expect((await issue(id, unit, deadline)).statusCode).toBe(201);
      await k.as('dongfeng', {
        method: 'POST',
        url: `${notices}/JS-2009-003/correction`,
        payload: { reported_on: '2009-11-25', note: '已整改' },
      });
      await k.as('office', {
        method: 'POST',
        url: `${notices}/JS-2009-004/verify`,
        payload: { verified_on: '2009-11-26', note: '现场检查已整改' },
      });
    });
    afterAll(async () => k?.close());

    const get = async (who: Parameters<Kit['as']>[0], query = '') => {
      const r = await k.as(who, { url: `${list}${query}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const lights = (items: { id: string; light: string | null; light_zh: string }[]) =>
      Object.fromEntries(items.map((i) => [i.id, `${i.light ?? '-'} ${i.light_zh}`]));

    it('lists the year with status and lights in words, the example case notices included', async () => {
      const page = await get('office');
      expect(page.total).toBe(6);
      expect(page.on).toBe('2009-12-01');
      expect(lights(page.items)).toEqual({
        'JS-2009-001': 'red 已逾期',
        'JS-2009-002': 'yellow 即将到期',
        'JS-2009-003': 'green 未到期',
        'JS-2009-004': '- 已验收',
        w1: '- 未定期限',
        w2: '- 未定期限',
      });
      const first = page.items.find((i: { id: string }) => i.id === 'JS-2009-001');
      expect(first).toMatchObject({
        unit: { id: 'v-hongxing', name: '红星村', kind_zh: expect.any(String), town: 't-dongfeng' },
        status: 'open',
        status_zh: '待整改',
        days_left: -1,
        case_id: 'JS-2009-001',
        fp_year: 2009,
      });
      expect(page.next_id).toBe('JS-2009-005');
    });

    it('searches by unit, status and deadline range, and pages', async () => {
      expect((await get('office', '?unit=t-dongfeng')).items.map((i: { id: string }) => i.id).sort()).toEqual(
        ['JS-2009-002', 'JS-2009-003'],
      );
      expect((await get('office', '?status=reported')).items.map((i: { id: string }) => i.id)).toEqual([
        'JS-2009-003',
      ]);
      expect((await get('office', '?status=verified')).items.map((i: { id: string }) => i.id)).toEqual([
        'JS-2009-004',
      ]);
      expect(
        (await get('office', '?deadline_from=2009-12-01&deadline_to=2009-12-05')).items
          .map((i: { id: string }) => i.id)
          .sort(),
      ).toEqual(['JS-2009-002', 'JS-2009-003']);
      const p1 = await get('office', '?limit=4&offset=0');
      const p2 = await get('office', '?limit=4&offset=4');
      expect(p1.items).toHaveLength(4);
      expect(p2.items).toHaveLength(2);
      expect(p2.total).toBe(6);
      expect(new Set([...p1.items, ...p2.items].map((i: { id: string }) => i.id)).size).toBe(6);
    });

    it('refuses a bad filter naming the field', async () => {
      const r = await k.as('office', { url: `${list}?deadline_from=2009-12-31&deadline_to=2009-12-01` });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.problems[0]).toMatchObject({ path: 'deadline_to', code: 'range' });
      expect((await k.as('office', { url: `${list}?status=lost` })).statusCode).toBe(400);
    });

    it('keeps a town to its own notices: the list, one by id', async () => {
      const own = await get('dongfeng');
      expect(own.items.map((i: { id: string }) => i.id).sort()).toEqual([
        'JS-2009-001',
        'JS-2009-002',
        'JS-2009-003',
      ]);
      expect((await get('dongfeng', '?unit=v-shangling')).total).toBe(0);
      expect((await k.as('dongfeng', { url: `${list}/JS-2009-004` })).statusCode).toBe(404);
      const one = await k.as('xishan', { url: `${list}/JS-2009-004` });
      expect(one.statusCode).toBe(200);
      expect(one.json()).toMatchObject({ id: 'JS-2009-004', status: 'verified', light: null });
    });
  });
}
