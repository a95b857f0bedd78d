// Readings are typed where the engine gives them meaning: a misspelt value or an unknown reading
// in engine code does not compile (the @ts-expect-error lines fail `npm run check` if it does), and
// a pack that declares an engine reading with a value the engine does not know, or whose rules
// read a reading it does not declare, does not load.

import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../domain/problems.ts';
import { POLICIES_DIR, readPackSource } from '../policy/load.ts';
import { createEngine } from './engine.ts';
import type { PackSource } from './pack.ts';
import { ENGINE_READINGS, type Readings, typed } from './readings.ts';

type Interps = { interpretations: Record<string, { default: string; values: Record<string, unknown> }> };
const source = () => structuredClone(readPackSource(`${POLICIES_DIR}/county-fp-2009`)) as PackSource;

function problemsOf(src: PackSource) {
  try {
    createEngine(src);
  } catch (e) {
    if (e instanceof InvalidInput) return e.problems.map((p) => `${p.code} ${p.path}`);
    throw e;
  }
  return [];
}

describe('readings', () => {
  it('are typed: a misspelt value or an unknown reading is a type error', () => {
    const r: Readings = typed({ I5: 'strict', I13: 'any-two' });
    // @ts-expect-error — 'strikt' is no value of I5
    expect(r.I5 === 'strikt').toBe(false);
    // @ts-expect-error — the engine reads no reading I55
    expect(r.I55).toBeUndefined();
    expect(r.I5 === 'strict' && r.I13 === 'any-two').toBe(true);
  });

  it('the shipped pack declares every engine reading with the values the engine knows', () => {
    expect(problemsOf(source())).toEqual([]);
    const interps = (source().interpretations as Interps).interpretations;
    for (const [id, values] of Object.entries(ENGINE_READINGS))
      expect(Object.keys(interps[id]!.values), id).toEqual([...values]);
  });

  it('a pack naming a value of an engine reading the engine does not know does not load', () => {
    const src = source();
    const i5 = (src.interpretations as Interps).interpretations.I5!;
    i5.values.strikt = i5.values.strict;
    delete i5.values.strict;
    expect(problemsOf(src)).toEqual([
      'unknown_reading_value interpretations.yaml.interpretations.I5.values.strikt',
    ]);
  });

  it('a pack whose rules read a reading it does not declare does not load', () => {
    const src = source();
    delete (src.interpretations as Interps).interpretations.I13;
    expect(problemsOf(src)).toEqual([
      expect.stringMatching(/^unknown_interpretation rules\.yaml\(notices-in-a-row/),
    ]);
  });
});
