// The import contract through the API, on SQLite and PostgreSQL: importing a case makes the
// stored year equal to that case, and nothing else. A field left out is removed; the same case
// again changes nothing (facts outside the FP year do not pile up); A, B, A gives back A; a
// notice id is unique within its case only; a year may hold a notice of the previous year. Facts
// are dated: one dated in another FP year is that year's too.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalCase, normalResult } from '../../../test/support/case-kit.ts';
import { COUNTY, example, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import type { ZerenCase } from '../../domain/case.ts';
import { loadEngine } from '../../policy/load.ts';
import { noChanges } from '../../store/case-import.ts';
import { DIALECTS } from '../../store/testing.ts';

const year = (y: number) => `/api/v1/counties/${COUNTY}/years/${y}`;
const ZERO = { ...noChanges(), changes: 0 };

/** A second year of the example county: the same posts and links, 2009's categories, its own notices. */
function year2010(notices: Record<string, string>[]): ZerenCase {
  const c = example();
  return {
    format: 'zeren-case/1',
    policy: c.policy,
    fp_year: 2010,
    units: c.units,
    people: c.people,
    posts: c.posts,
    links: c.links,
    categories: c.categories.filter((x: { fp_year: number }) => x.fp_year === 2009),
    warning_notices: notices,
  } as unknown as ZerenCase;
}

for (const dialect of DIALECTS)
  describe(`case import contract on ${dialect}`, () => {
    let k: Kit;
    beforeAll(async () => {
      k = await workflowKit(dialect);
    });
    afterAll(async () => k?.close());

    const put = (y: number, body: unknown) =>
      k.as('office', { method: 'PUT', url: `${year(y)}/case`, payload: body as object });
    const exported = async (y: number) =>
      (await k.as('office', { method: 'GET', url: `${year(y)}/case` })).json() as ZerenCase;
    const evaluated = async (y: number) => {
      const r = await k.as('office', { method: 'POST', url: `${year(y)}/evaluations`, payload: {} });
      expect(r.statusCode, r.body).toBe(201);
      return normalResult(r.json().result);
    };
    /** The year as stored equals the case, and evaluates as the case itself does. */
    const holds = async (c: ZerenCase) => {
      expect(normalCase(await exported(c.fp_year))).toEqual(normalCase(c));
      const direct = loadEngine().evaluate(c);
      if (!direct.ok) throw new Error('the case should validate');
      expect(await evaluated(c.fp_year)).toEqual(normalResult(direct.value));
    };

    it('removes a field the new case leaves out: no score, no 3.2.2 reward', async () => {
      const withScores = example();
      expect((await put(2009, withScores)).statusCode).toBe(200);
      const c = example();
      for (const a of c.assessments) if (a.by === 'county' && a.subject.startsWith('v-')) delete a.score;
      const r = await put(2009, c);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ updated: 4, changes: 4 });
      const villages = (await exported(2009)).assessments!.filter(
        (a) => a.by === 'county' && a.subject.startsWith('v-'),
      );
      expect(villages.map((a) => a.score)).toEqual([undefined, undefined, undefined, undefined]);
      await holds(c);
      expect((await evaluated(2009)).consequences.some((x) => x.includes('"clause":"3.2.2"'))).toBe(false);
      expect((await put(2009, withScores)).statusCode).toBe(200);
      await holds(withScores);
    });

    it('changes nothing when the same case comes again, facts outside the FP year included', async () => {
      const c = example();
      c.posts.push({
        person: 'p-sun',
        unit: 'v-hongxing',
        role: 'committee_member',
        from: '2004-01-01',
        to: '2007-12-31',
      });
      c.incidents.push({ kind: 'shielded_out_of_policy_birth', person: 'p-zhou', occurred_on: '2008-05-02' });
      c.warning_notices.push({
        id: 'w0',
        unit: 't-xishan',
        issued_on: '2008-08-01',
        matter: '上年度清理清查',
      });
      c.categories.push({ unit: 't-xishan', fp_year: 2006, category: 3 });
      const first = await put(2009, c);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().inserted).toBe(4);
      for (let i = 0; i < 2; i++) {
        const again = await put(2009, c);
        expect(again.statusCode, again.body).toBe(200);
        expect(again.json()).toMatchObject(ZERO);
      }
      const posts = await k.as('office', {
        method: 'GET',
        url: `/api/v1/counties/${COUNTY}/posts?person=p-sun&role=committee_member`,
      });
      expect(posts.json().total).toBe(1);
      const incidents = await k.as('office', {
        method: 'GET',
        url: `/api/v1/counties/${COUNTY}/incidents?person=p-zhou`,
      });
      expect(incidents.json().total).toBe(1);
      await holds(c);
    });

    it('imports A, then B, then A again: the year is A again, withdrawn notices and all', async () => {
      const a = example();
      const b = example();
      b.warning_notices = b.warning_notices.filter((n: { id: string }) => n.id !== 'w2');
      b.assessments = b.assessments.filter((x: { by: string }) => x.by !== 'city');
      b.posts = b.posts.filter((p: { person: string }) => p.person !== 'p-zheng');
      b.incidents = [];
      expect((await put(2009, a)).statusCode).toBe(200);
      const toB = await put(2009, b);
      expect(toB.statusCode, toB.body).toBe(200);
      expect(toB.json()).toMatchObject({ closed: 1, retracted: 4 });
      await holds(b);
      const back = await put(2009, a);
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({ inserted: 0, restored: 4, updated: 1 });
      await holds(a);
    });

    it('takes the ids of a case as unique within the case: w1 of 2009 and another w1 of 2010', async () => {
      expect((await put(2009, example())).statusCode).toBe(200);
      const c = year2010([{ id: 'w1', unit: 'v-xiaying', issued_on: '2010-03-01', matter: '流动人口服务' }]);
      const r = await put(2010, c);
      expect(r.statusCode, r.body).toBe(200);
      await holds(c);
      await holds(example());
      const listed = await k.as('office', {
        method: 'GET',
        url: `/api/v1/counties/${COUNTY}/warning-notices?limit=100`,
      });
      const w1 = listed.json().items.filter((n: { case_id: string }) => n.case_id === 'w1');
      expect(w1.map((n: { issued_on: string }) => n.issued_on).sort()).toEqual(['2009-02-10', '2010-03-01']);
      expect(new Set(w1.map((n: { id: string }) => n.id)).size).toBe(2);
      const again = await put(2010, c);
      expect(again.json()).toMatchObject(ZERO);
    });

    it('holds a notice of the previous FP year, imports it twice and exports it', async () => {
      const c = year2010([
        { id: 'w1', unit: 'v-xiaying', issued_on: '2010-03-01', matter: '流动人口服务' },
        { id: 'w2', unit: 'u-gongan', issued_on: '2009-06-15', matter: '出生统计上报' }, // 2009's own w2
        { id: 'w9', unit: 'u-gongan', issued_on: '2009-08-20', matter: '年底前清理' }, // known to 2010 only
      ]);
      const first = await put(2010, c);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ inserted: 1, linked: 1 });
      const second = await put(2010, c);
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json()).toMatchObject(ZERO);
      await holds(c);
      // Facts are dated: a notice issued in FP year 2009 is one of 2009's, whichever case told of it.
      const with9 = example();
      with9.warning_notices.push(c.warning_notices![2]);
      await holds(with9);
      const dropped = await put(2010, year2010([]));
      expect(dropped.json()).toMatchObject({ retracted: 1, unlinked: 2 });
      expect((await exported(2010)).warning_notices).toEqual([]);
      await holds(with9);
      expect((await put(2009, example())).json()).toMatchObject({ retracted: 1, changes: 1 });
    });
  });
