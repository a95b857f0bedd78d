// Reads a policy pack from its folder (pack.yaml and the files it names) and hands the parts to the
// engine. The engine itself never touches the file system.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InvalidInput } from '../domain/problems.ts';
import { yaml } from '../domain/yaml.ts';
import { isObj } from '../engine/check.ts';
import { createEngine, type Engine } from '../engine/engine.ts';
import type { PackSource } from '../engine/pack.ts';
import { ROOT } from '../root.ts';

/** The packs shipped with the system. */
export const POLICIES_DIR = join(ROOT, 'policies');

/**
 * Where the packs a county may follow are read from: ZEREN_POLICIES (a folder of pack folders, e.g.
 * a county's own revision of the shipped pack), or the shipped policies/. Read at each call, so a
 * server started with it set follows that folder's packs, TypeScript unchanged.
 */
export function policiesDir(): string {
  const dir = process.env.ZEREN_POLICIES;
  return dir ? resolve(dir) : POLICIES_DIR;
}
export const DEFAULT_POLICY = 'county-fp-2009';

/** A pack's file that cannot be read or is not YAML: InvalidInput naming the file and the line. */
function readFile(dir: string, file: string, asYaml: boolean): unknown {
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InvalidInput([
      code === 'ENOENT'
        ? { path: file, code: 'missing_file', zh: '文件不存在', en: 'no such file' }
        : { path: file, code: 'unreadable', zh: `无法读取：${code}`, en: `cannot read it: ${code}` },
    ]);
  }
  if (!asYaml) return text;
  try {
    return yaml().parse(text) as unknown;
  } catch (e) {
    const at =
      e instanceof yaml().YAMLParseError && e.linePos ? `:${e.linePos[0].line}:${e.linePos[0].col}` : '';
    throw new InvalidInput([
      {
        path: `${file}${at}`,
        code: 'yaml',
        zh: '不是有效的 YAML',
        en: `not valid YAML: ${(e as Error).message.split('\n')[0]}`,
      },
    ]);
  }
}

/** The files of a pack as parsed YAML (and the clause text); InvalidInput names a bad file. */
export function readPackSource(dir: string): PackSource {
  const manifest = readFile(dir, 'pack.yaml', true);
  const files = isObj(manifest) && isObj(manifest.files) ? manifest.files : {};
  const name = (key: string, fallback: string) => String(files[key] ?? fallback);
  // `duties: null`: a pack without duties (a town's own).
  const duties = 'duties' in files ? files.duties : 'duties.yaml';
  // A town pack reads the county's interpretations: it has a file of its own only to be refused.
  const town = isObj(manifest) && manifest.kind === 'town';
  const interpretations =
    town && !files.interpretations ? undefined : name('interpretations', 'interpretations.yaml');
  return {
    manifest,
    text: readFile(dir, name('text', 'text.md'), false) as string,
    parameters: readFile(dir, name('parameters', 'parameters.yaml'), true),
    interpretations: interpretations === undefined ? undefined : readFile(dir, interpretations, true),
    rules: readFile(dir, name('rules', 'rules.yaml'), true),
    duties: duties ? readFile(dir, String(duties), true) : undefined,
    // A town pack's own words are optional: it has the county's.
    vocabulary:
      town && !files.vocabulary ? undefined : readFile(dir, name('vocabulary', 'vocabulary.yaml'), true),
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
  return policy.includes('/') ? resolve(policy) : join(policiesDir(), policy);
}

/**
 * The engine of a pack's source: a town pack (七) beside the county pack it extends. A town pack
 * set for another town than the one it names (`applies_to`) is applied to that town, `town`.
 */
export function engineOf(src: PackSource, town?: string): Engine {
  const m = src.manifest;
  const isTown = isObj(m) && m.kind === 'town';
  const applied =
    isTown && town !== undefined && m.applies_to !== town
      ? { ...src, manifest: { ...m, applies_to: town } }
      : src;
  return createEngine(applied, isTown && typeof m.extends === 'string' ? loadEngine(m.extends) : undefined);
}

/**
 * The engine for a pack id under policiesDir() (or a folder path), loaded once per folder; a town
 * pack applied to `town` when given (the county's unit id of the town that follows it).
 */
export function loadEngine(policy: string = DEFAULT_POLICY, town?: string): Engine {
  const dir = packDir(policy);
  const key = town === undefined ? dir : `${dir}\0${town}`;
  let engine = cache.get(key);
  if (!engine) {
    engine = engineOf(readPackSourceCached(dir), town);
    cache.set(key, engine);
  }
  return engine;
}

/** The ids of the county packs in policiesDir(): what the API lets a county choose. */
export function packIds(): string[] {
  return packsOf('county');
}

/** The ids of the packs of a kind in policiesDir() (a town's own packs are `town`). */
export function packsOf(kind: 'county' | 'town'): string[] {
  const root = policiesDir();
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'pack.yaml')))
    .filter((d) => {
      const m = yaml().parse(readFileSync(join(root, d.name, 'pack.yaml'), 'utf8')) as unknown;
      return (isObj(m) && m.kind === 'town' ? 'town' : 'county') === kind;
    })
    .map((d) => d.name)
    .sort();
}
