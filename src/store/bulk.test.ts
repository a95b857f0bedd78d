// Bulk inserts (bulk.ts) write every value as it was given, on both dialects: on PostgreSQL they
// go in as COPY text (pg-copy.ts), where a tab, a line end, a backslash or the text `\N` would
// otherwise split a row or turn into null. A row the table refuses fails the whole statement, and
// the transaction with it.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../compose.ts';
import { SYSTEM } from './audit.ts';
import { insertAll } from './bulk.ts';
import { createCounty } from './cases.ts';
import { copyText, copyValue } from './pg-copy.ts';
import { createTestStore, DIALECTS, type TestStore } from './testing.ts';

const AT = '2009-12-31T00:00:00.000Z';
const person = (id: string, name: string, staff_type: string | null) => ({
  id,
  name,
  staff_type,
  county_id: 'c1',
  created_at: AT,
  updated_at: AT,
});

describe('COPY text', () => {
  it('escapes what would end a field or a row, and writes null as \\N', () => {
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue(undefined)).toBe('\\N');
    expect(copyValue('\\N')).toBe('\\\\N');
    expect(copyValue('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyValue('')).toBe('');
    expect(copyValue(12)).toBe('12');
    expect(copyValue(true)).toBe('t');
    expect(copyValue({ a: '清水' })).toBe('{"a":"清水"}');
    expect(
      copyText(
        [
          { a: 1, b: null },
          { a: 2, b: 'x' },
        ],
        ['a', 'b'],
      ),
    ).toBe('1\t\\N\n2\tx\n');
  });
});

describe.each(DIALECTS)('bulk inserts on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    await createCounty(makeCtx(store.db), SYSTEM, { id: 'c1', name: '清水县' });
  });
  afterAll(() => store.drop());

  const names = fc.string({
    unit: fc.constantFrom('a', '王', '\t', '\n', '\r', '\\', 'N', ' ', '"', ','),
    maxLength: 12,
  });

  // PostgreSQL writes fewer than 64 rows as one INSERT, more as COPY: both are tried.
  let run = 0;
  it.each([
    [1, 20],
    [64, 100],
  ])('reads back every row as written, in order (%i to %i rows)', async (minLength, maxLength) => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(names, fc.option(names)), { minLength, maxLength }), async (xs) => {
        run++;
        const rows = xs.map(([name, staff], i) =>
          person(`r${run}-${String(i).padStart(3, '0')}`, name, staff),
        );
        await store.db.transaction().execute((trx) => insertAll(trx, 'people', rows));
        const back = await store.db
          .selectFrom('people')
          .select(['id', 'name', 'staff_type'])
          .where('id', 'like', `r${run}-%`)
          .orderBy('id')
          .execute();
        expect(back).toEqual(rows.map(({ id, name, staff_type }) => ({ id, name, staff_type })));
      }),
      { numRuns: 25 },
    );
  });

  /** Rows of other people, to make a statement of `n` rows more. */
  const filler = (tag: string, n: number) =>
    Array.from({ length: n }, (_, i) => person(`${tag}-pad-${i}`, '某', null));

  it.each([0, 70])(
    'writes the literal text \\N, not null, and an empty text, not null (%i rows more)',
    async (pad) => {
      const tag = `lit${pad}`;
      await insertAll(store.db, 'people', [
        person(`${tag}-1`, '\\N', ''),
        person(`${tag}-2`, '\\\\N', null),
        ...filler(tag, pad),
      ]);
      const back = await store.db
        .selectFrom('people')
        .select(['name', 'staff_type'])
        .where('id', 'in', [`${tag}-1`, `${tag}-2`])
        .orderBy('id')
        .execute();
      expect(back).toEqual([
        { name: '\\N', staff_type: '' },
        { name: '\\\\N', staff_type: null },
      ]);
    },
  );

  it.each([0, 70])(
    'refuses the whole statement for one row of an unknown county, and keeps the connection usable (%i rows more)',
    async (pad) => {
      const tag = `fk${pad}`;
      const rows = [
        ...filler(tag, pad),
        person('fk-1', '甲', null),
        { ...person('fk-2', '乙', null), county_id: 'nowhere' },
      ];
      await expect(store.db.transaction().execute((trx) => insertAll(trx, 'people', rows))).rejects.toThrow(
        /foreign key/i,
      );
      const left = await store.db
        .selectFrom('people')
        .select('id')
        .where('id', 'in', ['fk-1', 'fk-2'])
        .execute();
      expect(left).toEqual([]);
      expect(
        await store.db.selectFrom('people').select('id').where('id', 'like', `${tag}-%`).execute(),
      ).toEqual([]);
      await insertAll(store.db, 'people', [person(`${tag}-3`, '丙', null)]);
      expect(
        await store.db.selectFrom('people').select('name').where('id', '=', `${tag}-3`).execute(),
      ).toEqual([{ name: '丙' }]);
    },
  );
});
