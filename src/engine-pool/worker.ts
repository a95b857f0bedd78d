// A worker thread of the pool (pool.ts): evaluates a case with its pack's engine and answers the
// result with its canonical JSON, so the server's thread neither evaluates nor serialises it; or
// runs a render task (render-tasks.ts: a workbook or a Word document made, an upload read).

import { parentPort } from 'node:worker_threads';
import type { ZerenCase } from '../domain/case.ts';
import type { Problem } from '../domain/problems.ts';
import { StoreError, type StoreErrorKind } from '../store/errors.ts';
import { type Evaluation, evaluation } from './evaluation.ts';
import type { RenderTask } from './render-tasks.ts';

export interface Evaluate {
  id: number;
  kind: 'evaluate';
  policy: string;
  kase: ZerenCase;
  overrides: Record<string, string>;
  /** A town pack: the town it is applied to. */
  town?: string;
  /** The town packs set for the county's towns, whose words the case may use (validate.ts). */
  towns?: { town: string; pack: string }[];
  /** What to seal to keep (kept-text.ts): the case and the result, or the result alone. */
  keep?: 'case' | 'result';
}
export interface Render {
  id: number;
  kind: 'render';
  task: RenderTask;
  args: unknown[];
}
export type Job = Evaluate | Render;
/** A StoreError (a refused upload, say) as it crosses back to the server's thread. */
export interface StoreErrorData {
  kind: StoreErrorKind;
  zh: string;
  en: string;
  problems: Problem[];
}
export type Answer = { id: number } & (
  | Evaluation
  | { ok: 'rendered'; value: unknown }
  | { ok: 'error'; message: string; store?: StoreErrorData }
);

async function render(job: Render): Promise<Answer> {
  const { RENDER_TASKS } = await import('./render-tasks.ts');
  const f = RENDER_TASKS[job.task] as (...args: unknown[]) => unknown;
  return { id: job.id, ok: 'rendered', value: await f(...job.args) };
}

parentPort?.on('message', async (job: Job) => {
  let answer: Answer;
  try {
    answer = job.kind === 'render' ? await render(job) : { id: job.id, ...evaluation(job) };
  } catch (e) {
    answer = {
      id: job.id,
      ok: 'error',
      message: (e as Error).message,
      store: e instanceof StoreError ? { kind: e.kind, zh: e.zh, en: e.en, problems: e.problems } : undefined,
    };
  }
  // A made file goes back without a copy (unless its bytes share memory with others).
  const v = answer.ok === 'rendered' ? answer.value : undefined;
  const whole = v instanceof Uint8Array && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength;
  const bytes = whole ? [v.buffer] : [];
  parentPort?.postMessage(answer, bytes as ArrayBuffer[]);
});
