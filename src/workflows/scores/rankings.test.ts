// The rankings view against the engine: on generated cases (scores drawn from a narrow range, so
// ranks tie) and under every reading of I5 and I1, the units the view says qualify for 3.2.2,
// 3.3.1 and 3.3.3 are exactly those the engine rewards (its consequences and its withheld). The
// pack's cut-offs are lowered to 2, 1 and 1 so that they bite on small cases.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ZerenCase } from '../../domain/case.ts';
import { arbitraryCase } from '../../engine/case.arbitrary.ts';
import { createEngine, type Engine } from '../../engine/engine.ts';
import { loadEngine, POLICIES_DIR, readPackSource } from '../../policy/load.ts';
import { rankings } from './rankings.ts';

function withCutOffs(cuts: Record<string, number>): Engine {
  const src = readPackSource(`${POLICIES_DIR}/county-fp-2009`);
  const params = structuredClone(src.parameters) as {
    parameters: Record<string, { values: { value: number }[] }>;
  };
  for (const [name, n] of Object.entries(cuts)) for (const v of params.parameters[name]!.values) v.value = n;
  return createEngine({ ...src, parameters: params });
}

const CLAUSES = ['3.2.2', '3.3.1', '3.3.3'] as const;

/**
 * Cases built for the rankings: many villages and county units, nearly all assessed by the county
 * (mostly 达标, scores tying often, a few without one), units linked to villages, some links ended.
 */
const rankedCase: fc.Arbitrary<ZerenCase> = fc
  .record({
    villages: fc.array(fc.tuple(fc.nat(4), fc.option(fc.integer({ min: 80, max: 83 }), { freq: 8 })), {
      minLength: 1,
      maxLength: 14,
    }),
    units: fc.array(
      fc.tuple(
        fc.nat(4),
        fc.option(fc.integer({ min: 80, max: 83 }), { freq: 8 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 3 })),
      ),
      { minLength: 1, maxLength: 8 },
    ),
    links: fc.array(
      fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(undefined, '2008-09-30', '2009-05-31', '2009-09-30')),
      { maxLength: 16 },
    ),
  })
  .map(({ villages, units, links }) => {
    const outcome = (i: number) => (['pass', 'pass', 'pass', 'fail', 'reminder'] as const)[i]!;
    const vs = villages.map((_, i) => `v${i}`);
    const us = units.map((_, i) => `u${i}`);
    return {
      format: 'zeren-case/1',
      policy: 'county-fp-2009',
      fp_year: 2009,
      units: [
        { id: 'county', kind: 'county', name: '县' },
        { id: 't', kind: 'town', name: '镇' },
        ...vs.map((id) => ({ id, kind: 'village' as const, name: id, town: 't' })),
        ...us.map((id, i) => ({
          id,
          kind: 'county_unit' as const,
          name: id,
          ...(units[i]![2] && { governance_duty: true }),
        })),
      ],
      links: links.map(([u, v, to]) => ({
        kind: 'unit_village' as const,
        unit: us[u % us.length]!,
        village: vs[v % vs.length]!,
        ...(to && { to }),
      })),
      assessments: [
        ...villages.map(([o, score], i) => ({
          by: 'county' as const,
          subject: vs[i]!,
          outcome: outcome(o),
          ...(score !== null && { score }),
        })),
        ...units.map(([o, score], i) => ({
          by: 'county' as const,
          subject: us[i]!,
          outcome: outcome(o),
          ...(score !== null && { score }),
        })),
        ...units.flatMap(([, , gov, duty], i) =>
          gov && duty !== null
            ? [{ by: 'county' as const, subject: us[i]!, kind: 'governance_duty' as const, score: 80 + duty }]
            : [],
        ),
      ],
    } satisfies ZerenCase;
  });

