// Heavy work off the event loop: a small pool of worker threads (ZEREN_WORKERS, default 2; 0
// works on the calling thread) started on first use and kept. Only the server uses it
// (`startEvaluationWorkers` at start); the CLI and the tests work in place. Each job goes to the
// worker with the fewest in hand; a worker that dies fails its jobs and is replaced on the next
// one. Evaluations answer the engine's result with the canonical JSON of the case and of the
// result; render tasks (render-tasks.ts) answer a workbook, a Word document or a read upload.

import type { Worker } from 'node:worker_threads';
import type { ZerenCase } from '../domain/case.ts';
import type { Failed, Ok, Result } from '../domain/problems.ts';
import type { ZerenResult } from '../domain/result.ts';
import { StoreError } from '../store/errors.ts';
import type { Sealed } from '../store/kept-text.ts';
import { startWorker } from '../worker-thread.ts';
import { type Evaluation, evaluation, type ToKeep } from './evaluation.ts';
import type { RenderTask, RenderTasks } from './render-tasks.ts';
import type { Answer, Evaluate, Job } from './worker.ts';

/** The engine's result; and with the case and the result sealed to keep (kept-text.ts). */
export type Evaluated = Result<ZerenResult>;
export type { ToKeep };
export type EvaluatedToKeep = (Ok<ZerenResult> & ToKeep) | Failed;

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

/** Sends a job to the worker with the fewest in hand; its answer. */
function send(job: Job): Promise<Answer> {
  let best = 0;
  for (let i = 0; i < size; i++)
    if ((slots[i]?.pending.size ?? 0) < (slots[best]?.pending.size ?? 0)) best = i;
  const s = slot(best);
  const id = ++next;
  return new Promise<Answer>((resolve) => {
    s.pending.set(id, resolve);
    s.worker.postMessage({ ...job, id } satisfies Job);
  });
}

/** A Buffer again, for bytes that crossed from a worker (they arrive as a Uint8Array). */
const revive = (v: unknown) =>
  v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v;

/**
 * Runs a render task (render-tasks.ts) in a worker thread when there are any, else in place: the
 * same answer, or the same StoreError, either way.
 */
export async function renderOffThread<K extends RenderTask>(
  task: K,
  ...args: Parameters<RenderTasks[K]>
): Promise<Awaited<ReturnType<RenderTasks[K]>>> {
  type Out = Awaited<ReturnType<RenderTasks[K]>>;
  if (size === 0) {
    const { RENDER_TASKS } = await import('./render-tasks.ts');
    return (await (RENDER_TASKS[task] as (...a: unknown[]) => unknown)(...args)) as Out;
  }
  const a = await send({ id: 0, kind: 'render', task, args });
  if (a.ok === 'error') {
    if (a.store) throw new StoreError(a.store.kind, a.store.zh, a.store.en, a.store.problems);
    throw new Error(`render worker (${task}): ${a.message}`);
  }
  if (a.ok !== 'rendered') throw new Error(`render worker (${task}): an evaluation answer`);
  return revive(a.value) as Out;
}

/**
 * Evaluates a case with the engine of `policy`, in a worker thread when there are any; a town
 * pack applied to `town` when given (loadEngine); `towns`: the town packs set for the county's towns,
 * whose words the case may use.
 */
export async function evaluateOffThread(
  policy: string,
  kase: ZerenCase,
  overrides: Record<string, string> = {},
  town?: string,
  towns: { town: string; pack: string }[] = [],
): Promise<Evaluated> {
  const out = await run({ id: 0, kind: 'evaluate', policy, kase, overrides, town, towns });
  return out.ok ? { ok: true, value: out.value } : out;
}

/**
 * Evaluates as `evaluateOffThread` does, and seals the case and the result to keep: their
 * canonical JSON hashed and compressed where the evaluation ran (in the worker). A case sealed
 * already (`sealed`) is not sealed again.
 */
export async function evaluateToKeep(
  policy: string,
  kase: ZerenCase,
  overrides: Record<string, string> = {},
  towns: { town: string; pack: string }[] = [],
  sealed?: Sealed,
): Promise<EvaluatedToKeep> {
  const keep = sealed ? 'result' : 'case';
  const out = await run({ id: 0, kind: 'evaluate', policy, kase, overrides, towns, keep });
  if (!out.ok) return out;
  const kept = sealed ?? out.case;
  if (!kept || !out.result) throw new Error('evaluation worker: nothing sealed to keep');
  return { ok: true, value: out.value, case: kept, result: out.result };
}

/** An evaluation job, here or in a worker. */
async function run(job: Evaluate): Promise<Evaluation> {
  if (size === 0) return evaluation(job);
  const a = await send(job);
  if (a.ok === 'error') throw new Error(`evaluation worker: ${a.message}`);
  if (a.ok === 'rendered') throw new Error('evaluation worker: a render answer to an evaluation');
  return a;
}
