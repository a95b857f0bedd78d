// The browser application's bundle (web/dist), built when missing or stale. Stale means the
// stamp written beside it — a hash of the web sources, the shared domain code they import, the
// build configuration and the lockfile — no longer matches. Builds are serialised by a lock
// directory and swapped in whole, so a server, a test run and `npm start` never see half a bundle.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ROOT } from '../root.ts';

export { ROOT };
export const WEB = join(ROOT, 'web');
export const DIST = join(WEB, 'dist');
const STAMP = '.stamp';
const LOCK = join(WEB, '.build-lock');
/** A lock older than this was left by a build that died. */
const LOCK_STALE_MS = 10 * 60_000;

/** The inputs of the bundle: what, when changed, makes it stale. Tests and generated types are not. */
export function webInputs(root = ROOT): string[] {
  const files: string[] = [];
  const walk = (dir: string, keep: (f: string) => boolean) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, keep);
      else if (keep(p)) files.push(p);
    }
  };
  const source = (f: string) => !/\.test\.tsx?$/.test(f) && !f.endsWith('schema.d.ts');
  walk(join(root, 'web/src'), source);
  walk(join(root, 'web/public'), () => true);
  walk(join(root, 'src/domain'), (f) => f.endsWith('.ts') && source(f));
  for (const f of ['web/index.html', 'web/vite.config.ts', 'web/tsconfig.json', 'package-lock.json'])
    if (existsSync(join(root, f))) files.push(join(root, f));
  return files.map((f) => relative(root, f).split('\\').join('/')).sort();
}

/** The hash of every input's path and content. */
export function webSourceHash(root = ROOT): string {
  const h = createHash('sha256');
  for (const f of webInputs(root))
    h.update(`${f}\0`)
      .update(readFileSync(join(root, f)))
      .update('\0');
  return h.digest('hex');
}

export type BuildState = 'fresh' | 'stale' | 'missing';

export function webBuildState(dist = DIST, hash = webSourceHash()): BuildState {
  if (!existsSync(join(dist, 'index.html'))) return 'missing';
  const stamp = join(dist, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash ? 'fresh' : 'stale';
}

async function lock(): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch {
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS)
        rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      out += String(d);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${out}`)),
    );
  });
}

export interface BuildResult {
  state: BuildState;
  built: boolean;
  ms: number;
}

/**
 * Builds the bundle when it is missing or stale; waits for a build already under way. Resolves
 * with the state found; rejects when Vite is not installed or the build fails.
 */
export async function ensureWebBuilt(log: (line: string) => void = () => {}): Promise<BuildResult> {
  const t = Date.now();
  const first = webBuildState();
  if (first === 'fresh') return { state: first, built: false, ms: 0 };
  const release = await lock();
  try {
    const hash = webSourceHash();
    const state = webBuildState(DIST, hash);
    if (state === 'fresh') return { state: first, built: false, ms: Date.now() - t };
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    if (!existsSync(vite))
      throw new Error('vite is not installed: run `npm install` (with dev dependencies)');
    log(
      state === 'missing'
        ? '正在构建浏览器界面（首次约需半分钟）… / building the browser application…'
        : '浏览器界面源码已更新，正在重新构建… / the browser application changed, rebuilding…',
    );
    const out = join(WEB, `.dist-${process.pid}-${Date.now()}`);
    try {
      await run(
        process.execPath,
        [vite, 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'],
        {
          ZEREN_WEB_OUT: out,
          NODE_ENV: 'production',
        },
      );
      writeFileSync(join(out, STAMP), `${hash}\n`);
      const old = join(WEB, `.dist-old-${process.pid}-${Date.now()}`);
      if (existsSync(DIST)) renameSync(DIST, old);
      renameSync(out, DIST);
      rmSync(old, { recursive: true, force: true });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    return { state, built: true, ms: Date.now() - t };
  } finally {
    release();
  }
}

/** `tsx src/server/web-build.ts`: the `web:build` script (always builds; `--if-stale` only when needed). */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!process.argv.includes('--if-stale') && existsSync(DIST)) writeFileSync(join(DIST, STAMP), 'forced\n');
  const r = await ensureWebBuilt((l) => process.stdout.write(`${l}\n`));
  process.stdout.write(
    r.built ? `web/dist built in ${(r.ms / 1000).toFixed(1)} s\n` : 'web/dist is up to date\n',
  );
}
