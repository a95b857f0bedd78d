// The pool answers what the engine answers on the calling thread, byte for byte, and the problems
// of a case that does not evaluate; several jobs at once all come back. Its render tasks make the
// same Word document as in place, and a refused upload comes back as the same StoreError.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sample } from '../../test/support/doc-kit.ts';
import { canonicalJson, sha256 } from '../domain/canonical.ts';
import type { ZerenCase } from '../domain/case.ts';
import { loadEngine } from '../policy/load.ts';
import { StoreError } from '../store/errors.ts';
import { keptText } from '../store/kept-text.ts';
import { renderDocx } from '../workflows/documents/render.ts';
import { evaluateOffThread, evaluateToKeep, renderOffThread, startEvaluationWorkers } from './pool.ts';

startEvaluationWorkers(2);

const example = () =>
  parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8')) as ZerenCase;

describe('evaluation pool', () => {
  it('answers as the engine does, for several jobs at once', { timeout: 120_000 }, async () => {
    const kase = loadEngine('county-fp-2009').validate(example());
    expect(kase.ok).toBe(true);
    const c = (kase as { value: ZerenCase }).value;
    const here = loadEngine(c.policy).evaluate(c, { I5: 'strict' });
    if (!here.ok) throw new Error('the example evaluates');
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => evaluateToKeep(c.policy, c, i % 2 ? { I5: 'strict' } : {})),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    const strict = answers[1]!;
    if (!strict.ok) return;
    expect(strict.value).toEqual(here.value);
    // Sealed in the worker: the canonical texts, compressed, and their hashes.
    expect(strict.result.body).toMatch(/^br:/);
    expect(keptText(strict.result.body)).toBe(canonicalJson(here.value));
    expect(strict.result.sha256).toBe(sha256(canonicalJson(here.value)));
    expect(keptText(strict.case.body)).toBe(canonicalJson(c));
    expect(strict.case.sha256).toBe(sha256(canonicalJson(c)));
    const plain = await evaluateOffThread(c.policy, c, { I5: 'strict' });
    expect(plain).toEqual({ ok: true, value: here.value });
  });

  it('answers the problems of a case that does not evaluate', async () => {
    const bad = { ...example(), units: [] } as unknown as ZerenCase;
    const a = await evaluateOffThread('county-fp-2009', bad);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.problems.length).toBeGreaterThan(0);
  });
});

describe('render tasks in the pool', () => {
  const doc = sample();

  it('makes the same Word document in a worker as in place, as a Buffer', { timeout: 60_000 }, async () => {
    const there = await renderOffThread('docx', doc);
    expect(Buffer.isBuffer(there)).toBe(true);
    expect(there.equals(await renderDocx(doc))).toBe(true);
  });

  it('answers a refused upload with the StoreError and its problems', { timeout: 60_000 }, async () => {
    const err = await renderOffThread(
      'readScoresUpload',
      { data: Buffer.from('not a workbook'), filename: 'scores.xlsx' },
      [],
      'qingshui',
      2009,
      loadEngine().vocabulary,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).zh).toMatch(/[\u4e00-\u9fff]/);
    expect((err as StoreError).kind).toBe('invalid');
  });
});
