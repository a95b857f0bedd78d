// Notifications on SQLite and PostgreSQL, through the API: each written with its event (a notice
// issued, a roster returned, a decision confirmed) and only then, seen by the roles and places it
// concerns and never by who caused it, a fine falling due within 7 days derived when read, and
// marked read by each user for itself.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, type Kit, workflowKit } from '../../test/support/workflow-kit.ts';
import { confirmDecision } from './decisions.ts';
import { evaluateYear } from './evaluations.ts';
import { createFact } from './facts.ts';
import { DIALECTS } from './testing.ts';
import { createUser } from './users.ts';

type Item = { id: string; kind: string; title: string; body: string; link: string; read: boolean };

for (const dialect of DIALECTS) {
  describe(`notifications on ${dialect}`, () => {
    let k: Kit;
    const bell = async (who: Parameters<Kit['as']>[0]) => {
      const r = await k.as(who, { method: 'GET', url: '/api/v1/notifications' });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { items: Item[]; unread: number };
    };
    const kinds = async (who: Parameters<Kit['as']>[0]) => (await bell(who)).items.map((i) => i.kind).sort();
    const read = (who: Parameters<Kit['as']>[0], payload: object) =>
      k.as(who, { method: 'POST', url: '/api/v1/notifications/read', payload });
    const stored = async () =>
      Number(
        (
          await k.s.db
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      );

    beforeAll(async () => {
      k = await workflowKit(dialect);
    });
    afterAll(async () => k?.close());

    it('tells a town of a notice issued to one of its villages, and no one else', async () => {
      const r = await k.as('office', {
        method: 'POST',
        url: `/api/v1/counties/${COUNTY}/warning-notices`,
        payload: {
          id: 'n1',
          unit: 'v-hongxing',
          issued_on: '2009-12-01',
          matter: '台账不全',
          deadline: '2009-12-20',
        },
      });
      expect(r.statusCode, r.body).toBe(201);
      const { items, unread } = await bell('dongfeng');
      expect(unread).toBe(1);
      expect(items[0]).toMatchObject({
        kind: 'notice_issued',
        title: '收到警示通知书（n1）：红星村',
        body: '台账不全，整改期限：2009年12月20日。',
        link: '/?notice=n1',
        read: false,
      });
      for (const who of ['xishan', 'gongan', 'office', 'auditor', 'finance'] as const)
        expect(await kinds(who), who).toEqual([]);
    });

    it('writes nothing when the event fails', async () => {
      const before = await stored();
      const r = await k.as('office', {
        method: 'POST',
        url: `/api/v1/counties/${COUNTY}/warning-notices`,
        payload: {
          id: 'n2',
          unit: 'v-hongxing',
          issued_on: '2009-12-01',
          matter: '台账不全',
          deadline: '2009-11-01',
        },
      });
      expect(r.statusCode).toBe(422);
      const back = await k.as('office', {
        method: 'POST',
        url: `/api/v1/counties/${COUNTY}/years/2009/rosters/t-dongfeng/return`,
        payload: { reasons: ['不全'] },
      });
      expect(back.statusCode).not.toBe(200);
      expect(await stored()).toBe(before);
    });

    it('tells a town its roster was returned, with the reasons', async () => {
      const url = `/api/v1/counties/${COUNTY}/years/2009/rosters/t-dongfeng`;
      const put = await k.as('dongfeng', {
        method: 'PUT',
        url,
        payload: { people: [], posts: [], links: [] },
      });
      expect(put.statusCode, put.body).toBe(200);
      const back = await k.as('office', {
        method: 'POST',
        url: `${url}/return`,
        payload: { reasons: ['缺少村计生专干', '职务起始日期不全'] },
      });
      expect(back.statusCode, back.body).toBe(200);
      const { items } = await bell('dongfeng');
      expect(items.find((i) => i.kind === 'roster_returned')).toMatchObject({
        title: '2009年度名单被退回：东风镇',
        body: '退回原因：缺少村计生专干；职务起始日期不全。请修改后重新上报。',
      });
      expect(await kinds('xishan')).toEqual([]);
    });

    it('tells everyone who reads decisions of a confirmed one (not who confirmed it), and of fines falling due', async () => {
      await createFact(k.ctx, k.office, COUNTY, 'incidents', {
        kind: 'shielded_out_of_policy_birth',
        person: 'p-zhou',
        occurred_on: '2009-05-01',
      });
      const evaluation = await evaluateYear(k.ctx, k.office, COUNTY, 2009);
      await confirmDecision(k.ctx, k.office, COUNTY, 2009, {
        evaluation_id: evaluation.receipt.id,
        fines_due_on: '2009-12-06',
      });
      // office1 confirmed it: not told of its own doing.
      expect(await kinds('office')).toEqual(['fine_due']);
      for (const who of ['xishan', 'gongan', 'auditor'] as const)
        expect(await kinds(who), who).toContain('decision_confirmed');
      expect(await kinds('auditor')).not.toContain('fine_due');
      const town = (await bell('dongfeng')).items;
      expect(town.find((i) => i.kind === 'decision_confirmed')).toMatchObject({
        title: '2009年度奖惩决定已确认',
        body: '罚款缴纳期限：2009年12月6日。',
      });
      const due = town.filter((i) => i.kind === 'fine_due');
      expect(due.length).toBeGreaterThan(0);
      expect(due.some((i) => i.body.startsWith('周干部'))).toBe(true);
      expect(due[0]!.title).toBe('罚款将于2009年12月6日到期');
      // The finance bureau: one line per due date, with the count and the sum.
      const finance = (await bell('finance')).items.filter((i) => i.kind === 'fine_due');
      expect(finance).toHaveLength(1);
      expect(finance[0]!.title).toMatch(/^\d+ 笔罚款将于2009年12月6日到期$/);
      expect(finance[0]!.body).toMatch(/^尚未缴纳合计[\d,]+\.\d\d元。$/);
      // A week before it is not yet news; after the day it is no longer "falling due".
      k.setClock('2009-11-20T08:00:00Z');
      expect(await kinds('finance')).not.toContain('fine_due');
      k.setClock('2009-12-07T08:00:00Z');
      expect(await kinds('finance')).not.toContain('fine_due');
      k.setClock('2009-12-01T08:00:00Z');
    });

    it('marks read per user: named ones or all, never another user’s, and twice is once', async () => {
      const mine = await bell('dongfeng');
      const first = mine.items[0]!;
      const r = await read('dongfeng', { ids: [first.id] });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual({ unread: mine.unread - 1, marked: 1 });
      expect((await read('dongfeng', { ids: [first.id] })).json()).toEqual({
        unread: mine.unread - 1,
        marked: 0,
      });
      expect((await bell('dongfeng')).items.find((i) => i.id === first.id)?.read).toBe(true);
      // The same decision stays unread for another town.
      const decision = mine.items.find((i) => i.kind === 'decision_confirmed')!;
      await read('dongfeng', { ids: [decision.id] });
      expect((await bell('xishan')).items.find((i) => i.id === decision.id)?.read).toBe(false);
      // Another town's notification cannot be marked by name.
      const notice = mine.items.find((i) => i.kind === 'notice_issued')!;
      const theirs = await read('xishan', { ids: [notice.id] });
      expect(theirs.statusCode).toBe(422);
      expect(theirs.json().error.problems[0]).toMatchObject({ path: 'ids', code: 'unknown_ref' });
      // A derived one (a fine falling due) is marked like any other.
      const all = await read('dongfeng', { all: true });
      expect(all.json().unread).toBe(0);
      expect((await bell('dongfeng')).items.every((i) => i.read)).toBe(true);
    });

    it('tells a new account nothing from before it existed', async () => {
      k.setClock('2009-12-01T09:00:00Z');
      await createUser(
        k.ctx,
        { name: 'root', role: 'admin' },
        {
          username: 'newcomer',
          password: 'newcomer password',
          role: 'town',
          county: COUNTY,
          unit: 't-dongfeng',
        },
      );
      const login = await k.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'newcomer', password: 'newcomer password' },
      });
      const cookie = login.cookies.find((c) => c.name === 'zeren_session')!;
      const r = await k.app.inject({
        method: 'GET',
        url: '/api/v1/notifications',
        headers: { cookie: `zeren_session=${cookie.value}` },
      });
      expect(r.json().items.filter((i: Item) => i.kind !== 'fine_due')).toEqual([]);
    });
  });
}
