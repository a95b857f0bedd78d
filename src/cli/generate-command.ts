// zeren generate: synthetic county years (src/generate), for benchmarks, demos and load tests.
//
//   zeren generate --counties 100 --seed 7 --out DIR   one JSON file per county: DIR/C0001.json …,
//                                                      each a zeren-case/1 that `zeren evaluate`
//                                                      reads (one record per line, for diffs)
//   zeren generate --counties 100 --seed 7             JSON lines on standard output: one case per
//                                                      line, for pipes (`| head -1 | zeren evaluate -`)
//   zeren generate --counties 100 --summary            only the sizes, as JSON
//
// The same seed always gives the same counties; county i depends only on the seed and i, so
// `--first` generates a slice of a larger run.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { ZerenCase } from '../domain/case.ts';
import { addSizes, emptySizes, generateCounty } from '../generate/generate.ts';
import { CliExit } from './io.ts';

interface Options {
  counties: string;
  seed: string;
  first: string;
  fpYear: string;
  out?: string;
  summary?: boolean;
}

/** A case as JSON with one unit, person, post… per line: readable, and small diffs. */
export function caseJson(c: ZerenCase): string {
  const lines = Object.entries(c).map(([key, value]) => {
    if (!Array.isArray(value)) return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    if (value.length === 0) return `  ${JSON.stringify(key)}: []`;
    return `  ${JSON.stringify(key)}: [\n${value.map((v) => `    ${JSON.stringify(v)}`).join(',\n')}\n  ]`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

function positive(name: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new CliExit(2, `${name}: 应为不小于 ${min} 的整数 / must be a whole number, at least ${min}`);
  return n;
}

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description(
      '生成测试数据：合成的县年度案例（zeren-case/1），同一种子结果相同 / generate synthetic county years (zeren-case/1), deterministic for a seed',
    )
    .requiredOption('--counties <n>', '县的个数 / how many counties')
    .option('--seed <seed>', '种子（任意词或数字）/ seed (any word or number)', '2009')
    .option(
      '--first <i>',
      '第一个县的序号，用于分段生成 / index of the first county, to generate a slice of a larger run',
      '0',
    )
    .option('--fp-year <year>', '计生年度 / the FP year', '2009')
    .option(
      '--out <dir>',
      '每县一个 JSON 文件写入 DIR，而不是在标准输出中输出 JSON lines / write one JSON file per county into DIR, instead of JSON lines on stdout',
    )
    .option('--summary', '只输出将生成的数据量 / print only the sizes of what would be generated')
    .action((opts: Options) => {
      const counties = positive('--counties', opts.counties, 1);
      const first = positive('--first', opts.first, 0);
      const fpYear = positive('--fp-year', opts.fpYear, 1900);
      if (opts.out && !opts.summary) mkdirSync(opts.out, { recursive: true });
      const bar =
        process.stderr.isTTY && counties >= 10 && (opts.out || opts.summary || !process.stdout.isTTY)
          ? new SingleBar({
              format: '生成 generating [{bar}] {value}/{total} counties  {eta_formatted}',
              stream: process.stderr,
            })
          : undefined;
      bar?.start(counties, 0);
      const sizes = emptySizes();
      try {
        for (let i = first; i < first + counties; i++) {
          const c = generateCounty(opts.seed, i, { fpYear });
          addSizes(sizes, c);
          if (opts.out && !opts.summary) writeFileSync(join(opts.out, `${c.units[0]!.id}.json`), caseJson(c));
          else if (!opts.summary) process.stdout.write(`${JSON.stringify(c)}\n`);
          bar?.increment();
        }
      } finally {
        bar?.stop();
      }
      const summary = JSON.stringify({ seed: opts.seed, first, fp_year: fpYear, ...sizes });
      if (opts.summary) process.stdout.write(`${summary}\n`);
      else if (opts.out) process.stderr.write(`${summary}\n→ ${opts.out}\n`);
    });
}
