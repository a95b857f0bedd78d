// The name a table or document gives the person who made it (制表人, 经办人): people's names, not
// login names (issue 12). Accounts have only a login today; when users get a display name
// (`users.display_name`, added with the accounts work), this is the one place to read it.

import type { Db } from '../store/schema.ts';
import type { Scope } from '../store/scope.ts';

/**
 * The display name of the signed-in person, else their login.
 * HOOK: once `users.display_name` exists, select it here by `scope.userId`
 * (`display_name ?? username`); every workbook's 制表人 follows.
 */
export async function preparerName(_db: Db, scope: Scope): Promise<string> {
  return scope.actor.name;
}
