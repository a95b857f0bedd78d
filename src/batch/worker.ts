// One thread of a batch (batch.ts): loads the pack once, then evaluates the cases it is sent, a
// chunk of JSON lines at a time (text or UTF-8 bytes, decoded here), and answers each with one
// JSON line — the zeren-result/1, or the case's problems — as the UTF-8 bytes of the chunk's
// lines, handed back without a copy.

import { parentPort, workerData } from 'node:worker_threads';
import { jsonLinesUtf8 } from '../domain/json-utf8.ts';
import type { Engine } from '../engine/engine.ts';
import { loadEngine } from '../policy/load.ts';

export interface Chunk {
  id: number;
  /** The index of the chunk's first case in the batch. */
  first: number;
  lines: (string | Uint8Array)[];
}

export interface Answer {
  id: number;
  /** The chunk's result lines, each ending in LF, as UTF-8. */
  bytes: Uint8Array;
  failed: number;
}

const { policy } = workerData as { policy?: string };
const engines = new Map<string, Engine>();

function engineFor(raw: unknown): Engine {
  const id = policy ?? ((raw as { policy?: unknown } | null)?.policy as string | undefined) ?? '';
  let e = engines.get(id);
  if (!e) {
    e = loadEngine(id || undefined);
    engines.set(id, e);
  }
  return e;
}

/** A line's answer: the result, or the case's problems (written as JSON by jsonLinesUtf8). */
export function evaluateLine(line: string, index: number): { out: unknown; ok: boolean } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    const problems = [
      { path: '', code: 'json', zh: '不是有效的 JSON', en: `not JSON: ${(e as Error).message}` },
    ];
    return { out: { case: index, problems }, ok: false };
  }
  const r = engineFor(raw).evaluate(raw);
  return r.ok ? { out: r.value, ok: true } : { out: { case: index, problems: r.problems }, ok: false };
}

const text = (line: string | Uint8Array) =>
  typeof line === 'string'
    ? line
    : Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString('utf8');

parentPort?.on('message', (chunk: Chunk) => {
  let failed = 0;
  const outs = chunk.lines.map((line, i) => {
    const r = evaluateLine(text(line), chunk.first + i);
    if (!r.ok) failed++;
    return r.out;
  });
  const encoded = jsonLinesUtf8(outs);
  parentPort!.postMessage({ id: chunk.id, bytes: encoded, failed } satisfies Answer, [encoded.buffer]);
});
