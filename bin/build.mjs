// The server and the command line run as compiled JavaScript, built from src/ on install and again
// on first use after a source changes (nothing built is committed). `node bin/build.mjs` builds
// now if stale; bin/zeren.mjs and bin/start.mjs call `compiled()` before they start.
//
// A build is a folder .build/<signature>/ holding src/ compiled by TypeScript (types are checked by
// `npm test`, not here), src's .mjs files and the server bundled into one file (bin/bundle.mjs); .build/current names the one in use and is replaced
// in one rename, so a process that is starting never sees half a build. The signature is a hash
// of the path, size and modification time of every source file and of the compiler settings.
// When the compiler is missing or fails, the caller falls back to running src/ through tsx.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SRC = join(ROOT, 'src');
const OUT = join(ROOT, '.build');
const CURRENT = join(OUT, 'current');
const SETTINGS = [
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
  'bin/build.mjs',
  'bin/bundle.mjs',
];
const isSource = (name) => /\.(ts|mjs)$/.test(name) && !/\.test\.ts$/.test(name);

function walk(dir, files = []) {
  if (!existsSync(dir)) return files;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, files);
    else if (isSource(e.name)) files.push(p);
  }
  return files;
}

/** The signature of the sources: what, when changed, makes the build stale. */
export function signature(root = ROOT) {
  const h = createHash('sha256');
  const files = walk(join(root, 'src')).sort();
  for (const f of [...files, ...SETTINGS.map((s) => join(root, s))]) {
    if (!existsSync(f)) continue;
    const s = statSync(f);
    h.update(`${relative(root, f)}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return h.digest('hex').slice(0, 16);
}

function current() {
  try {
    return readFileSync(CURRENT, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function compile(sig, log) {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  if (!existsSync(tsc)) return false;
  const dir = join(OUT, sig);
  if (existsSync(join(dir, '.done'))) return true;
  const tmp = join(OUT, `tmp-${process.pid}-${Date.now()}`);
  log('正在编译服务端与命令行… / compiling the server and the command line…');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', tmp], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    log(
      `编译失败，改用 tsx 运行源码 / compiling failed, running the sources with tsx:\n${r.stdout}${r.stderr}`,
    );
    return false;
  }
  for (const f of walk(SRC).filter((p) => p.endsWith('.mjs'))) cpSync(f, join(tmp, relative(SRC, f)));
  // The server as one file as well (bin/bundle.mjs); without it the server runs from the files above.
  spawnSync(process.execPath, [join(ROOT, 'bin/bundle.mjs'), tmp], { cwd: ROOT, stdio: 'inherit' });
  writeFileSync(join(tmp, '.done'), `${sig}\n`);
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process built the same signature
  }
  return existsSync(join(dir, '.done'));
}

function publish(sig) {
  const tmp = `${CURRENT}.${process.pid}`;
  writeFileSync(tmp, `${sig}\n`);
  renameSync(tmp, CURRENT);
  for (const e of readdirSync(OUT)) {
    if (e === sig || e.startsWith('current')) continue;
    const p = join(OUT, e);
    // keep builds a running process may still be loading from for a while
    if (Date.now() - statSync(p).mtimeMs > 60 * 60_000) rmSync(p, { recursive: true, force: true });
  }
}

/**
 * The folder of the compiled sources (the counterpart of src/), built first when stale; undefined
 * when it cannot be built (the caller then runs src/ through tsx). ZEREN_COMPILED=0 skips it.
 */
export function compiled(log = (line) => process.stderr.write(`${line}\n`)) {
  if (process.env.ZEREN_COMPILED === '0') return undefined;
  const sig = signature();
  if (current() === sig && existsSync(join(OUT, sig, '.done'))) return join(OUT, sig);
  mkdirSync(OUT, { recursive: true });
  if (!compile(sig, log)) return undefined;
  publish(sig);
  return join(OUT, sig);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = compiled((line) => process.stdout.write(`${line}\n`));
  process.stdout.write(dir ? `compiled: ${relative(ROOT, dir)}\n` : 'not compiled (tsx will run src/)\n');
}
