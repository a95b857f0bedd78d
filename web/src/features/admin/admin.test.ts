import { describe, expect, it } from 'vitest';
import { newUserBody, placesFor, searchUsers, tokenState, userPatch } from './forms.ts';

const places = {
  towns: [{ id: 'T1', name: '柏永镇', villages: [{ id: 'T1-V1', name: '鸡富村' }] }],
  county_units: [{ id: 'U1', name: '县教育局' }],
};

describe('the user form', () => {
  it('offers towns to a town account, county units to a unit account, nothing to the others', () => {
    expect(placesFor('town', places)).toEqual([{ id: 'T1', name: '柏永镇' }]);
    expect(placesFor('unit', places)).toEqual([{ id: 'U1', name: '县教育局' }]);
    expect(placesFor('office', places)).toEqual([]);
    expect(placesFor('town', undefined)).toEqual([]);
  });

  it('sends the unit only for a role bound to one, and no empty fields', () => {
    expect(
      newUserBody({
        username: ' li4 ',
        password: 'p',
        role: 'office',
        county: 'demo',
        unit: 'T1',
        display_name: ' ',
      }),
    ).toEqual({ username: 'li4', password: 'p', role: 'office', county: 'demo' });
    expect(
      newUserBody({
        username: 'a',
        password: 'p',
        role: 'town',
        county: 'demo',
        unit: 'T1',
        display_name: '李四',
      }),
    ).toEqual({
      username: 'a',
      password: 'p',
      role: 'town',
      county: 'demo',
      unit: 'T1',
      display_name: '李四',
    });
  });

  it('patches only what changed, clearing the unit when the role no longer has one', () => {
    const before = { role: 'town', unit: 'T1', display_name: '李四' };
    expect(userPatch(before, { role: 'town', unit: 'T1', display_name: '李四' })).toEqual({});
    expect(userPatch(before, { role: 'office', unit: 'T1', display_name: '李四' })).toEqual({
      role: 'office',
      unit: null,
    });
    expect(userPatch(before, { role: 'town', unit: 'T2', display_name: '' })).toEqual({
      unit: 'T2',
      display_name: null,
    });
  });
});

describe('the account list', () => {
  const users = [
    {
      username: 'town',
      display_name: '刘建华',
      role: 'town',
      role_zh: '镇（场）',
      unit: 'T1',
      unit_name: '柏永镇',
      disabled_at: null,
    },
    {
      username: 'old',
      display_name: null,
      role: 'office',
      role_zh: '县人口考核办',
      unit: null,
      unit_name: null,
      disabled_at: '2010-01-01',
    },
  ];
  it('finds by name, login name or place, by role and by status', () => {
    expect(searchUsers(users, { text: '柏永' }).map((u) => u.username)).toEqual(['town']);
    expect(searchUsers(users, { text: 'OLD' }).map((u) => u.username)).toEqual(['old']);
    expect(searchUsers(users, { role: 'office' }).map((u) => u.username)).toEqual(['old']);
    expect(searchUsers(users, { status: 'active' }).map((u) => u.username)).toEqual(['town']);
    expect(searchUsers(users, {})).toHaveLength(2);
  });
});

describe('a token in words', () => {
  it('is live, expired (by the server), revoked, or dead with its account’s change', () => {
    expect(tokenState({ revoked_at: null, revoke_reason: null, expired: false })).toEqual({
      live: true,
      zh: '有效',
    });
    expect(tokenState({ revoked_at: null, revoke_reason: null, expired: true }).zh).toBe('已过期');
    expect(tokenState({ revoked_at: 'x', revoke_reason: 'revoked' }).zh).toBe('已吊销');
    expect(tokenState({ revoked_at: 'x', revoke_reason: 'password_reset' }).zh).toBe('已失效（密码已重置）');
  });
});
