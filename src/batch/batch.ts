// A national batch: every county of a year is independent, so the cases of a JSON-lines stream are
// evaluated by a pool of worker threads (one per core by default), a chunk at a time, and the
// results written in the input's order — the same bytes whatever the number of threads. Each
// thread loads the pack once. At most two chunks wait per thread, so memory stays bounded by the
// chunk size, not by the size of the batch.

import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { startWorker } from '../worker-thread.ts';
import { isBlank } from './lines.ts';
import type { Answer, Chunk } from './worker.ts';

export interface BatchOptions {
  /** Threads; default one per core. */
  workers?: number;
  /**
   * Cases per message to a thread; default 2. A county's case takes some tens of milliseconds: with
   * 8 a thread could be left a chunk's work at the end while the others had none (on two cores, a
   * national batch took 5–10% longer than with 2; sending one case at a time was no faster).
   */
  chunk?: number;
  /** A pack id or folder; default each case's own `policy`. */
  policy?: string;
  /** Receives the results in the input's order: UTF-8 bytes of whole lines, each ending in LF. */
  write?: (bytes: Uint8Array) => void;
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

/**
 * Evaluates the cases of `lines` (text, or the bytes of each line as `byteLines` gives them: the
 * fastest, as this thread then never decodes the input).
 */
export async function runBatch(
  lines: AsyncIterable<string | Uint8Array>,
  opts: BatchOptions = {},
): Promise<BatchSummary> {
  const t0 = performance.now();
  const n = Math.max(1, opts.workers ?? availableParallelism());
  const size = Math.max(1, opts.chunk ?? 2);
  const hash = createHash('sha256');
  const write = opts.write ?? (() => {});
  const workers = Array.from({ length: n }, () =>
    startWorker(new URL('./worker.ts', import.meta.url), { policy: opts.policy }),
  );
  const busy = new Array<number>(n).fill(0);
  const done = new Map<number, Uint8Array>();
  let nextOut = 0;
  let failed = 0;
  let cases = 0;
  let wake: (() => void) | undefined;
  let fatal: Error | undefined;

  const flush = () => {
    for (let out = done.get(nextOut); out; out = done.get(nextOut)) {
      hash.update(out);
      write(out);
      done.delete(nextOut++);
    }
  };
  workers.forEach((w, i) => {
    w.on('message', (a: Answer) => {
      busy[i]!--;
      failed += a.failed;
      done.set(a.id, a.bytes);
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
  const send = async (chunk: (string | Uint8Array)[]) => {
    const i = await idle();
    busy[i]!++;
    // A line's own bytes (byteLines copies each) go over without another copy.
    const own = chunk.filter(
      (l): l is Uint8Array =>
        typeof l !== 'string' && l.byteOffset === 0 && l.byteLength === l.buffer.byteLength,
    );
    workers[i]!.postMessage({ id: id++, first: cases - chunk.length, lines: chunk } satisfies Chunk, [
      ...new Set(own.map((l) => l.buffer as ArrayBuffer)),
    ]);
  };
  try {
    let chunk: (string | Uint8Array)[] = [];
    for await (const line of lines) {
      if (isBlank(line)) continue;
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
