// 0004: accounts that an attacker cannot turn against their owners, and a trail that cannot be
// flooded. API tokens expire (existing ones 90 days after they were made) and say why and by whom
// they were revoked; browsers an account has signed in from are remembered (device cookies, by
// the hash of their secret), so that failed logins elsewhere never lock the owner out; each login
// attempt names the device it came from; anonymous refusals are counted per address and window
// instead of each filling an entry of the audit trail. Frozen: a later change is a new migration.

import type { Kysely } from 'kysely';

const TOKEN_DAYS = 90;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
  await db.schema.alterTable('api_tokens').addColumn('revoked_by', 'text').execute();
  await db.schema.alterTable('api_tokens').addColumn('revoke_reason', 'text').execute();
  const tokens = await db.selectFrom('api_tokens').select(['id', 'created_at']).execute();
  for (const t of tokens as { id: string; created_at: string }[])
    await db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.parse(t.created_at) + TOKEN_DAYS * 86_400_000).toISOString() })
      .where('id', '=', t.id)
      .execute();

  await db.schema
    .createTable('login_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('login_attempts').addColumn('device', 'text').execute();
  for (const [name, cols] of [
    ['login_attempts_ip_at', ['ip', 'at']],
    ['login_attempts_username_ip_at', ['username', 'ip', 'at']],
    ['login_attempts_device_at', ['device', 'at']],
    ['login_devices_user_id', ['user_id']],
    ['api_tokens_user_id', ['user_id']],
    ['sessions_user_id', ['user_id']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on(name.startsWith('login_attempts') ? 'login_attempts' : name.replace(/_user_id$/, ''))
      .columns([...cols])
      .execute();

  // Refusals of anonymous callers, per source (an address, or an IPv6 /64) and window: the first
  // of each window is an audit entry, the rest are counted here and summed into a later entry.
  await db.schema
    .createTable('denial_windows')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('reported', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('denial_windows_pk', ['source', 'window_start'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
