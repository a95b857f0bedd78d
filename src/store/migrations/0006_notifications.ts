// 0006: notifications — what changed for a user since they last looked (a roster returned to its
// unit, a warning notice issued to a unit, a decision confirmed). Each is written in the
// transaction of the event that causes it, addressed to roles and (for a unit's events) a unit,
// so a reader sees only those about objects in its jurisdiction. Reads are kept per user, by
// notification id (also for notices derived at read time, such as a fine falling due, which
// are not stored). Frozen: a later change is a new migration.

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    // roster_returned | notice_issued | decision_confirmed
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON list of the roles it is for.
    .addColumn('roles', 'text', (c) => c.notNull())
    // The unit it concerns (seen by who may see that unit: a town sees its villages'); null: the county.
    .addColumn('unit_id', 'text')
    .addColumn('fp_year', 'integer')
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    // What happened, in Chinese, and where to see it in the browser application.
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    // Who caused it (a user name): they are not told of their own doing.
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notifications_county_created')
    .on('notifications')
    .columns(['county_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('notification_reads')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // A stored notification's id, or a derived one's (e.g. fine-due:OBLIGATION:DATE).
    .addColumn('notification_id', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_reads_pk', ['user_id', 'notification_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
