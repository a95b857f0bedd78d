// Evaluations off the event loop: a small pool of worker threads (ZEREN_WORKERS, default 2; 0
// evaluates on the calling thread) started on first use and kept. Only the server uses it
// (`startEvaluationWorkers` at start); the CLI and the tests evaluate in place. Each job goes to the worker with
// the fewest in hand; a worker that dies fails its jobs and is replaced on the next one. The
// answer is the engine's, with the canonical JSON of the case and of the result.

import type { Worker } from 'node:worker_threads';
import { canonicalJson } from '../domain/canonical.ts';
import type { ZerenCase } from '../domain/case.ts';
import type { Problem } from '../domain/problems.ts';
import type { ZerenResult } from '../domain/result.ts';
import { loadEngine } from '../policy/load.ts';
import { startWorker } from '../worker-thread.ts';
import type { Answer, Job } from './worker.ts';

export type Evaluated =
  | { ok: true; value: ZerenResult; caseJson: string; resultJson: string }
  | { ok: false; problems: Problem[] };

interface Slot {
  worker: Worker;
  pending: Map<number, (a: Answer) => void>;
}

/** Workers in the pool: none (evaluate in place) until the server asks for them. */
let size = 0;

/** Lets evaluations run in `n` worker threads (ZEREN_WORKERS, default 2); the server calls it at start. */
export function startEvaluationWorkers(n = workersFromEnv()): void {
  size = n;
}

export function workersFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.ZEREN_WORKERS);
  return env.ZEREN_WORKERS !== undefined && env.ZEREN_WORKERS !== '' && Number.isInteger(n) && n >= 0 ? n : 2;
}
const slots: (Slot | undefined)[] = [];
let next = 0;

function slot(i: number): Slot {
  const have = slots[i];
  if (have) return have;
  const worker = startWorker(new URL('./worker.ts', import.meta.url));
  worker.unref();
  const s: Slot = { worker, pending: new Map() };
  const fail = (e: Error) => {
    slots[i] = undefined;
    for (const [id, done] of s.pending) done({ id, ok: 'error', message: e.message });
    s.pending.clear();
  };
  worker.on('message', (a: Answer) => {
    const done = s.pending.get(a.id);
    s.pending.delete(a.id);
    done?.(a);
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('an evaluation worker stopped')));
  slots[i] = s;
  return s;
}

/** Evaluates a case with the engine of `policy`, in a worker thread when there are any. */
export async function evaluateOffThread(
  policy: string,
  kase: ZerenCase,
  overrides: Record<string, string> = {},
): Promise<Evaluated> {
  if (size === 0) {
    const out = loadEngine(policy).evaluate(kase, overrides);
    if (!out.ok) return { ok: false, problems: out.problems };
    return {
      ok: true,
      value: out.value,
      caseJson: canonicalJson(kase),
      resultJson: canonicalJson(out.value),
    };
  }
  let best = 0;
  for (let i = 0; i < size; i++)
    if ((slots[i]?.pending.size ?? 0) < (slots[best]?.pending.size ?? 0)) best = i;
  const s = slot(best);
  const id = ++next;
  const a = await new Promise<Answer>((resolve) => {
    s.pending.set(id, resolve);
    s.worker.postMessage({ id, policy, kase, overrides } satisfies Job);
  });
  if (a.ok === 'error') throw new Error(`evaluation worker: ${a.message}`);
  return a.ok
    ? { ok: true, value: a.value, caseJson: a.caseJson, resultJson: a.resultJson }
    : { ok: false, problems: a.problems };
}
