// An evaluation job, the same in a worker thread of the pool and in place: the engine's result,
// and, when asked, the case and the result sealed to keep (their canonical JSON hashed and
// compressed: kept-text.ts), so that a worker does that work too.

import type { Failed, Ok } from '../domain/problems.ts';
import type { ZerenResult } from '../domain/result.ts';
import { townWords } from '../engine/validate.ts';
import { loadEngine } from '../policy/load.ts';
import { type Sealed, seal } from '../store/kept-text.ts';
import type { Evaluate } from './worker.ts';

/** The case and the result of an evaluation, sealed to keep. */
export interface ToKeep {
  case: Sealed;
  result: Sealed;
}

/** What an evaluation job answers: the result, and what it was asked to seal. */
export type Evaluation = (Ok<ZerenResult> & Partial<ToKeep>) | Failed;

/** Runs an evaluation job (in a worker, or here when there are none). */
export function evaluation(job: Evaluate): Evaluation {
  const out = loadEngine(job.policy, job.town).evaluate(
    job.kase,
    job.overrides,
    undefined,
    townWords(loadEngine, job.towns ?? []),
  );
  if (!out.ok || !job.keep) return out;
  const result = seal(out.value);
  return job.keep === 'result' ? { ...out, result } : { ...out, case: seal(job.kase), result };
}
