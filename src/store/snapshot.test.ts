// Reads that build a year's case see one version of it: exports and evaluations running while
// imports of two different cases commit never mix the two (on SQLite and PostgreSQL).

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeCtx } from '../compose.ts';
import { SYSTEM } from './audit.ts';
import { createCounty, exportCase } from './cases.ts';
import { evaluateYear } from './evaluations.ts';
import { keptText } from './kept-text.ts';
import { systemScope } from './scope.ts';
import { createTestStore, DIALECTS, type TestStore } from './testing.ts';
import { importCase } from './year-import.ts';

const example = () =>
  parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));

/** Case B: the example with a unit (read first) and a person (read last) renamed. */
function caseB() {
  const b = example();
  b.units.find((u: { id: string }) => u.id === 't-dongfeng').name = '东风乡';
  b.people.find((p: { id: string }) => p.id === 'p-wang').name = '王代县长';
  return b;
}

type Seen = 'A' | 'B' | 'mixed';
function which(kase: {
  units: { id: string; name: string }[];
  people?: { id: string; name: string }[];
}): Seen {
  const unit = kase.units.find((u) => u.id === 't-dongfeng')?.name;
  const person = kase.people?.find((p) => p.id === 'p-wang')?.name;
  if (unit === '东风镇' && person === '王县长') return 'A';
  if (unit === '东风乡' && person === '王代县长') return 'B';
  return 'mixed';
}

for (const dialect of DIALECTS) {
  describe(`one snapshot per read on ${dialect}`, () => {
    let s: TestStore;
    const ctx = () => makeCtx(s.db, () => new Date('2009-12-01T08:00:00Z'));
    const scope = systemScope('qingshui', { name: 'office1', role: 'office' });

    beforeAll(async () => {
      s = await createTestStore(dialect);
      await createCounty(ctx(), SYSTEM, { id: 'qingshui', name: '清水县' });
      await importCase(ctx(), scope, 'qingshui', 2009, example());
    });
    afterAll(async () => s?.drop());

    it('never exports or evaluates a mix of two imported cases', { timeout: 180_000 }, async () => {
      const seen: Seen[] = [];
      const years: Seen[] = [];
      let importing = true;
      const importer = (async () => {
        try {
          for (let i = 0; i < 16; i++)
            await importCase(ctx(), scope, 'qingshui', 2009, i % 2 ? example() : caseB());
        } finally {
          importing = false;
        }
      })();
      const reader = async (n: number) => {
        while (importing) {
          if (n === 0) {
            const r = await evaluateYear(ctx(), scope, 'qingshui', 2009);
            years.push(
              which(
                JSON.parse(
                  keptText(
                    (
                      await s.db
                        .selectFrom('evaluations')
                        .select('case_json')
                        .where('id', '=', r.receipt.id)
                        .executeTakeFirstOrThrow()
                    ).case_json,
                  ),
                ),
              ),
            );
          } else seen.push(which(await exportCase(ctx(), scope, 'qingshui', 2009)));
        }
      };
      await Promise.all([importer, reader(0), reader(1), reader(2), reader(3)]);
      expect(seen.length).toBeGreaterThan(10);
      expect(seen.filter((x) => x === 'mixed')).toEqual([]);
      expect(years.filter((x) => x === 'mixed')).toEqual([]);
      // Both versions were seen: the readers did run while the imports committed.
      expect(new Set(seen).size).toBe(2);
    });
  });
}
