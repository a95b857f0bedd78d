// The figures around the engine, measured in the same run as their baselines:
//  - cli_vs_node: the CLI evaluating the example (`node bin/zeren.mjs evaluate … --json`, compiled)
//    over `node -e 0`, median wall time of alternating runs;
//  - start_vs_fastify: the server started on a seeded store until it answers /api/v1/health, over
//    a bare Fastify hello-world (bench/hello.mjs) until it answers /;
//  - cores_speedup: `zeren batch` of the counties on one worker thread over one per core (the same
//    SHA-256 of the results, or no figure), the best of 5 runs of each, taken in turn, with the
//    batch's peak memory.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BatchSummary } from '../src/batch/batch.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ZEREN = join(ROOT, 'bin/zeren.mjs');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function wall(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return performance.now() - t;
}

export function cliFigures(runs = 11) {
  wall([ZEREN, 'evaluate', 'examples/qingshui-2009.yaml', '--json']); // compiles if stale, fills caches
  const cli: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(wall(['-e', '0']));
    cli.push(wall([ZEREN, 'evaluate', 'examples/qingshui-2009.yaml', '--json']));
  }
  return {
    cli_ms: round(median(cli), 1),
    node_ms: round(median(node), 1),
    cli_vs_node: round(median(cli) / median(node)),
  };
}

async function firstAnswer(args: string[], url: string, env: NodeJS.ProcessEnv): Promise<number> {
  const t = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
      try {
        if ((await fetch(url)).ok) return performance.now() - t;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function startFigures(runs = 5) {
  const dir = mkdtempSync(join(tmpdir(), 'zeren-start-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ZEREN_DB: join(dir, 'z.db'),
    ZEREN_WEB_BUILD: '0',
    PORT: '39411',
  };
  delete env.DATABASE_URL;
  try {
    await firstAnswer([join(ROOT, 'bin/start.mjs')], 'http://127.0.0.1:39411/api/v1/health', env); // seeds
    const zeren: number[] = [];
    const hello: number[] = [];
    for (let i = 0; i < runs; i++) {
      hello.push(
        await firstAnswer([join(ROOT, 'bench/hello.mjs')], 'http://127.0.0.1:39412/', {
          ...env,
          PORT: '39412',
        }),
      );
      zeren.push(
        await firstAnswer([join(ROOT, 'bin/start.mjs')], 'http://127.0.0.1:39411/api/v1/health', env),
      );
    }
    return {
      start_ms: round(median(zeren), 1),
      fastify_hello_ms: round(median(hello), 1),
      start_vs_fastify: round(median(zeren) / median(hello)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether this machine can pin a process to one core. */
const canPin = () => spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/**
 * `zeren batch` of the first `counties` cases on `workers` threads; `oneCore`: the whole process
 * pinned to one core (`taskset -c 0`), so that the baseline is one core, not one thread whose
 * garbage collector borrows the other cores.
 */
function batch(file: string, counties: number, workers: number, oneCore = false): BatchSummary {
  const pin = oneCore && canPin() ? 'taskset -c 0 ' : '';
  const r = spawnSync(
    'sh',
    [
      '-c',
      `head -n ${counties} "$0" | ${pin}"$1" "$2" batch - --summary --workers ${workers}`,
      file,
      process.execPath,
      ZEREN,
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) throw new Error(`zeren batch failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as BatchSummary;
}

/**
 * Runs of each batch: the best of them is its figure (the machine's passing load slows one run, not
 * all). Five: on the two-core machine the same one-core batch took from 11 to 15 s within minutes,
 * and three runs did not always meet a quiet spell on both sides.
 */
const BATCH_RUNS = 5;

export function coresFigures(file: string, counties: number) {
  const cores = availableParallelism();
  batch(file, Math.min(counties, 20), cores); // warm the caches and the build
  // One core and all cores in turn, so that a slow spell of the machine falls on both alike.
  const ones: BatchSummary[] = [];
  const alls: BatchSummary[] = [];
  for (let run = 0; run < BATCH_RUNS; run++) {
    ones.push(batch(file, counties, 1, true));
    alls.push(batch(file, counties, cores));
  }
  if ([...ones, ...alls].some((b) => b.sha256 !== ones[0]!.sha256))
    throw new Error('the batch on one thread and on all cores disagree');
  const best = (runs: BatchSummary[]) => Math.min(...runs.map((b) => b.ms));
  const one = best(ones);
  const all = best(alls);
  return {
    cores,
    batch_counties: counties,
    batch_runs: BATCH_RUNS,
    batch_one_core_pinned: canPin() ? 1 : 0,
    batch_one_core_ms: one,
    batch_all_cores_ms: all,
    cores_speedup: round(one / all),
    batch_peak_rss_mib: Math.max(...[...ones, ...alls].map((b) => b.peak_rss_mib)),
  };
}
