// A town's own pack (七) seen by the office, on SQLite and PostgreSQL: the administrator sets it for
// a town (checked, audited); the office's evaluation keeps its result beside the county's, citing
// the town's clauses, and leaves the county's result as it is; a confirmed decision owes its
// fines and rewards with their source pack.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeCtx } from '../compose.ts';
import { verifyAudit } from './audit.ts';
import { createCounty, exportCase } from './cases.ts';
import type { Ctx } from './ctx.ts';
import { confirmDecision } from './decisions.ts';
import { evaluateYear, verifyReceipt } from './evaluations.ts';
import { closeFact, createFact } from './facts.ts';
import { type Scope, systemScope } from './scope.ts';
import { createTestStore, DIALECTS, refused, type TestStore } from './testing.ts';
import { townResults } from './town-evaluations.ts';
import { listTownPacks, setTownPacks } from './town-packs.ts';
import { importCase } from './year-import.ts';

const TOWN_PACK = 'example-town-dongfeng';
/** The people posted at a village in a case (I10's default: every post). */
const villageCadres = (kase: { posts?: { person: string; unit: string }[] }, village: string) =>
  (kase.posts ?? []).filter((p) => p.unit === village).map((p) => p.person);
const example = () =>
  parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));
const office: Scope = { ...systemScope('qingshui', { name: 'office1', role: 'office' }), userId: 'u-office' };
const admin: Scope = {
  actor: { name: 'admin1', role: 'admin' },
  userId: 'u-admin',
  role: 'admin',
  county: null,
  units: null,
  unit: null,
};

