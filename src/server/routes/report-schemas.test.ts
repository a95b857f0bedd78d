// The reports' typed answers lose nothing: each route's JSON equals what its workflow returns
// (a field missing from a schema would be dropped on the way out), for a county-wide reader and
// a town, after money has moved and a fine fell overdue.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, example, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { systemScope } from '../../store/scope.ts';
import {
  overdueReport,
  rewardsAndSanctionsReport,
  statementReport,
} from '../../workflows/reports/reports-data.ts';
import { labelledRankings } from '../../workflows/scores/assessments-year.ts';
import { getRankings } from '../../workflows/scores/rankings.ts';

const Y = `/api/v1/counties/${COUNTY}/years/2009`;

describe('the reports’ response schemas', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await workflowKit('sqlite');
    k.setClock('2009-12-20T04:00:00Z');
    await k.as('office', { method: 'PUT', url: `${Y}/case`, payload: example() });
    const ev = await k.as('office', { method: 'POST', url: `${Y}/evaluations`, payload: {} });
    await k.as('office', {
      method: 'POST',
      url: `${Y}/decisions`,
      payload: { evaluation_id: ev.json().receipt.id, fines_due_on: '2010-03-31' },
    });
    const fine = (await k.as('xishan', { url: `${Y}/obligations?kind=fine` })).json().items[0];
    k.setClock('2010-01-10T04:00:00Z');
    const r = await k.as('xishan', {
      method: 'POST',
      url: `/api/v1/obligations/${fine.id}/collect`,
      payload: { amount_fen: 10000, receipt_no: 'RS-1' },
      headers: { 'idempotency-key': 'report-schema-1' },
    });
    expect(r.statusCode, r.body).toBe(201);
    k.setClock('2010-04-10T04:00:00Z');
  }, 120_000);
  afterAll(async () => k?.close());

  it('gives every field of the 奖惩兑现表, the statement, the overdue list and the rankings', async () => {
    const office = systemScope(COUNTY, { name: 'office', role: 'office' });
    const json = async (url: string) => {
      const r = await k.as('office', { url });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
    expect(await json(`${Y}/reports/rewards-and-sanctions`)).toEqual(
      plain(await rewardsAndSanctionsReport(k.ctx, office, COUNTY, 2009)),
    );
    expect(await json(`${Y}/reports/statement?unit=t-xishan`)).toEqual(
      plain(await statementReport(k.ctx, office, COUNTY, 2009, { unit: 't-xishan' })),
    );
    const overdue = await json(`${Y}/reports/overdue?on=2010-04-10`);
    expect(overdue.total_fen).toBeGreaterThan(0);
    expect(overdue).toEqual(plain(await overdueReport(k.ctx, office, COUNTY, 2009, '2010-04-10')));
    expect(await json(`${Y}/reports/overdue?as_of=2010-04-10`)).toEqual(overdue);
    expect((await json(`${Y}/reports/overdue?as_of=2010-03-01`)).total_fen).toBe(0);
    const rankings = await json(`${Y}/rankings`);
    expect(rankings.rankings.length).toBe(3);
    expect(rankings).toEqual(
      plain(await labelledRankings(k.ctx, office, COUNTY, await getRankings(k.ctx, office, COUNTY, 2009))),
    );
  });
});
