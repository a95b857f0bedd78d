// A roster tells a town or unit nothing about people outside its jurisdiction (on SQLite and
// PostgreSQL). A person id of another town, with a guessed name, is answered exactly as an id
// never used: no stored name, no "retracted", the same status, problems and diff. The office,
// which reads every person of the county, still finds the mismatch when it accepts the roster.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { DIALECTS } from '../../store/testing.ts';
import type { RosterContent } from './roster-content.ts';

const Y = '/api/v1/counties/qingshui/years/2009';
const DF = `${Y}/rosters/t-dongfeng`;

for (const dialect of DIALECTS)
  describe(`roster name checks on ${dialect}`, () => {
    let f: Kit;
    let stored: RosterContent;
    beforeAll(async () => {
      f = await workflowKit(dialect);
      stored = (await f.as('dongfeng', { url: DF })).json().stored;
      // A person of 西山镇 who has since been withdrawn: the town may not learn that either.
      await f.as('office', {
        method: 'POST',
        url: '/api/v1/counties/qingshui/people',
        payload: { id: 'p-gone', name: '郑已撤' },
      });
      await f.as('office', {
        method: 'POST',
        url: '/api/v1/counties/qingshui/posts',
        payload: { person: 'p-gone', unit: 't-xishan', role: 'cadre', from: '2009-01-01' },
      });
      await f.as('office', {
        method: 'POST',
        url: '/api/v1/counties/qingshui/people/p-gone/close',
        payload: { reason: '录入错误' },
      });
    });
    afterAll(async () => f.close());

    /** 东风镇's stored roster plus one cadre: `id` with a guessed name (and, optionally, a bad post). */
    const withCadre = (id: string, extraProblem = false): RosterContent => ({
      people: [...stored.people, { id, name: '猜的名字' }],
      posts: [
        ...stored.posts,
        { person: id, unit: 't-dongfeng', role: 'cadre', from: '2009-01-01' },
        ...(extraProblem ? [{ person: id, unit: 't-xishan', role: 'cadre', from: '2009-01-01' }] : []),
      ],
      links: stored.links,
    });
    const submit = (content: RosterContent) => f.as('dongfeng', { method: 'PUT', url: DF, payload: content });
    const same = (body: string, id: string) =>
      body.replaceAll(id, 'ID').replace(/"(submitted_at|id)":"[^"]+"/g, '');

    it("answers another town's person id, or a withdrawn one, exactly as an id never used", async () => {
      for (const extraProblem of [true, false]) {
        const unknown = await submit(withCadre('p-never-used', extraProblem));
        for (const theirs of ['p-wu', 'p-gone']) {
          const r = await submit(withCadre(theirs, extraProblem));
          expect(r.statusCode, theirs).toBe(unknown.statusCode);
          expect(r.body).not.toContain('吴书记');
          expect(r.body).not.toContain('郑已撤');
          if (extraProblem) expect(same(r.body, theirs)).toBe(same(unknown.body, 'p-never-used'));
        }
        expect(unknown.statusCode).toBe(extraProblem ? 422 : 200);
      }
    });

    it("shows the town a diff that knows nothing of the other town's person", async () => {
      expect((await submit(withCadre('p-wu'))).statusCode).toBe(200);
      const diff = await f.as('dongfeng', { url: `${DF}/diff` });
      expect(diff.statusCode).toBe(200);
      expect(diff.body).not.toContain('吴书记');
      expect(diff.body).toContain('猜的名字');
    });

    it('leaves the check to the office, which reads the stored name when it accepts', async () => {
      const accept = await f.as('office', { method: 'POST', url: `${DF}/accept`, payload: {} });
      expect(accept.statusCode).toBe(409);
      expect(accept.json().error.problems).toEqual([
        expect.objectContaining({ code: 'name_mismatch', zh: expect.stringContaining('吴书记') }),
      ]);
    });

    it("still checks the names of the town's own people", async () => {
      const own = stored.people[0]!;
      const content = { ...stored, people: [{ ...own, name: '别人' }, ...stored.people.slice(1)] };
      const r = await submit(content);
      expect(r.statusCode).toBe(422);
      expect(r.json().error.problems).toEqual([
        expect.objectContaining({
          path: 'people[0].name',
          code: 'name_mismatch',
          zh: expect.stringContaining(own.name),
        }),
      ]);
    });
  });
