import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256 } from '../domain/canonical.ts';
import { keptText, seal } from './kept-text.ts';

describe('kept texts', () => {
  const value = { units: Array.from({ length: 300 }, (_, i) => ({ name: `清水村${i}`, id: `v${i}` })), b: 1 };

  it('seals the canonical JSON compressed, hashed as text, and reads it back', () => {
    const s = seal(value);
    expect(s.body.startsWith('br:')).toBe(true);
    expect(s.body.length).toBeLessThan(canonicalJson(value).length / 3);
    expect(s.sha256).toBe(sha256(canonicalJson(value)));
    expect(keptText(s.body)).toBe(canonicalJson(value));
  });

  it('reads a row written before: the JSON text it is, or raw deflate', () => {
    expect(keptText('{"a":1}')).toBe('{"a":1}');
    const deflated = `deflate:${deflateRawSync(Buffer.from('{"名":"清水"}')).toString('base64')}`;
    expect(keptText(deflated)).toBe('{"名":"清水"}');
  });
});
