// What the administration screen reads, on SQLite and PostgreSQL: accounts with their role and
// place in words and the roles to offer, counties with the packs a new one may follow, a county's
// tree of places (its own county only, but for an administrator of every county), and the issuing
// offices with which one the reader may set.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { SYSTEM } from '../../store/audit.ts';
import { createCounty } from '../../store/cases.ts';
import { DIALECTS } from '../../store/testing.ts';
import { createToken } from '../../store/tokens.ts';
import { createUser } from '../../store/users.ts';

for (const dialect of DIALECTS) {
  describe(`administration reads on ${dialect}`, () => {
    let k: Kit;
    const bearer: Record<string, string> = {};
    const as = (who: string, url: string, method: 'GET' | 'PUT' = 'GET', payload?: object) =>
      k.app.inject({ method, url, payload, headers: { authorization: `Bearer ${bearer[who]}` } });
    beforeAll(async () => {
      k = await workflowKit(dialect);
      await createCounty(k.ctx, SYSTEM, { id: 'other', name: '外县' });
      for (const [name, county] of [
        ['qs-admin', COUNTY],
        ['root', null],
      ] as const) {
        const u = await createUser(k.ctx, SYSTEM, {
          username: name,
          password: 'admin password 1',
          role: 'admin',
          county,
        });
        bearer[name] = (await createToken(k.ctx, u, 'test', 365)).token;
      }
      await k.s.db
        .updateTable('users')
        .set({ display_name: '东风' })
        .where('username', '=', 'dongfeng1')
        .execute();
    });
    afterAll(async () => k?.close());

    it('lists accounts with their role and place in words, and the roles to offer', async () => {
      const r = await as('qs-admin', '/api/v1/users');
      expect(r.statusCode, r.body).toBe(200);
      const { items, roles } = r.json();
      expect(items.find((u: { username: string }) => u.username === 'dongfeng1')).toMatchObject({
        role: 'town',
        role_zh: '镇（场）',
        county_name: '清水县',
        unit_name: '东风镇',
        display_name: '东风',
      });
      expect(items.every((u: { county: string }) => u.county === COUNTY)).toBe(true);
      expect(roles).toContainEqual({ code: 'auditor', zh: '纪委、审计（只读）' });
      expect(roles).toHaveLength(6);
    });

    it('lists the counties with the packs a new one may follow', async () => {
      const r = (await as('root', '/api/v1/counties')).json();
      expect(r.items.map((c: { id: string }) => c.id)).toEqual(['other', COUNTY]);
      expect(r.packs).toContainEqual({
        id: 'county-fp-2009',
        title: '人口与计划生育工作层级动态管理责任制实施意见',
      });
      expect((await as('qs-admin', '/api/v1/counties')).json().items).toHaveLength(1);
    });

    it("gives the county's tree to its own readers and to an administrator of every county", async () => {
      const own = await as('qs-admin', `/api/v1/counties/${COUNTY}/places`);
      expect(own.statusCode).toBe(200);
      const tree = own.json();
      expect(tree.county).toEqual({ id: COUNTY, name: '清水县' });
      expect(tree.towns.find((t: { id: string }) => t.id === 't-dongfeng')).toMatchObject({
        name: '东风镇',
        villages: expect.arrayContaining([{ id: 'v-hongxing', name: '红星村' }]),
      });
      expect(tree.county_units.map((u: { id: string }) => u.id)).toContain('u-jiaoyu');
      expect((await as('qs-admin', '/api/v1/counties/other/places')).statusCode).toBe(404);
      expect((await as('root', '/api/v1/counties/other/places')).statusCode).toBe(200);
      expect(
        (await k.as('auditor', { method: 'GET', url: `/api/v1/counties/${COUNTY}/places` })).statusCode,
      ).toBe(200);
      expect(
        (await k.as('dongfeng', { method: 'GET', url: `/api/v1/counties/${COUNTY}/places` })).statusCode,
      ).toBe(403);
    });

    it('says which issuing office the reader may set: its own', async () => {
      const url = `/api/v1/counties/${COUNTY}/issuing-offices`;
      const list = async (who: 'office' | 'finance' | 'auditor') =>
        (await k.as(who, { method: 'GET', url }))
          .json()
          .items.map((o: { id: string; name_zh: string; editable: boolean }) => [
            o.id,
            o.name_zh,
            o.editable,
          ]);
      expect(await list('office')).toEqual([
        ['office', '县人口考核办', true],
        ['finance', '县财政局', false],
      ]);
      expect(await list('finance')).toEqual([
        ['office', '县人口考核办', false],
        ['finance', '县财政局', true],
      ]);
      expect((await list('auditor')).map((o: unknown[]) => o[2])).toEqual([false, false]);
      const set = await k.as('office', {
        method: 'PUT',
        url,
        payload: {
          office: 'office',
          name: '清水县人口考核办公室',
          mark: '清水县人口考核办公室文件',
          code: '清人考',
          letterhead: 'print',
          fonts: 'gb',
        },
      });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toMatchObject({ id: 'office', code: '清人考', configured: true, editable: true });
    });
  });
}
