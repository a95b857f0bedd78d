// Accounts carry the name documents print (姓名): given when the account is made or changed,
// checked, returned, and recorded in the audit trail.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../compose.ts';
import { SYSTEM } from '../store/audit.ts';
import { createCounty } from '../store/cases.ts';
import { createTestStore, type TestStore } from '../store/testing.ts';
import { createToken } from '../store/tokens.ts';
import { createUser } from '../store/users.ts';
import { buildApp } from './app.ts';

describe('display names of accounts', () => {
  let s: TestStore;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let auth: { authorization: string };
  beforeAll(async () => {
    s = await createTestStore('sqlite');
    const ctx = makeCtx(s.db, () => new Date('2010-01-05T02:00:00Z'));
    app = await buildApp({ db: s.db, now: ctx.now });
    await createCounty(ctx, SYSTEM, { id: 'qingshui', name: '清水县' });
    const admin = await createUser(ctx, SYSTEM, {
      username: 'root',
      password: 'admin password',
      role: 'admin',
    });
    auth = { authorization: `Bearer ${(await createToken(ctx, admin, 't')).token}` };
  });
  afterAll(async () => {
    await app.close();
    await s.drop();
  });

  it('takes the name on create and on change, clears it with null, and refuses a blank or too long one', async () => {
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: auth,
      payload: {
        username: 'clerk1',
        password: 'clerk password',
        role: 'office',
        county: 'qingshui',
        display_name: '王志刚',
      },
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ username: 'clerk1', display_name: '王志刚' });
    const changed = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${made.json().id}`,
      headers: auth,
      payload: { display_name: '李红' },
    });
    expect(changed.json().display_name).toBe('李红');
    const list = (await app.inject({ url: '/api/v1/users', headers: auth })).json();
    expect(list.items.find((u: { username: string }) => u.username === 'clerk1').display_name).toBe('李红');
    const audit = await s.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.update')
      .execute();
    expect(JSON.parse(audit.at(-1)!.after!).display_name).toBe('李红');
    for (const bad of ['名'.repeat(41), '王\u0007']) {
      const r = await app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${made.json().id}`,
        headers: auth,
        payload: { display_name: bad },
      });
      expect([400, 422], JSON.stringify(bad)).toContain(r.statusCode);
      expect(r.body).toContain('display_name');
    }
    // null (or an empty string) clears the name: documents then leave a blank to sign by hand.
    const cleared = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${made.json().id}`,
      headers: auth,
      payload: { display_name: null },
    });
    expect(cleared.json().display_name).toBeNull();
    await expect(
      createUser(makeCtx(s.db), SYSTEM, {
        username: 'clerk2',
        password: 'clerk password',
        role: 'office',
        county: 'qingshui',
        display_name: '  ',
      }),
    ).rejects.toMatchObject({ problems: [{ path: 'display_name', code: 'format' }] });
  });
});
