// Zeren itself, the engine loaded from the policy pack. `zeren` evaluates a case validated
// beforehand (as the store does: it validates on import, then evaluates what it holds);
// `zeren-validating` validates every case first, as `zeren evaluate` and the API do.

import type { ZerenCase } from '../../src/domain/case.ts';
import { loadEngine } from '../../src/policy/load.ts';
import type { Baseline } from './types.ts';

export const zeren: Baseline = {
  id: 'zeren',
  label: 'Zeren engine',
  explains: true,
  async setup() {
    const engine = loadEngine();
    return (c: ZerenCase) => engine.evaluateValid(c);
  },
};

export const zerenValidating: Baseline = {
  id: 'zeren-validating',
  label: 'Zeren engine, validating each case',
  explains: true,
  async setup() {
    const engine = loadEngine();
    return (c: ZerenCase) => {
      const out = engine.evaluate(c);
      if (!out.ok)
        throw new Error(`invalid case: ${out.problems.map((p) => `${p.path}: ${p.en}`).join('; ')}`);
      return out.value;
    };
  },
};
