// A national batch: every county of a year is independent, so the cases of a JSON-lines stream are
// evaluated by a pool of worker threads (one per core by default), a chunk at a time, and the
// results written in the input's order — the same bytes whatever the number of threads. Each
// thread loads the pack once. At most two chunks wait per thread, so memory stays bounded by the
// chunk size, not by the size of the batch.

import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { startWorker } from '../worker-thread.ts';
import type { Answer, Chunk } from './worker.ts';

export interface BatchOptions {
  /** Threads; default one per core. */
  workers?: number;
  /** Cases per message to a thread. */
  chunk?: number;
  /** A pack id or folder; default each case's own `policy`. */
  policy?: string;
  /** Receives each result line, in the input's order. */
  write?: (line: string) => void;
}

export interface BatchSummary {
  cases: number;
  failed: number;
  workers: number;
  ms: number;
  /** SHA-256 of the output lines (each followed by a newline), for comparing runs. */
  sha256: string;
  /** The process's peak resident memory, in MiB (threads included). */
  peak_rss_mib: number;
}

const IN_FLIGHT = 2;

export async function runBatch(lines: AsyncIterable<string>, opts: BatchOptions = {}): Promise<BatchSummary> {
  const t0 = performance.now();
  const n = Math.max(1, opts.workers ?? availableParallelism());
  const size = Math.max(1, opts.chunk ?? 8);
  const hash = createHash('sha256');
  const write = opts.write ?? (() => {});
  const workers = Array.from({ length: n }, () =>
    startWorker(new URL('./worker.ts', import.meta.url), { policy: opts.policy }),
  );
  const busy = new Array<number>(n).fill(0);
  const done = new Map<number, string[]>();
  let nextOut = 0;
  let failed = 0;
  let cases = 0;
  let wake: (() => void) | undefined;
  let fatal: Error | undefined;

  const flush = () => {
    for (let out = done.get(nextOut); out; out = done.get(nextOut)) {
      for (const line of out) {
        hash.update(line).update('\n');
        write(line);
      }
      done.delete(nextOut++);
    }
  };
  workers.forEach((w, i) => {
    w.on('message', (a: Answer) => {
      busy[i]!--;
      failed += a.failed;
      done.set(a.id, a.lines);
      flush();
      wake?.();
    });
    w.on('error', (e) => {
      fatal = e;
      wake?.();
    });
  });
  const idle = async (): Promise<number> => {
    for (;;) {
      if (fatal) throw fatal;
      const i = busy.indexOf(Math.min(...busy));
      if (busy[i]! < IN_FLIGHT) return i;
      await new Promise<void>((r) => {
        wake = r;
      });
    }
  };
  let id = 0;
  const send = async (chunk: string[]) => {
    const i = await idle();
    busy[i]!++;
    workers[i]!.postMessage({ id: id++, first: cases - chunk.length, lines: chunk } satisfies Chunk);
  };
  try {
    let chunk: string[] = [];
    for await (const line of lines) {
      if (line.trim() === '') continue;
      chunk.push(line);
      cases++;
      if (chunk.length === size) {
        await send(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) await send(chunk);
    while (nextOut < id) {
      if (fatal) throw fatal;
      await new Promise<void>((r) => {
        wake = r;
      });
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return {
    cases,
    failed,
    workers: n,
    ms: Math.round(performance.now() - t0),
    sha256: hash.digest('hex'),
    peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
