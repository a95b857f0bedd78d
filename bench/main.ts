// npm run -s bench -- [--scale county|province|nation] [--json] [--store]
//
// Zeren against the engines a user would pick instead, on the same generated year:
//  1. the data: generated once per seed and size, cached in bench/out/data (data.ts);
//  2. the check: every engine decides the first cases, in its own process, and all must agree
//     with Zeren (subject, type, amount, clause, applies; withheld entries too) — else it stops;
//  3. the timings: one process per engine, pinned to one core, warmed up, every case timed on its
//     own; a baseline that would run past the budget is timed on a sample (≥ 20 counties), and
//     what it decided while timed is checked again against Zeren's answers;
//  4. the figures: cases/s, consequences/s, median ms per county, peak memory, and the ratios.

import { spawn, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import type { ZerenCase } from '../src/domain/case.ts';
import type { CheckReport, ChildTask, TimeReport } from './child.ts';
import { ensureData, readCases, SCALES, type Scale } from './data.ts';
import { difference } from './digest.ts';
import { ENGINES, engineById, REFERENCE } from './engines.ts';
import { cliFigures, coresFigures, startFigures } from './process.ts';
import { type Figures, figures, printTable } from './report.ts';
import { runStoreBench } from './store.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  scale: Scale;
  counties?: number;
  seed: string;
  json?: boolean;
  store?: boolean;
  engines?: string;
  budget: number;
  check: number;
  cpu?: number;
  pin: boolean;
  extras: boolean;
}

const log = (s: string) => process.stderr.write(`${s}\n`);

/** How each process runs: `taskset -c <cpu>` when it can, and V8 told it has one core for GC. */
function launcher(opts: Options): { cmd: string; pre: string[]; pinned: string } {
  const node = [process.execPath, '--single-threaded-gc', '--import', 'tsx'];
  const cpu = opts.cpu ?? cpus().length - 1;
  if (opts.pin && spawnSync('taskset', ['-c', String(cpu), 'true']).status === 0)
    return { cmd: 'taskset', pre: ['-c', String(cpu), ...node], pinned: `taskset -c ${cpu}` };
  return { cmd: node[0]!, pre: node.slice(1), pinned: 'not pinned' };
}

function runChild<T>(opts: Options, task: ChildTask): Promise<T> {
  const { cmd, pre } = launcher(opts);
  return new Promise((ok, fail) => {
    const child = spawn(cmd, [...pre, join(ROOT, 'bench/child.ts'), JSON.stringify(task)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop();
      if (code !== 0 || !line) fail(new Error(`${task.engine} (${task.mode}) exited with ${code}`));
      else ok(JSON.parse(line) as T);
    });
  });
}

/** How long to warm up and how many passes: the fast engines many times, the others once, within budget. */
function timingTask(opts: Options, engine: string, file: string, n: number): ChildTask {
  const task: ChildTask = { engine, mode: 'time', file, cases: n };
  if (engine === REFERENCE || engine === 'zeren-validating' || engine === 'handwritten') {
    Object.assign(task, { warmupCases: Math.min(n, 20), warmupMs: 3000 });
    if (n === 1) Object.assign(task, { minPasses: 50, maxPasses: 100_000, passMs: 5000 });
    else if (n <= 200) Object.assign(task, { minPasses: 3, maxPasses: 100, passMs: 10_000 });
    else Object.assign(task, { minPasses: 1, maxPasses: 1 });
    return task;
  }
  const slow = engine === 'json-rules-engine';
  Object.assign(task, {
    warmupCases: slow ? 1 : Math.min(n, 3),
    warmupMs: slow ? 0 : 2000,
    budgetMs: opts.budget * 1000,
    minCases: Math.min(n, 20),
  });
  if (n === 1) Object.assign(task, { minPasses: 3, maxPasses: 10_000, passMs: 10_000 });
  return task;
}

/** Evaluates one case with two engines in this process and says how they differ. */
async function explainMismatch(file: string, index: number, engine: string): Promise<string> {
  let c: ZerenCase | undefined;
  let i = 0;
  for await (const x of readCases(file, index + 1)) if (i++ === index) c = x;
  const want = await (await engineById(REFERENCE).setup())(c!);
  const got = await (await engineById(engine).setup())(c!);
  return `case ${index + 1} (${c!.units[0]?.id}): ${engine} differs from ${REFERENCE}\n${difference(want, got)}`;
}

async function mismatches(
  file: string,
  reference: string[],
  reports: { engine: string; digests: string[] }[],
): Promise<string[]> {
  const found: string[] = [];
  for (const r of reports) {
    const i = r.digests.findIndex((d, k) => d !== reference[k]);
    if (i >= 0) found.push(await explainMismatch(file, i, r.engine));
  }
  return found;
}

