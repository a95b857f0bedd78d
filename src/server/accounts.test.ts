// Accounts through the API, on SQLite and PostgreSQL: an administrator bound to a county stays in
// it and grants no wider scope than its own; API tokens expire, die with a password reset or a
// disabled account (and stay dead when it is enabled again), are made only by a signed-in
// session, and an administrator lists and revokes another account's tokens within its county.

import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../compose.ts';
import { SYSTEM } from '../store/audit.ts';
import { createCounty } from '../store/cases.ts';
import { createTestStore, DIALECTS, type TestStore } from '../store/testing.ts';
import type { User } from '../store/user-row.ts';
import { createUser } from '../store/users.ts';
import { buildApp } from './app.ts';

const PASSWORD = 'accounts password 1';

for (const dialect of DIALECTS) {
  describe(`accounts on ${dialect}`, () => {
    let s: TestStore;
    let app: FastifyInstance;
    let clock = new Date('2009-12-01T08:00:00Z');
    const cookies: Record<string, string> = {};
    const users: Record<string, User> = {};

    const call = (who: string, opts: InjectOptions) =>
      app.inject({ ...opts, headers: { ...opts.headers, cookie: cookies[who] ?? '' } });
    async function signIn(username: string, password = PASSWORD) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
      const c = r.cookies.find((x) => x.name === 'zeren_session');
      return { status: r.statusCode, cookie: c ? `zeren_session=${c.value}` : '' };
    }
    const row = (id: string) => s.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

    beforeAll(async () => {
      s = await createTestStore(dialect);
      app = await buildApp({ db: s.db, now: () => clock });
      const ctx = makeCtx(s.db, () => clock);
      await createCounty(ctx, SYSTEM, { id: 'qingshui', name: '清水县' });
      await createCounty(ctx, SYSTEM, { id: 'other', name: '另一县' });
      const make = async (username: string, role: string, county: string | null) => {
        users[username] = await createUser(ctx, SYSTEM, { username, password: PASSWORD, role, county });
        cookies[username] = (await signIn(username)).cookie;
      };
      await make('root', 'admin', null);
      await make('qs-admin', 'admin', 'qingshui');
      await make('qs-office', 'office', 'qingshui');
      await make('qs-clerk', 'office', 'qingshui');
      await make('other-office', 'office', 'other');
    });
    afterAll(async () => {
      await app.close();
      await s.drop();
    });

    describe('an administrator bound to a county', () => {
      it('creates accounts only in its own county, and says so the same way whatever county is named', async () => {
        const make = (county?: string | null, role = 'office') =>
          call('qs-admin', {
            method: 'POST',
            url: '/api/v1/users',
            payload: {
              username: `u-${Math.random().toString(36).slice(2, 8)}`,
              password: PASSWORD,
              role,
              county,
            },
          });
        const other = await make('other');
        expect(other.statusCode).toBe(403);
        expect(other.json().error.problems).toEqual([
          expect.objectContaining({ path: 'county', code: 'outside_jurisdiction' }),
        ]);
        // An existing county and one that does not exist get the same answer.
        expect((await make('no-such-county')).body).toBe(other.body);
        // No county at all: an administrator of every county — wider than its own.
        const global = await make(undefined, 'admin');
        expect(global.statusCode).toBe(403);
        expect(global.body).toBe(other.body);
        // Its own county, even another administrator of it: allowed.
        expect((await make('qingshui')).statusCode).toBe(201);
        expect((await make('qingshui', 'admin')).statusCode).toBe(201);
        expect(
          await s.db.selectFrom('users').select('id').where('county_id', 'is', null).execute(),
        ).toHaveLength(1);
      });

      it('cannot move an account out of its county, nor make itself an administrator of every county', async () => {
        const office = users['qs-clerk']!;
        const move = await call('qs-admin', {
          method: 'PATCH',
          url: `/api/v1/users/${office.id}`,
          payload: { county: 'other', role: 'office', password: 'a password it sets' },
        });
        expect(move.statusCode).toBe(403);
        expect((await row(office.id))?.county_id).toBe('qingshui');
        const self = users['qs-admin']!;
        const widen = await call('qs-admin', {
          method: 'PATCH',
          url: `/api/v1/users/${self.id}`,
          payload: { county: null },
        });
        expect(widen.statusCode).toBe(403);
        expect(widen.json().error.problems[0]).toMatchObject({ path: 'county' });
        expect((await row(self.id))?.county_id).toBe('qingshui');
        // Naming its own county changes nothing and is allowed.
        const same = await call('qs-admin', {
          method: 'PATCH',
          url: `/api/v1/users/${office.id}`,
          payload: { county: 'qingshui', role: 'auditor' },
        });
        expect(same.statusCode).toBe(200);
        expect(same.json()).toMatchObject({ county: 'qingshui', role: 'auditor' });
        // Another county's account is as absent as one that does not exist.
        const theirs = await call('qs-admin', {
          method: 'PATCH',
          url: `/api/v1/users/${users['other-office']!.id}`,
          payload: { disabled: true },
        });
        expect(theirs.statusCode).toBe(404);
        expect((await row(users['other-office']!.id))?.disabled_at).toBeNull();
      });

      it('leaves an administrator of every county free to move accounts between counties', async () => {
        const made = await call('root', {
          method: 'POST',
          url: '/api/v1/users',
          payload: { username: 'mover', password: PASSWORD, role: 'office', county: 'qingshui' },
        });
        const moved = await call('root', {
          method: 'PATCH',
          url: `/api/v1/users/${made.json().id}`,
          payload: { county: 'other' },
        });
        expect(moved.statusCode).toBe(200);
        expect(moved.json().county).toBe('other');
      });
    });

    describe('API tokens', () => {
      async function token(who: string, payload: object = { name: '脚本' }) {
        const r = await call(who, { method: 'POST', url: '/api/v1/tokens', payload });
        expect(r.statusCode).toBe(201);
        return r.json() as { id: string; token: string; expires_at: string };
      }
      const works = async (t: string) =>
        (await app.inject({ url: '/api/v1/session', headers: { authorization: `Bearer ${t}` } }))
          .statusCode === 200;

      it('expire after 90 days by default, or after the days asked for (a year at most)', async () => {
        const t = await token('qs-office');
        expect(Date.parse(t.expires_at) - clock.getTime()).toBe(90 * 86_400_000);
        const week = await token('qs-office', { name: '一周', expires_in_days: 7 });
        expect(await works(week.token)).toBe(true);
        const tooLong = await call('qs-office', {
          method: 'POST',
          url: '/api/v1/tokens',
          payload: { name: '永久', expires_in_days: 3650 },
        });
        expect(tooLong.statusCode).toBe(400);
        expect(tooLong.json().error.problems[0]).toMatchObject({ path: 'expires_in_days', code: 'range' });
        const start = clock;
        clock = new Date(start.getTime() + 8 * 86_400_000);
        const fresh = (await signIn('qs-office')).cookie;
        cookies['qs-office'] = fresh;
        expect(await works(week.token)).toBe(false);
        expect(await works(t.token)).toBe(true);
        clock = new Date(start.getTime() + 90 * 86_400_000);
        expect(await works(t.token)).toBe(false);
        clock = start;
        cookies['qs-office'] = (await signIn('qs-office')).cookie;
      });

      it('are made by a signed-in session only, never by another token', async () => {
        const t = await token('qs-office');
        const r = await app.inject({
          method: 'POST',
          url: '/api/v1/tokens',
          headers: { authorization: `Bearer ${t.token}` },
          payload: { name: '再生' },
        });
        expect(r.statusCode).toBe(403);
        expect(r.json().error.code).toBe('session_required');
      });

      it('die with a password reset, and with a disabled account, and stay dead when it is enabled again', async () => {
        const office = users['qs-office']!;
        const before = await token('qs-office');
        expect(await works(before.token)).toBe(true);
        const reset = await call('qs-admin', {
          method: 'PATCH',
          url: `/api/v1/users/${office.id}`,
          payload: { password: 'a brand new password' },
        });
        expect(reset.statusCode).toBe(200);
        expect(await works(before.token)).toBe(false);
        cookies['qs-office'] = (await signIn('qs-office', 'a brand new password')).cookie;
        const next = await token('qs-office');
        await call('qs-admin', {
          method: 'PATCH',
          url: `/api/v1/users/${office.id}`,
          payload: { disabled: true },
        });
        expect(await works(next.token)).toBe(false);
        await call('qs-admin', {
          method: 'PATCH',
          url: `/api/v1/users/${office.id}`,
          payload: { disabled: false },
        });
        expect(await works(next.token)).toBe(false);
        const listed = await call('qs-admin', { url: `/api/v1/users/${office.id}/tokens` });
        const reasons = Object.fromEntries(
          listed.json().items.map((i: { id: string; revoke_reason: string }) => [i.id, i.revoke_reason]),
        );
        expect(reasons[before.id]).toBe('password_reset');
        expect(reasons[next.id]).toBe('account_disabled');
        await call('qs-admin', {
          method: 'PATCH',
          url: `/api/v1/users/${office.id}`,
          payload: { password: PASSWORD },
        });
        cookies['qs-office'] = (await signIn('qs-office')).cookie;
      });

      it("are listed and revoked by an administrator of the owner's county, and by nobody else", async () => {
        const office = users['qs-office']!;
        const t = await token('qs-office');
        const list = await call('qs-admin', { url: `/api/v1/users/${office.id}/tokens` });
        expect(list.statusCode).toBe(200);
        expect(list.json().items.map((i: { id: string }) => i.id)).toContain(t.id);
        expect(JSON.stringify(list.json())).not.toContain(t.token);
        // Another county's administrator: as if the account did not exist.
        const otherAdmin = await createUser(
          makeCtx(s.db, () => clock),
          SYSTEM,
          {
            username: 'other-admin',
            password: PASSWORD,
            role: 'admin',
            county: 'other',
          },
        );
        expect(otherAdmin.county).toBe('other');
        cookies['other-admin'] = (await signIn('other-admin')).cookie;
        expect((await call('other-admin', { url: `/api/v1/users/${office.id}/tokens` })).statusCode).toBe(
          404,
        );
        expect(
          (await call('other-admin', { method: 'DELETE', url: `/api/v1/users/${office.id}/tokens/${t.id}` }))
            .statusCode,
        ).toBe(404);
        expect(await works(t.token)).toBe(true);
        // Not an administrator: refused by the access table.
        expect((await call('qs-office', { url: `/api/v1/users/${office.id}/tokens` })).statusCode).toBe(403);
        const revoked = await call('qs-admin', {
          method: 'DELETE',
          url: `/api/v1/users/${office.id}/tokens/${t.id}`,
        });
        expect(revoked.statusCode).toBe(200);
        expect(revoked.json()).toMatchObject({ revoked_by: 'qs-admin', revoke_reason: 'revoked' });
        expect(await works(t.token)).toBe(false);
        const audit = await s.db
          .selectFrom('audit_log')
          .select(['actor', 'county_id'])
          .where('action', '=', 'token.revoke')
          .where('object_id', '=', t.id)
          .executeTakeFirstOrThrow();
        expect(audit).toEqual({ actor: 'qs-admin', county_id: 'qingshui' });
      });
    });
  });
}
