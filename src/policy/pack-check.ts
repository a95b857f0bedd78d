// Loading a pack from a folder for its author: the engine, or every problem found, each with the
// file and the place in it (`rules.yaml.rules[3].then[0].to`, `parameters.yaml:12:3`).

import { InvalidInput, type Result } from '../domain/problems.ts';
import type { Engine } from '../engine/engine.ts';
import { engineOf, readPackSource } from './load.ts';

export function checkPack(dir: string): Result<Engine> {
  try {
    return { ok: true, value: engineOf(readPackSource(dir)) };
  } catch (e) {
    if (e instanceof InvalidInput) return { ok: false, problems: e.problems };
    throw e;
  }
}
