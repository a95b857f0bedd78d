// 政策 (GET …/policy): the county's pack with parameters in force on a day, for every role of the
// county; another county's is as absent as one that does not exist. On both stores.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { DIALECTS } from '../../store/testing.ts';

for (const dialect of DIALECTS)
  describe(`policy route (${dialect})`, () => {
    let k: Kit;
    beforeAll(async () => {
      k = await workflowKit(dialect);
    });
    afterAll(async () => k?.close());

    it('gives each role of the county the clauses, parameters in force and tests', async () => {
      for (const who of ['office', 'dongfeng', 'gongan', 'finance', 'auditor'] as const) {
        const r = await k.as(who, {
          method: 'GET',
          url: `/api/v1/counties/${COUNTY}/policy?as_of=2009-06-01`,
        });
        expect(r.statusCode, who).toBe(200);
        const p = r.json();
        expect(p).toMatchObject({ id: 'county-fp-2009', as_of: '2009-06-01', fp_year: 2009 });
        const c = p.clauses.find((x: { id: string }) => x.id === '3.1.1');
        expect(c.rules[0].id).toBe('reward-province-pass-sampled-town');
        expect(c.parameters.find((x: { name: string }) => x.name === 'reward_3_1_1_town').value).toBe(
          1_000_000,
        );
        expect(c.tests.length).toBeGreaterThan(0);
      }
      // Today by default (the clock: 2009-12-01, China).
      const today = await k.as('office', { method: 'GET', url: `/api/v1/counties/${COUNTY}/policy` });
      expect(today.json().as_of).toBe('2009-12-01');
      const bad = await k.as('office', {
        method: 'GET',
        url: `/api/v1/counties/${COUNTY}/policy?as_of=2009-6-1`,
      });
      expect(bad.statusCode).toBe(400);
      const other = await k.as('office', { method: 'GET', url: '/api/v1/counties/elsewhere/policy' });
      expect(other.statusCode).toBe(404);
    });

    it("gives the pack's words with their labels, in the policy and on their own", async () => {
      const policy = (await k.as('office', { url: `/api/v1/counties/${COUNTY}/policy` })).json();
      expect(policy.vocabulary.unit_kinds.town).toMatchObject({ zh: '镇（场）' });
      for (const who of ['office', 'dongfeng', 'auditor'] as const) {
        const r = await k.as(who, { url: `/api/v1/counties/${COUNTY}/vocabulary` });
        expect(r.statusCode, who).toBe(200);
        const v = r.json();
        expect(v).toEqual(policy.vocabulary);
        expect(v.unit_kinds.village.roles.fp_supervisor).toBe('计生专干（督导员）');
        expect(v.consequence_types.three_stops).toBe('三停（停职、停薪、停工作）');
        expect(v.outcomes.pass).toEqual({ zh: '达标', passing: true });
        expect(v.assessment_kinds.annual.assessed[0]).toMatchObject({ by: 'province', of: ['county'] });
      }
      const other = await k.as('office', { url: '/api/v1/counties/elsewhere/vocabulary' });
      expect(other.statusCode).toBe(404);
    });
  });
