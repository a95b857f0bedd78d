// The 考核 screen's reads through the API, on SQLite and PostgreSQL: the year's assessments with
// names and Chinese labels (a town sees its own units' only), the units to pick from, and the
// rankings and category changes with full-width Chinese and each unit's town.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { DIALECTS } from '../../store/testing.ts';

const Y = '/api/v1/counties/qingshui/years/2009';
type Item = { subject: string; by: string; kind: string; [k: string]: unknown };

for (const dialect of DIALECTS)
  describe(`the year's assessments on ${dialect}`, () => {
    let f: Kit;
    beforeAll(async () => {
      f = await workflowKit(dialect);
    });
    afterAll(async () => {
      await f.close();
    });

    it('lists the year with assessor, subject, kind, outcome and sampled units in Chinese', async () => {
      const r = await f.as('office', { url: `${Y}/assessments` });
      expect(r.statusCode, r.body).toBe(200);
      const { items, units } = r.json() as { items: Item[]; units: { id: string; kind_zh: string }[] };
      expect(items).toHaveLength(13);
      expect(items[0]).toMatchObject({
        by: 'province',
        by_zh: '省',
        subject: expect.any(String),
        kind_zh: '年度考核',
        outcome: 'pass',
        outcome_zh: '达标',
        sampled: [
          { id: 't-dongfeng', name: '东风镇' },
          { id: 'v-hongxing', name: '红星村' },
        ],
      });
      const xishan = items.find((i) => i.by === 'city' && i.subject === 't-xishan')!;
      expect(xishan).toMatchObject({
        outcome_zh: '提醒注意',
        at_fault: [{ id: 'v-shangling', name: '上岭村' }],
      });
      const village = items.find((i) => i.by === 'county' && i.subject === 'v-xiaying')!;
      expect(village).toMatchObject({
        subject_kind_zh: '村（社区、工区）',
        town: 't-xishan',
        town_name: '西山镇',
        outcome_zh: '黄牌警告',
        score: 60,
      });
      const duty = items.find((i) => i.kind === 'governance_duty' && i.subject === 'u-jiaoyu')!;
      expect(duty).toMatchObject({ kind_zh: '综合治理职责考评', outcome: null, score: 90 });
      expect(units.find((u) => u.id === 'v-xiaying')).toMatchObject({ kind_zh: '村（社区、工区）' });
    });

    it("keeps a town to its own units' assessments and units", async () => {
      const r = (await f.as('dongfeng', { url: `${Y}/assessments` })).json() as {
        items: Item[];
        units: { id: string; town: string | null }[];
      };
      expect(r.items.length).toBeGreaterThan(0);
      // Its town, its villages, and the county itself (scope.ts).
      const own = ['t-dongfeng', 'v-hongxing', 'v-qiaotou', 'county'];
      for (const i of r.items) expect(own).toContain(i.subject);
      expect(r.items.map((i) => i.subject)).not.toContain('t-xishan');
      for (const u of r.units) expect(own).toContain(u.id);
      expect(
        (await f.as('dongfeng', { url: '/api/v1/counties/other/years/2009/assessments' })).statusCode,
      ).toBe(404);
    });

    it('gives the rankings with full-width Chinese and each village’s town', async () => {
      const r = await f.as('office', { url: `${Y}/rankings` });
      expect(r.statusCode, r.body).toBe(200);
      const v = r.json();
      // How ties rank, as the pack words the reading in force (I5 include-ties by default).
      expect(v.I5_zh).toBe('名次=1+分数更高者的数目，名次不超过N即可');
      const villages = v.rankings.find((k: { clause: string }) => k.clause === '3.2.2');
      expect(villages).toMatchObject({ group_zh: '村（社区、工区）', top: expect.any(Number) });
      const xiaying = villages.items.find((i: { unit: string }) => i.unit === 'v-xiaying');
      expect(xiaying).toMatchObject({ town_name: '西山镇', qualifies: false });
      for (const reason of xiaying.reasons) expect(reason.zh).not.toMatch(/[,"]/);
      for (const c of v.categories) expect(c.town_name).toEqual(expect.any(String));
    });
  });
