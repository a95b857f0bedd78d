// The name a table or document gives the person who made it (制表人, 经办人): people's names, not
// login names (issue 12). Accounts carry the name documents print (`users.display_name`); this is
// the one place that reads it for a workbook's 制表人.

import type { Db } from '../../store/schema.ts';
import type { Scope } from '../../store/scope.ts';

/**
 * The display name of the signed-in person (users.display_name). An account without one, or the
 * system itself, gets an empty 制表人 to sign by hand (as a document's 经办人): never a login.
 */
export async function preparerName(db: Db, scope: Scope): Promise<string> {
  if (!scope.userId) return '';
  const row = await db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', scope.userId)
    .executeTakeFirst();
  return row?.display_name?.trim() || '';
}
