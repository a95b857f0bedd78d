import { describe, expect, it } from 'vitest';
import { safeNext, signInPath } from './navigation.ts';

describe('the remembered page', () => {
  it('remembers the page and its query in ?next=', () => {
    expect(signInPath('/rosters/t-1?year=2010')).toBe('/sign-in?next=%2Frosters%2Ft-1%3Fyear%3D2010');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('/sign-in?next=%2Fx')).toBe('/sign-in');
  });
  it('goes back only to a path of this application', () => {
    expect(safeNext('/rosters?year=2010')).toBe('/rosters?year=2010');
    for (const bad of [
      null,
      '',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil',
      '/sign-in',
      '/api/v1/session',
    ])
      expect(safeNext(bad), String(bad)).toBe('/');
  });
});
