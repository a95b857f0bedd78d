// zeren batch: many counties at once, on every core.
//
//   zeren batch cases.jsonl                 one zeren-result/1 per line on standard output, in the
//                                           input's order; a case with problems gives
//                                           {"case": i, "problems": […]} on its line
//   zeren batch cases.jsonl --out r.jsonl   the results into a file
//   zeren batch - --summary                 only the summary (cases, failures, time, SHA-256)
//   zeren generate --counties 100 | zeren batch -
//
// Exit status: 0 when every case was evaluated, 2 when some had problems.

import { createReadStream, createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { runBatch } from '../batch/batch.ts';
import { byteLines } from '../batch/lines.ts';
import { CliExit } from './io.ts';

const count = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new CliExit(
      2,
      `--${name} 应为正整数，而不是“${v}” / --${name} must be a positive integer, not "${v}"`,
    );
  return n;
};

export function registerBatchCommand(program: Command, policy: () => string | undefined): void {
  program
    .command('batch')
    .description(
      '批量评定：用全部处理器核评定 JSON lines 文件中的案例，结果按输入顺序输出 / evaluate a JSON-lines file of cases on every core, results in input order',
    )
    .argument(
      '<file>',
      'JSON lines 文件，每行一份 zeren-case/1，- 为标准输入 / JSON lines, one zeren-case/1 per line, or - for standard input',
    )
    .option(
      '--workers <n>',
      '工作线程数，默认每核一个 / worker threads (default: one per core)',
      count('workers'),
    )
    .option('--chunk <n>', '每次交给一个线程的案例数 / cases sent to a thread at a time', count('chunk'))
    .option(
      '--out <file>',
      '结果写入此文件，而不是标准输出 / write the results to this file instead of standard output',
    )
    .option(
      '--summary',
      '只在标准输出中输出 JSON 格式的汇总 / print only the summary, as JSON, on standard output',
    )
    .action(
      async (file: string, o: { workers?: number; chunk?: number; out?: string; summary?: boolean }) => {
        const input = file === '-' ? process.stdin : createReadStream(file);
        const lines = byteLines(input);
        const sink = o.out ? createWriteStream(o.out) : o.summary ? undefined : process.stdout;
        const summary = await runBatch(lines, {
          ...(o.workers && { workers: o.workers }),
          ...(o.chunk && { chunk: o.chunk }),
          ...(policy() && { policy: policy() }),
          ...(sink && { write: (bytes: Uint8Array) => sink.write(bytes) }),
        });
        if (o.out && sink) await new Promise<void>((r) => (sink as NodeJS.WritableStream).end(r));
        const text = JSON.stringify(summary);
        if (o.summary) process.stdout.write(`${text}\n`);
        else process.stderr.write(`${text}\n`);
        if (summary.failed > 0) process.exitCode = 2;
      },
    );
}
