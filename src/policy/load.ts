// Reads a policy pack from its folder (pack.yaml and the files it names) and hands the parts to the
// engine. The engine itself never touches the file system.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { isObj } from '../engine/check.ts';
import { createEngine, type Engine } from '../engine/engine.ts';
import type { PackSource } from '../engine/pack.ts';
import { ROOT } from '../root.ts';

export const POLICIES_DIR = join(ROOT, 'policies');
export const DEFAULT_POLICY = 'county-fp-2009';

export function readPackSource(dir: string): PackSource {
  const manifest = parse(readFileSync(join(dir, 'pack.yaml'), 'utf8')) as unknown;
  const files = isObj(manifest) && isObj(manifest.files) ? manifest.files : {};
  const read = (key: string, fallback: string) =>
    readFileSync(join(dir, String(files[key] ?? fallback)), 'utf8');
  const duties = files.duties ?? 'duties.yaml';
  return {
    manifest,
    text: read('text', 'text.md'),
    parameters: parse(read('parameters', 'parameters.yaml')),
    interpretations: parse(read('interpretations', 'interpretations.yaml')),
    rules: parse(read('rules', 'rules.yaml')),
    duties: duties ? parse(readFileSync(join(dir, String(duties)), 'utf8')) : undefined,
  };
}

/** Where parsed packs are kept between runs, keyed by the bytes of their files. */
export const PACK_CACHE_DIR = join(ROOT, 'node_modules/.cache/zeren-packs');

/**
 * The pack's source as `readPackSource` gives it, parsed once per content: parsing the pack's YAML
 * is most of a short command's time, so the parsed form is kept as JSON under
 * node_modules/.cache, named by a SHA-256 over every file of the pack's folder (not its tests).
 * Any change to any file is a different name; a cache that cannot be read or written is skipped.
 */
export function readPackSourceCached(dir: string, cacheDir: string = PACK_CACHE_DIR): PackSource {
  const hash = createHash('sha256');
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!e.isFile()) continue;
    hash
      .update(e.name)
      .update('\0')
      .update(readFileSync(join(dir, e.name)))
      .update('\0');
  }
  const file = join(cacheDir, `${hash.digest('hex')}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PackSource;
  } catch {
    // not cached yet (or unreadable): parse and keep
  }
  const source = readPackSource(dir);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(source));
    renameSync(tmp, file);
  } catch {
    // a read-only install still works, only slower
  }
  return source;
}

const cache = new Map<string, Engine>();

/** The folder of a pack: an id under policies/, or a folder path. */
export function packDir(policy: string = DEFAULT_POLICY): string {
  return policy.includes('/') ? resolve(policy) : join(POLICIES_DIR, policy);
}

/** The engine for a pack id under policies/ (or a folder path), loaded once per process. */
export function loadEngine(policy: string = DEFAULT_POLICY): Engine {
  const dir = packDir(policy);
  let engine = cache.get(dir);
  if (!engine) {
    engine = createEngine(readPackSourceCached(dir));
    cache.set(dir, engine);
  }
  return engine;
}

/** The ids of the packs shipped under policies/: what the API lets a county choose. */
export function packIds(): string[] {
  return readdirSync(POLICIES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(POLICIES_DIR, d.name, 'pack.yaml')))
    .map((d) => d.name)
    .sort();
}
