// A worker thread of the evaluation pool (pool.ts): evaluates a case with its pack's engine and
// answers the result with its canonical JSON, so the server's thread neither evaluates nor
// serialises it.

import { parentPort } from 'node:worker_threads';
import { canonicalJson } from '../domain/canonical.ts';
import type { ZerenCase } from '../domain/case.ts';
import type { Problem } from '../domain/problems.ts';
import type { ZerenResult } from '../domain/result.ts';
import { loadEngine } from '../policy/load.ts';

export interface Job {
  id: number;
  policy: string;
  kase: ZerenCase;
  overrides: Record<string, string>;
}
export type Answer = { id: number } & (
  | { ok: true; value: ZerenResult; caseJson: string; resultJson: string }
  | { ok: false; problems: Problem[] }
  | { ok: 'error'; message: string }
);

function run(job: Job): Answer {
  const out = loadEngine(job.policy).evaluate(job.kase, job.overrides);
  if (!out.ok) return { id: job.id, ok: false, problems: out.problems };
  return {
    id: job.id,
    ok: true,
    value: out.value,
    caseJson: canonicalJson(job.kase),
    resultJson: canonicalJson(out.value),
  };
}

parentPort?.on('message', (job: Job) => {
  let answer: Answer;
  try {
    answer = run(job);
  } catch (e) {
    answer = { id: job.id, ok: 'error', message: (e as Error).message };
  }
  parentPort?.postMessage(answer);
});
