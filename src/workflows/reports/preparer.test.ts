// 制表人 is the person's name (users.display_name), not the login, on SQLite and PostgreSQL.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../../compose.ts';
import { SYSTEM } from '../../store/audit.ts';
import { createCounty } from '../../store/cases.ts';
import { scopeFor, systemScope } from '../../store/scope.ts';
import { createTestStore, DIALECTS, type TestStore } from '../../store/testing.ts';
import { createUser } from '../../store/users.ts';
import { preparerName } from './preparer.ts';

for (const dialect of DIALECTS)
  describe(`the preparer's name on ${dialect}`, () => {
    let s: TestStore;
    const ctx = () => makeCtx(s.db, () => new Date('2010-01-05T02:00:00Z'));
    beforeAll(async () => {
      s = await createTestStore(dialect);
      await createCounty(ctx(), SYSTEM, { id: 'qingshui', name: '清水县' });
    });
    afterAll(async () => {
      await s.drop();
    });

    const scopeOf = async (username: string, display_name?: string) => {
      const u = await createUser(ctx(), SYSTEM, {
        username,
        password: 'clerk password',
        role: 'office',
        county: 'qingshui',
        ...(display_name === undefined ? {} : { display_name }),
      });
      return scopeFor(s.db, { id: u.id, username, role: 'office', county_id: 'qingshui', unit_id: null });
    };

    it('names the signed-in person by the display name of the account', async () => {
      expect(await preparerName(s.db, await scopeOf('clerk1', '王志刚'))).toBe('王志刚');
    });

    it('leaves the name to be written by hand when the account has none, or for the system: never a login', async () => {
      expect(await preparerName(s.db, await scopeOf('clerk2'))).toBe('');
      expect(await preparerName(s.db, systemScope('qingshui'))).toBe('');
    });
  });
