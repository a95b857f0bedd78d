// The benchmark's data: generated counties, cached as JSON lines (one zeren-case/1 per line) under
// bench/out/data/ (gitignored), so that every engine's process reads the same cases and none pays
// for generating them. County i depends only on the seed and i, so a cached run of N counties also
// serves any smaller run with the same seed: it reads the first lines.

import {
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SingleBar } from 'cli-progress';
import type { ZerenCase } from '../src/domain/case.ts';
import { generateCounty } from '../src/generate/generate.ts';

export const OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'out');
export const DATA_DIR = join(OUT_DIR, 'data');

export const SCALES = { county: 1, province: 100, nation: 2800 } as const;
export type Scale = keyof typeof SCALES;

/** Bump when the generator changes what it generates, so that old caches are not read. */
const GENERATOR_VERSION = 1;

function fileFor(seed: string, counties: number): string {
  return join(DATA_DIR, `cases-v${GENERATOR_VERSION}-s${seed}-n${counties}.jsonl`);
}

/** A cached file holding at least `counties` counties of this seed, if there is one. */
function cached(seed: string, counties: number): string | undefined {
  if (!existsSync(DATA_DIR)) return undefined;
  const prefix = `cases-v${GENERATOR_VERSION}-s${seed}-n`;
  let best: { n: number; file: string } | undefined;
  for (const f of readdirSync(DATA_DIR)) {
    if (!f.startsWith(prefix) || !f.endsWith('.jsonl')) continue;
    const n = Number(f.slice(prefix.length, -'.jsonl'.length));
    if (n >= counties && (!best || n < best.n)) best = { n, file: join(DATA_DIR, f) };
  }
  return best?.file;
}

/** The JSON-lines file holding (at least) the first `counties` counties; generates it if need be. */
export async function ensureData(seed: string, counties: number, log: (s: string) => void): Promise<string> {
  const hit = cached(seed, counties);
  if (hit) return hit;
  mkdirSync(DATA_DIR, { recursive: true });
  const file = fileFor(seed, counties);
  const tmp = `${file}.${process.pid}.tmp`;
  log(`generating ${counties} counties (seed ${seed}) into ${file}`);
  const bar =
    process.stderr.isTTY && counties > 1
      ? new SingleBar({
          format: '  generating [{bar}] {value}/{total} counties  {eta_formatted}',
          stream: process.stderr,
        })
      : undefined;
  bar?.start(counties, 0);
  const out = await open(tmp, 'w');
  try {
    for (let i = 0; i < counties; i++) {
      await out.write(`${JSON.stringify(generateCounty(seed, i))}\n`);
      bar?.increment();
    }
  } finally {
    await out.close();
    bar?.stop();
  }
  renameSync(tmp, file);
  return file;
}

/**
 * The first `limit` cases of a JSON-lines file, read synchronously, one at a time (never all in
 * memory), each only when asked for: for timing asynchronous steps (the store bench), where a
 * stream would go on reading and splitting the file inside the time of the steps.
 */
export function* readCasesSync(file: string, limit: number, chunkBytes = 1 << 20): Generator<ZerenCase> {
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(chunkBytes);
  let pending: Buffer[] = [];
  let n = 0;
  try {
    for (let got = readSync(fd, chunk); got > 0 && n < limit; got = readSync(fd, chunk)) {
      const view = chunk.subarray(0, got);
      let from = 0;
      for (let nl = view.indexOf(10, from); nl >= 0 && n < limit; nl = view.indexOf(10, from)) {
        const line = Buffer.concat([...pending, view.subarray(from, nl)]).toString('utf8');
        pending = [];
        from = nl + 1;
        if (line.trim() === '') continue;
        n++;
        yield JSON.parse(line) as ZerenCase;
      }
      if (from < got) pending.push(Buffer.from(view.subarray(from)));
    }
    const last = Buffer.concat(pending).toString('utf8');
    if (n < limit && last.trim() !== '') yield JSON.parse(last) as ZerenCase;
  } finally {
    closeSync(fd);
  }
}

/** The first `limit` cases of a JSON-lines file, one at a time (never all in memory). */
export async function* readCases(file: string, limit: number): AsyncGenerator<ZerenCase> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      if (n >= limit) break;
      if (line.trim() === '') continue;
      n++;
      yield JSON.parse(line) as ZerenCase;
    }
  } finally {
    lines.close();
  }
}
