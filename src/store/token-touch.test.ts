// A token's last use is written at most once a minute: a script's burst of calls is a burst of
// reads, not of writes (on SQLite and PostgreSQL).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../compose.ts';
import { SYSTEM } from './audit.ts';
import { createCounty } from './cases.ts';
import { createTestStore, DIALECTS, type TestStore } from './testing.ts';
import { createToken, tokenUser } from './tokens.ts';
import { createUser } from './users.ts';

for (const dialect of DIALECTS) {
  describe(`token last use on ${dialect}`, () => {
    let s: TestStore;
    let clock = new Date('2010-01-05T08:00:00Z');
    const ctx = () => makeCtx(s.db, () => clock);
    beforeAll(async () => {
      s = await createTestStore(dialect);
    });
    afterAll(async () => s?.drop());

    it('is written on first use, then not again within the minute, then again after it', async () => {
      await createCounty(ctx(), SYSTEM, { id: 'qingshui', name: '清水县' });
      const u = await createUser(ctx(), SYSTEM, {
        username: 'script1',
        password: 'a long enough password',
        role: 'office',
        county: 'qingshui',
      });
      const { id, token } = await createToken(ctx(), u, 'nightly');
      const used = async () =>
        (
          await s.db
            .selectFrom('api_tokens')
            .select('last_used_at')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).last_used_at;
      const first = clock.toISOString();
      expect((await tokenUser(ctx(), token))?.username).toBe('script1');
      expect(await used()).toBe(first);
      for (let i = 1; i <= 5; i++) {
        clock = new Date(clock.getTime() + 10_000);
        expect((await tokenUser(ctx(), token))?.username).toBe('script1');
      }
      expect(await used()).toBe(first);
      clock = new Date(clock.getTime() + 15_000);
      await tokenUser(ctx(), token);
      expect(await used()).toBe(clock.toISOString());
    });
  });
}
