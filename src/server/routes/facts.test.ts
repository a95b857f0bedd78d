// The facts routes answer each kind's own closed schema (store/fact-api.ts): every field the kind
// declares is answered, and nothing else. A stored row with every column set reads as exactly the
// declared fields (so the schema cannot drift from `toApi`); the routes answer the county's facts
// within their kind's schema; a field `toApi` might add is not answered. On both stores.

import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COUNTY, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { FACT_API } from '../../store/fact-api.ts';
import { FACTS, type FactName } from '../../store/fact-kinds.ts';
import { DIALECTS } from '../../store/testing.ts';
import { FACT_ROUTES } from '../access.ts';

const stamps = {
  county_id: COUNTY,
  created_at: '2009-12-01T08:00:00.000Z',
  updated_at: '2009-12-02T08:00:00.000Z',
};
const retracted = {
  retracted_at: '2009-12-03T08:00:00.000Z',
  retracted_by: 'office1',
  retract_reason: '录入有误',
};
const dates = { from_date: '2009-01-01', to_date: '2009-12-31' };

/** One row of each kind with every column set. */
const FULL: Record<FactName, Record<string, unknown>> = {
  units: {
    id: 'u1',
    kind: 'county_unit',
    name: '教育局',
    town_id: 't1',
    governance_duty: 1,
    closed_on: '2009-12-31',
    ...stamps,
  },
  people: { id: 'p1', name: '张三', staff_type: 'civil_servant', ...stamps, ...retracted },
  posts: {
    id: 'x',
    person_id: 'p1',
    unit_id: 'u1',
    role: 'party_secretary',
    ...dates,
    ...stamps,
    ...retracted,
  },
  links: {
    id: 'x',
    kind: 'stationed',
    person_id: 'p1',
    unit_id: 'u1',
    village_id: 'v1',
    town_id: 't1',
    ...dates,
    ...stamps,
    ...retracted,
  },
  categories: { id: 'x', unit_id: 'u1', fp_year: 2009, category: 1, ...stamps, ...retracted },
  assessments: {
    id: 'x',
    fp_year: 2009,
    by: 'county',
    subject_id: 'u1',
    kind: 'annual',
    outcome: 'advanced',
    score: 91.5,
    sampled: '["v1"]',
    at_fault: '["p1"]',
    caused_by: '["p2"]',
    decided_on: '2010-01-15',
    position: 3,
    ...stamps,
    ...retracted,
  },
  acceptances: {
    id: 'x',
    fp_year: 2009,
    unit_id: 'u1',
    kind: 'x',
    by: 'county',
    passed: 1,
    ...stamps,
    ...retracted,
  },
  warning_notices: {
    id: 'w1',
    case_id: 'w1',
    fp_year: 2009,
    unit_id: 'u1',
    issued_on: '2009-05-01',
    matter: 'x',
    deadline: '2009-06-01',
    correction_reported_on: '2009-05-20',
    correction_note: '已整改',
    corrected_on: '2009-05-25',
    verified_by: 'office1',
    ...stamps,
    ...retracted,
  },
  incidents: { id: 'x', kind: 'x', person_id: 'p1', occurred_on: '2009-03-01', ...stamps, ...retracted },
};

const declared = (name: FactName) => Object.keys(FACT_API[name].properties).sort();
const required = (name: FactName) => [...(FACT_API[name].required ?? [])].sort();

describe('each kind’s API schema', () => {
  it.each(Object.keys(FACTS) as FactName[])('%s: a full row reads as exactly the declared fields', (name) => {
    const out = FACTS[name].toApi(FULL[name]);
    expect(Object.keys(out).sort()).toEqual(declared(name));
    expect(Value.Check(FACT_API[name], out), JSON.stringify([...Value.Errors(FACT_API[name], out)])).toBe(
      true,
    );
  });
});

for (const dialect of DIALECTS)
  describe(`facts routes answer their kind's schema (${dialect})`, () => {
    let k: Kit;
    const get = async (url: string) => {
      const r = await k.as('office', { method: 'GET', url: `/api/v1/counties/${COUNTY}/${url}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    beforeAll(async () => {
      k = await workflowKit(dialect);
    });
    afterAll(async () => k?.close());

    it('answers every kind within its schema, each item with all its required fields', async () => {
      let seen = 0;
      for (const [seg, name] of Object.entries(FACT_ROUTES)) {
        const { items } = await get(`${seg}?limit=1000&include_retracted=true`);
        for (const item of items) {
          expect(Value.Check(FACT_API[name], item), `${seg} ${JSON.stringify(item)}`).toBe(true);
          expect(Object.keys(item)).toEqual(expect.arrayContaining(required(name)));
        }
        if (items.length) {
          expect(await get(`${seg}/${encodeURIComponent(items[0].id)}`)).toEqual(items[0]);
          seen++;
        }
      }
      expect(seen).toBeGreaterThanOrEqual(5);
    });

    it('does not answer a field the kind does not declare, and answers every one it does', async () => {
      const real = FACTS.units.toApi;
      const spy = vi
        .spyOn(FACTS.units, 'toApi')
        .mockImplementation((r) => ({ ...real(r), county_id: r.county_id, secret: 'x' }) as never);
      try {
        const one = await get('units/t-dongfeng');
        expect(spy).toHaveBeenCalled();
        expect(one).not.toHaveProperty('secret');
        expect(one).not.toHaveProperty('county_id');
        const row = await k.s.db
          .selectFrom('units')
          .selectAll()
          .where('county_id', '=', COUNTY)
          .where('id', '=', 't-dongfeng')
          .executeTakeFirstOrThrow();
        expect(one).toEqual(real(row));
      } finally {
        spy.mockRestore();
      }
    });
  });