async function benchmark(opts: Options): Promise<Figures> {
  const n = opts.counties ?? SCALES[opts.scale];
  const engines = opts.engines
    ? opts.engines.split(',').map((id) => engineById(id).id)
    : ENGINES.map((e) => e.id);
  if (!engines.includes(REFERENCE)) engines.unshift(REFERENCE);
  const file = await ensureData(opts.seed, n, log);

  // 2. The check, before any timing.
  const checkCases = Math.min(n, opts.check);
  log(`checking ${engines.length} engines on ${checkCases} counties…`);
  const checks: CheckReport[] = [];
  for (const engine of engines) {
    log(`  ${engine}`);
    checks.push(
      await runChild<CheckReport>(opts, { engine, mode: 'check', file, cases: n, check: checkCases }),
    );
  }
  const reference = checks.find((c) => c.engine === REFERENCE)!;
  const wrong = await mismatches(file, reference.digests, checks);
  if (wrong.length > 0) throw new Error(`the engines disagree; no figures are given.\n${wrong.join('\n')}`);

  // 3. The timings, one process per engine.
  const timed: TimeReport[] = [];
  for (const engine of engines) {
    log(`timing ${engine}…`);
    timed.push(await runChild<TimeReport>(opts, timingTask(opts, engine, file, n)));
  }
  const ref = timed.find((t) => t.engine === REFERENCE)!;
  const wrongTimed = await mismatches(file, ref.digests, timed);
  if (wrongTimed.length > 0)
    throw new Error(`the engines disagreed while timed; no figures are given.\n${wrongTimed.join('\n')}`);

  return figures({
    scale: opts.counties ? 'custom' : opts.scale,
    seed: opts.seed,
    counties: n,
    checked: checkCases,
    checkedConsequences: reference.consequences.reduce((a, b) => a + b, 0),
    timed,
    pinned: launcher(opts).pinned,
    command: `npm run -s bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  });
}

const program = new Command('bench')
  .description('Zeren against json-rules-engine, json-logic-engine, zen-engine and a hand-written function')
  .addOption(new Option('--scale <scale>', 'how much data').choices(Object.keys(SCALES)).default('province'))
  .option('--counties <n>', 'a custom number of counties instead of a scale', (v) => Number.parseInt(v, 10))
  .option('--seed <seed>', 'generator seed', '2009')
  .option('--json', 'print one JSON object instead of the table')
  .option('--store', 'time importing, evaluating and storing the year through the store (SQLite, PostgreSQL)')
  .option('--engines <ids>', `only these engines (comma-separated): ${ENGINES.map((e) => e.id).join(', ')}`)
  .option('--budget <seconds>', 'time budget of a baseline before it is sampled', (v) => Number(v), 120)
  .option('--check <n>', 'counties every engine must agree on before timing', (v) => Number(v), 10)
  .option('--cpu <n>', 'the core to pin to (default: the last)', (v) => Number(v))
  .option('--no-pin', 'do not pin to one core')
  .option('--no-extras', 'skip the CLI, start-up and all-cores figures (bench/process.ts)');

/** The CLI against node, the server's start against Fastify's, one core against all: bench/process.ts. */
async function extras(opts: Options): Promise<Record<string, number>> {
  if (!opts.extras) return {};
  log('timing the command line against node -e 0…');
  const cli = cliFigures();
  log('timing the server start against a bare Fastify…');
  const start = await startFigures();
  const counties = Math.max(opts.counties ?? SCALES[opts.scale], 400);
  const file = await ensureData(opts.seed, counties, log);
  log(`zeren batch of ${counties} counties on one thread and on all cores…`);
  return { ...cli, ...start, ...coresFigures(file, counties) };
}

const extrasText = (x: Record<string, number>) =>
  Object.keys(x).length === 0
    ? ''
    : [
        '',
        `CLI (evaluate the example, compiled): ${x.cli_ms} ms, node -e 0: ${x.node_ms} ms — cli_vs_node ${x.cli_vs_node}`,
        `server start to first answer: ${x.start_ms} ms, bare Fastify: ${x.fastify_hello_ms} ms — start_vs_fastify ${x.start_vs_fastify}`,
        `zeren batch, ${x.batch_counties} counties (best of ${x.batch_runs} runs each): one thread ${x.batch_one_core_ms} ms, ${x.cores} cores ${x.batch_all_cores_ms} ms — cores_speedup ${x.cores_speedup}, peak ${x.batch_peak_rss_mib} MiB`,
        '',
      ].join('\n');

program.parse(process.argv.slice(2), { from: 'user' });
const opts = program.opts<Options>();
try {
  if (opts.store) {
    const out = await runStoreBench({
      scale: opts.counties ? 'custom' : opts.scale,
      counties: opts.counties ?? SCALES[opts.scale],
      seed: opts.seed,
      log,
    });
    const x = await extras(opts);
    process.stdout.write(
      opts.json ? `${JSON.stringify({ ...out, ...x }, null, 2)}\n` : `${out.text}\n${extrasText(x)}`,
    );
  } else {
    const f = await benchmark(opts);
    const x = await extras(opts);
    process.stdout.write(
      opts.json ? `${JSON.stringify({ ...f.json, ...x }, null, 2)}\n` : `${printTable(f)}${extrasText(x)}`,
    );
  }
} catch (e) {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
