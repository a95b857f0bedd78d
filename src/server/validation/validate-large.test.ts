// A large case is parsed and validated in a worker thread: the server keeps answering others
// meanwhile, an invalid one gets the first 1,000 problems and their count, a valid one imports
// as it would have anyway.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import type { Scope } from '../../store/scope.ts';
import { setTownPacks } from '../../store/town-packs.ts';
import { LARGE_CASE_CHARS } from './validate-large.ts';

const URL = '/api/v1/counties/qingshui/years/2009/case';
let k: Kit;
beforeAll(async () => {
  k = await workflowKit('sqlite');
});
afterAll(async () => k.close());

/** An invalid case of a few megabytes: 60,000 posts of people nobody knows. */
function hugeInvalid(): string {
  const c = example();
  for (let i = 0; i < 60_000; i++)
    c.posts.push({ person: `p-nobody-${i}`, unit: 't-dongfeng', role: 'cadre', from: '2009-01-01' });
  return JSON.stringify(c);
}

describe('a large case', () => {
  it('is validated off the event loop: a request made after it is answered before it', async () => {
    const body = hugeInvalid();
    expect(body.length).toBeGreaterThan(LARGE_CASE_CHARS);
    const order: string[] = [];
    const put = k
      .as('office', {
        method: 'PUT',
        url: URL,
        payload: body,
        headers: { 'content-type': 'application/json' },
      })
      .then((r) => {
        order.push('case');
        return r;
      });
    // Let the upload reach the validation first.
    await new Promise((r) => setTimeout(r, 50));
    const health = k.app.inject({ url: '/api/v1/health' }).then((r) => {
      order.push('health');
      return r;
    });
    const [r, h] = await Promise.all([put, health]);
    expect(h.statusCode).toBe(200);
    expect(order).toEqual(['health', 'case']);
    expect(r.statusCode).toBe(422);
    const { problems, problem_count, zh, en } = r.json().error;
    expect(problems).toHaveLength(1000);
    expect(problems[0]).toMatchObject({
      path: `posts[${example().posts.length}].person`,
      code: 'unknown_ref',
    });
    expect(problem_count).toBe(60_000);
    expect(zh).toContain('60000');
    expect(en).toContain('60000');
  });

  it('that is valid is imported as a small one is', async () => {
    const body = `${JSON.stringify(example())}${' '.repeat(LARGE_CASE_CHARS)}`;
    const r = await k.as('office', {
      method: 'PUT',
      url: URL,
      payload: body,
      headers: { 'content-type': 'application/json' },
    });
    expect(r.statusCode).toBe(200);
    const bad = await k.as('office', {
      method: 'PUT',
      url: URL,
      payload: `{"format": ${' '.repeat(LARGE_CASE_CHARS)}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("takes a town's own checks in the words of the town pack set for its town, and only there", async () => {
    const admin: Scope = {
      actor: { name: 'admin1', role: 'admin' },
      userId: 'u-admin',
      role: 'admin',
      county: null,
      units: null,
      unit: null,
    };
    await setTownPacks(k.ctx, admin, 'qingshui', 't-dongfeng', [
      { pack: 'example-town-dongfeng', from_year: 2009 },
    ]);
    const withCheck = (subject: string) => {
      const c = example();
      c.assessments.push({ by: 'town', kind: 'monthly_check', subject, outcome: 'monthly_unqualified' });
      return `${JSON.stringify(c)}${' '.repeat(LARGE_CASE_CHARS)}`;
    };
    const put = (payload: string) =>
      k.as('office', { method: 'PUT', url: URL, payload, headers: { 'content-type': 'application/json' } });
    const ok = await put(withCheck('v-hongxing'));
    expect(ok.statusCode, ok.body).toBe(200);
    const outside = await put(withCheck('v-shangling'));
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.problems).toMatchObject([
      { path: `assessments[${example().assessments.length}].subject`, code: 'not_in_town' },
    ]);
  });
});
