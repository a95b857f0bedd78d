// The generator: the same seed gives the same counties, every county is a valid case for the
// engine, and the sizes and outcomes are those of a real county (so that a benchmark over them
// means something): most units pass, and a few dozen counties meet nearly every clause.

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ZerenCase } from '../domain/case.ts';
import { loadEngine } from '../policy/load.ts';
import { addSizes, emptySizes, generate, generateCounty } from './generate.ts';
import { Random } from './prng.ts';

const engine = loadEngine();

describe('the seeded generator', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives the same county for the same seed and index, and another for another seed', () => {
    expect(generateCounty('a', 3)).toEqual(generateCounty('a', 3));
    expect(generateCounty(7, 0)).toEqual(generateCounty('7', 0));
    expect(generateCounty('a', 3)).not.toEqual(generateCounty('b', 3));
    expect(generateCounty('a', 3)).not.toEqual(generateCounty('a', 4));
  });

  it('generates county i from the seed and i alone, so that a run can be sliced', () => {
    const all = [...generate({ counties: 4, seed: 's' })];
    expect([...generate({ counties: 2, seed: 's', first: 2 })]).toEqual(all.slice(2));
  });

  it('never calls Math.random', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    expect(() => generateCounty('no-random', 0)).not.toThrow();
  });

  it('draws integers within their bounds, and samples without repeats', () => {
    const r = new Random('bounds');
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
    }
    const s = r.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(s).size).toBe(4);
  });
});

describe('generated counties', () => {
  const cases: ZerenCase[] = [...generate({ counties: 12, seed: 'test' })];

  it('are valid zeren-case/1 documents for the engine', () => {
    for (const c of cases) {
      const v = engine.validate(c);
      expect(v.ok ? [] : v.problems.slice(0, 5)).toEqual([]);
    }
  });

  it('have the sizes of a county: 10–25 towns of 8–20 villages, 20–60 county units, ~2,400 people', () => {
    for (const c of cases) {
      const s = addSizes(emptySizes(), c);
      expect(s.counties).toBe(1);
      expect(s.towns).toBeGreaterThanOrEqual(10);
      expect(s.towns).toBeLessThanOrEqual(25);
      expect(s.villages).toBeGreaterThanOrEqual(8 * s.towns);
      expect(s.villages).toBeLessThanOrEqual(20 * s.towns);
      expect(s.county_units).toBeGreaterThanOrEqual(20);
      expect(s.county_units).toBeLessThanOrEqual(60);
      // Per village some six posts, per town some thirty, per county unit three or four.
      expect(s.people).toBeGreaterThan(5 * s.villages);
      expect(s.people).toBeLessThan(12 * s.villages);
      expect(s.assessments).toBeGreaterThan(s.towns + s.villages + s.county_units);
    }
  });

  it('change hands during the year, link units and leaders, and assess at every level', () => {
    const c = cases[0]!;
    expect(c.posts!.some((p) => p.to !== undefined && p.to >= '2008-10-01')).toBe(true);
    for (const kind of ['stationed', 'unit_village', 'leader_town', 'leader_village'])
      expect(c.links!.some((l) => l.kind === kind)).toBe(true);
    for (const by of ['province', 'city', 'county'])
      expect(c.assessments!.some((a) => a.by === by && (a.sampled?.length ?? 0) > 0)).toBe(true);
    expect(c.assessments!.some((a) => a.kind === 'governance_duty')).toBe(true);
    expect(c.categories!.length).toBe(
      2 * (c.units.length - 1 - c.units.filter((u) => u.kind === 'county_unit').length),
    );
  });

  it('mostly pass, and give consequences under nearly every clause', () => {
    const clauses = new Set<string>();
    let passing = 0;
    let assessed = 0;
    for (const c of cases) {
      for (const a of c.assessments!)
        if (a.by === 'county' && a.outcome) {
          assessed++;
          if (a.outcome === 'pass') passing++;
        }
      for (const x of engine.evaluateValid(c).consequences) clauses.add(x.clause);
    }
    expect(passing / assessed).toBeGreaterThan(0.75);
    expect(passing / assessed).toBeLessThan(0.95);
    const missing = engine.pack.consequenceClauses.filter((cl) => !clauses.has(cl));
    // The province's rarer outcomes (4.1.x) need more than a dozen counties to all occur.
    expect(missing.length).toBeLessThanOrEqual(3);
  });
});
