// The worker thread of validate-large.ts: parses a case's JSON text and validates it with the
// engine of its county's pack, answering the first PROBLEMS_SHOWN problems and their count.

import { parentPort } from 'node:worker_threads';
import type { Failed, Ok } from '../../domain/problems.ts';
import { townWords } from '../../engine/validate.ts';
import { loadEngine } from '../../policy/load.ts';

export interface Job {
  id: number;
  policy: string;
  text: string;
  shown: number;
  /** The town packs set for the county's towns in the case's year, whose words it may use. */
  towns?: { town: string; pack: string }[];
}
export type Answer = { id: number } & (
  | Ok<null>
  | (Failed & { total: number })
  | { ok: 'syntax' | 'error'; message: string }
);

function run(job: Job): Answer {
  let value: unknown;
  try {
    value = JSON.parse(job.text);
  } catch (e) {
    return { id: job.id, ok: 'syntax', message: (e as Error).message };
  }
  const v = loadEngine(job.policy).validate(value, undefined, townWords(loadEngine, job.towns));
  if (v.ok) return { id: job.id, ok: true, value: null };
  return { id: job.id, ok: false, problems: v.problems.slice(0, job.shown), total: v.problems.length };
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
