// The store's suite, run on SQLite and on PostgreSQL: facts with history, jurisdiction, case
// import and export, evaluation receipts.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeCtx } from '../compose.ts';
import { consequenceKey } from '../domain/result.ts';
import { loadEngine } from '../policy/load.ts';
import { verifyAudit } from './audit.ts';
import { createCounty, exportCase } from './cases.ts';
import type { Ctx } from './ctx.ts';
import { evaluateYear, getEvaluation, verifyReceipt } from './evaluations.ts';
import { closeFact, createFact, getFact, listFacts, updateFact } from './facts.ts';
import { type Scope, scopeFor, systemScope } from './scope.ts';
import { createTestStore, DIALECTS, refused, type TestStore } from './testing.ts';
import { importCase } from './year-import.ts';

const example = () =>
  parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));
const expected = JSON.parse(
  readFileSync(new URL('../../examples/qingshui-2009.expected.json', import.meta.url), 'utf8'),
);
const office: Scope = { ...systemScope('qingshui', { name: 'office1', role: 'office' }), userId: 'u-office' };
const page = { limit: 100, offset: 0 };

for (const dialect of DIALECTS) {
  describe(`store on ${dialect}`, () => {
    let s: TestStore;
    let ctx: Ctx;
    let clock = new Date('2009-12-01T08:00:00Z');
    beforeAll(async () => {
      s = await createTestStore(dialect);
      ctx = makeCtx(s.db, () => clock);
      await createCounty(ctx, office.actor, { id: 'qingshui', name: '清水县' });
      await createCounty(ctx, office.actor, { id: 'other', name: '他县' });
    });
    afterAll(async () => s.drop());

    it('imports a case, exports exactly what the engine evaluates, and evaluates to the expected result', async () => {
      const summary = await importCase(ctx, office, 'qingshui', 2009, example());
      expect(summary).toMatchObject({ updated: 0, closed: 0, retracted: 0 });
      const exported = await exportCase(ctx, office, 'qingshui', 2009);
      const engine = loadEngine();
      const direct = engine.evaluate(example());
      const viaStore = engine.evaluate(exported);
      if (!direct.ok || !viaStore.ok) throw new Error('both should validate');
      expect(viaStore.value).toEqual(direct.value);
      const { receipt, result } = await evaluateYear(ctx, office, 'qingshui', 2009);
      expect(result.consequences.map(consequenceKey).sort()).toEqual(
        expected.consequences.map(consequenceKey).sort(),
      );
      expect(receipt).toMatchObject({
        policy: 'county-fp-2009',
        created_by: 'office1',
        pack_hash: engine.packHash,
      });
    });

    it('re-imports the same case as a no-op, and a changed one as updates, closures and retractions', async () => {
      expect(await importCase(ctx, office, 'qingshui', 2009, example())).toMatchObject({
        inserted: 0,
        updated: 0,
        closed: 0,
        retracted: 0,
      });
      const c = example();
      c.units[1].name = '东风新镇';
      c.posts = c.posts.filter((p: { person: string }) => p.person !== 'p-zheng'); // the mayor's post, begun 2008, not in the case
      c.assessments = c.assessments.filter((a: { by: string }) => a.by !== 'city');
      const summary = await importCase(ctx, office, 'qingshui', 2009, c);
      expect(summary).toMatchObject({ updated: 1, closed: 1, retracted: 2 });
      const posts = await listFacts(ctx, office, 'qingshui', 'posts', { person: 'p-zheng' }, page);
      expect(posts.items[0]).toMatchObject({ from: '2008-01-01', to: '2008-09-30' }); // kept as history, ended before the year
      const again = await exportCase(ctx, office, 'qingshui', 2009);
      expect(again.assessments?.some((a) => a.by === 'city')).toBe(false);
      await importCase(ctx, office, 'qingshui', 2009, example()); // and back
    });

    it('refuses an invalid import with every problem and writes nothing', async () => {
      const before = await exportCase(ctx, office, 'qingshui', 2009);
      const c = example();
      c.posts[3].unit = 't9';
      c.assessments[0].at_fault = ['t-xishan'];
      const e = await refused(importCase(ctx, office, 'qingshui', 2009, c));
      expect(e.kind).toBe('invalid');
      expect(e.problems.map((p) => p.path)).toEqual(
        expect.arrayContaining(['posts[3].unit', 'assessments[0].at_fault[0]']),
      );
      expect(await exportCase(ctx, office, 'qingshui', 2009)).toEqual(before);
    });

    it('creates, updates and closes facts with history and an audit entry for each write', async () => {
      const post = await createFact(ctx, office, 'qingshui', 'posts', {
        person: 'p-sun',
        unit: 't-dongfeng',
        role: 'cadre',
        from: '2009-03-01',
      });
      expect(post).toMatchObject({ person: 'p-sun', unit: 't-dongfeng', role: 'cadre', from: '2009-03-01' });
      const updated = await updateFact(ctx, office, 'qingshui', 'posts', post.id as string, {
        role: 'fp_cadre',
      });
      expect(updated.role).toBe('fp_cadre');
      clock = new Date('2009-12-02T08:00:00Z');
      const closed = await closeFact(ctx, office, 'qingshui', 'posts', post.id as string, {
        on: '2009-08-31',
      });
      expect(closed.to).toBe('2009-08-31');
      expect((await getFact(ctx, office, 'qingshui', 'posts', post.id as string)).to).toBe('2009-08-31');
      const trail = await s.db
        .selectFrom('audit_log')
        .selectAll()
        .where('object_id', '=', post.id as string)
        .orderBy('seq')
        .execute();
      expect(trail.map((t) => t.action)).toEqual(['posts.create', 'posts.update', 'posts.close']);
      expect(JSON.parse(trail[1]!.before!).role).toBe('cadre');
      expect(JSON.parse(trail[1]!.after!).role).toBe('fp_cadre');
      expect((await verifyAudit(s.db)).ok).toBe(true);
    });

    it('checks a fact as the engine would, naming each field', async () => {
      const e = await refused(
        createFact(ctx, office, 'qingshui', 'posts', {
          person: 'nobody',
          unit: 'v-hongxing',
          role: 'mayor',
          from: '2009-02-30',
        }),
      );
      expect(e.problems.map((p) => `${p.path} ${p.code}`).sort()).toEqual([
        'from date',
        'person unknown_ref',
        'role enum',
      ]);
      const a = await refused(
        createFact(ctx, office, 'qingshui', 'assessments', {
          fp_year: 2009,
          by: 'county',
          subject: 't-xishan',
          outcome: 'reminder',
          sampled: ['v-shangling'],
          at_fault: ['v-hongxing'],
        }),
      );
      expect(a.problems.map((p) => p.path)).toContain('at_fault[0]');
      const dup = await refused(
        createFact(ctx, office, 'qingshui', 'assessments', {
          fp_year: 2009,
          by: 'county',
          subject: 't-xishan',
          outcome: 'pass',
        }),
      );
      expect(dup.kind).toBe('conflict');
      const unit = await refused(
        createFact(ctx, office, 'qingshui', 'units', { id: 't-dongfeng', kind: 'town', name: '重复' }),
      );
      expect(unit.kind).toBe('conflict');
    });

    it('retracts a fact with a reason, keeping it as history, and leaves it out of the case', async () => {
      const inc = await createFact(ctx, office, 'qingshui', 'incidents', {
        kind: 'shielded_out_of_policy_birth',
        person: 'p-qin',
        occurred_on: '2009-07-01',
      });
      expect(
        (await refused(closeFact(ctx, office, 'qingshui', 'incidents', inc.id as string, {}))).problems[0]!
          .path,
      ).toBe('reason');
      await closeFact(ctx, office, 'qingshui', 'incidents', inc.id as string, { reason: '核实有误' });
      const c = await exportCase(ctx, office, 'qingshui', 2009);
      expect(c.incidents?.map((i) => i.person)).toEqual(['p-he']);
      const all = await listFacts(ctx, office, 'qingshui', 'incidents', {}, page, true);
      expect(all.items.find((i) => i.id === inc.id)).toMatchObject({ retract_reason: '核实有误' });
    });

    it('filters every read by jurisdiction: a town sees its own town and villages, nothing of another', async () => {
      const xishan = await scopeFor(s.db, {
        id: 'u-x',
        username: 'xishan1',
        role: 'town',
        county_id: 'qingshui',
        unit_id: 't-xishan',
      });
      const units = await listFacts(ctx, xishan, 'qingshui', 'units', {}, page);
      expect(units.items.map((u) => u.id).sort()).toEqual(
        ['county', 'v-shangling', 'v-xiaying', 't-xishan'].sort(),
      );
      const posts = await listFacts(ctx, xishan, 'qingshui', 'posts', {}, page);
      expect(new Set(posts.items.map((p) => p.unit))).toEqual(
        new Set(['t-xishan', 'v-shangling', 'v-xiaying', 'county']),
      );
      expect(posts.total).toBe(posts.items.length);
      const people = await listFacts(ctx, xishan, 'qingshui', 'people', {}, page);
      expect(people.items.map((p) => p.id)).not.toContain('p-zhang');
      expect((await refused(getFact(ctx, xishan, 'qingshui', 'units', 't-dongfeng'))).kind).toBe('not_found');
      expect((await refused(listFacts(ctx, xishan, 'other', 'units', {}, page))).kind).toBe('not_found');
      expect((await listFacts(ctx, xishan, 'qingshui', 'incidents', {}, page)).items).toEqual([]);
      expect((await refused(exportCase(ctx, xishan, 'qingshui', 2009))).kind).toBe('forbidden');
      const { receipt } = await evaluateYear(ctx, office, 'qingshui', 2009);
      const seen = await getEvaluation(ctx, xishan, receipt.id);
      const subjects = new Set(seen.result.consequences.map((c) => c.subject.id));
      expect(subjects.has('t-xishan')).toBe(true);
      expect(subjects.has('t-dongfeng')).toBe(false);
      expect(subjects.has('p-zhang')).toBe(false);
      const otherOffice = { ...office, county: 'other' };
      expect((await refused(getEvaluation(ctx, otherOffice, receipt.id))).kind).toBe('not_found');
    });

    it('keeps the order of the assessments as given, which I5 strict reads', async () => {
      const c = await exportCase(ctx, office, 'qingshui', 2009);
      const given = example().assessments.map((a: { by: string; subject: string }) => `${a.by} ${a.subject}`);
      expect(c.assessments!.map((a) => `${a.by} ${a.subject}`).slice(0, given.length)).toEqual(given);
      const reordered = example();
      reordered.assessments.reverse();
      await importCase(ctx, office, 'qingshui', 2009, reordered);
      const again = await exportCase(ctx, office, 'qingshui', 2009);
      expect(again.assessments!.map((a) => `${a.by} ${a.subject}`).slice(-given.length)).toEqual(
        [...given].reverse(),
      );
      await importCase(ctx, office, 'qingshui', 2009, example());
    });

    it('keeps receipts immutable and re-runs them', async () => {
      const { receipt } = await evaluateYear(ctx, office, 'qingshui', 2009, { I2: 'sampled-villages-only' });
      expect(receipt.interpretations.I2).toBe('sampled-villages-only');
      expect(await verifyReceipt(ctx, receipt.id)).toMatchObject({
        reproduces: true,
        case_intact: true,
        same_pack: true,
        same_engine: true,
      });
      await expect(
        s.db.updateTable('evaluations').set({ result_json: '{}' }).where('id', '=', receipt.id).execute(),
      ).rejects.toThrow(/append-only/);
    });
  });
}
