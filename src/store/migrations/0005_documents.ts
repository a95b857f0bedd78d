// 0005: official documents. Accounts get the name a document prints (`display_name`, never the
// login name). Each county's issuing offices (the assessment office, the finance bureau) have
// their names, 发文机关标志, 机关代字 and letterhead choice. Every document issued is kept, with
// its 发文字号 — numbered per office and year without gaps, never twice — and its content, so a
// reprint is the same document. Frozen: a later change is a new migration.

import { type Kysely, SqliteAdapter, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  await db.schema.alterTable('users').addColumn('display_name', 'text').execute();

  await db.schema
    .createTable('issuing_offices')
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    // office | finance
    .addColumn('id', 'text', (c) => c.notNull())
    // The full name, as it signs (发文机关署名) and prints in the 版记.
    .addColumn('name', 'text', (c) => c.notNull())
    // 发文机关标志 in the red 版头, e.g. the name followed by 文件.
    .addColumn('mark', 'text', (c) => c.notNull())
    // 机关代字 of the 发文字号, e.g. 清人考 in 清人考〔2010〕12号.
    .addColumn('code', 'text', (c) => c.notNull())
    // print: the red 版头 is printed; preprinted: the county prints on its own 红头 paper.
    .addColumn('letterhead', 'text', (c) => c.notNull())
    // gb: 方正小标宋简体, 仿宋_GB2312, 楷体_GB2312; system: 宋体 bold, 仿宋, 楷体.
    .addColumn('fonts', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('issuing_offices_pk', ['county_id', 'id'])
    .execute();

  await db.schema
    .createTable('issued_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_id', 'text', (c) => c.notNull().references('counties.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    // The issuing office and the year and number of its 发文字号; null for a form (a receipt
    // carries the number of the receipt book instead, in `number`).
    .addColumn('office', 'text')
    .addColumn('year', 'integer')
    .addColumn('seq', 'integer')
    .addColumn('number', 'text')
    // 成文日期
    .addColumn('dated', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // The document as issued (src/documents/model.ts), and its SHA-256.
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('issued_documents_once', ['county_id', 'kind', 'object_id'])
    .addUniqueConstraint('issued_documents_number', ['county_id', 'office', 'year', 'seq'])
    .execute();
  await db.schema
    .createIndex('issued_documents_county_year')
    .on('issued_documents')
    .columns(['county_id', 'year'])
    .execute();

  // An issued document is a record: it is never changed or removed.
  if (sqlite)
    for (const op of ['UPDATE', 'DELETE'])
      await sql
        .raw(
          `CREATE TRIGGER issued_documents_no_${op.toLowerCase()} BEFORE ${op} ON issued_documents BEGIN SELECT RAISE(ABORT, 'issued_documents is append-only'); END`,
        )
        .execute(db);
  else {
    await sql
      .raw(
        'CREATE TRIGGER issued_documents_append_only BEFORE UPDATE OR DELETE ON issued_documents FOR EACH ROW EXECUTE FUNCTION zeren_append_only()',
      )
      .execute(db);
    await sql
      .raw(
        'CREATE TRIGGER issued_documents_no_truncate BEFORE TRUNCATE ON issued_documents FOR EACH STATEMENT EXECUTE FUNCTION zeren_append_only()',
      )
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
