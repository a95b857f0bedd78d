// Refusals in the audit trail, on SQLite and PostgreSQL: a signed-in caller answered 404 for
// another county's or another town's object is recorded (under its own county); an anonymous
// caller cannot flood the trail — one entry per address (or IPv6 /64) and window, the rest
// counted and reported with the next entry, never more than a few hundred characters of what
// it sent, and never filed under a county named in the URL.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kit, workflowKit } from '../../test/support/workflow-kit.ts';
import { denialSource, WINDOW_MINUTES } from '../store/denials.ts';
import { DIALECTS } from '../store/testing.ts';

for (const dialect of DIALECTS) {
  describe(`refusals in the audit trail on ${dialect}`, () => {
    let k: Kit;
    let now = '2009-12-01T08:00:00.000Z';
    beforeAll(async () => {
      k = await workflowKit(dialect);
    });
    afterAll(async () => k.close());

    const denials = () =>
      k.s.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'request.denied')
        .orderBy('seq')
        .execute();
    const later = (minutes: number) => {
      now = new Date(Date.parse(now) + minutes * 60_000).toISOString();
      k.setClock(now);
    };

    it("records a town's request for another town's object, and an office's for another county's", async () => {
      const before = (await denials()).length;
      const person = await k.as('dongfeng', { url: '/api/v1/counties/qingshui/people/p-wu' }); // 西山镇's
      expect(person.statusCode).toBe(404);
      const roster = await k.as('dongfeng', { url: '/api/v1/counties/qingshui/years/2009/rosters/t-xishan' });
      expect(roster.statusCode).toBe(404);
      const county = await k.as('office', { url: '/api/v1/counties/elsewhere/units' });
      expect(county.statusCode).toBe(404);
      const rows = (await denials()).slice(before);
      expect(
        rows.map((r) => ({
          actor: r.actor,
          route: r.object_id,
          county: r.county_id,
          reason: JSON.parse(r.after!).reason,
        })),
      ).toEqual([
        {
          actor: 'dongfeng1',
          route: 'GET /api/v1/counties/:county/people/:id',
          county: 'qingshui',
          reason: 'not found, or outside your jurisdiction',
        },
        {
          actor: 'dongfeng1',
          route: 'GET /api/v1/counties/:county/years/:fpYear/rosters/:unit',
          county: 'qingshui',
          reason: 'not found, or outside your jurisdiction',
        },
        // Filed under the caller's county, not the one the URL names.
        {
          actor: 'office1',
          route: 'GET /api/v1/counties/:county/units',
          county: 'qingshui',
          reason: 'another county',
        },
      ]);
      expect(JSON.parse(rows[0]!.after!).url).toBe('/api/v1/counties/qingshui/people/p-wu');
    });

    it('keeps one entry per anonymous address and window, counts the rest, and caps what is stored', async () => {
      later(WINDOW_MINUTES);
      const before = (await denials()).length;
      const long = `/api/v1/counties/qingshui/units?q=${'x'.repeat(8000)}`;
      for (let i = 0; i < 40; i++) {
        const r = await k.app.inject({
          url: i % 2 ? long : '/api/v1/counties/qingshui/people',
          remoteAddress: '192.0.2.7',
        });
        expect(r.statusCode).toBe(401);
      }
      // Logins throttled from the same address are counted in the same way.
      for (let i = 0; i < 8; i++)
        await k.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { username: 'office1', password: 'not the password' },
          remoteAddress: '192.0.2.7',
        });
      let rows = (await denials()).slice(before);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor: 'anonymous', county_id: null, unit_id: null });
      expect(JSON.parse(rows[0]!.after!)).toMatchObject({ ip: '192.0.2.7', reason: 'not signed in' });
      // Another address has its own entry; the long URL is cut.
      await k.app.inject({ url: long, remoteAddress: '192.0.2.8' });
      rows = (await denials()).slice(before);
      expect(rows).toHaveLength(2);
      expect(rows[1]!.object_id.length).toBeLessThan(300);
      expect(JSON.parse(rows[1]!.after!).url.length).toBeLessThan(300);
      // The next window's first entry reports how many the earlier windows counted.
      later(WINDOW_MINUTES);
      await k.app.inject({ url: '/api/v1/counties/qingshui/units', remoteAddress: '192.0.2.7' });
      rows = (await denials()).slice(before);
      expect(rows).toHaveLength(3);
      // 40 requests not signed in and 3 logins refused by the throttle (5 failures were checked).
      expect(JSON.parse(rows[2]!.after!).earlier).toMatchObject({ refusals: 43 });
      const lockouts = await k.s.db
        .selectFrom('audit_log')
        .select('seq')
        .where('action', '=', 'session.locked_out')
        .execute();
      expect(lockouts).toHaveLength(0);
    });

    it('counts an IPv6 network (/64) as one source', async () => {
      later(WINDOW_MINUTES);
      const before = (await denials()).length;
      for (let i = 1; i <= 20; i++)
        await k.app.inject({
          url: '/api/v1/counties/qingshui/units',
          remoteAddress: `2001:db8:1:2::${i.toString(16)}`,
        });
      expect((await denials()).slice(before)).toHaveLength(1);
      expect(denialSource('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
      expect(denialSource('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
      expect(denialSource('::ffff:10.1.2.3')).toBe('10.1.2.3');
    });
  });
}
