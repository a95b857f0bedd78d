import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

describe('new row ids', () => {
  it('are UUIDs of version 7 carrying the time, increasing in the order they were made', () => {
    const before = Date.now();
    const ids = Array.from({ length: 10_000 }, newId);
    expect(
      ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
    ).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const ms = Number.parseInt(ids[0]!.replace('-', '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
  });
});
