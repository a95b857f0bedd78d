// One thread of a batch (batch.ts): loads the pack once, then evaluates the cases it is sent, a
// chunk of JSON lines at a time, and answers each with one JSON line — the zeren-result/1, or the
// case's problems.

import { parentPort, workerData } from 'node:worker_threads';
import type { Engine } from '../engine/engine.ts';
import { loadEngine } from '../policy/load.ts';

export interface Chunk {
  id: number;
  /** The index of the chunk's first case in the batch. */
  first: number;
  lines: string[];
}

export interface Answer {
  id: number;
  lines: string[];
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

export function evaluateLine(line: string, index: number): { out: string; ok: boolean } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    const problems = [
      { path: '', code: 'json', zh: '不是有效的 JSON', en: `not JSON: ${(e as Error).message}` },
    ];
    return { out: JSON.stringify({ case: index, problems }), ok: false };
  }
  const r = engineFor(raw).evaluate(raw);
  return r.ok
    ? { out: JSON.stringify(r.value), ok: true }
    : { out: JSON.stringify({ case: index, problems: r.problems }), ok: false };
}

parentPort?.on('message', (chunk: Chunk) => {
  let failed = 0;
  const lines = chunk.lines.map((line, i) => {
    const r = evaluateLine(line, chunk.first + i);
    if (!r.ok) failed++;
    return r.out;
  });
  parentPort!.postMessage({ id: chunk.id, lines, failed } satisfies Answer);
});
