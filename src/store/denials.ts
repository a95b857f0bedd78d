// Refusals of anonymous callers (not signed in, throttled logins) in the audit trail, without
// letting anyone flood it. Each source — an address, or the /64 network of an IPv6 address — is
// counted per ten-minute window (`denial_windows`): the first refusal of a window becomes an audit
// entry that also says how many refusals the source had in earlier windows not yet reported; the
// others are only counted. At most ENTRY_BUDGET such entries are written per window in all. The
// entry keeps at most URL_MAX characters of what the caller sent and is never filed under a
// county (a URL names any county it likes).

import { sql } from 'kysely';
import { type AuditEvent, appendAudit } from './audit.ts';
import type { Db, Tx } from './schema.ts';

export const WINDOW_MINUTES = 10;
export const ENTRY_BUDGET = 200;
export const URL_MAX = 200;
const BUDGET_SOURCE = '#entries';

export const ANONYMOUS = { name: 'anonymous', role: 'anonymous' };

/** At most `max` characters of caller-supplied text, marked when cut. */
export function capText(text: string, max = URL_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max)}…(${text.length})`;
}

/** The source a caller is counted under: an IPv4 address, or the /64 network of an IPv6 one. */
export function denialSource(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return capText(ip, 64);
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

async function bump(trx: Tx, source: string, window: string): Promise<number> {
  const row = await trx
    .insertInto('denial_windows')
    .values({ source, window_start: window, count: 1, reported: 0 })
    .onConflict((oc) =>
      oc.columns(['source', 'window_start']).doUpdateSet({ count: sql<number>`denial_windows.count + 1` }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Records an anonymous refusal; true when it became an audit entry, false when it was only counted.
 * `event.after` should already be small; the caller's address is added to it.
 */
export async function recordAnonymousDenial(
  db: Db,
  ip: string,
  event: Omit<AuditEvent, 'county_id' | 'unit_id' | 'before'> & { after: Record<string, unknown> },
  at: string,
): Promise<boolean> {
  const ms = WINDOW_MINUTES * 60_000;
  const window = new Date(Math.floor(Date.parse(at) / ms) * ms).toISOString();
  const source = denialSource(ip);
  return db.transaction().execute(async (trx) => {
    if ((await bump(trx, source, window)) > 1) return false;
    if ((await bump(trx, BUDGET_SOURCE, window)) > ENTRY_BUDGET) return false;
    const earlier = await trx
      .selectFrom('denial_windows')
      .select(['window_start', 'count'])
      .where('source', '=', source)
      .where('window_start', '<', window)
      .where('reported', '=', 0)
      .execute();
    if (earlier.length)
      await trx
        .updateTable('denial_windows')
        .set({ reported: 1 })
        .where('source', '=', source)
        .where('window_start', '<', window)
        .execute();
    const counted = earlier.reduce((n, e) => n + Number(e.count), 0);
    await appendAudit(
      trx,
      ANONYMOUS,
      {
        ...event,
        object_id: capText(event.object_id),
        county_id: null,
        unit_id: null,
        after: {
          ...event.after,
          ip,
          ...(counted > 0 && {
            earlier: { refusals: counted, since: earlier.map((e) => e.window_start).sort()[0] },
          }),
        },
      },
      at,
    );
    return true;
  });
}
