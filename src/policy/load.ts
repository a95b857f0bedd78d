// Reads a policy pack from its folder (pack.yaml and the files it names) and hands the parts to the
// engine. The engine itself never touches the file system.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { isObj } from '../engine/check.ts';
import { createEngine, type Engine } from '../engine/engine.ts';
import type { PackSource } from '../engine/pack.ts';

export const POLICIES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../policies');
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

const cache = new Map<string, Engine>();

/** The engine for a pack id under policies/ (or a folder path), loaded once per process. */
export function loadEngine(policy: string = DEFAULT_POLICY): Engine {
  const dir = policy.includes('/') ? resolve(policy) : join(POLICIES_DIR, policy);
  let engine = cache.get(dir);
  if (!engine) {
    engine = createEngine(readPackSource(dir));
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
