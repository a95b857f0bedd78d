// The permission table read the way the ledger reads it: each move its own action, and a reversal
// by whoever may reverse that kind of move (the office a unit's, the finance bureau its own).

import { describe, expect, it } from 'vitest';
import { can, mayReverse, ROLES, rolesFor } from './permissions.ts';

describe('can', () => {
  it('lets only the finance bureau deduct and pay, and units and the office collect', () => {
    expect(rolesFor('ledger.pay')).toEqual(['finance']);
    expect(rolesFor('ledger.collect')).toEqual(['office', 'town', 'unit']);
    expect(can(undefined, 'facts.read')).toBe(false);
    expect(can('system', 'facts.read')).toBe(false);
  });

  it('reverses a unit move by the office and a finance move by finance, never an assessment or a reversal', () => {
    expect(mayReverse('office', 'collect')).toBe(true);
    expect(mayReverse('office', 'pay')).toBe(false);
    expect(mayReverse('finance', 'pay')).toBe(true);
    expect(mayReverse('finance', 'collect')).toBe(false);
    for (const r of ROLES) {
      expect(mayReverse(r, 'assess'), r).toBe(false);
      expect(mayReverse(r, 'reverse'), r).toBe(false);
    }
    expect(['town', 'unit', 'auditor', 'admin'].some((r) => mayReverse(r, 'collect'))).toBe(false);
  });
});
