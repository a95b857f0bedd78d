// The permissions the browser is given are the access table read for the user's role, nothing
// more or less; GET /api/v1/session names the user's role, county and unit in Chinese.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, type Kit, workflowKit } from '../../test/support/workflow-kit.ts';
import { ROLES } from '../store/scope.ts';
import { ACCESS, allowed } from './access.ts';
import { permissionsOf } from './capabilities.ts';

describe('permissions from the access table', () => {
  it('lists, for each role, exactly the non-public API routes the table allows it', () => {
    for (const role of ROLES) {
      const want = Object.keys(ACCESS).filter(
        (k) => k.includes(' /api/v1/') && ACCESS[k] !== 'public' && allowed(ACCESS[k], role),
      );
      expect(permissionsOf(role), role).toEqual(want);
    }
  });

  it('follows the table when it changes (no list of its own)', () => {
    const table = {
      'GET /api/v1/x': ['town'],
      'POST /api/v1/x': ['office'],
      'GET /api/v1/y': 'public',
    } as const;
    expect(permissionsOf('town', table)).toEqual(['GET /api/v1/x']);
    expect(permissionsOf('office', table)).toEqual(['POST /api/v1/x']);
  });

  it('gives the roles what the policy gives them', () => {
    const office = permissionsOf('office');
    expect(office).toContain('POST /api/v1/counties/:county/years/:fpYear/decisions');
    expect(permissionsOf('town')).not.toContain('POST /api/v1/counties/:county/years/:fpYear/decisions');
    expect(permissionsOf('town')).toContain('PUT /api/v1/counties/:county/years/:fpYear/rosters/:unit');
    expect(permissionsOf('finance')).toContain('POST /api/v1/obligations/:id/deduct');
    expect(office).not.toContain('POST /api/v1/obligations/:id/deduct');
    // The auditor changes nothing but its own session, tokens and which of its notifications it
    // has read (a what-if computes, saving nothing).
    const writes = permissionsOf('auditor').filter((k) => !k.startsWith('GET '));
    expect(
      writes.filter((k) => !/\/(session|tokens|tokens\/:id|what-if|notifications\/read)$/.test(k)),
    ).toEqual([]);
    expect(permissionsOf('admin')).toContain('POST /api/v1/users');
    expect(office).not.toContain('POST /api/v1/users');
  });
});

describe('GET /api/v1/session', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await workflowKit('sqlite');
  });
  afterAll(async () => k?.close());

  it('names a town user’s role, county and town, lists the years with data and the permissions', async () => {
    const r = await k.as('dongfeng', { method: 'GET', url: '/api/v1/session' });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.user).toMatchObject({
      username: 'dongfeng1',
      role: 'town',
      role_zh: '镇（场）',
      county: COUNTY,
      county_name: '清水县',
      unit: 't-dongfeng',
      unit_name: '东风镇',
      unit_kind: 'town',
      display_name: null,
    });
    expect(body.years).toEqual([2009]);
    expect(body.permissions).toEqual(permissionsOf('town'));
  });

  it('gives an office user the office’s permissions and no unit', async () => {
    const body = (await k.as('office', { method: 'GET', url: '/api/v1/session' })).json();
    expect(body.user).toMatchObject({ role: 'office', unit: null, unit_name: null, county_name: '清水县' });
    expect(body.permissions).toEqual(permissionsOf('office'));
  });

  it('refuses an anonymous caller', async () => {
    expect((await k.app.inject({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
  });
});
