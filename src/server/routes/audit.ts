// The audit trail, for the discipline commission and audit bureau (read only) and administrators:
// the entries of the reader's county filtered and paged, who appears in it, the head of the chain
// to keep, and the check of the chain against a head kept earlier.

import { Type } from 'typebox';
import { auditHead, verifyAudit } from '../../store/audit.ts';
import { auditActors, listAudit } from '../../store/audit-query.ts';
import type { Ctx } from '../../store/ctx.ts';
import { invalid } from '../../store/errors.ts';
import { scopeOf } from '../auth.ts';
import type { TypedApp } from '../schema-kit.ts';
import { DateStr, errors, OFFSET_MAX } from '../schemas.ts';

const SEQ_MAX = 2 ** 31 - 1;
const Hash = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const Entry = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ description: 'ISO-8601, UTC' }),
  actor: Type.String({ description: 'the user name as recorded' }),
  actor_name: Nullable(Type.String({ description: "the account's display name, when it has one" })),
  actor_role: Type.String(),
  actor_role_zh: Type.String(),
  action: Type.String(),
  action_zh: Type.String(),
  object_type: Type.String(),
  object_type_zh: Type.String(),
  object_id: Type.String(),
  county_id: Nullable(Type.String()),
  unit_id: Nullable(Type.String()),
  unit_name: Nullable(Type.String()),
  before: Type.Unknown({ description: 'the values before (null: nothing was there)' }),
  after: Type.Unknown({ description: 'the values after (null: nothing is there now)' }),
  prev_hash: Type.String(),
  hash: Type.String(),
});
const Head = Type.Object({ seq: Type.Integer(), hash: Type.String() });
const HeadOut = Type.Object({
  seq: Type.Integer(),
  hash: Type.String(),
  at: Type.String({ description: 'when the head was read' }),
});
const Verification = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer({ description: 'entries checked in order before the answer' }),
  head: Head,
  problem: Type.Optional(Type.Object({ seq: Type.Integer(), zh: Type.String(), en: Type.String() })),
});

/** A kept head from the query: `head=SEQ:HASH`, or `seq` and `hash` together, or none. */
function keptHead(q: {
  head?: string;
  seq?: number;
  hash?: string;
}): { seq: number; hash: string } | undefined {
  if (q.head !== undefined) {
    const [seq, hash] = q.head.split(':');
    return { seq: Number(seq), hash: hash! };
  }
  if (q.seq === undefined && q.hash === undefined) return undefined;
  if (q.seq === undefined || q.hash === undefined)
    throw invalid([
      {
        path: q.seq === undefined ? 'seq' : 'hash',
        code: 'required',
        zh: '核对保存的头哈希须同时给出编号（seq）和哈希（hash）',
        en: 'checking a kept head needs both its number (seq) and its hash',
      },
    ]);
  return { seq: q.seq, hash: q.hash };
}

export function auditRoutes(app: TypedApp, ctx: Ctx): void {
  const tags = ['audit'];
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags,
        summary: 'audit entries of your county, newest first, filtered and paged',
        description:
          '`from`/`to` are days in China (inclusive). `unit` takes a town with its villages. `county` narrows an administrator of every county; others see their own county only. `total` counts every entry the filter matches.',
        querystring: Type.Object(
          {
            limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
            offset: Type.Integer({ minimum: 0, maximum: OFFSET_MAX, default: 0 }),
            before_seq: Type.Optional(Type.Integer({ minimum: 1, maximum: SEQ_MAX })),
            actor: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            from: Type.Optional(DateStr),
            to: Type.Optional(DateStr),
            action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            object_type: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            object_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            unit: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            county: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Entry), total: Type.Integer() }),
          ...errors(400, 401, 403, 422),
        },
      },
    },
    async (req) => {
      const { limit, offset, before_seq, ...filter } = req.query;
      if (filter.from && filter.to && filter.from > filter.to)
        throw invalid([
          { path: 'to', code: 'range', zh: '截止日期不能早于起始日期', en: 'to is before from' },
        ]);
      return listAudit(ctx.db, scopeOf(req).county, filter, { limit, offset, before_seq });
    },
  );
  app.get(
    '/api/v1/audit/actors',
    {
      schema: {
        tags,
        summary: 'who appears in your county’s trail, with their names and roles (for the "who" filter)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                actor: Type.String(),
                actor_name: Nullable(Type.String()),
                actor_role: Type.String(),
                actor_role_zh: Type.String(),
                entries: Type.Integer(),
              }),
            ),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => ({ items: await auditActors(ctx.db, scopeOf(req).county) }),
  );
  app.get(
    '/api/v1/audit/head',
    {
      schema: {
        tags,
        summary: 'the head of the chain, to keep (as SEQ:HASH) and check against later',
        response: { 200: HeadOut, ...errors(401, 403) },
      },
    },
    async () => ({ ...(await auditHead(ctx.db)), at: ctx.now().toISOString() }),
  );
  app.get(
    '/api/v1/audit/verify',
    {
      schema: {
        tags,
        summary: 'check the whole chain, and optionally that a head kept earlier is still in it',
        description: 'The kept head as `head=SEQ:HASH`, or as `seq` and `hash` (both or neither).',
        querystring: Type.Object(
          {
            head: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,9}:[0-9a-f]{64}$' })),
            seq: Type.Optional(Type.Integer({ minimum: 1, maximum: SEQ_MAX })),
            hash: Type.Optional(Hash),
          },
          { additionalProperties: false },
        ),
        response: { 200: Verification, ...errors(400, 401, 403, 422) },
      },
    },
    async (req) => verifyAudit(ctx.db, keptHead(req.query)),
  );
}