/** The units the engine rewards under a clause (given or withheld), and those the view says qualify. */
function compare(engine: Engine, c: ZerenCase, overrides: Record<string, string>) {
  const result = engine.evaluateValid(c, overrides);
  const view = rankings(c, engine, overrides);
  for (const clause of CLAUSES) {
    const rewarded = new Set(
      [...result.consequences, ...result.withheld]
        .filter((x) => x.clause === clause && x.subject.kind === 'unit')
        .map((x) => x.subject.id),
    );
    const qualifies = view.rankings
      .find((r) => r.clause === clause)!
      .items.filter((i) => i.qualifies)
      .map((i) => i.unit);
    expect(new Set(qualifies), `${clause} under ${JSON.stringify(overrides)}`).toEqual(rewarded);
  }
  // 类别升级 (3.1.4 towns, 3.2.3 villages): the units the view says improved are those rewarded.
  const improved = new Set(
    [...result.consequences, ...result.withheld]
      .filter((x) => (x.clause === '3.1.4' || x.clause === '3.2.3') && x.subject.kind === 'unit')
      .map((x) => x.subject.id),
  );
  expect(new Set(view.categories.filter((x) => x.improved).map((x) => x.unit))).toEqual(improved);
  return view;
}

describe('rankings as the engine reads them', () => {
  const small = withCutOffs({ rank_3_2_2: 2, rank_3_3_1: 1, rank_3_3_3: 1 });
  const pack = loadEngine();

  it('qualify exactly the units the engine rewards, on generated cases, under every reading of I5 and I1', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        for (const engine of [small, pack])
          for (const I5 of ['include-ties', 'strict'])
            for (const I1 of ['any-time', 'year-end']) compare(engine, c, { I5, I1 });
      }),
      { numRuns: 300 },
    );
  });

  it('qualify exactly the units the engine rewards, on cases built for ranking', () => {
    fc.assert(
      fc.property(rankedCase, (c) => {
        expect(small.validate(c).ok).toBe(true);
        for (const I5 of ['include-ties', 'strict'])
          for (const I1 of ['any-time', 'year-end']) compare(small, c, { I5, I1 });
      }),
      { numRuns: 300 },
    );
  });

  it('ranks ties together under include-ties, and in case order under strict', () => {
    const c: ZerenCase = {
      format: 'zeren-case/1',
      policy: 'county-fp-2009',
      fp_year: 2009,
      units: [
        { id: 'county', kind: 'county', name: '县' },
        { id: 't', kind: 'town', name: '镇' },
        ...['a', 'b', 'c'].map((id) => ({ id, kind: 'village' as const, name: `${id}村`, town: 't' })),
      ],
      assessments: [
        { by: 'county', subject: 'a', outcome: 'pass', score: 90 },
        { by: 'county', subject: 'b', outcome: 'fail', score: 95 },
        { by: 'county', subject: 'c', outcome: 'pass', score: 90 },
      ],
    };
    const ties = compare(small, c, {}).rankings[0]!;
    expect(ties.items.map((i) => [i.unit, i.rank, i.qualifies])).toEqual([
      ['b', 1, false],
      ['a', 2, true],
      ['c', 2, true],
    ]);
    expect(ties.items[0]!.reasons.map((r) => r.code)).toEqual(['not_passing']);
    const strict = compare(small, c, { I5: 'strict' }).rankings[0]!;
    expect(strict.items.map((i) => [i.unit, i.rank, i.qualifies])).toEqual([
      ['b', 1, false],
      ['a', 2, true],
      ['c', 3, false],
    ]);
    expect(strict.items[2]!.reasons[0]).toMatchObject({ code: 'rank', zh: '排名第 3 名，不在前 2 名' });
  });

  it('reads the shared example as the engine does, with categories', () => {
    const c = parse(
      readFileSync(new URL('../../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'),
    ) as ZerenCase;
    const view = compare(pack, c, {});
    const villages = view.rankings[0]!;
    expect(villages).toMatchObject({ clause: '3.2.2', top: 10, ranked: 4 });
    expect(villages.items.map((i) => [i.unit, i.rank, i.qualifies])).toEqual([
      ['v-hongxing', 1, true],
      ['v-qiaotou', 2, true],
      ['v-shangling', 3, true],
      ['v-xiaying', 4, false],
    ]);
    expect(view.categories.find((x) => x.unit === 'v-qiaotou')).toMatchObject({
      previous: 3,
      current: 2,
      improved: true,
      zh: '由 3 类升为 2 类',
    });
  });
});
