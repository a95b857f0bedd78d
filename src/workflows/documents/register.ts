// Issuing a document: the first time a document is asked for, it is built from the store, given
// its 发文字号 and kept (发文登记); every later request gets the kept one. Numbers run per issuing
// office and year of the 成文日期, from 1, without gaps: the next number is taken under a lock
// (PostgreSQL: a transaction lock; SQLite: one writer), and the table refuses a number twice.
// The issue is in the audit trail with the number and the SHA-256 of what was issued.

import { randomUUID } from 'node:crypto';
import { PostgresAdapter, sql } from 'kysely';
import { canonicalJson, sha256 } from '../../domain/canonical.ts';
import { type Actor, appendAudit } from '../../store/audit.ts';
import type { Ctx } from '../../store/ctx.ts';
import { readSnapshot } from '../../store/db.ts';
import { notFound } from '../../store/errors.ts';
import type { Db, Row, Tx } from '../../store/schema.ts';
import type { Scope } from '../../store/scope.ts';
import { holders } from './common.ts';
import { DOC_KINDS, type DocKind, type OfficialDoc } from './model.ts';
import { type IssuingOffice, issuingOffices, type OfficeId } from './offices.ts';

export interface IssueSpec {
  county: string;
  kind: DocKind;
  /** What the document is about: one document of a kind per object. */
  object: { type: string; id: string };
  /** The office whose 发文字号 it takes; null for a form that carries its own number. */
  office: OfficeId | null;
  /** A form's own number (a receipt book's), when `office` is null. */
  number?: string;
  /** 成文日期: its year is the year of the number. */
  dated: string;
  build(issued: { number?: string; offices: Record<OfficeId, IssuingOffice> }): OfficialDoc;
}

export interface Issued {
  id: string;
  kind: DocKind;
  number: string | null;
  dated: string;
  doc: OfficialDoc;
  issued_by: string;
  issued_at: string;
}

/** 清人考〔2010〕12号 */
export const documentNumber = (code: string, year: number, seq: number) => `${code}〔${year}〕${seq}号`;

const issuedOf = (r: Row<'issued_documents'>): Issued => ({
  id: r.id,
  kind: r.kind as DocKind,
  number: r.number,
  dated: r.dated,
  doc: JSON.parse(r.content_json) as OfficialDoc,
  issued_by: r.issued_by,
  issued_at: r.issued_at,
});

async function kept(db: Db | Tx, spec: Pick<IssueSpec, 'county' | 'kind' | 'object'>) {
  return db
    .selectFrom('issued_documents')
    .selectAll()
    .where('county_id', '=', spec.county)
    .where('kind', '=', spec.kind)
    .where('object_id', '=', spec.object.id)
    .executeTakeFirst();
}

/**
 * Reads what a document says on one snapshot of the store, so that a document never mixes two
 * versions of what it is about (a write committing between its reads).
 */
export function inSnapshot<T>(ctx: Ctx, f: (snapshot: Ctx) => Promise<T>): Promise<T> {
  return readSnapshot(ctx.db, (db) => f({ ...ctx, db }));
}

/**
 * The document of an object: the kept one, or a new one numbered and recorded now. What it says
 * was read beforehand on one snapshot (`inSnapshot`); the letterhead and the number are read
 * here, under the lock that numbers documents one at a time.
 */
export async function issue(ctx: Ctx, actor: Actor, spec: IssueSpec): Promise<Issued> {
  return ctx.db.transaction().execute(async (trx) => {
    if (trx.getExecutor().adapter instanceof PostgresAdapter)
      await sql`select pg_advisory_xact_lock(7421005)`.execute(trx);
    // Kept already, or issued by another request while this one waited for the lock.
    const before = await kept(trx, spec);
    if (before) return issuedOf(before);
    const offices = await issuingOffices(trx, spec.county);
    const year = Number(spec.dated.slice(0, 4));
    let seq: number | null = null;
    let number = spec.number ?? null;
    if (spec.office) {
      const last = await trx
        .selectFrom('issued_documents')
        .select((eb) => eb.fn.max('seq').as('m'))
        .where('county_id', '=', spec.county)
        .where('office', '=', spec.office)
        .where('year', '=', year)
        .executeTakeFirst();
      seq = Number(last?.m ?? 0) + 1;
      number = documentNumber(offices[spec.office].code, year, seq);
    }
    const doc = spec.build({ number: number ?? undefined, offices });
    const content = canonicalJson(doc);
    const at = ctx.now().toISOString();
    const row: Row<'issued_documents'> = {
      id: randomUUID(),
      county_id: spec.county,
      kind: spec.kind,
      object_type: spec.object.type,
      object_id: spec.object.id,
      office: spec.office,
      year: spec.office ? year : null,
      seq,
      number,
      dated: spec.dated,
      title: doc.title,
      content_json: content,
      content_sha256: sha256(content),
      issued_by: actor.name,
      issued_at: at,
    };
    await trx.insertInto('issued_documents').values(row).execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'document.issue',
        object_type: 'issued_documents',
        object_id: row.id,
        county_id: spec.county,
        after: {
          kind: row.kind,
          kind_zh: DOC_KINDS[spec.kind],
          object_type: row.object_type,
          object_id: row.object_id,
          number,
          dated: row.dated,
          title: row.title,
          content_sha256: row.content_sha256,
        },
      },
      at,
    );
    return issuedOf(row);
  });
}

export interface RegisterLine {
  id: string;
  kind: DocKind;
  kind_zh: string;
  object_type: string;
  object_id: string;
  office: string | null;
  number: string | null;
  dated: string;
  title: string;
  content_sha256: string;
  issued_by: string;
  /** The name of who issued it, when the account has one. */
  issued_by_name: string | null;
  issued_at: string;
}

/** 发文登记簿: the documents a county issued, by office, year and number (forms last, by date). */
export async function documentRegister(
  ctx: Ctx,
  scope: Scope,
  county: string,
  year?: number,
): Promise<RegisterLine[]> {
  if (scope.county !== county) throw notFound('县', county);
  let qb = ctx.db.selectFrom('issued_documents').selectAll().where('county_id', '=', county);
  if (year !== undefined) qb = qb.where('dated', '>=', `${year}-01-01`).where('dated', '<=', `${year}-12-31`);
  const rows = await qb.execute();
  const names = await holders(ctx.db, [...new Set(rows.map((r) => r.issued_by))]);
  const order = (r: Row<'issued_documents'>) =>
    `${r.office ? 0 : 1}|${r.office ?? ''}|${r.year ?? ''}|${String(r.seq ?? 0).padStart(8, '0')}|${r.dated}|${r.issued_at}`;
  return rows
    .sort((a, b) => (order(a) < order(b) ? -1 : 1))
    .map((r) => ({
      id: r.id,
      kind: r.kind as DocKind,
      kind_zh: DOC_KINDS[r.kind as DocKind] ?? r.kind,
      object_type: r.object_type,
      object_id: r.object_id,
      office: r.office,
      number: r.number,
      dated: r.dated,
      title: r.title,
      content_sha256: r.content_sha256,
      issued_by: r.issued_by,
      issued_by_name: names.get(r.issued_by) ?? null,
      issued_at: r.issued_at,
    }));
}
