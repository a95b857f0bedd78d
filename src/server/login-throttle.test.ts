// The login throttle, on SQLite and PostgreSQL: failures slow down the (account, address) they
// come from with growing waits; an address has a limit across accounts; an account has a limit
// for browsers it never signed in from; and the owner's own browser (its device cookie) is held
// back by none of these, so no anonymous caller keeps the owner out. Passwords are hashed off
// the event loop, after the throttle, for unknown names too.

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../compose.ts';
import { SYSTEM } from '../store/audit.ts';
import { createCounty } from '../store/cases.ts';
import { DEFAULT_AUTH, login } from '../store/login.ts';
import { checkPassword, hashPassword } from '../store/passwords.ts';
import { createTestStore, DIALECTS, type TestStore } from '../store/testing.ts';
import { createUser } from '../store/users.ts';
import { buildApp } from './app.ts';

const PASSWORD = 'throttle password 1';
const WRONG = 'not the password';

/** Whether the event loop ran a macrotask while `work` was pending (it did not block). */
async function yieldsWhile(work: () => Promise<unknown> | unknown): Promise<boolean> {
  let ticked = false;
  const pending = work();
  setImmediate(() => {
    ticked = true;
  });
  await Promise.resolve(pending).catch(() => undefined);
  return ticked;
}

describe('password hashing', () => {
  it('runs off the event loop (crypto.scrypt, not scryptSync)', async () => {
    const stored = await hashPassword('a password of ten');
    expect(await yieldsWhile(() => hashPassword('another password'))).toBe(true);
    expect(await yieldsWhile(() => checkPassword('a password of ten', stored))).toBe(true);
    expect(await checkPassword('a password of ten', stored)).toBe(true);
    expect(await checkPassword('a password of 10', stored)).toBe(false);
  });
});

