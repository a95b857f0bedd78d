// A day in the demo county for the browser tests and the screenshots: on 2010-03-28 (FP year
// 2010) the office has confirmed (on 2010-02-26) the year's decision with fines due on 2010-03-15 and evaluated
// again since (not yet confirmed); warning notices are out with deadlines past, near and later,
// in the town user's town (柏永镇) and in another town.

import { confirmDecision } from '../../src/store/decisions.ts';
import { evaluateYear } from '../../src/store/evaluations.ts';
import { createFact } from '../../src/store/facts.ts';
import { systemScope } from '../../src/store/scope.ts';
import { type E2E, startE2E } from './harness.ts';

export const SCENARIO_NOW = '2010-03-28T02:00:00Z';
/** The day the decision was confirmed: a decision's fines fall due after it, never before. */
export const SCENARIO_START = '2010-02-26T02:00:00Z';
export const OWN_TOWN = 'C0001-T01';
export const OTHER_TOWN = 'C0001-T02';

export async function prepareScenario(e: E2E): Promise<void> {
  const office = systemScope(e.county, { name: 'office', role: 'office' });
  const first = await evaluateYear(e.ctx, office, e.county, 2010);
  await confirmDecision(e.ctx, office, e.county, 2010, {
    evaluation_id: first.receipt.id,
    fines_due_on: '2010-03-15',
  });
  e.advance(Date.parse(SCENARIO_NOW) - Date.parse(SCENARIO_START));
  await evaluateYear(e.ctx, office, e.county, 2010);
  const notice = (id: string, unit: string, matter: string, deadline: string) =>
    createFact(e.ctx, office, e.county, 'warning_notices', {
      id,
      unit,
      issued_on: '2010-03-01',
      matter,
      deadline,
    });
  await notice('JS-2010-001', OWN_TOWN, '流动人口信息未按时核查', '2010-03-20');
  await notice('JS-2010-002', `${OWN_TOWN}-V01`, '出生统计上报不及时', '2010-03-30');
  await notice('JS-2010-003', OWN_TOWN, '春季集中服务活动台账不全', '2010-04-15');
  await notice('JS-2010-004', OTHER_TOWN, '计生专干未到岗', '2010-03-25');
}

/** The harness at the scenario's start, with the scenario's day prepared. */
export async function startScenario(): Promise<E2E> {
  const e = await startE2E({ now: SCENARIO_START });
  await prepareScenario(e);
  return e;
}

/** The name of the town user's town (柏永镇 in the demo county). */
export async function ownTownName(e: E2E): Promise<string> {
  const town = await e.ctx.db
    .selectFrom('units')
    .select('name')
    .where('county_id', '=', e.county)
    .where('id', '=', OWN_TOWN)
    .executeTakeFirstOrThrow();
  return town.name;
}
