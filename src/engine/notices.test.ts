// The reading of "连续二次" (I13) and of what 4.3.2.2 applies (I7), by example and against the
// engine's evaluation: for any notices to the example county's units, under every reading, the
// engine gives 4.3.2.2 consequences for exactly the units its notices view escalates.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addDays } from '../domain/dates.ts';
import type { UnitKind } from '../domain/vocabulary.ts';
import { loadEngine } from '../policy/load.ts';
import { type NoticeFact, noticesInARow, oneMoreEscalates, pairInARow } from './notices.ts';

type I13 = 'no-correction-between' | 'any-two';
type I7 = 'analogous' | 'towns-only';
const engine = loadEngine();
const appliedItem = (kind: UnitKind, I7: I7) => engine.notices({ I7 }).route(kind)?.applies ?? null;
const talkRoles = (kind: UnitKind) => engine.notices({}).route(kind)?.talk ?? [];

const n = (id: string, issued_on: string, corrected_on?: string, unit = 'v1'): NoticeFact => ({
  id,
  unit,
  issued_on,
  ...(corrected_on && { corrected_on }),
});
const ids = (p: [NoticeFact, NoticeFact] | undefined) => p?.map((x) => x.id);

describe('notices in a row (I13)', () => {
  it('no-correction-between: a correction verified before the next notice breaks the row', () => {
    expect(
      pairInARow([n('a', '2009-03-01', '2009-03-20'), n('b', '2009-05-01')], 'no-correction-between'),
    ).toBeUndefined();
    expect(ids(pairInARow([n('a', '2009-03-01'), n('b', '2009-05-01')], 'no-correction-between'))).toEqual([
      'a',
      'b',
    ]);
  });

  it('a correction verified on the day the next notice is issued is not before it', () => {
    expect(
      ids(pairInARow([n('a', '2009-03-01', '2009-05-01'), n('b', '2009-05-01')], 'no-correction-between')),
    ).toEqual(['a', 'b']);
    expect(
      pairInARow([n('a', '2009-03-01', '2009-04-30'), n('b', '2009-05-01')], 'no-correction-between'),
    ).toBeUndefined();
  });

  it('takes notices in issue order, whatever order they are given in, and finds a later pair', () => {
    const list = [n('c', '2009-07-01'), n('a', '2009-03-01', '2009-03-10'), n('b', '2009-05-01')];
    expect(ids(pairInARow(list, 'no-correction-between'))).toEqual(['b', 'c']);
    expect(ids(pairInARow(list, 'any-two'))).toEqual(['a', 'b']);
  });

  it('any-two: any two notices, corrected or not; one notice is never a row', () => {
    expect(
      ids(pairInARow([n('a', '2009-03-01', '2009-03-02'), n('b', '2009-05-01', '2009-05-02')], 'any-two')),
    ).toEqual(['a', 'b']);
    expect(pairInARow([n('a', '2009-03-01')], 'any-two')).toBeUndefined();
  });

  it('groups by unit, and names the units one more notice escalates', () => {
    const all = [
      n('a1', '2009-03-01', undefined, 'u1'),
      n('a2', '2009-04-01', undefined, 'u1'),
      n('b1', '2009-03-01', undefined, 'u2'),
      n('c1', '2009-03-01', '2009-03-05', 'u3'),
    ];
    expect([...noticesInARow(all, 'no-correction-between').keys()]).toEqual(['u1']);
    expect(
      [...oneMoreEscalates(all, 'no-correction-between')].map(([u, x]) => [
        u,
        x.latest.id,
        x.unlessCorrected,
      ]),
    ).toEqual([['u2', 'b1', true]]);
    expect(
      [...oneMoreEscalates(all, 'any-two')].map(([u, x]) => [u, x.latest.id, x.unlessCorrected]),
    ).toEqual([
      ['u2', 'b1', false],
      ['u3', 'c1', false],
    ]);
  });

  it('applies the matching 提醒注意 item (I7) and calls the talk for towns and county units, as the rules say', () => {
    expect(appliedItem('town', 'analogous')).toBe('4.3.1.1');
    expect(appliedItem('village', 'analogous')).toBe('4.3.1.5');
    expect(appliedItem('county_unit', 'analogous')).toBe('4.3.1.3');
    expect(appliedItem('town', 'towns-only')).toBe('4.3.1.1');
    expect(appliedItem('village', 'towns-only')).toBeNull();
    expect(appliedItem('county_unit', 'towns-only')).toBeNull();
    expect(talkRoles('town')).toEqual(['party_secretary', 'mayor']);
    expect(talkRoles('county_unit')).toEqual(['head']);
    expect(talkRoles('village')).toEqual([]);
  });
});

describe('the escalations agree with the engine', () => {
  const base = parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));
  const units = (base.units as { id: string; kind: UnitKind }[]).filter((u) => u.kind !== 'county');
  const kindOf = new Map(units.map((u) => [u.id, u.kind]));
  const day = (i: number) => addDays('2008-10-01', i);

  it('for any notices under every reading of I13 and I7', () => {
    const notice = fc.record({
      unit: fc.constantFrom(...units.map((u) => u.id)),
      issued: fc.integer({ min: 0, max: 364 }),
      // Verified some days after it was issued, or on the day another notice was issued, or never.
      verified: fc.option(
        fc.oneof(fc.record({ after: fc.integer({ min: 0, max: 120 }) }), fc.record({ sameDayAs: fc.nat(9) })),
      ),
    });
    fc.assert(
      fc.property(
        fc.array(notice, { maxLength: 10 }),
        fc.constantFrom<I13>('no-correction-between', 'any-two'),
        fc.constantFrom<I7>('analogous', 'towns-only'),
        (list, I13, I7) => {
          const verifiedOn = (x: (typeof list)[number]) => {
            if (x.verified === null) return undefined;
            if ('after' in x.verified) return addDays(day(x.issued), x.verified.after);
            const other = list[x.verified.sameDayAs];
            return other && other.issued >= x.issued ? day(other.issued) : day(x.issued);
          };
          const warning_notices = list.map((x, i) => ({
            id: `n${i}`,
            unit: x.unit,
            issued_on: day(x.issued),
            matter: '专项活动',
            ...(x.verified !== null && { corrected_on: verifiedOn(x) }),
          }));
          const r = engine.evaluate({ ...base, warning_notices }, { I13, I7 });
          if (!r.ok) throw new Error(r.problems.map((p) => p.en).join('; '));
          const fromEngine = new Set(
            r.value.consequences
              .filter((c) => c.clause === '4.3.2.2')
              .map((c) => (c.subject.kind === 'unit' ? c.subject.id : c.via!.unit)),
          );
          // Every unit of the example that has a talk role has someone in it, so a unit
          // escalates visibly unless nothing applies to it and nobody is called for a talk.
          const mine = [...noticesInARow(warning_notices, I13).keys()].filter((u) => {
            const kind = kindOf.get(u)!;
            return appliedItem(kind, I7) !== null || talkRoles(kind).length > 0;
          });
          expect([...fromEngine].sort()).toEqual(mine.sort());
          // 4.3.2.2 fires at most once per unit: the applied item's consequences carry its clause.
          for (const c of r.value.consequences.filter((x) => x.clause === '4.3.2.2' && x.applies))
            expect(c.applies).toBe(
              appliedItem(kindOf.get(c.subject.kind === 'unit' ? c.subject.id : c.via!.unit)!, I7),
            );
        },
      ),
      { numRuns: 150 },
    );
  });
});
