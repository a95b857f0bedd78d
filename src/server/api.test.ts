// The API through app.inject, on SQLite and PostgreSQL: signing in, tokens, importing the shared
// example and evaluating it, errors in both languages, idle sessions, login limits, the audit trail.

import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeCtx } from '../compose.ts';
import { consequenceKey } from '../domain/result.ts';
import { SYSTEM } from '../store/audit.ts';
import { createCounty } from '../store/cases.ts';
import { createTestStore, DIALECTS, type TestStore } from '../store/testing.ts';
import { createUser } from '../store/users.ts';
import { buildApp } from './app.ts';

const example = () =>
  parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));
const expected = JSON.parse(
  readFileSync(new URL('../../examples/qingshui-2009.expected.json', import.meta.url), 'utf8'),
);
const PASSWORD = 'correct horse battery';

for (const dialect of DIALECTS) {
  describe(`API on ${dialect}`, () => {
    let s: TestStore;
    let app: FastifyInstance;
    let clock = new Date('2009-12-01T08:00:00Z');
    const ctx = () => makeCtx(s.db, () => clock);
    let office = '';

    async function signIn(username: string, password = PASSWORD, remoteAddress = '127.0.0.1') {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username, password },
        remoteAddress,
      });
      const cookie = r.cookies.find((c) => c.name === 'zeren_session');
      return { r, cookie: cookie ? `zeren_session=${cookie.value}` : '' };
    }

    beforeAll(async () => {
      s = await createTestStore(dialect);
      app = await buildApp({ db: s.db, now: () => clock });
      await createCounty(ctx(), SYSTEM, { id: 'qingshui', name: '清水县' });
      await createUser(ctx(), SYSTEM, {
        username: 'office1',
        password: PASSWORD,
        role: 'office',
        county: 'qingshui',
      });
      await createUser(ctx(), SYSTEM, { username: 'admin', password: PASSWORD, role: 'admin' });
      office = (await signIn('office1')).cookie;
    });
    afterAll(async () => {
      await app.close();
      await s.drop();
    });

    it('signs in with an HttpOnly, SameSite cookie and says who is signed in', async () => {
      const { r } = await signIn('office1');
      expect(r.statusCode).toBe(200);
      // Plain http on a loopback address: not Secure, or a browser would drop it (see deploy.test.ts).
      const c = r.cookies.find((x) => x.name === 'zeren_session')!;
      expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      const me = await app.inject({ url: '/api/v1/session', headers: { cookie: office } });
      expect(me.json().user).toMatchObject({ username: 'office1', role: 'office', county: 'qingshui' });
    });

    it('imports the shared example through the API and evaluating it gives the expected result', async () => {
      const put = await app.inject({
        method: 'PUT',
        url: '/api/v1/counties/qingshui/years/2009/case',
        headers: { cookie: office },
        payload: example(),
      });
      expect(put.statusCode).toBe(200);
      const ev = await app.inject({
        method: 'POST',
        url: '/api/v1/counties/qingshui/years/2009/evaluations',
        headers: { cookie: office },
        payload: {},
      });
      expect(ev.statusCode).toBe(201);
      const { receipt, result } = ev.json();
      expect(result.consequences.map(consequenceKey).sort()).toEqual(
        expected.consequences.map(consequenceKey).sort(),
      );
      expect(result.withheld.map(consequenceKey).sort()).toEqual(
        expected.withheld.map(consequenceKey).sort(),
      );
      const again = await app.inject({
        url: `/api/v1/evaluations/${receipt.id}`,
        headers: { cookie: office },
      });
      expect(again.json().receipt).toMatchObject({ id: receipt.id, case_sha256: receipt.case_sha256 });
      const verify = await app.inject({
        url: `/api/v1/evaluations/${receipt.id}/verify`,
        headers: { cookie: office },
      });
      expect(verify.json()).toMatchObject({ reproduces: true });
      const exported = await app.inject({
        url: '/api/v1/counties/qingshui/years/2009/case',
        headers: { cookie: office },
      });
      expect(exported.json().format).toBe('zeren-case/1');
      const actions = (await s.db.selectFrom('audit_log').select('action').execute()).map((a) => a.action);
      expect(actions).toContain('case.import');
      expect(actions).toContain('evaluation.create');
    });

    it('answers an invalid import with 422, every problem in both languages, and writes nothing', async () => {
      const before = (
        await app.inject({ url: '/api/v1/counties/qingshui/years/2009/case', headers: { cookie: office } })
      ).json();
      const bad = example();
      bad.posts[3].unit = 't9';
      bad.decided_on = '2009-13-01';
      const r = await app.inject({
        method: 'PUT',
        url: '/api/v1/counties/qingshui/years/2009/case',
        headers: { cookie: office },
        payload: bad,
      });
      expect(r.statusCode).toBe(422);
      const problems = r.json().error.problems;
      expect(problems).toEqual(
        expect.arrayContaining([
          { path: 'posts[3].unit', code: 'unknown_ref', zh: '没有单位“t9”', en: 'no unit "t9"' },
          expect.objectContaining({ path: 'decided_on', code: 'date' }),
        ]),
      );
      expect(
        (
          await app.inject({ url: '/api/v1/counties/qingshui/years/2009/case', headers: { cookie: office } })
        ).json(),
      ).toEqual(before);
    });

    // The facts tests read the example's year; run alone, they import it first.
    describe('on the example year', () => {
      beforeAll(async () => {
        const posts = await app.inject({
          url: '/api/v1/counties/qingshui/posts?limit=1',
          headers: { cookie: office },
        });
        if (posts.json().total === 0)
          await app.inject({
            method: 'PUT',
            url: '/api/v1/counties/qingshui/years/2009/case',
            headers: { cookie: office },
            payload: example(),
          });
      });

      it('lists facts paged and filtered, and creates, updates and closes them', async () => {
        const page = await app.inject({
          url: '/api/v1/counties/qingshui/posts?limit=5&offset=0',
          headers: { cookie: office },
        });
        expect(page.json()).toMatchObject({ total: 22, limit: 5, offset: 0 });
        expect(page.json().items).toHaveLength(5);
        const filtered = await app.inject({
          url: '/api/v1/counties/qingshui/posts?unit=t-xishan&active_on=2009-09-30',
          headers: { cookie: office },
        });
        expect(
          filtered
            .json()
            .items.map((p: { person: string }) => p.person)
            .sort(),
        ).toEqual(['p-chen', 'p-chu', 'p-feng', 'p-wu']);
        const created = await app.inject({
          method: 'POST',
          url: '/api/v1/counties/qingshui/warning-notices',
          headers: { cookie: office },
          payload: {
            id: 'w3',
            unit: 'v-qiaotou',
            issued_on: '2009-08-01',
            matter: '孕情跟踪',
            deadline: '2009-08-31',
          },
        });
        expect(created.statusCode).toBe(201);
        const patched = await app.inject({
          method: 'PATCH',
          url: '/api/v1/counties/qingshui/warning-notices/w3',
          headers: { cookie: office },
          payload: { corrected_on: '2009-08-20' },
        });
        expect(patched.json()).toMatchObject({
          id: 'w3',
          corrected_on: '2009-08-20',
          deadline: '2009-08-31',
        });
        const closed = await app.inject({
          method: 'POST',
          url: '/api/v1/counties/qingshui/warning-notices/w3/close',
          headers: { cookie: office },
          payload: { reason: '重复录入' },
        });
        expect(closed.json()).toMatchObject({ retract_reason: '重复录入' });
      });

      it('names each bad field in Chinese and English', async () => {
        const r = await app.inject({
          method: 'POST',
          url: '/api/v1/counties/qingshui/posts',
          headers: { cookie: office },
          payload: { person: 'p-wu', unit: 't-xishan', role: 'mayor', from: 'yesterday', extra: 1 },
        });
        expect(r.statusCode).toBe(400);
        const paths = r.json().error.problems.map((p: { path: string; zh: string; en: string }) => {
          expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
          expect(p.en).toMatch(/[a-z]/);
          return p.path;
        });
        expect(paths.sort()).toEqual(['extra', 'from']);
        const invalid = await app.inject({
          method: 'POST',
          url: '/api/v1/counties/qingshui/posts',
          headers: { cookie: office },
          payload: { person: 'p-wu', unit: 't-xishan', role: 'head' },
        });
        expect(invalid.statusCode).toBe(422);
        expect(invalid.json().error.problems[0]).toMatchObject({ path: 'role', code: 'enum' });
      });
    });

    it('gives tokens for scripts, shown once, and refuses them once revoked', async () => {
      const made = await app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: { cookie: office },
        payload: { name: '导入脚本' },
      });
      expect(made.statusCode).toBe(201);
      const { id, token } = made.json();
      expect(token).toMatch(/^zrn_/);
      const asScript = await app.inject({
        url: '/api/v1/counties/qingshui/units',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(asScript.statusCode).toBe(200);
      const list = await app.inject({ url: '/api/v1/tokens', headers: { cookie: office } });
      expect(list.json().items[0].token).toBeUndefined();
      await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: { cookie: office } });
      expect(
        (
          await app.inject({
            url: '/api/v1/counties/qingshui/units',
            headers: { authorization: `Bearer ${token}` },
          })
        ).statusCode,
      ).toBe(401);
    });

    it('ends idle sessions and signing out', async () => {
      const { cookie } = await signIn('office1');
      clock = new Date(clock.getTime() + 31 * 60_000);
      expect((await app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
      const fresh = await signIn('office1');
      expect(
        (await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie: fresh.cookie } }))
          .statusCode,
      ).toBe(204);
      expect(
        (await app.inject({ url: '/api/v1/session', headers: { cookie: fresh.cookie } })).statusCode,
      ).toBe(401);
      office = (await signIn('office1')).cookie;
    });

    it('slows failed logins from one address, and records logins, failures and denials in the audit trail', async () => {
      const from = '10.20.30.40';
      for (let i = 0; i < 5; i++)
        expect((await signIn('admin', 'wrong password', from)).r.statusCode).toBe(422);
      const locked = await signIn('admin', PASSWORD, from);
      expect(locked.r.statusCode).toBe(429);
      expect(Number(locked.r.headers['retry-after'])).toBe(15);
      // The owner elsewhere is not locked out by someone else's failures.
      expect((await signIn('admin', PASSWORD, '10.20.30.41')).r.statusCode).toBe(200);
      clock = new Date(clock.getTime() + 16_000);
      const admin = await signIn('admin', PASSWORD, from);
      expect(admin.r.statusCode).toBe(200);
      const denied = await app.inject({
        url: '/api/v1/counties/qingshui/units',
        headers: { cookie: admin.cookie },
      });
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error).toMatchObject({ code: 'forbidden', zh: '无权进行此操作' });
      const actions = (await s.db.selectFrom('audit_log').select('action').execute()).map((a) => a.action);
      for (const a of ['session.login', 'session.login_failed', 'session.locked_out', 'request.denied'])
        expect(actions).toContain(a);
    });

    it('serves the OpenAPI document and the interactive docs', async () => {
      const doc = await app.inject({ url: '/api/v1/openapi.json' });
      expect(doc.statusCode).toBe(200);
      expect(doc.json().paths['/api/v1/counties/{county}/years/{fpYear}/case']).toBeDefined();
      const ui = await app.inject({ url: '/api/docs/' });
      expect(ui.statusCode).toBe(200);
    });

    it('refuses a route that is missing from the access table, to everyone', async () => {
      const extra = await buildApp({
        db: s.db,
        plugins: [(a) => a.get('/api/v1/health/extra', async () => ({ secret: true }))],
      });
      expect((await extra.inject({ url: '/api/v1/health/extra' })).statusCode).toBe(403);
      expect(
        (await extra.inject({ url: '/api/v1/health/extra', headers: { cookie: office } })).statusCode,
      ).toBe(403);
      await extra.close();
    });

    it('hides internals in a 5xx', async () => {
      const other = await createTestStore(dialect);
      const broken = await buildApp({ db: other.db });
      await other.drop(); // the database goes away under the running app
      const r = await broken.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'office1', password: PASSWORD },
      });
      expect(r.statusCode).toBe(500);
      expect(r.json().error).toMatchObject({
        code: 'internal',
        zh: expect.stringContaining('服务器内部错误'),
      });
      expect(r.body).not.toMatch(/destroyed|sqlite|postgres|select|stack/i);
      await broken.close();
    });
  });
}
