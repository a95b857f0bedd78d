// The audit trail through the API, on SQLite and PostgreSQL: filters by who, when, what, object and
// place (a town with its villages), server paging, names and words for codes, the head to keep and
// the check against it, and an auditor who reads everything and writes nothing.

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { DIALECTS } from '../../store/testing.ts';

const notices = `/api/v1/counties/${COUNTY}/warning-notices`;

for (const dialect of DIALECTS) {
  describe(`audit trail on ${dialect}`, () => {
    let k: Kit;
    const get = async (url: string) => {
      const r = await k.as('auditor', { method: 'GET', url });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    beforeAll(async () => {
      k = await workflowKit(dialect);
      await k.s.db
        .updateTable('users')
        .set({ display_name: '王志刚' })
        .where('username', '=', 'office1')
        .execute();
      k.setClock('2009-12-03T01:00:00Z'); // 2009-12-03 09:00 in China
      for (const [id, unit] of [
        ['a1', 'v-hongxing'],
        ['a2', 't-dongfeng'],
        ['a3', 'v-shangling'],
      ] as const) {
        const r = await k.as('office', {
          method: 'POST',
          url: notices,
          payload: { id, unit, issued_on: '2009-12-03', matter: '台账不全', deadline: '2009-12-31' },
        });
        expect(r.statusCode, r.body).toBe(201);
      }
      k.setClock('2009-12-05T01:00:00Z');
      const r = await k.as('dongfeng', {
        method: 'POST',
        url: `${notices}/a1/correction`,
        payload: { reported_on: '2009-12-05', note: '已补齐' },
      });
      expect(r.statusCode, r.body).toBe(200);
    });
    afterAll(async () => k?.close());

    it('filters by what and object, with names and words for every code', async () => {
      const created = await get('/api/v1/audit?action=warning_notices.create');
      expect(created.total).toBe(3);
      expect(created.items.map((i: { object_id: string }) => i.object_id)).toEqual(['a3', 'a2', 'a1']);
      expect(created.items[2]).toMatchObject({
        actor: 'office1',
        actor_name: '王志刚',
        actor_role_zh: '县人口考核办',
        action_zh: '下达警示通知书',
        object_type_zh: '警示通知书',
        unit_id: 'v-hongxing',
        unit_name: '红星村',
        before: null,
        after: { id: 'a1', matter: '台账不全' },
      });
      const a1 = await get('/api/v1/audit?object_type=warning_notices&object_id=a1');
      expect(a1.items.map((i: { action: string }) => i.action)).toEqual([
        'warning_notices.correction',
        'warning_notices.create',
      ]);
      expect(a1.items[0]).toMatchObject({
        actor: 'dongfeng1',
        actor_name: null,
        actor_role_zh: '镇（场）',
        action_zh: '报告整改',
        before: { correction_reported_on: null },
        after: { correction_reported_on: '2009-12-05', correction_note: '已补齐' },
      });
    });

    it('filters by who, by China days and by a town with its villages', async () => {
      const byTown = await get('/api/v1/audit?object_type=warning_notices&unit=t-dongfeng');
      expect(byTown.items.map((i: { object_id: string }) => i.object_id).sort()).toEqual(['a1', 'a1', 'a2']);
      const byVillage = await get('/api/v1/audit?object_type=warning_notices&unit=v-shangling');
      expect(byVillage.items.map((i: { object_id: string }) => i.object_id)).toEqual(['a3']);
      const who = await get('/api/v1/audit?actor=dongfeng1&object_type=warning_notices');
      expect(who.total).toBe(1);
      const day3 = await get('/api/v1/audit?object_type=warning_notices&from=2009-12-03&to=2009-12-03');
      expect(day3.total).toBe(3);
      const day4on = await get('/api/v1/audit?object_type=warning_notices&from=2009-12-04');
      expect(day4on.total).toBe(1);
      const before = await get('/api/v1/audit?object_type=warning_notices&to=2009-12-02');
      expect(before.total).toBe(0);
      const bad = await k.as('auditor', {
        method: 'GET',
        url: '/api/v1/audit?from=2009-12-05&to=2009-12-01',
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.problems[0]).toMatchObject({ path: 'to', zh: '截止日期不能早于起始日期' });
    });

    it('pages on the server: offset and limit, total for the whole filter', async () => {
      const all = await get('/api/v1/audit?limit=1000');
      expect(all.total).toBeGreaterThan(12);
      const page2 = await get('/api/v1/audit?limit=5&offset=5');
      expect(page2.total).toBe(all.total);
      expect(page2.items.map((i: { seq: number }) => i.seq)).toEqual(
        all.items.slice(5, 10).map((i: { seq: number }) => i.seq),
      );
    });

    it('lists who appears in the trail, with names and roles in words', async () => {
      const { items } = await get('/api/v1/audit/actors');
      expect(items).toContainEqual(
        expect.objectContaining({ actor: 'office1', actor_name: '王志刚', actor_role_zh: '县人口考核办' }),
      );
      const dongfeng = items.find((i: { actor: string }) => i.actor === 'dongfeng1');
      expect(dongfeng).toMatchObject({ actor_role_zh: '镇（场）', entries: expect.any(Number) });
      expect(items.find((i: { actor: string }) => i.actor === 'system').actor_role_zh).toBe('系统');
    });

    it('verifies the chain against a kept head, as SEQ:HASH or seq and hash, and notices a cut tail', async () => {
      const head = await get('/api/v1/audit/head');
      expect(head).toMatchObject({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const ok = await get(`/api/v1/audit/verify?head=${head.seq}:${head.hash}`);
      expect(ok).toMatchObject({ ok: true, head: { seq: head.seq, hash: head.hash } });
      expect((await get(`/api/v1/audit/verify?seq=${head.seq}&hash=${head.hash}`)).ok).toBe(true);
      const wrong = await get(`/api/v1/audit/verify?head=${head.seq}:${'0'.repeat(64)}`);
      expect(wrong).toMatchObject({ ok: false, problem: { seq: head.seq } });
      const later = await get(`/api/v1/audit/verify?head=${head.seq + 5}:${head.hash}`);
      expect(later.ok).toBe(false);
      expect(later.problem.zh).toContain('被删除');
      const half = await k.as('auditor', { method: 'GET', url: `/api/v1/audit/verify?seq=${head.seq}` });
      expect(half.statusCode).toBe(422);
      expect(half.json().error.problems[0].path).toBe('hash');
      const garbled = await k.as('auditor', { method: 'GET', url: '/api/v1/audit/verify?head=12-abc' });
      expect(garbled.statusCode).toBe(400);
    });

    it('lets an auditor change nothing, and records the refusal', async () => {
      const writes = [
        {
          method: 'POST',
          url: notices,
          payload: {
            id: 'x1',
            unit: 't-dongfeng',
            issued_on: '2009-12-05',
            matter: '改',
            deadline: '2009-12-31',
          },
        },
        { method: 'POST', url: `${notices}/a1/verify`, payload: { verified_on: '2009-12-06' } },
        { method: 'POST', url: `/api/v1/counties/${COUNTY}/years/2009/evaluations`, payload: {} },
        {
          method: 'POST',
          url: '/api/v1/users',
          payload: { username: 'sneaky', password: 'sneaky password', role: 'office', county: COUNTY },
        },
      ] as const;
      for (const w of writes) {
        const r = await k.as('auditor', w);
        expect(r.statusCode, w.url).toBe(403);
      }
      const denied = await get('/api/v1/audit?action=request.denied&actor=auditor1');
      expect(denied.total).toBe(writes.length);
      expect(denied.items[0].action_zh).toBe('拒绝访问');
      const n = await sql<{ n: number }>`select count(*) as n from warning_notices where id = 'x1'`.execute(
        k.s.db,
      );
      expect(Number(n.rows[0]!.n)).toBe(0);
    });

    it('keeps a town user out of the trail', async () => {
      const r = await k.as('dongfeng', { method: 'GET', url: '/api/v1/audit' });
      expect(r.statusCode).toBe(403);
    });
  });
}
