// Properties of the engine on generated cases: it is deterministic; shuffling every list of a case
// changes nothing; a case survives JSON and YAML round trips; validation never throws, whatever it
// is given; and every consequence is well formed.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CASE_COLLECTIONS, type ZerenCase } from '../domain/case.ts';
import { loadEngine } from '../policy/load.ts';
import { arbitraryCase } from './case.arbitrary.ts';
import { quotable } from './consequence.ts';

const engine = loadEngine();
const RUNS = { numRuns: 300 };

function evaluate(c: unknown) {
  const out = engine.evaluate(c);
  if (!out.ok) throw new Error(out.problems.map((p) => `${p.path}: ${p.en}`).join('\n'));
  return out.value;
}

/** A seeded shuffle (mulberry32), so a failing run can be replayed from fast-check's seed. */
function shuffler(seed: number) {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return <T>(list: T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
}

/** Every list of the case shuffled, the lists inside assessments too. */
function shuffleCase(c: ZerenCase, seed: number): ZerenCase {
  const sh = shuffler(seed);
  const out = structuredClone(c);
  for (const k of CASE_COLLECTIONS)
    (out as unknown as Record<string, unknown[]>)[k] = sh((out[k] ?? []) as unknown[]);
  for (const a of out.assessments ?? [])
    for (const k of ['sampled', 'at_fault', 'caused_by'] as const) if (a[k]) a[k] = sh(a[k]!);
  return out;
}

describe('engine properties', () => {
  it('generated cases are valid', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const v = engine.validate(c);
        expect(v.ok ? [] : v.problems).toEqual([]);
      }),
      RUNS,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        expect(evaluate(c)).toEqual(evaluate(structuredClone(c)));
      }),
      RUNS,
    );
  });

  it('does not depend on the order of anything in the case', () => {
    // I5 strict breaks ties "by the order of the assessments in the data": order is its meaning.
    fc.assert(
      fc.property(arbitraryCase, fc.integer(), (c, seed) => {
        const plain = { ...c, interpretations: { ...c.interpretations, I5: 'include-ties' } };
        expect(evaluate(shuffleCase(plain, seed))).toEqual(evaluate(plain));
      }),
      RUNS,
    );
  });

  it('survives a JSON and a YAML round trip unchanged', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const viaJson = JSON.parse(JSON.stringify(c));
        const viaYaml = parse(stringify(c));
        expect(viaJson).toEqual(c);
        expect(viaYaml).toEqual(c);
        expect(evaluate(viaYaml)).toEqual(evaluate(c));
      }),
      RUNS,
    );
  });

  it('gives well-formed consequences: known subjects, clauses and readings, positive amounts', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const r = evaluate(c);
        const units = new Set(c.units.map((u) => u.id));
        const people = new Set((c.people ?? []).map((p) => p.id));
        const keys = new Set<string>();
        for (const x of [...r.consequences, ...r.withheld]) {
          expect(x.subject.kind === 'unit' ? units.has(x.subject.id) : people.has(x.subject.id)).toBe(true);
          expect(engine.pack.clauses.has(x.clause)).toBe(true);
          for (const d of x.depends_on) expect(r.interpretations[d]).toBeDefined();
          if (x.type === 'reward' || x.type === 'fine') expect(x.amount_yuan).toBeGreaterThan(0);
          expect(x.explanation).toContain(quotable(engine.pack.clauses.get(x.clause)!.text));
        }
        for (const x of r.consequences) {
          const k = `${x.subject.kind}:${x.subject.id}|${x.type}|${x.clause}`;
          expect(keys.has(k), `one ${x.type} per subject per clause: ${k}`).toBe(false);
          keys.add(k);
        }
      }),
      RUNS,
    );
  });
});

describe('validation never throws', () => {
  it('on anything at all', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withDate: true }),
        (x) => {
          const v = engine.validate(x);
          expect(v.ok).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('on valid cases with fields replaced by anything', () => {
    fc.assert(
      fc.property(arbitraryCase, fc.nat(), fc.nat(), fc.anything(), (c, i, j, junk) => {
        const broken = structuredClone(c) as unknown as Record<string, unknown>;
        const keys = Object.keys(broken);
        const k = keys[i % keys.length]!;
        const list = broken[k];
        if (Array.isArray(list) && list.length > 0) {
          const item = list[j % list.length];
          if (item && typeof item === 'object') {
            const fields = Object.keys(item);
            (item as Record<string, unknown>)[fields[j % fields.length]!] = junk;
          } else list[j % list.length] = junk;
        } else broken[k] = junk;
        const out = engine.evaluate(broken);
        // Either the change was harmless and the result is whole (every consequence citing a
        // clause of the pack, explained, with an amount in whole fen where it has one), or there is
        // no result at all, only problems that each name a place and say what is wrong in both
        // languages.
        if (out.ok)
          for (const x of [...out.value.consequences, ...out.value.withheld]) {
            expect(engine.pack.clauses.has(x.clause)).toBe(true);
            expect(x.explanation).toMatch(/[\u4e00-\u9fff]/);
            if (x.amount_yuan !== undefined)
              expect(Math.abs(x.amount_yuan * 100 - Math.round(x.amount_yuan * 100))).toBeLessThan(1e-6);
          }
        else {
          expect(out.problems.length).toBeGreaterThan(0);
          for (const p of out.problems) {
            expect(typeof p.path).toBe('string');
            expect(p.code).toMatch(/^[a-z_]+$/);
            expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
            expect(p.en).toMatch(/[a-z]/);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
