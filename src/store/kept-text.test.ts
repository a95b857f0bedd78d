import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256 } from '../domain/canonical.ts';
import { keptText, seal } from './kept-text.ts';

describe('kept texts', () => {
  const value = { units: Array.from({ length: 300 }, (_, i) => ({ name: `清水村${i}`, id: `v${i}` })), b: 1 };

  it('seals the canonical JSON deflated, hashed as text, and reads it back', () => {
    const s = seal(value);
    expect(s.body.startsWith('deflate:')).toBe(true);
    expect(s.body.length).toBeLessThan(canonicalJson(value).length / 3);
    expect(s.sha256).toBe(sha256(canonicalJson(value)));
    expect(keptText(s.body)).toBe(canonicalJson(value));
  });

  it('reads a row written before as the JSON text it is', () => {
    expect(keptText('{"a":1}')).toBe('{"a":1}');
  });
});
