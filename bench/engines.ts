// The engines the benchmark compares, in the order they run. Zeren is the reference every other
// engine's answers are checked against.

import { handwritten } from './baselines/handwritten.ts';
import { jsonLogic } from './baselines/json-logic.ts';
import { jsonRulesEngine } from './baselines/json-rules-engine.ts';
import type { Baseline } from './baselines/types.ts';
import { zenInFlight, zenLoop, zenSequential } from './baselines/zen.ts';
import { zeren, zerenValidating } from './baselines/zeren.ts';

export const ENGINES: readonly Baseline[] = [
  zeren,
  zerenValidating,
  handwritten,
  jsonLogic,
  zenSequential,
  zenInFlight,
  zenLoop,
  jsonRulesEngine,
];

export const REFERENCE = zeren.id;

export function engineById(id: string): Baseline {
  const e = ENGINES.find((x) => x.id === id);
  if (!e) throw new Error(`no engine ${id}; engines: ${ENGINES.map((x) => x.id).join(', ')}`);
  return e;
}
