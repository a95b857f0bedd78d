// Every document reads what it says on one snapshot of the store: run against a database handle
// that refuses any query made outside a transaction, each kind of document still prints — the
// same bytes as when it was first issued — so none of its reads can see a write committed
// between two of them.

import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../store/ctx.ts';
import type { Database } from '../../store/schema.ts';
import type { DocumentFile } from './common.ts';
import { decisionDocument } from './decision.ts';
import { entryDocument } from './ledger-documents.ts';
import { obligationNotice } from './money-notices.ts';
import { noticeDocument } from './notice.ts';
import { actionDocument } from './personnel.ts';
import { issueSamples, SAMPLE_COUNTY, type Samples } from './samples.ts';

/** A handle on which only `transaction()` works: every query must run inside one. */
function transactionsOnly(db: Kysely<Database>): Kysely<Database> {
  const allowed = new Set<PropertyKey>(['transaction', 'isTransaction', 'then']);
  return new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (allowed.has(prop)) return value.bind(target);
      return () => {
        throw new Error(`a query outside a transaction: db.${String(prop)}()`);
      };
    },
  });
}

describe('documents read one snapshot', () => {
  let s: Samples;
  beforeAll(async () => {
    s = await issueSamples('sqlite');
  }, 120_000);
  afterAll(async () => s?.store.drop());

  it('the handle refuses a query outside a transaction (the test can fail)', async () => {
    const db = transactionsOnly(s.store.db);
    expect(() => db.selectFrom('counties').selectAll()).toThrow(/outside a transaction/);
    await expect(
      db.transaction().execute((tx) => tx.selectFrom('counties').select('id').execute()),
    ).resolves.toEqual([{ id: SAMPLE_COUNTY }]);
  });

  it('prints every kind of document with every read inside a transaction, unchanged', async () => {
    const ctx: Ctx = { ...s.ctx, db: transactionsOnly(s.store.db) };
    const rows = await s.store.db
      .selectFrom('issued_documents')
      .select(['kind', 'object_type', 'object_id', 'content_sha256'])
      .execute();
    const again = async (r: (typeof rows)[number]): Promise<DocumentFile> => {
      const id = r.object_id;
      switch (r.object_type) {
        case 'warning_notices':
          return noticeDocument(ctx, s.office, SAMPLE_COUNTY, id);
        case 'decisions':
          return decisionDocument(ctx, s.office, id);
        case 'obligations':
          return obligationNotice(ctx, s.office, id.split('@')[0]!);
        case 'ledger_entries':
          return entryDocument(ctx, s.finance, id);
        case 'personnel_actions':
          return actionDocument(ctx, s.office, id);
        default:
          throw new Error(`no document for ${r.object_type}`);
      }
    };
    const kinds = new Set<string>();
    for (const r of rows) {
      const doc = await again(r);
      const first = s.documents[r.kind as keyof Samples['documents']];
      if (first) expect(Buffer.compare(doc.body, first.body), r.kind).toBe(0);
      kinds.add(r.kind);
    }
    expect([...kinds].sort()).toEqual(Object.keys(s.documents).sort());
  });
});
