import { describe, expect, it } from 'vitest';
import { generateCounty } from '../generate/generate.ts';
import { loadEngine } from '../policy/load.ts';
import { runBatch } from './batch.ts';

async function* from(lines: string[]): AsyncIterable<string> {
  yield* lines;
}

describe('batch evaluation on worker threads', () => {
  const cases = Array.from({ length: 13 }, (_, i) => JSON.stringify(generateCounty('7', i)));
  const lines = [...cases.slice(0, 5), '{"format": "zeren-case/1"}', 'not json', '', ...cases.slice(5)];

  it('gives each case its result, in the input order, whatever the number of threads', async () => {
    const engine = loadEngine();
    const want = lines
      .filter((l) => l !== '')
      .map((l, i) => {
        let raw: unknown;
        try {
          raw = JSON.parse(l);
        } catch {
          return `problems of ${i}`;
        }
        const r = engine.evaluate(raw);
        return r.ok ? JSON.stringify(r.value) : `problems of ${i}`;
      });
    const runs = [];
    for (const workers of [1, 3]) {
      const out: string[] = [];
      const summary = await runBatch(from(lines), { workers, chunk: 2, write: (l) => out.push(l) });
      const shown = out.map((l) => {
        const o = JSON.parse(l) as { case?: number; problems?: unknown[] };
        return o.problems ? `problems of ${o.case}` : l;
      });
      expect(shown).toEqual(want);
      expect(summary).toMatchObject({ cases: 15, failed: 2, workers });
      runs.push(summary.sha256);
    }
    expect(runs[1]).toBe(runs[0]);
  }, 120_000);

  it('names the problems of an invalid case, in Chinese and English', async () => {
    const out: string[] = [];
    await runBatch(from(['{"format": "zeren-case/1"}']), { workers: 1, write: (l) => out.push(l) });
    const o = JSON.parse(out[0]!) as { case: number; problems: { zh: string; en: string }[] };
    expect(o.case).toBe(0);
    expect(o.problems.length).toBeGreaterThan(0);
    expect(o.problems[0]!.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(o.problems[0]!.en).toMatch(/[a-z]/);
  }, 60_000);
});
