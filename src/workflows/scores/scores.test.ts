// County scores from Excel and the rankings view, end to end through the API on SQLite and
// PostgreSQL: the template, an import with problems (each as its cell, nothing written), a clean
// import (created and updated, audited), and the rankings cross-checked with an evaluation of the
// stored year, under the county's I5 reading and a preview of the other.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRow, readXlsx, rowsOf } from '../../../test/support/files.ts';
import { type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { exportCase } from '../../store/cases.ts';
import { systemScope } from '../../store/scope.ts';
import { DIALECTS } from '../../store/testing.ts';
import { importCase } from '../../store/year-import.ts';

const Y = '/api/v1/counties/qingshui/years/2009';
const paths = (r: { json(): { error: { problems: { path: string; code: string }[] } } }) =>
  r.json().error.problems.map((p) => `${p.path} ${p.code}`);
type Item = { unit: string; rank: number | null; qualifies: boolean; withheld?: string };
type View = { I5: string; rankings: { clause: string; items: Item[] }[]; categories: { unit: string }[] };

for (const dialect of DIALECTS)
  describe(`county scores and rankings on ${dialect}`, () => {
    let f: Kit;
    beforeAll(async () => {
      f = await workflowKit(dialect);
    });
    afterAll(async () => {
      await f.close();
    });

    const template = async () => {
      const r = await f.as('office', { url: `${Y}/scores/template.xlsx` });
      expect(r.statusCode).toBe(200);
      return readXlsx(r.rawPayload);
    };
    const county = async () =>
      (
        await f.as('office', {
          url: '/api/v1/counties/qingshui/assessments?by=county&fp_year=2009&limit=100',
        })
      )
        .json()
        .items.map((a: { subject: string; kind: string; outcome?: string; score?: number }) =>
          [a.subject, a.kind, a.outcome ?? '', a.score ?? ''].join(' '),
        )
        .sort();

    it('gives the office a sheet per group, prefilled, with the outcomes as a dropdown', async () => {
      const wb = await template();
      expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
        '说明',
        '镇（场）',
        '村（社区、工区）',
        '县直单位',
        '综合治理职责单位',
      ]);
      expect(rowsOf(wb, '村（社区、工区）')).toEqual([
        ['v-hongxing', '红星村', '东风镇', '达标', '97', '', ''],
        ['v-qiaotou', '桥头村', '东风镇', '达标', '93', '', ''],
        ['v-shangling', '上岭村', '西山镇', '达标', '80', '', ''],
        ['v-xiaying', '下营社区', '西山镇', '黄牌警告', '60', '', ''],
      ]);
      expect(rowsOf(wb, '综合治理职责单位')).toEqual([
        ['u-gongan', '县公安局', '85'],
        ['u-jiaoyu', '县教育局', '90'],
      ]);
      expect(wb.getWorksheet('镇（场）')!.getCell('C3').dataValidation).toMatchObject({ type: 'list' });
      expect((await f.as('dongfeng', { url: `${Y}/scores/template.xlsx` })).statusCode).toBe(403);
    });

    it('answers a file with problems with each as its cell, and writes nothing', async () => {
      const before = await county();
      const wb = await template();
      const villages = wb.getWorksheet('村（社区、工区）')!;
      villages.getCell(`D${findRow(wb, '村（社区、工区）', 'v-qiaotou')}`).value = '优秀';
      villages.addRow(['v-nowhere', '无此村', '', '达标', 90]);
      wb.getWorksheet('县直单位')!.getCell(`D${findRow(wb, '县直单位', 'u-jiaoyu')}`).value = 'abc';
      wb.getWorksheet('镇（场）')!.getCell(`C${findRow(wb, '镇（场）', 't-xishan')}`).value = null;
      wb.getWorksheet('综合治理职责单位')!.addRow(['v-hongxing', '红星村', 90]);
      const r = await f.upload('office', `${Y}/scores/xlsx`, wb);
      expect(r.statusCode).toBe(422);
      expect(paths(r).sort()).toEqual(
        [
          '村（社区、工区）!D4 enum',
          '村（社区、工区）!A7 unknown_ref',
          '县直单位!D4 number',
          '镇（场）!C4 required',
          '综合治理职责单位!A5 unknown_ref',
        ].sort(),
      );
      expect(await county()).toEqual(before);
      expect((await f.upload('dongfeng', `${Y}/scores/xlsx`, wb)).statusCode).toBe(403);
    });

    it('creates and updates the county assessments of a clean file in one go, audited', async () => {
      const shangling = (
        await f.as('office', { url: '/api/v1/counties/qingshui/assessments?subject=v-shangling&by=county' })
      ).json().items[0];
      await f.as('office', {
        method: 'POST',
        url: `/api/v1/counties/qingshui/assessments/${shangling.id}/close`,
        payload: { reason: '重新录入' },
      });
      const wb = await template();
      const v = wb.getWorksheet('村（社区、工区）')!;
      v.getCell(`E${findRow(wb, '村（社区、工区）', 'v-qiaotou')}`).value = 99;
      const xiaying = findRow(wb, '村（社区、工区）', 'v-xiaying');
      v.getCell(`D${xiaying}`).value = '达标';
      v.getCell(`E${xiaying}`).value = '98';
      v.getCell(`D${findRow(wb, '村（社区、工区）', 'v-shangling')}`).value = '达标';
      v.getCell(`E${findRow(wb, '村（社区、工区）', 'v-shangling')}`).value = 85;
      wb
        .getWorksheet('综合治理职责单位')!
        .getCell(`C${findRow(wb, '综合治理职责单位', 'u-gongan')}`).value = 95;
      const r = await f.upload('office', `${Y}/scores/xlsx`, wb);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual({ fp_year: 2009, created: 1, updated: 3, unchanged: 6 });
      const now = await county();
      for (const line of [
        'v-qiaotou annual pass 99',
        'v-xiaying annual pass 98',
        'v-shangling annual pass 85',
        'u-gongan governance_duty  95',
        'v-hongxing annual pass 97',
      ])
        expect(now).toContain(line);
      const actions = (
        await f.s.db.selectFrom('audit_log').select('action').where('actor', '=', 'office1').execute()
      ).map((a) => a.action);
      expect(actions.filter((a) => a === 'assessments.update')).toHaveLength(3);
      expect(actions).toContain('assessments.create');
      expect(actions).toContain('scores.import');
    });

    it('shows the rankings the engine reads: the units that qualify are those it rewards', async () => {
      const view = (await f.as('office', { url: `${Y}/rankings` })).json() as View;
      expect(view.I5).toBe('include-ties');
      const ev = await f.as('office', { method: 'POST', url: `${Y}/evaluations`, payload: {} });
      const { consequences, withheld } = ev.json().result;
      for (const r of view.rankings) {
        const rewarded = new Set(
          [...consequences, ...withheld]
            .filter(
              (c: { clause: string; subject: { kind: string } }) =>
                c.clause === r.clause && c.subject.kind === 'unit',
            )
            .map((c: { subject: { id: string } }) => c.subject.id),
        );
        expect(new Set(r.items.filter((i) => i.qualifies).map((i) => i.unit)), r.clause).toEqual(rewarded);
      }
      const villages = view.rankings.find((r) => r.clause === '3.2.2')!;
      expect(villages.items.map((i) => [i.unit, i.rank])).toEqual([
        ['v-qiaotou', 1],
        ['v-xiaying', 2],
        ['v-hongxing', 3],
        ['v-shangling', 4],
      ]);
      const units = view.rankings.find((r) => r.clause === '3.3.1')!;
      expect(units.items.find((i) => i.unit === 'u-gongan')).toMatchObject({
        qualifies: true,
        withheld: expect.stringContaining('I4'),
      });

      const mine = (await f.as('dongfeng', { url: `${Y}/rankings` })).json() as View;
      expect(mine.rankings.find((r) => r.clause === '3.2.2')!.items.map((i) => [i.unit, i.rank])).toEqual([
        ['v-qiaotou', 1],
        ['v-hongxing', 3],
      ]);
      expect(mine.rankings.find((r) => r.clause === '3.3.1')!.items).toEqual([]);
      expect(mine.categories.map((c) => c.unit).sort()).toEqual(['t-dongfeng', 'v-hongxing', 'v-qiaotou']);
    });

    it("honours the county's reading of ties (I5) and previews the other", async () => {
      const wb = await template();
      wb
        .getWorksheet('村（社区、工区）')!
        .getCell(`E${findRow(wb, '村（社区、工区）', 'v-hongxing')}`).value = 99;
      expect((await f.upload('office', `${Y}/scores/xlsx`, wb)).statusCode).toBe(200);
      const ranks = (v: View) =>
        v.rankings
          .find((r) => r.clause === '3.2.2')!
          .items.slice(0, 2)
          .map((i) => i.rank);
      expect(ranks((await f.as('office', { url: `${Y}/rankings` })).json())).toEqual([1, 1]);
      // The year's reading set as an office sets it: the year exported and imported again with it.
      const scope = systemScope('qingshui', { name: 'office1', role: 'office' });
      const year = await exportCase(f.ctx, scope, 'qingshui', 2009);
      await importCase(f.ctx, scope, 'qingshui', 2009, { ...year, interpretations: { I5: 'strict' } });
      const strict = (await f.as('office', { url: `${Y}/rankings` })).json() as View;
      expect(strict.I5).toBe('strict');
      expect(ranks(strict)).toEqual([1, 2]);
      const preview = (await f.as('office', { url: `${Y}/rankings?I5=include-ties` })).json() as View;
      expect(ranks(preview)).toEqual([1, 1]);
      const bad = await f.as('office', { url: `${Y}/rankings?I5=loose` });
      expect(bad.statusCode).toBe(422);
      expect(paths(bad)).toEqual(['I5 enum']);
    });

    it('records the villages the county sampled (抽中) and found at fault (失职) with their town', async () => {
      const V = '村（社区、工区）';
      const wb = await template();
      const ws = wb.getWorksheet(V)!;
      const hongxing = findRow(wb, V, 'v-hongxing');
      const qiaotou = findRow(wb, V, 'v-qiaotou');
      ws.getCell(`F${hongxing}`).value = '是';
      ws.getCell(`G${hongxing}`).value = '是';
      ws.getCell(`G${qiaotou}`).value = '是'; // at fault, but not sampled
      ws.getCell(`F${findRow(wb, V, 'v-xiaying')}`).value = '也许';
      const bad = await f.upload('office', `${Y}/scores/xlsx`, wb);
      expect(bad.statusCode).toBe(422);
      expect(paths(bad).sort()).toEqual([`${V}!F${findRow(wb, V, 'v-xiaying')} enum`]);
      ws.getCell(`F${findRow(wb, V, 'v-xiaying')}`).value = null;
      const notSampled = await f.upload('office', `${Y}/scores/xlsx`, wb);
      expect(notSampled.statusCode).toBe(422);
      expect(paths(notSampled)).toEqual([`${V}!G${qiaotou} not_sampled`]);
      ws.getCell(`G${qiaotou}`).value = null;
      const ok = await f.upload('office', `${Y}/scores/xlsx`, wb);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ updated: 1 });
      const town = (
        await f.as('office', { url: '/api/v1/counties/qingshui/assessments?subject=t-dongfeng&by=county' })
      ).json().items[0];
      expect(town).toMatchObject({
        outcome: 'pass',
        score: 95,
        sampled: ['v-hongxing'],
        at_fault: ['v-hongxing'],
      });
      const again = rowsOf(await template(), V).find((r) => r[0] === 'v-hongxing')!;
      expect(again.slice(5)).toEqual(['是', '是']);
    });
  });
