// The county most store and server tests start from: 清水县 (`qingshui`) with one account of its
// assessment office, `office1`. Test-only.

import { makeCtx } from '../../src/compose.ts';
import { SYSTEM } from '../../src/store/audit.ts';
import { createCounty } from '../../src/store/cases.ts';
import type { Db } from '../../src/store/schema.ts';
import { createUser } from '../../src/store/users.ts';

/** Creates 清水县 and its office account `office1` with `password`; the account as created. */
export async function countyWithOffice(db: Db, password: string, more: { display_name?: string } = {}) {
  const ctx = makeCtx(db);
  await createCounty(ctx, SYSTEM, { id: 'qingshui', name: '清水县' });
  return createUser(ctx, SYSTEM, {
    username: 'office1',
    password,
    role: 'office',
    county: 'qingshui',
    ...more,
  });
}
