// Rosters (二(四)) end to end through the API, on SQLite and PostgreSQL: the list with every unit's
// status, the template and its import (problems by cell, nothing stored), another town's roster
// (absent), returning and resubmitting, the diff, and accepting (the year's case and the audit
// trail afterwards); a county unit's roster as JSON.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRow, readXlsx, rowsOf } from '../../../test/support/files.ts';
import { type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { verifyAudit } from '../../store/audit.ts';
import { DIALECTS } from '../../store/testing.ts';
import { XLSX_TYPE } from '../workbooks/excel.ts';

const Y = '/api/v1/counties/qingshui/years/2009';
const DF = `${Y}/rosters/t-dongfeng`;
const paths = (r: { json(): { error: { problems: { path: string; code: string }[] } } }) =>
  r.json().error.problems.map((p) => `${p.path} ${p.code}`);

for (const dialect of DIALECTS)
  describe(`rosters on ${dialect}`, () => {
    let f: Kit;
    beforeAll(async () => {
      f = await workflowKit(dialect);
    });
    afterAll(async () => {
      await f.close();
    });

    const template = async () => {
      const r = await f.as('dongfeng', { url: `${DF}/template.xlsx` });
      expect(r.statusCode).toBe(200);
      return readXlsx(r.rawPayload);
    };

    it('lists every town and county unit with its status; a town sees only its own', async () => {
      const all = await f.as('office', { url: `${Y}/rosters` });
      expect(all.statusCode).toBe(200);
      expect(all.json().items.map((i: { unit: string; status: string }) => [i.unit, i.status])).toEqual([
        ['t-dongfeng', 'not_submitted'],
        ['t-xishan', 'not_submitted'],
        ['u-gongan', 'not_submitted'],
        ['u-jiaoyu', 'not_submitted'],
      ]);
      expect(all.json().counts).toMatchObject({ not_submitted: 4 });
      const own = await f.as('dongfeng', { url: `${Y}/rosters` });
      expect(own.json().items.map((i: { unit: string }) => i.unit)).toEqual(['t-dongfeng']);
      const one = await f.as('dongfeng', { url: DF });
      expect(one.json()).toMatchObject({ status: 'not_submitted', version: 0, content: null, history: [] });
      expect(one.json().stored.posts).toHaveLength(7);
      // Codes come with their Chinese; the lines read as a person reads them (the stored ones).
      expect(all.json().items[0]).toMatchObject({
        unit_kind_zh: '镇（场）',
        status_zh: '未上报',
        version: 0,
        submitted_by_name: null,
      });
      expect(one.json()).toMatchObject({ status_zh: '未上报', unit: { kind_zh: '镇（场）' } });
      expect(one.json().lines).toHaveLength(7 + one.json().stored.links.length);
      expect(one.json().lines).toContainEqual(
        expect.objectContaining({
          kind: 'post',
          role_zh: '镇长',
          zh: expect.stringMatching(/^东风镇 镇长：/),
        }),
      );
    });

    it("refuses another town's roster as absent, whatever the route", async () => {
      for (const [method, url] of [
        ['GET', DF],
        ['GET', `${DF}/diff`],
        ['GET', `${DF}/template.xlsx`],
        ['PUT', DF],
      ] as const) {
        const r = await f.as('xishan', {
          method,
          url,
          ...(method === 'PUT' && { payload: { people: [], posts: [], links: [] } }),
        });
        expect(r.statusCode, `${method} ${url}`).toBe(404);
      }
      const xlsx = await f.upload('xishan', `${DF}/xlsx`, await template());
      expect(xlsx.statusCode).toBe(404);
      expect((await f.as('jiaoyu', { url: DF })).statusCode).toBe(404);
    });

    it('gives a template per unit with Chinese headers, dropdowns and the stored posts and links', async () => {
      const r = await f.as('dongfeng', { url: `${DF}/template.xlsx` });
      expect(r.headers['content-type']).toBe(XLSX_TYPE);
      expect(r.headers['content-disposition']).toContain("filename*=UTF-8''");
      const wb = await readXlsx(r.rawPayload);
      expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
        '说明',
        '镇（场）职务',
        '驻村干部',
        '村干部',
      ]);
      expect(rowsOf(wb, '镇（场）职务')[0]).toEqual([
        'p-zhang',
        '张书记',
        '公务员',
        '党委书记',
        '2005-06-01',
        '',
      ]);
      expect(rowsOf(wb, '村干部')).toEqual([['红星村', 'p-han', '韩支书', '党支部书记', '2001-01-01', '']]);
      expect(
        rowsOf(wb, '驻村干部')
          .map((x) => `${x[1]} ${x[2]}`)
          .sort(),
      ).toEqual(['周干部 桥头村', '孙委员 红星村', '张书记 桥头村']);
      expect(wb.getWorksheet('镇（场）职务')!.getCell('D3').dataValidation).toMatchObject({ type: 'list' });
      expect(wb.getWorksheet('驻村干部')!.getCell(2, 3).value).toBe('驻（挂钩联系）村');

      const unit = await f.as('jiaoyu', { url: `${Y}/rosters/u-jiaoyu/template.xlsx` });
      const uwb = await readXlsx(unit.rawPayload);
      expect(rowsOf(uwb, '单位职务').map((x) => x[3])).toEqual([
        '一把手',
        '分管计生领导',
        '计生专（兼）职干部',
      ]);
      expect(rowsOf(uwb, '挂钩村')).toEqual([['东风镇 红星村', '', '']]);
    });

    it('answers a file with problems with every problem as its cell, and stores nothing', async () => {
      const wb = await template();
      wb.getWorksheet('镇（场）职务')!.getCell('D3').value = '村长';
      wb.getWorksheet('驻村干部')!.addRow(['', '无名氏', '不存在村']);
      wb.getWorksheet('村干部')!.getCell('E3').value = 'yesterday';
      const r = await f.upload('dongfeng', `${DF}/xlsx`, wb);
      expect(r.statusCode).toBe(422);
      expect(paths(r).sort()).toEqual(['村干部!E3 date', '镇（场）职务!D3 enum', '驻村干部!C6 unknown_ref']);
      for (const p of r.json().error.problems) expect(p.zh).toMatch(/[\u4e00-\u9fff]/);

      // Read cleanly, but not a valid roster: the roster's own checks, moved to their cells.
      const wb2 = await template();
      const li = findRow(wb2, '镇（场）职务', 'p-li');
      wb2.getWorksheet('镇（场）职务')!.getCell(`B${li}`).value = '李四';
      wb2.getWorksheet('驻村干部')!.addRow(['', '外人', '红星村']);
      wb2.getWorksheet('村干部')!.getCell('F3').value = new Date('2008-05-01T00:00:00Z');
      const r2 = await f.upload('dongfeng', `${DF}/xlsx`, wb2);
      expect(r2.statusCode).toBe(422);
      expect(paths(r2).sort()).toEqual([
        '村干部!F3 outside_year',
        `镇（场）职务!B${li} name_mismatch`,
        '驻村干部!A6 not_town_cadre',
      ]);
      expect((await f.as('dongfeng', { url: DF })).json().status).toBe('not_submitted');

      const json = await f.upload('dongfeng', `${DF}/xlsx`, Buffer.from('not a workbook'));
      expect(json.statusCode).toBe(422);
      expect(paths(json)).toEqual([' not_xlsx']);
      const wrong = await f.as('dongfeng', { method: 'PUT', url: `${DF}/xlsx`, payload: { a: 1 } });
      expect(wrong.statusCode).toBe(415);
      expect((await f.as('office', { url: `${Y}/rosters` })).json().counts.not_submitted).toBe(4);
    });

    it('imports a clean file as the submitted roster, and shows its differences', async () => {
      const wb = await template();
      const town = wb.getWorksheet('镇（场）职务')!;
      town.getCell(`F${findRow(wb, '镇（场）职务', 'p-li')}`).value = new Date('2009-06-30T00:00:00Z');
      town.spliceRows(findRow(wb, '镇（场）职务', 'p-zhou'), 1);
      town.addRow(['', '新干部', '公务员', '干部', '2009-03-01']);
      const stationed = wb.getWorksheet('驻村干部')!;
      stationed.spliceRows(findRow(wb, '驻村干部', 'p-zhou'), 1);
      stationed.spliceRows(findRow(wb, '驻村干部', 'p-sun'), 1);
      stationed.addRow(['', '新干部', '桥头村', '2009-03-01']);
      wb.getWorksheet('村干部')!.addRow(['红星村', '', '刘委员', '两委委员']);
      const r = await f.upload('dongfeng', `${DF}/xlsx`, wb);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ status: 'submitted', version: 1, submitted_by: 'dongfeng1' });
      const people = r.json().content.people as { id: string; name: string; staff_type?: string }[];
      const xin = people.find((p) => p.name === '新干部')!;
      expect(xin.id).toMatch(/^p-[0-9a-f]{8}$/);
      // A village cadre is asked no staff type.
      expect(people.find((p) => p.name === '刘委员')!.staff_type).toBeUndefined();

      const d = (await f.as('office', { url: `${DF}/diff` })).json();
      expect(d.roster).toEqual({ status: 'submitted', version: 1 });
      const zh = (l: { zh: string }[]) => l.map((e) => e.zh).sort();
      expect(zh(d.against_stored.added)).toEqual(
        [
          '新干部 驻（挂钩联系）桥头村（2009-03-01 起）',
          `新增人员 刘委员（${people.find((p) => p.name === '刘委员')!.id}）`,
          `新增人员 新干部（${xin.id}）`,
          '东风镇 干部：新干部（2009-03-01 起）',
          '红星村 两委委员：刘委员',
        ].sort(),
      );
      expect(zh(d.against_stored.removed)).toEqual(
        [
          '周干部 驻（挂钩联系）桥头村',
          '孙委员 驻（挂钩联系）红星村',
          '东风镇 干部：周干部（2004-01-01 起）',
        ].sort(),
      );
      for (const e of d.against_stored.removed) expect(e.end).toEqual({ how: 'close', on: '2008-09-30' });
      expect(d.against_stored.changed).toEqual([
        expect.objectContaining({
          kind: 'post',
          person: 'p-li',
          role_zh: '镇长',
          before: { from: '2007-01-01' },
          after: { from: '2007-01-01', to: '2009-06-30' },
        }),
      ]);
      expect(d.against_last_year).toMatchObject({ fp_year: 2008, basis: 'facts' });
      expect(zh(d.against_last_year.removed)).toContain('东风镇 干部：周干部（2004-01-01 起）');
    });

    it('returns a roster with reasons, takes it back resubmitted, and only the office reviews', async () => {
      expect((await f.as('dongfeng', { method: 'POST', url: `${DF}/accept`, payload: {} })).statusCode).toBe(
        403,
      );
      const bad = await f.as('office', { method: 'POST', url: `${DF}/return`, payload: { reasons: ['  '] } });
      expect(bad.statusCode).toBe(422);
      const r = await f.as('office', {
        method: 'POST',
        url: `${DF}/return`,
        payload: { reasons: ['请补报桥头村驻村干部'], version: 1 },
      });
      expect(r.statusCode).toBe(200);
      const seen = (await f.as('dongfeng', { url: DF })).json();
      expect(seen).toMatchObject({
        status: 'returned',
        reasons: ['请补报桥头村驻村干部'],
        reviewed_by: 'office1',
      });
      expect(seen.history.map((h: { action: string; version: number }) => `${h.action}${h.version}`)).toEqual(
        ['submit1', 'return1'],
      );
      expect(seen.history.map((h: { action_zh: string; actor_name: string }) => h.action_zh)).toEqual([
        '上报',
        '退回',
      ]);
      expect(seen).toMatchObject({ status_zh: '已退回待重报', reviewed_by_name: 'office1' });
      for (const action of ['return', 'accept'])
        expect(
          (
            await f.as('office', {
              method: 'POST',
              url: `${DF}/${action}`,
              payload: action === 'return' ? { reasons: ['again'] } : {},
            })
          ).statusCode,
        ).toBe(409);
      const again = await f.as('dongfeng', { method: 'PUT', url: DF, payload: seen.content });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ status: 'submitted', version: 2, reasons: [] });
      const stale = await f.as('office', { method: 'POST', url: `${DF}/accept`, payload: { version: 1 } });
      expect(stale.statusCode).toBe(409);
    });

    it('accepts a roster: the year becomes what it lists, in one transaction, every row audited', async () => {
      const r = await f.as('office', { method: 'POST', url: `${DF}/accept`, payload: { version: 2 } });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({
        status: 'accepted',
        changes: { created: 3, updated: 1, closed: 3, retracted: 0, people_created: 2, people_updated: 0 },
      });
      const kase = (await f.as('office', { url: `${Y}/case` })).json();
      const dongfeng = kase.posts.filter((p: { unit: string }) =>
        ['t-dongfeng', 'v-hongxing'].includes(p.unit),
      );
      expect(dongfeng.map((p: { person: string }) => p.person)).not.toContain('p-zhou');
      expect(kase.posts).toContainEqual({
        person: 'p-li',
        unit: 't-dongfeng',
        role: 'mayor',
        from: '2007-01-01',
        to: '2009-06-30',
      });
      const xin = kase.people.find((p: { name: string }) => p.name === '新干部');
      expect(kase.posts).toContainEqual({
        person: xin.id,
        unit: 't-dongfeng',
        role: 'cadre',
        from: '2009-03-01',
      });
      expect(kase.links).toContainEqual({
        kind: 'stationed',
        person: xin.id,
        village: 'v-qiaotou',
        from: '2009-03-01',
      });
      expect(
        kase.links.filter((l: { person?: string }) => l.person === 'p-sun' || l.person === 'p-zhou'),
      ).toEqual([]);
      const zhou = (await f.as('office', { url: '/api/v1/counties/qingshui/posts?person=p-zhou' })).json();
      expect(zhou.items[0]).toMatchObject({ role: 'cadre', to: '2008-09-30' });

      const audit = await f.s.db.selectFrom('audit_log').select(['action', 'actor']).execute();
      const actions = audit.filter((a) => a.actor === 'office1').map((a) => a.action);
      for (const a of [
        'rosters.return',
        'rosters.accept',
        'people.create',
        'posts.create',
        'posts.update',
        'posts.close',
        'links.create',
        'links.close',
      ])
        expect(actions).toContain(a);
      expect(audit.filter((a) => a.action === 'rosters.submit').map((a) => a.actor)).toEqual([
        'dongfeng1',
        'dongfeng1',
      ]);
      expect((await verifyAudit(f.s.db)).ok).toBe(true);

      const after = (await f.as('dongfeng', { url: `${DF}/diff` })).json();
      expect(after.against_stored).toEqual({ added: [], removed: [], changed: [] });
      // Next year compares with this accepted roster: the mayor who left is gone.
      const next = (
        await f.as('dongfeng', { url: '/api/v1/counties/qingshui/years/2010/rosters/t-dongfeng/diff' })
      ).json();
      expect(next.against_last_year).toMatchObject({ fp_year: 2009, basis: 'roster' });
      expect(
        next.against_last_year.removed.map((e: { person: string; role: string }) => `${e.person} ${e.role}`),
      ).toEqual(['p-li mayor']);
      const listed = (await f.as('office', { url: `${Y}/rosters` })).json();
      expect(listed.counts).toMatchObject({ accepted: 1, not_submitted: 3 });
    });

    it("takes a county unit's roster as JSON from its own user, and checks it", async () => {
      const U = `${Y}/rosters/u-jiaoyu`;
      const stored = (await f.as('jiaoyu', { url: U })).json().stored;
      const bad = await f.as('jiaoyu', {
        method: 'PUT',
        url: U,
        payload: {
          ...stored,
          posts: [...stored.posts, { person: 'p-zhu', unit: 't-dongfeng', role: 'head' }],
        },
      });
      expect(bad.statusCode).toBe(422);
      expect(paths(bad).sort()).toEqual(['posts[3].role enum', 'posts[3].unit not_own']);
      const good = await f.as('jiaoyu', {
        method: 'PUT',
        url: U,
        payload: {
          ...stored,
          links: [
            ...stored.links,
            { kind: 'unit_village', unit: 'u-jiaoyu', village: 'v-qiaotou', from: '2009-01-01' },
          ],
        },
      });
      expect(good.statusCode, good.body).toBe(200);
      const accepted = await f.as('office', { method: 'POST', url: `${U}/accept` });
      expect(accepted.json().changes).toMatchObject({ created: 1, updated: 0, closed: 0, retracted: 0 });
      const links = (await f.as('office', { url: '/api/v1/counties/qingshui/links?unit=u-jiaoyu' })).json();
      expect(links.items.map((l: { village: string }) => l.village).sort()).toEqual([
        'v-hongxing',
        'v-qiaotou',
      ]);
    });

    it('lets the office submit on behalf of a unit, and the auditor read but not write', async () => {
      const X = `${Y}/rosters/t-xishan`;
      const stored = (await f.as('office', { url: X })).json().stored;
      const r = await f.as('office', { method: 'PUT', url: X, payload: stored });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ status: 'submitted', submitted_by: 'office1' });
      expect((await f.as('office', { url: `${X}/diff` })).json().against_stored).toEqual({
        added: [],
        removed: [],
        changed: [],
      });
      expect((await f.as('auditor', { url: X })).statusCode).toBe(200);
      expect((await f.as('auditor', { method: 'PUT', url: X, payload: stored })).statusCode).toBe(403);
      const bad = await f.as('office', {
        method: 'POST',
        url: `${X}/accept`,
        payload: { version: 'latest' },
      });
      expect(bad.statusCode).toBe(422);
      expect(paths(bad)).toEqual(['version type']);
      expect(
        (await f.as('jiaoyu', { url: `${Y}/rosters` })).json().items.map((i: { unit: string }) => i.unit),
      ).toEqual(['u-jiaoyu']);
    });
  });
