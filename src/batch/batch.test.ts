import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../generate/generate.ts';
import { loadEngine } from '../policy/load.ts';
import { runBatch } from './batch.ts';
import { byteLines } from './lines.ts';

async function* from(lines: string[]): AsyncIterable<string> {
  yield* lines;
}

/** A writer collecting the result lines. */
function collect() {
  const chunks: Buffer[] = [];
  return {
    write: (bytes: Uint8Array) => chunks.push(Buffer.from(bytes)),
    lines: () => Buffer.concat(chunks).toString('utf8').split('\n').slice(0, -1),
  };
}

/** The input as a byte stream cut into awkward pieces (mid-line, mid-character), CRLF line ends. */
async function* bytesOf(lines: string[], piece = 7001): AsyncIterable<Uint8Array> {
  const all = Buffer.from(lines.join('\r\n'));
  for (let i = 0; i < all.length; i += piece) yield all.subarray(i, i + piece);
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
    for (const [workers, input] of [
      [1, () => from(lines)],
      [3, () => from(lines)],
      [2, () => byteLines(bytesOf(lines))],
    ] as const) {
      const sink = collect();
      const summary = await runBatch(input(), { workers, chunk: 2, write: sink.write });
      const shown = sink.lines().map((l) => {
        const o = JSON.parse(l) as { case?: number; problems?: unknown[] };
        return o.problems ? `problems of ${o.case}` : l;
      });
      expect(shown).toEqual(want);
      expect(summary).toMatchObject({ cases: 15, failed: 2, workers });
      runs.push(summary.sha256);
    }
    // The same bytes whatever the number of threads, from text lines or from bytes.
    expect(new Set(runs).size).toBe(1);
  }, 120_000);

  it('names the problems of an invalid case, in Chinese and English', async () => {
    const sink = collect();
    await runBatch(from(['{"format": "zeren-case/1"}']), { workers: 1, write: sink.write });
    const o = JSON.parse(sink.lines()[0]!) as { case: number; problems: { zh: string; en: string }[] };
    expect(o.case).toBe(0);
    expect(o.problems.length).toBeGreaterThan(0);
    expect(o.problems[0]!.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(o.problems[0]!.en).toMatch(/[a-z]/);
  }, 60_000);
});

describe('the lines of a byte stream', () => {
  it('splits on LF across pieces, drops a CR before it, keeps a last line without LF', async () => {
    const text = '第一行\r\n\n第二，行\nlast';
    const got: string[] = [];
    for await (const l of byteLines(bytesOf([text], 3))) got.push(Buffer.from(l).toString('utf8'));
    expect(got).toEqual(['第一行', '', '第二，行', 'last']);
  });

  it('gives every line, each in a buffer of its own, however the stream is cut', async () => {
    const texts = fc.string({ unit: fc.constantFrom('a', '清', '\n', '\r', '{', ' '), maxLength: 300 });
    await fc.assert(
      fc.asyncProperty(
        texts,
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1 }),
        async (text, cuts) => {
          const bytes = Buffer.from(text);
          async function* pieces() {
            for (let at = 0, i = 0; at < bytes.length; i++) {
              const n = cuts[i % cuts.length]!;
              yield bytes.subarray(at, at + n);
              at += n;
            }
          }
          const want = text.split('\n').map((l) => l.replace(/\r$/, ''));
          if (text === '' || text.endsWith('\n')) want.pop();
          const got: Uint8Array[] = [];
          for await (const l of byteLines(pieces())) got.push(l);
          expect(got.map((l) => Buffer.from(l).toString('utf8'))).toEqual(want);
          for (const l of got) expect([l.byteOffset, l.byteLength]).toEqual([0, l.buffer.byteLength]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
