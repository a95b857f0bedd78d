// One engine in its own process (so that one engine's garbage and JIT state never slow another):
// `check` evaluates the first cases and reports what it decided; `time` warms up, then times every
// case of the data set, pass after pass, and reports the figures and what it decided. Cases are
// read and parsed one at a time, outside the timings; only the call that turns a case into a
// zeren-result/1 document is timed, and the result is dropped once its digest is taken. Time is
// the process's CPU time (and wall-clock time alongside): on a shared machine, other processes
// that get the core for a while make the wall clock lie, not the CPU clock.
//
// Started by bench/main.ts as `node --import tsx bench/child.ts '<json>'`; prints one JSON line.

import { addSizes, emptySizes, type Sizes } from '../src/generate/generate.ts';
import { readCases } from './data.ts';
import { digest } from './digest.ts';
import { engineById } from './engines.ts';

export interface ChildTask {
  engine: string;
  mode: 'check' | 'time';
  file: string;
  /** How many cases of the file make the data set. */
  cases: number;
  /** check: how many cases to check. */
  check?: number;
  /** time: warm up on the first `warmupCases` cases, over and over for at least `warmupMs`. */
  warmupCases?: number;
  warmupMs?: number;
  /** time: at least `minPasses` passes, then more while under `passMs` in all, at most `maxPasses`. */
  minPasses?: number;
  maxPasses?: number;
  passMs?: number;
  /** time: stop the (single) pass after `budgetMs`, once `minCases` cases are timed (a sample). */
  budgetMs?: number;
  minCases?: number;
}

export interface CheckReport {
  engine: string;
  digests: string[];
  consequences: number[];
}

export interface TimeReport {
  engine: string;
  /** Cases timed in each pass (fewer than the data set when sampled). */
  cases: number;
  sampled: boolean;
  passes: number;
  /** Total evaluation time of each pass, ms: CPU time of the process (user + system), which
   * other processes sharing the core do not inflate; and wall-clock time. */
  pass_ms: number[];
  pass_wall_ms: number[];
  /** Every case's CPU time in every pass, ms. */
  case_ms: number[];
  /** Consequences (and withheld entries) decided in one pass. */
  consequences: number;
  withheld: number;
  digests: string[];
  /** Time spent reading and parsing cases, outside the timings, ms. */
  parse_ms: number;
  peak_rss_mb: number;
  /** The size of the cases timed (counted outside the timings). */
  sizes: Sizes;
}

function rssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

async function check(task: ChildTask): Promise<CheckReport> {
  const decide = await engineById(task.engine).setup();
  const digests: string[] = [];
  const consequences: number[] = [];
  for await (const c of readCases(task.file, task.check ?? task.cases)) {
    const r = await decide(c);
    digests.push(digest(r));
    consequences.push(r.consequences.length);
  }
  return { engine: task.engine, digests, consequences };
}

async function time(task: ChildTask): Promise<TimeReport> {
  const decide = await engineById(task.engine).setup();
  // Warm-up: the JIT compiles what is hot; the timings that follow are of compiled code.
  const warmEnd = performance.now() + (task.warmupMs ?? 0);
  do for await (const c of readCases(task.file, task.warmupCases ?? 1)) await decide(c);
  while (performance.now() < warmEnd);

  const report: TimeReport = {
    engine: task.engine,
    cases: 0,
    sampled: false,
    passes: 0,
    pass_ms: [],
    pass_wall_ms: [],
    case_ms: [],
    consequences: 0,
    withheld: 0,
    digests: [],
    parse_ms: 0,
    peak_rss_mb: 0,
    sizes: emptySizes(),
  };
  const started = performance.now();
  const minPasses = task.minPasses ?? 1;
  const maxPasses = task.maxPasses ?? minPasses;
  for (let pass = 0; pass < maxPasses; pass++) {
    if (pass >= minPasses && performance.now() - started >= (task.passMs ?? 0)) break;
    const times: number[] = [];
    let total = 0;
    let wall = 0;
    let parseStart = performance.now();
    for await (const c of readCases(task.file, task.cases)) {
      report.parse_ms += performance.now() - parseStart;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await decide(c);
      wall += performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const ms = (cpu.user + cpu.system) / 1000;
      times.push(ms);
      total += ms;
      if (pass === 0) {
        addSizes(report.sizes, c);
        report.digests.push(digest(r));
        report.consequences += r.consequences.length;
        report.withheld += r.withheld.length;
      }
      if (
        task.budgetMs !== undefined &&
        performance.now() - started >= task.budgetMs &&
        times.length >= (task.minCases ?? 1) &&
        times.length < task.cases
      ) {
        report.sampled = true;
        break;
      }
      parseStart = performance.now();
    }
    report.passes++;
    report.cases = times.length;
    report.pass_ms.push(total);
    report.pass_wall_ms.push(wall);
    report.case_ms.push(...times);
    if (report.sampled) break;
  }
  report.peak_rss_mb = rssMb();
  return report;
}

const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
const out = task.mode === 'check' ? await check(task) : await time(task);
process.stdout.write(`${JSON.stringify(out)}\n`);
