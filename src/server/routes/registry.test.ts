// 责任体系 read views (GET …/registry/…): the tree as of a day, a unit's posts and links over time
// with names and Chinese labels, people paged and searched; closing a post on a date and
// retracting one with a reason through the facts routes, both kept as history; a town held to its
// own town (another town's unit or person is as absent as one that does not exist). On both stores.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, type Kit, type Who, workflowKit } from '../../../test/support/workflow-kit.ts';
import { DIALECTS } from '../../store/testing.ts';

const R = `/api/v1/counties/${COUNTY}/registry`;
const F = `/api/v1/counties/${COUNTY}`;

for (const dialect of DIALECTS)
  describe(`registry (${dialect})`, () => {
    let k: Kit;
    const get = async (who: Who, url: string, status = 200) => {
      const r = await k.as(who, { method: 'GET', url });
      expect(r.statusCode, r.body).toBe(status);
      return r.json();
    };
    beforeAll(async () => {
      k = await workflowKit(dialect);
    });
    afterAll(async () => k?.close());

    it('gives the office the whole county as of a day, with categories of that FP year', async () => {
      const t = await get('office', `${R}/tree?as_of=2009-06-01`);
      expect(t.fp_year).toBe(2009);
      const ids = t.units.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining(['t-dongfeng', 't-xishan', 'v-hongxing', 'u-jiaoyu']));
      const df = t.units.find((u: { id: string }) => u.id === 't-dongfeng');
      expect(df).toMatchObject({ kind_zh: '镇（场）', category: 1, category_zh: '一类', town: null });
      const older = await get('office', `${R}/tree?as_of=2008-06-01`);
      expect(older.units.find((u: { id: string }) => u.id === 't-dongfeng').category_zh).toBe('二类');
      const bad = await get('office', `${R}/tree?as_of=2009-13-01`, 422);
      expect(bad.error.problems[0].path).toBe('as_of');
    });

    it('keeps a town to its own town: tree, unit, people and person', async () => {
      const t = await get('dongfeng', `${R}/tree?as_of=2009-06-01`);
      const ids: string[] = t.units.map((u: { id: string }) => u.id);
      expect(ids).toContain('v-hongxing');
      expect(ids).not.toContain('t-xishan');
      expect(ids).not.toContain('u-jiaoyu');
      const refused = await get('dongfeng', `${R}/units/t-xishan`, 404);
      expect(refused.error.zh).toContain('t-xishan');
      await get('dongfeng', `${R}/people/p-wu`, 404);
      const people = await get('dongfeng', `${R}/people?limit=200`);
      const names = people.items.map((p: { id: string }) => p.id);
      expect(names).toContain('p-zhang');
      expect(names).not.toContain('p-wu');
      await get('finance', `${R}/tree`, 403);
    });

    it('shows a unit its posts, links and categories with names and labels', async () => {
      const u = await get('office', `${R}/units/t-dongfeng?as_of=2009-06-01`);
      expect(u.unit).toMatchObject({ name: '东风镇', kind_zh: '镇（场）' });
      const zhang = u.posts.find((p: { person: string }) => p.person === 'p-zhang');
      expect(zhang).toMatchObject({
        person_name: '张书记',
        role_zh: '党委书记',
        standing: 'current',
        standing_zh: '在任',
      });
      expect(u.categories.map((c: { fp_year: number }) => c.fp_year)).toEqual([2009, 2008]);
      const v = await get('office', `${R}/units/v-hongxing?as_of=2009-06-01`);
      const kinds = v.links.map((l: { kind_zh: string }) => l.kind_zh);
      expect(kinds).toEqual(expect.arrayContaining(['驻村（挂钩联系村）', '县直单位挂钩村']));
      const unitLink = v.links.find((l: { kind: string }) => l.kind === 'unit_village');
      expect(unitLink).toMatchObject({ unit_name: '县教育局', village_name: '红星村' });
    });

    it('ends a post on a date and retracts another with its reason; both stay as history', async () => {
      const before = await get('office', `${R}/units/t-dongfeng?as_of=2009-06-01`);
      const zhou = before.posts.find((p: { person: string }) => p.person === 'p-zhou');
      const sun = before.posts.find((p: { person: string }) => p.person === 'p-sun');
      const end = await k.as('office', {
        method: 'POST',
        url: `${F}/posts/${zhou.id}/close`,
        payload: { on: '2009-05-31' },
      });
      expect(end.statusCode, end.body).toBe(200);
      const noReason = await k.as('office', {
        method: 'POST',
        url: `${F}/posts/${sun.id}/close`,
        payload: { reason: ' ' },
      });
      expect(noReason.statusCode).toBe(422);
      expect(noReason.json().error.problems[0]).toMatchObject({ path: 'reason' });
      const retract = await k.as('office', {
        method: 'POST',
        url: `${F}/posts/${sun.id}/close`,
        payload: { reason: '录入错误' },
      });
      expect(retract.statusCode, retract.body).toBe(200);
      const again = await k.as('office', {
        method: 'POST',
        url: `${F}/posts/${sun.id}/close`,
        payload: { on: '2009-06-01' },
      });
      expect(again.statusCode).toBe(409);
      const after = await get('office', `${R}/units/t-dongfeng?as_of=2009-06-01`);
      expect(after.posts.find((p: { id: string }) => p.id === zhou.id)).toMatchObject({
        to: '2009-05-31',
        standing: 'ended',
      });
      expect(after.posts.find((p: { id: string }) => p.id === sun.id)).toMatchObject({
        standing: 'retracted',
        standing_zh: '已撤回',
        retract_reason: '录入错误',
      });
      // The retracted post is out of the plain list and of the year the engine reads, kept on request.
      const listed = await get('office', `${F}/posts?person=p-sun`);
      expect(listed.items.map((p: { id: string }) => p.id)).not.toContain(sun.id);
      const all = await get('office', `${F}/posts?person=p-sun&include_retracted=true`);
      expect(all.items.map((p: { id: string }) => p.id)).toContain(sun.id);
      // Both writes are in the audit trail.
      const audit = await k.s.db
        .selectFrom('audit_log')
        .select(['action', 'object_id'])
        .where('object_type', '=', 'posts')
        .execute();
      expect(
        audit
          .filter((a) => a.action === 'posts.close')
          .map((a) => a.object_id)
          .sort(),
      ).toEqual([zhou.id, sun.id].sort());
    });

    it('pages the people and finds them by name, each with posts and links', async () => {
      const page1 = await get('office', `${R}/people?limit=5&offset=0`);
      const page2 = await get('office', `${R}/people?limit=5&offset=5`);
      expect(page1.items).toHaveLength(5);
      expect(page1.total).toBeGreaterThan(10);
      expect(page2.items.map((p: { id: string }) => p.id)).not.toContain(page1.items[0].id);
      const found = await get('office', `${R}/people?q=${encodeURIComponent('张书记')}&as_of=2009-06-01`);
      expect(found.total).toBe(1);
      expect(found.items[0].posts[0]).toMatchObject({ unit_name: '东风镇', role_zh: '党委书记' });
      expect(found.items[0].links[0]).toMatchObject({ kind: 'stationed', village_name: '桥头村' });
      const one = await get('office', `${R}/people/p-zhang`);
      expect(one).toMatchObject({ name: '张书记', id: 'p-zhang' });
      await get('office', `${R}/people?limit=500`, 400);
    });
  });
