// Validating a large case off the event loop. A case of a few megabytes takes a second or more to
// parse and validate; on the event loop that second is a second in which nobody else is answered.
// Above LARGE_CASE_CHARS the request body stays text (caseJsonParser) and a worker thread parses
// and validates it; only the first PROBLEMS_SHOWN problems and their count come back. One worker,
// started on first use and kept, serves one case at a time (the others wait their turn), so a
// burst of uploads cannot multiply the memory it needs.

import type { Worker } from 'node:worker_threads';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Problem } from '../../domain/problems.ts';
import { StoreError } from '../../store/errors.ts';
import { startWorker } from '../../worker-thread.ts';
import { HttpError, PROBLEMS_SHOWN } from '../errors.ts';
import type { Answer, Job } from './worker.ts';

export const LARGE_CASE_CHARS = 1_000_000;

/** A request body kept as text, to be parsed by the worker. */
export class LargeJson {
  constructor(readonly text: string) {}
}

let worker: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();
let next = 0;

function theWorker(): Worker {
  if (!worker) {
    worker = startWorker(new URL('./worker.ts', import.meta.url));
    worker.unref();
    const forget = () => {
      worker = undefined;
    };
    worker.on('error', forget);
    worker.on('exit', forget);
  }
  return worker;
}

function ask(job: Omit<Job, 'id'>): Promise<Answer> {
  const run = () =>
    new Promise<Answer>((resolve, reject) => {
      const w = theWorker();
      const id = ++next;
      const onMessage = (a: Answer) => {
        if (a.id !== id) return;
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        resolve(a);
      };
      const onError = (e: Error) => {
        w.off('message', onMessage);
        reject(e);
      };
      const onExit = () => onError(new Error('the validation worker stopped'));
      w.on('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      w.postMessage({ ...job, id } satisfies Job);
    });
  const answer = queue.then(run, run);
  queue = answer.catch(() => undefined);
  return answer;
}

/** An invalid-input error that lists some problems and counts them all. */
export function invalidOf(problems: Problem[], total: number): StoreError {
  return Object.assign(
    new StoreError('invalid', `输入有 ${total} 处问题`, `the input has ${total} problem(s)`, problems),
    { problemCount: total },
  );
}

/** Parses and validates a large case in the worker; the parsed case when valid, else throws 422. */
export async function validateLarge(
  policy: string,
  body: LargeJson,
  towns: { town: string; pack: string }[] = [],
): Promise<unknown> {
  const a = await ask({ policy, text: body.text, shown: PROBLEMS_SHOWN, towns });
  if (a.ok === 'error') throw new Error(`validation worker: ${a.message}`);
  // As the JSON parser answers a small body that is not JSON.
  if (a.ok === 'syntax')
    throw new HttpError(
      400,
      'bad_request',
      `请求体不是有效的 JSON：${a.message}`,
      `the body is not valid JSON: ${a.message}`,
    );
  if (a.ok === false) throw invalidOf(a.problems, a.total);
  return JSON.parse(body.text);
}

/** The JSON parser of the case import: small bodies parsed at once, large ones kept as text. */
export function acceptLargeJson(app: FastifyInstance, bodyLimit: number): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (req: FastifyRequest, text: string | Buffer, done) => {
      const s = String(text);
      if (s.length > LARGE_CASE_CHARS) done(null, new LargeJson(s));
      else parse(req, s, done);
    },
  );
}
