// Each kind's `caseColumns` names every column its case reads: a year's case selects only those
// (cases.ts), so a column missing from the list would drop a field from every case silently.

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTS, type FactName } from './fact-kinds.ts';
import { createTestStore, type TestStore } from './testing.ts';

describe('the columns a case reads', () => {
  let s: TestStore;
  beforeAll(async () => {
    s = await createTestStore('sqlite');
  });
  afterAll(async () => s?.drop());

  /** A row with every column of the table set, each to a value of its own (text that also parses as JSON). */
  async function fullRow(name: FactName): Promise<Record<string, unknown>> {
    const cols = await sql<{
      name: string;
      type: string;
    }>`select name, type from pragma_table_info(${name})`.execute(s.db);
    expect(cols.rows.length).toBeGreaterThan(3);
    const row: Record<string, unknown> = {};
    for (const c of cols.rows) row[c.name] = /int/i.test(c.type) ? 1 : JSON.stringify([c.name]);
    if (name === 'units') row.kind = 'county_unit';
    return row;
  }

  for (const name of Object.keys(FACTS) as FactName[])
    it(`${name}: the case of a row read through caseColumns is the case of the whole row`, async () => {
      const kind = FACTS[name];
      const row = await fullRow(name);
      for (const c of kind.caseColumns) expect(row, `${name}.${c} is a column`).toHaveProperty(c);
      const picked = Object.fromEntries(kind.caseColumns.map((c) => [c, row[c]]));
      const whole = kind.toCase(kind.toApi(row));
      expect(Object.keys(whole).length).toBeGreaterThan(0);
      expect(kind.toCase(kind.toApi(picked))).toEqual(whole);
    });
});