for (const dialect of DIALECTS) {
  describe(`a town's own pack at the office, on ${dialect}`, () => {
    let s: TestStore;
    let ctx: Ctx;
    const clock = { now: new Date('2009-12-01T08:00:00Z') };
    const tick = () => {
      clock.now = new Date(clock.now.getTime() + 60_000);
    };
    beforeAll(async () => {
      s = await createTestStore(dialect);
      ctx = makeCtx(s.db, () => clock.now);
      await createCounty(ctx, office.actor, { id: 'qingshui', name: '清水县' });
      await importCase(ctx, office, 'qingshui', 2009, example());
    });
    afterAll(async () => s.drop());

    it('is set by the administrator only, for a town of the county, from a year the pack has', async () => {
      expect((await refused(setTownPacks(ctx, office, 'qingshui', 't-dongfeng', []))).kind).toBe('forbidden');
      expect(
        (
          await refused(
            setTownPacks(ctx, admin, 'qingshui', 'v-hongxing', [{ pack: TOWN_PACK, from_year: 2009 }]),
          )
        ).kind,
      ).toBe('not_found');
      const bad = await refused(
        setTownPacks(ctx, admin, 'qingshui', 't-dongfeng', [
          { pack: 'county-fp-2009', from_year: 2009 },
          { pack: TOWN_PACK, from_year: 2001 },
        ]),
      );
      expect(bad.problems.map((p) => `${p.path} ${p.code}`)).toEqual([
        'packs[0].pack unknown_ref',
        'packs[1].from_year range',
      ]);
      expect(await listTownPacks(ctx, office, 'qingshui')).toEqual([]);
      // Migration 0009: a town pack is set for a unit of the county, or not at all.
      await expect(
        s.db
          .insertInto('county_town_packs')
          .values({
            county_id: 'qingshui',
            town_id: 't-nowhere',
            pack: TOWN_PACK,
            from_year: 2009,
            set_by: 'x',
            set_at: '2009-12-01T00:00:00Z',
          })
          .execute(),
      ).rejects.toThrow(/foreign key/i);
    });

    it("keeps the town pack's result apart, citing the town's clauses, and the county's result as it was", async () => {
      const before = await evaluateYear(ctx, office, 'qingshui', 2009);
      expect(await townResults(ctx, before.receipt.id)).toEqual([]);
      tick();
      const set = await setTownPacks(ctx, admin, 'qingshui', 't-dongfeng', [
        { pack: TOWN_PACK, from_year: 2009 },
      ]);
      expect(set).toMatchObject([
        { town: 't-dongfeng', town_name: '东风镇', pack: TOWN_PACK, from_year: 2009 },
      ]);
      expect(set[0]!.title).toContain('东风镇');
      const audit = await s.db
        .selectFrom('audit_log')
        .select(['actor', 'object_id'])
        .where('action', '=', 'town-packs.set')
        .execute();
      expect(audit).toEqual([{ actor: 'admin1', object_id: 't-dongfeng' }]);
      tick();
      const after = await evaluateYear(ctx, office, 'qingshui', 2009);
      // The county's receipt and result are exactly what they were without the town pack.
      expect(after.receipt.result_sha256).toBe(before.receipt.result_sha256);
      expect(after.receipt.case_sha256).toBe(before.receipt.case_sha256);
      expect(after.receipt.policy).toBe('county-fp-2009');
      expect(after.result).toEqual(before.result);

      const towns = await townResults(ctx, after.receipt.id);
      expect(towns.map((t) => [t.town, t.pack])).toEqual([['t-dongfeng', TOWN_PACK]]);
      const town = towns[0]!.result;
      expect(town.policy).toBe(TOWN_PACK);
      expect(town.consequences.length).toBeGreaterThan(0);
      const ours = new Set(['t-dongfeng', 'v-hongxing', 'v-qiaotou', 'p-zhang', 'p-sun', 'p-zhou']);
      for (const c of town.consequences) {
        expect(ours.has(c.subject.id), c.subject.id).toBe(true);
        expect(['2', '3', '4']).toContain(c.clause);
        expect(c.explanation).toContain('东风镇办法');
      }
      const audited = await s.db
        .selectFrom('audit_log')
        .select('object_id')
        .where('action', '=', 'evaluation.town')
        .execute();
      expect(audited.map((a) => a.object_id)).toEqual([towns[0]!.id]);
      expect((await verifyAudit(s.db)).ok).toBe(true);
      // The receipt's check re-runs the town pack's result; a stored hash that no longer matches shows.
      expect((await verifyReceipt(ctx, after.receipt.id)).towns).toEqual([
        { town: 't-dongfeng', pack: TOWN_PACK, reproduces: true, same_pack: true },
      ]);
      await s.db
        .updateTable('town_evaluations')
        .set({ result_sha256: 'x' })
        .where('id', '=', towns[0]!.id)
        .execute();
      const check = await verifyReceipt(ctx, after.receipt.id);
      expect(check.reproduces).toBe(true);
      expect(check.towns[0]!.reproduces).toBe(false);
    });

    it('applies a town pack to the town it is set for, which may not be the town it was written for', async () => {
      tick();
      await setTownPacks(ctx, admin, 'qingshui', 't-xishan', [{ pack: TOWN_PACK, from_year: 2009 }]);
      tick();
      const { receipt } = await evaluateYear(ctx, office, 'qingshui', 2009);
      const towns = await townResults(ctx, receipt.id);
      expect(towns.map((t) => t.town)).toEqual(['t-dongfeng', 't-xishan']);
      // 西山镇's own: none of 东风镇's, and its village 上岭村 among them.
      const xishan = towns[1]!.result.consequences.map((c) => c.subject.id);
      expect(xishan).toContain('v-shangling');
      for (const id of ['t-dongfeng', 'v-hongxing', 'v-qiaotou', 'p-zhang', 'p-sun'])
        expect(xishan).not.toContain(id);
      await setTownPacks(ctx, admin, 'qingshui', 't-xishan', []);
      expect((await listTownPacks(ctx, office, 'qingshui')).map((p) => p.town)).toEqual(['t-dongfeng']);
    });

    it("stores the town's own monthly checks for its villages only, and the county's result does not read them", async () => {
      tick();
      const before = await evaluateYear(ctx, office, 'qingshui', 2009);
      const monthly = (subject: string, kind = 'monthly_check') => ({
        fp_year: 2009,
        by: 'town',
        kind,
        subject,
        outcome: 'monthly_unqualified',
      });
      // A village of another town (西山镇 follows no town pack): refused, naming the field.
      const outside = await refused(
        createFact(ctx, office, 'qingshui', 'assessments', monthly('v-shangling')),
      );
      expect(outside.problems).toMatchObject([{ path: 'subject', code: 'not_in_town' }]);
      expect(outside.problems[0]!.zh).toContain('t-dongfeng');
      expect(outside.problems[0]!.en).toContain(TOWN_PACK);
      // A word no pack set for the county's towns declares: refused, naming the field.
      const unknown = await refused(
        createFact(ctx, office, 'qingshui', 'assessments', monthly('v-hongxing', 'weekly_check')),
      );
      expect(unknown.problems.map((p) => `${p.path} ${p.code}`)).toContain('kind enum');
      expect(unknown.problems.find((p) => p.path === 'kind')!.zh).toContain('monthly_check');
      const fact = await createFact(ctx, office, 'qingshui', 'assessments', monthly('v-hongxing'));

      // The county pack alone refuses the year's case; the office reads it with the town's words.
      const kase = await exportCase(ctx, office, 'qingshui', 2009);
      const alone = ctx.engine('county-fp-2009').validate(kase);
      expect(!alone.ok && alone.problems.map((p) => `${p.path} ${p.code}`)).toContain(
        `assessments[${kase.assessments!.findIndex((a) => (a.by as string) === 'town')}].by enum`,
      );
      tick();
      const after = await evaluateYear(ctx, office, 'qingshui', 2009);
      expect(after.receipt.case_sha256).not.toBe(before.receipt.case_sha256);
      expect(after.result.consequences).toEqual(before.result.consequences);
      expect(after.result.withheld).toEqual(before.result.withheld);
      const [town] = await townResults(ctx, after.receipt.id);
      const five = town!.result.consequences.filter((c) => c.clause === '5');
      expect(five.map((c) => `${c.subject.id} ${c.type} ${c.amount_yuan}`).sort()).toEqual(
        villageCadres(kase, 'v-hongxing')
          .map((p) => `${p} fine 100`)
          .sort(),
      );
      expect(five.length).toBeGreaterThan(0);
      for (const c of five) expect(c.explanation).toContain('东风镇办法');
      expect((await verifyReceipt(ctx, after.receipt.id)).towns[0]!.reproduces).toBe(true);

      // A year's case holding it imports again; one of a village outside the town does not.
      tick();
      await importCase(ctx, office, 'qingshui', 2009, kase);
      const bad = structuredClone(kase);
      const { fp_year: _, ...entry } = monthly('v-shangling');
      bad.assessments!.push(entry as never);
      const refusedImport = await refused(importCase(ctx, office, 'qingshui', 2009, bad));
      expect(refusedImport.problems.map((p) => `${p.path} ${p.code}`)).toEqual([
        `assessments[${bad.assessments!.length - 1}].subject not_in_town`,
      ]);
      // The town pack cannot be taken away while the town's checks in its words stand.
      const inUse = await refused(setTownPacks(ctx, admin, 'qingshui', 't-dongfeng', []));
      expect(inUse.problems).toMatchObject([{ path: 'packs', code: 'in_use' }]);
      expect(inUse.problems[0]!.zh).toContain(String(fact.id));
      const later = await refused(
        setTownPacks(ctx, admin, 'qingshui', 't-dongfeng', [{ pack: TOWN_PACK, from_year: 2010 }]),
      );
      expect(later.problems).toMatchObject([{ path: 'packs', code: 'in_use' }]);
      expect((await listTownPacks(ctx, office, 'qingshui')).map((p) => p.from_year)).toEqual([2009]);
      await closeFact(ctx, office, 'qingshui', 'assessments', fact.id as string, { reason: '测试完毕' });
    });

    it("owes a confirmed decision's town-pack rewards and fines with their source pack", async () => {
      tick();
      const { receipt, result } = await evaluateYear(ctx, office, 'qingshui', 2009);
      const [town] = await townResults(ctx, receipt.id);
      await confirmDecision(ctx, office, 'qingshui', 2009, {
        evaluation_id: receipt.id,
        fines_due_on: '2010-03-31',
      });
      const rows = await s.db
        .selectFrom('obligations')
        .select(['kind', 'subject_id', 'clause', 'source_pack'])
        .where('county_id', '=', 'qingshui')
        .execute();
      const money = (cs: typeof result.consequences) =>
        cs.filter((c) => c.type === 'fine' || c.type === 'reward');
      expect(rows.filter((r) => r.source_pack === null)).toHaveLength(money(result.consequences).length);
      const townRows = rows.filter((r) => r.source_pack === TOWN_PACK);
      expect(townRows.map((r) => `${r.kind} ${r.subject_id} ${r.clause}`).sort()).toEqual(
        money(town!.result.consequences)
          .map((c) => `${c.type} ${c.subject.id} ${c.clause}`)
          .sort(),
      );
      expect(townRows.length).toBeGreaterThan(0);
    });

    it("reverses a town pack's rewards when a correction no longer has them, leaving the county's as they were", async () => {
      tick();
      await setTownPacks(ctx, admin, 'qingshui', 't-dongfeng', []);
      tick();
      const { receipt } = await evaluateYear(ctx, office, 'qingshui', 2009);
      expect(await townResults(ctx, receipt.id)).toEqual([]);
      const [current] = await s.db.selectFrom('decisions').select('id').execute();
      await confirmDecision(ctx, office, 'qingshui', 2009, {
        evaluation_id: receipt.id,
        fines_due_on: '2010-03-31',
        supersedes: current!.id,
        reason: '东风镇不再执行镇办法',
      });
      const reversed = await s.db
        .selectFrom('ledger_entries as e')
        .innerJoin('obligations as o', 'o.id', 'e.obligation_id')
        .select(['o.source_pack'])
        .where('e.kind', '=', 'reverse')
        .execute();
      expect(reversed.length).toBeGreaterThan(0);
      expect(reversed.every((r) => r.source_pack === TOWN_PACK)).toBe(true);
    });
  });
}
