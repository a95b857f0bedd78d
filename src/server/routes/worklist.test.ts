// 工作台 (GET …/years/:fpYear/worklist): each part for the roles that may read it, held to the
// caller's jurisdiction; deadline lights; a pending evaluation; overdue fines. On both stores.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, type Kit, type Who, workflowKit } from '../../../test/support/workflow-kit.ts';
import { closeFact, createFact } from '../../store/facts.ts';
import { DIALECTS } from '../../store/testing.ts';
import { worklistParts } from './worklist.ts';

const URL_2009 = `/api/v1/counties/${COUNTY}/years/2009/worklist`;

for (const dialect of DIALECTS)
  describe(`worklist (${dialect})`, () => {
    let k: Kit;
    const get = async (who: Who) => {
      const r = await k.as(who, { method: 'GET', url: URL_2009 });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };

    beforeAll(async () => {
      k = await workflowKit(dialect);
      // Clock: 2009-12-01 (China). Deadlines: past, in two days, in ten days, and one in 西山镇.
      const notice = (id: string, unit: string, deadline: string) =>
        createFact(k.ctx, k.office, COUNTY, 'warning_notices', {
          id,
          unit,
          issued_on: '2009-11-01',
          matter: '整改事项',
          deadline,
        });
      await notice('w-red', 't-dongfeng', '2009-11-30');
      await notice('w-yellow', 'v-hongxing', '2009-12-03');
      await notice('w-green', 't-dongfeng', '2009-12-11');
      await notice('w-xishan', 't-xishan', '2009-11-20');
    });
    afterAll(async () => k?.close());

    it('gives each role the parts it may read, and no others', async () => {
      expect([...worklistParts('office')].sort()).toEqual([
        'assessments',
        'evaluation',
        'fines',
        'notices',
        'rosters',
      ]);
      expect([...worklistParts('finance')].sort()).toEqual(['evaluation', 'fines']);
      const finance = await get('finance');
      expect(finance.rosters).toBeNull();
      expect(finance.notices).toBeNull();
      expect(finance.assessments).toBeNull();
      expect(finance.fines).not.toBeNull();
      const office = await get('office');
      for (const part of ['rosters', 'assessments', 'evaluation', 'notices', 'fines'])
        expect(office[part], part).not.toBeNull();
    });

    it('lights each open notice: red past the deadline, yellow within three days, green before', async () => {
      const office = await get('office');
      const light = Object.fromEntries(office.notices.items.map((i: any) => [i.id, i.light]));
      expect(light).toMatchObject({
        'w-red': 'red',
        'w-yellow': 'yellow',
        'w-green': 'green',
        'w-xishan': 'red',
      });
      expect(office.notices).toMatchObject({ red: 2, yellow: 1, green: 1 });
      expect(office.notices.items[0].id).toBe('w-xishan');
    });

    it('keeps a town to its own town and villages in every part', async () => {
      const town = await get('dongfeng');
      expect(town.notices.items.map((i: any) => i.id).sort()).toEqual(['w-green', 'w-red', 'w-yellow']);
      expect(town.rosters.waiting.map((w: any) => w.unit)).toEqual(['t-dongfeng']);
      expect(town.assessments.expected).toBe(3); // 东风镇, 红星村, 桥头村
      expect(town.assessments.categories.map((c: any) => c.town)).toEqual(['t-dongfeng']);
      const xishan = await get('xishan');
      expect(xishan.notices.items.map((i: any) => i.id)).toEqual(['w-xishan']);
      expect(JSON.stringify(xishan)).not.toContain('东风镇');
    });

    it('lists the units whose annual county assessment is not recorded', async () => {
      const before = await get('office');
      expect(before.assessments).toMatchObject({ expected: 8, recorded: 8, missing: [] });
      const row = await k.s.db
        .selectFrom('assessments')
        .select('id')
        .where('county_id', '=', COUNTY)
        .where('subject_id', '=', 'v-qiaotou')
        .where('by', '=', 'county')
        .executeTakeFirstOrThrow();
      await closeFact(k.ctx, k.office, COUNTY, 'assessments', row.id, { reason: '录入有误' });
      const after = await get('office');
      expect(after.assessments.missing).toEqual([
        expect.objectContaining({ unit: 'v-qiaotou', unit_name: '桥头村', town_name: '东风镇' }),
      ]);
      expect((await get('dongfeng')).assessments.missing.map((m: any) => m.unit)).toEqual(['v-qiaotou']);
      expect((await get('xishan')).assessments.missing).toEqual([]);
      expect(before.assessments.categories).toEqual([
        { town: 't-dongfeng', town_name: '东风镇', counts: { '2': 1 } },
      ]);
    });

    it('shows an evaluation pending until it is confirmed, then fines past due by the largest first', async () => {
      expect((await get('office')).evaluation).toEqual({ latest: null, decision: null, pending: false });
      const ev = await k.as('office', {
        method: 'POST',
        url: `/api/v1/counties/${COUNTY}/years/2009/evaluations`,
        payload: {},
      });
      expect(ev.statusCode, ev.body).toBe(201);
      const id = ev.json().receipt.id;
      expect((await get('office')).evaluation).toMatchObject({
        latest: { id },
        decision: null,
        pending: true,
      });
      const d = await k.as('office', {
        method: 'POST',
        url: `/api/v1/counties/${COUNTY}/years/2009/decisions`,
        payload: { evaluation_id: id, fines_due_on: '2009-12-15' },
      });
      expect(d.statusCode, d.body).toBe(201);
      expect((await get('office')).evaluation).toMatchObject({
        decision: { evaluation_id: id },
        pending: false,
      });
      expect((await get('office')).fines.count).toBe(0);
      k.setClock('2010-01-10T02:00:00Z');
      const office = (await get('office')).fines;
      expect(office.count).toBeGreaterThan(0);
      expect(office.outstanding_fen).toBe(
        office.items.reduce((s: number, i: any) => s + i.outstanding_fen, 0),
      );
      const amounts = office.items.map((i: any) => i.outstanding_fen);
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
      const town = (await get('dongfeng')).fines;
      expect(town.count).toBeLessThan(office.count);
      expect(town.items.every((i: any) => i.unit === 't-dongfeng' || i.unit?.startsWith('v-'))).toBe(true);
    });

    it('refuses another county as absent', async () => {
      const r = await k.as('office', {
        method: 'GET',
        url: '/api/v1/counties/elsewhere/years/2009/worklist',
      });
      expect(r.statusCode).toBe(404);
    });
  });