for (const dialect of DIALECTS) {
  describe(`login throttle on ${dialect}`, () => {
    let s: TestStore;
    let app: FastifyInstance;
    let clock = new Date('2009-12-01T08:00:00Z');
    const ctx = () => makeCtx(s.db, () => clock);
    const tick = (seconds: number) => {
      clock = new Date(clock.getTime() + seconds * 1000);
    };
    async function attempt(username: string, password: string, from: string, device?: string) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username, password },
        remoteAddress: from,
        ...(device && { cookies: { zeren_device: device } }),
      });
      return {
        status: r.statusCode,
        wait: Number(r.headers['retry-after'] ?? 0),
        device: r.cookies.find((c) => c.name === 'zeren_device')?.value,
      };
    }
    const attempts = async () =>
      Number(
        (
          await s.db
            .selectFrom('login_attempts')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      );

    beforeAll(async () => {
      s = await createTestStore(dialect);
      // Small limits, so that a test reaches them in a few requests.
      app = await buildApp({ db: s.db, now: () => clock, auth: { addressLimit: 12, accountLimit: 20 } });
      await createCounty(ctx(), SYSTEM, { id: 'qingshui', name: '清水县' });
      for (const u of ['owner', 'victim', 'boss', 'other1', 'other2'])
        await createUser(ctx(), SYSTEM, {
          username: u,
          password: PASSWORD,
          role: 'office',
          county: 'qingshui',
        });
    });
    afterAll(async () => {
      await app.close();
      await s.drop();
    });

    it('doubles the wait with each failure of an (account, address) after five, and a success clears it', async () => {
      const from = '10.1.0.1';
      for (let i = 0; i < 5; i++) expect((await attempt('victim', WRONG, from)).status).toBe(422);
      const waits: number[] = [];
      for (let i = 0; i < 4; i++) {
        const refused = await attempt('victim', PASSWORD, from);
        expect(refused.status).toBe(429);
        waits.push(refused.wait);
        tick(refused.wait);
        expect((await attempt('victim', WRONG, from)).status).toBe(422);
      }
      expect(waits).toEqual([15, 30, 60, 120]);
      // Refused attempts are not checked at all: the right password does not get through early.
      const before = await attempts();
      expect((await attempt('victim', PASSWORD, from)).status).toBe(429);
      expect(await attempts()).toBe(before);
      tick(240);
      expect((await attempt('victim', PASSWORD, from)).status).toBe(200);
      expect((await attempt('victim', WRONG, from)).status).toBe(422);
      expect((await attempt('victim', PASSWORD, from)).status).toBe(200);
    });

    it("never keeps the owner's own browser out, whatever others do from its address or elsewhere", async () => {
      const office = '10.2.0.1';
      const first = await attempt('owner', PASSWORD, office);
      expect(first.status).toBe(200);
      const device = first.device!;
      expect(device).toBeTruthy();
      // An attacker behind the same address (the office's NAT) and from many others.
      for (let i = 0; i < 12; i++) await attempt('owner', WRONG, office);
      for (let i = 0; i < 15; i++) await attempt('owner', WRONG, `10.3.0.${i}`);
      expect((await attempt('owner', PASSWORD, office)).status).toBe(429);
      expect((await attempt('owner', PASSWORD, '10.4.0.1')).status).toBe(429); // a browser never used
      const own = await attempt('owner', PASSWORD, office, device);
      expect(own.status).toBe(200);
      expect(own.device).toBe(device);
      // Its own failures (a mistyped password) do slow its own browser down.
      for (let i = 0; i < 5; i++) expect((await attempt('owner', WRONG, office, device)).status).toBe(422);
      expect((await attempt('owner', PASSWORD, office, device)).status).toBe(429);
      tick(15);
      expect((await attempt('owner', PASSWORD, office, device)).status).toBe(200);
      // Another account's cookie does not make a browser the owner's.
      const boss = await attempt('boss', PASSWORD, '10.2.0.2');
      expect((await attempt('owner', PASSWORD, '10.4.0.1', boss.device)).status).toBe(429);
      tick(16 * 60);
    });

    it('limits failures per address across accounts, without touching other addresses', async () => {
      const from = '10.5.0.1';
      const names = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10', 'a11', 'a12'];
      for (const n of names) expect((await attempt(n, WRONG, from)).status).toBe(422);
      const refused = await attempt('other1', PASSWORD, from);
      expect(refused.status).toBe(429);
      expect(refused.wait).toBe(15 * 60);
      expect((await attempt('other1', PASSWORD, '10.5.0.2')).status).toBe(200);
      tick(15 * 60 + 1);
      expect((await attempt('other1', PASSWORD, from)).status).toBe(200);
    });

    it('takes the address from the connection, not from an X-Forwarded-For anyone can write', async () => {
      for (let i = 0; i < 12; i++)
        await app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { username: `x${i}`, password: WRONG },
          remoteAddress: '10.6.0.1',
          headers: { 'x-forwarded-for': `192.0.2.${i}` },
        });
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'other2', password: PASSWORD },
        remoteAddress: '10.6.0.1',
        headers: { 'x-forwarded-for': '192.0.2.200' },
      });
      expect(r.statusCode).toBe(429);
      const ips = await s.db
        .selectFrom('login_attempts')
        .select('ip')
        .where('username', 'in', ['x0', 'x1'])
        .execute();
      expect(ips.map((i) => i.ip)).toEqual(['10.6.0.1', '10.6.0.1']);
      tick(16 * 60);
    });

    it('hashes an unknown user name too, off the event loop, and answers it like a wrong password', async () => {
      const unknown = await attempt('nobody-here', WRONG, '10.7.0.1');
      const known = await attempt('other2', WRONG, '10.7.0.1');
      expect(unknown.status).toBe(422);
      expect(known.status).toBe(422);
      if (dialect === 'sqlite')
        // SQLite answers synchronously: only the hash can give the event loop a turn.
        expect(
          await yieldsWhile(() =>
            login(ctx(), DEFAULT_AUTH, { username: 'nobody-at-all', password: WRONG, ip: '10.7.0.2' }),
          ),
        ).toBe(true);
    });
  });
}
