// Loading a pack from a folder for its author: the engine, or every problem found, each with the
// file and the place in it (`rules.yaml.rules[3].then[0].to`, `parameters.yaml:12:3`).

import { InvalidInput, type Problem } from '../domain/problems.ts';
import type { Engine } from '../engine/engine.ts';
import { engineOf, readPackSource } from './load.ts';

export type PackCheck = { ok: true; engine: Engine } | { ok: false; problems: Problem[] };

export function checkPack(dir: string): PackCheck {
  try {
    return { ok: true, engine: engineOf(readPackSource(dir)) };
  } catch (e) {
    if (e instanceof InvalidInput) return { ok: false, problems: e.problems };
    throw e;
  }
}
