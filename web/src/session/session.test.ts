import { describe, expect, it } from 'vitest';
import { can, displayName, placeOf, type SessionUser } from './session.ts';

const user = (over: Partial<SessionUser>): SessionUser => ({
  id: 'u1',
  username: 'town',
  role: 'town',
  role_zh: '镇(场)',
  county: 'demo',
  county_name: '示范县',
  unit: 't-1',
  unit_name: '东风镇',
  unit_kind: 'town',
  unit_kind_zh: '镇(场)',
  display_name: null,
  created_at: '2009-01-01T00:00:00Z',
  disabled_at: null,
  ...over,
});

describe('the session in the browser', () => {
  it('allows only the route keys the server listed', () => {
    const s = { permissions: ['GET /api/v1/counties/:county/years/:fpYear/rosters'] };
    expect(can(s, 'GET /api/v1/counties/:county/years/:fpYear/rosters')).toBe(true);
    expect(can(s, 'POST /api/v1/counties/:county/years/:fpYear/rosters/:unit/accept')).toBe(false);
    expect(can(undefined, 'GET /api/v1/counties/:county/years/:fpYear/rosters')).toBe(false);
  });
  it('names people by their name when recorded, and their place in words', () => {
    expect(displayName(user({}))).toBe('town');
    expect(displayName(user({ display_name: '王建国' }))).toBe('王建国');
    expect(placeOf(user({}))).toBe('示范县 东风镇');
    expect(placeOf(user({ unit: null, unit_name: null, role: 'office' }))).toBe('示范县');
    expect(placeOf(user({ county: null, county_name: null, unit: null, unit_name: null }))).toBe('全部县');
  });
});
