// Warning notices end to end through the API, on SQLite and PostgreSQL: a correction reported and
// verified between two notices (no escalation) against one verified too late (escalation, and
// the next evaluation applies 4.3.2.2); the escalations cross-checked against the engine on the
// exported case; deadlines; jurisdiction; the printable notice; and the refusals.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../../test/support/files.ts';
import { COUNTY, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { loadEngine } from '../../policy/load.ts';
import { exportCase } from '../../store/cases.ts';
import { DIALECTS } from '../../store/testing.ts';

const notices = `/api/v1/counties/${COUNTY}/warning-notices`;
const escalationsUrl = `/api/v1/counties/${COUNTY}/years/2009/escalations`;

/** The units the engine gives 4.3.2.2 consequences for: a unit's own, or through a person's post. */
function unitsUnder4322(
  consequences: { clause: string; subject: { kind: string; id: string }; via?: { unit: string } }[],
) {
  return [
    ...new Set(
      consequences
        .filter((c) => c.clause === '4.3.2.2')
        .map((c) => (c.subject.kind === 'unit' ? c.subject.id : c.via!.unit)),
    ),
  ].sort();
}

for (const dialect of DIALECTS) {
  describe(`warning notices on ${dialect}`, () => {
    let k: Kit;
    beforeAll(async () => {
      k = await workflowKit(dialect);
    });
    afterAll(async () => k?.close());

    const issue = (payload: Record<string, string>) =>
      k.as('office', { method: 'POST', url: notices, payload });

    /** 红星村: n1 issued, its correction reported and verified, then n2 issued. */
    const villageStory = async () => {
      const issued = await issue({
        id: 'n1',
        unit: 'v-hongxing',
        issued_on: '2009-03-01',
        matter: '春季集中服务活动',
        deadline: '2009-03-31',
      });
      const reported = await k.as('dongfeng', {
        method: 'POST',
        url: `${notices}/n1/correction`,
        payload: { reported_on: '2009-03-20', note: '已补齐服务对象台账' },
      });
      const verified = await k.as('office', {
        method: 'POST',
        url: `${notices}/n1/verify`,
        payload: { verified_on: '2009-03-25' },
      });
      const next = await issue({
        id: 'n2',
        unit: 'v-hongxing',
        issued_on: '2009-05-01',
        matter: '孕情跟踪',
        deadline: '2009-05-31',
      });
      return { issued, reported, verified, next };
    };
    /** 西山镇: m1 issued and its correction reported, m2 issued, then m1 verified that same day. */
    const townStory = async () => {
      await issue({
        id: 'm1',
        unit: 't-xishan',
        issued_on: '2009-04-01',
        matter: '出生统计上报',
        deadline: '2009-04-30',
      });
      const reported = await k.as('xishan', {
        method: 'POST',
        url: `${notices}/m1/correction`,
        payload: { reported_on: '2009-04-20', note: '已重新上报' },
      });
      await issue({
        id: 'm2',
        unit: 't-xishan',
        issued_on: '2009-06-01',
        deadline: '2009-07-01',
        matter: '流动人口信息核查',
      });
      const late = await k.as('office', {
        method: 'POST',
        url: `${notices}/m1/verify`,
        payload: { verified_on: '2009-06-01' },
      });
      return { reported, late };
    };

    it('a correction verified before the next notice: no escalation, one more notice escalates', async () => {
      const { issued, reported, verified, next } = await villageStory();
      expect(issued.statusCode).toBe(201);
      expect(reported.statusCode).toBe(200);
      expect(reported.json()).toMatchObject({
        status: 'reported',
        correction_reported_on: '2009-03-20',
        corrected_on: null,
      });
      expect(verified.statusCode).toBe(200);
      expect(verified.json()).toMatchObject({
        status: 'verified',
        corrected_on: '2009-03-25',
        verified_by: 'office1',
        warnings: [],
      });
      expect(next.statusCode).toBe(201);

      const e = (await k.as('office', { url: escalationsUrl })).json();
      expect(e.interpretations).toMatchObject({ I13: 'no-correction-between', I7: 'analogous' });
      expect(e.escalated.map((x: { unit: { id: string } }) => x.unit.id)).toEqual(['u-gongan']);
      expect(e.escalated[0]).toMatchObject({
        applies: '4.3.1.3',
        applies_label: '四（三）1（3）',
        notices: [{ id: 'w1' }, { id: 'w2' }],
        talk: [{ person: { id: 'p-xu', name: '许局长' }, role: 'head' }],
      });
      expect(e.one_more_escalates).toEqual([
        expect.objectContaining({
          unit: expect.objectContaining({ id: 'v-hongxing' }),
          latest: expect.objectContaining({ id: 'n2' }),
        }),
      ]);
      // Read as any two notices, the village escalates too: a preview, nothing stored changes.
      const preview = (await k.as('office', { url: `${escalationsUrl}?I13=any-two` })).json();
      expect(preview.preview).toBe(true);
      expect(preview.escalated.map((x: { unit: { id: string } }) => x.unit.id)).toEqual([
        'u-gongan',
        'v-hongxing',
      ]);
      expect(preview.escalated[1]).toMatchObject({ applies: '4.3.1.5', talk: [] });
    });

    it('verified only on the day the next notice is issued: escalation, and the next evaluation applies 4.3.2.2', async () => {
      const { reported, late } = await townStory();
      expect(reported.statusCode).toBe(200);
      expect(late.statusCode).toBe(200);
      expect(late.json().warnings[0].zh).toContain('m2');

      const e = (await k.as('office', { url: escalationsUrl })).json();
      const xishan = e.escalated.find((x: { unit: { id: string } }) => x.unit.id === 't-xishan');
      expect(xishan).toMatchObject({ applies: '4.3.1.1', notices: [{ id: 'm1' }, { id: 'm2' }] });
      expect(xishan.talk.map((t: { person: { id: string } }) => t.person.id).sort()).toEqual([
        'p-wu',
        'p-zheng',
      ]);

      const ev = await k.as('office', {
        method: 'POST',
        url: `/api/v1/counties/${COUNTY}/years/2009/evaluations`,
        payload: {},
      });
      expect(ev.statusCode).toBe(201);
      const consequences = ev.json().result.consequences;
      expect(consequences).toContainEqual(
        expect.objectContaining({
          subject: { kind: 'unit', id: 't-xishan' },
          type: 'award_veto',
          clause: '4.3.2.2',
          applies: '4.3.1.1',
        }),
      );
      const talks = consequences.filter(
        (c: { type: string; clause: string }) => c.type === 'admonishment_talk' && c.clause === '4.3.2.2',
      );
      expect(talks.map((c: { subject: { id: string } }) => c.subject.id).sort()).toEqual([
        'p-wu',
        'p-xu',
        'p-zheng',
      ]);
      const escalated = e.escalated.map((x: { unit: { id: string } }) => x.unit.id).sort();
      expect(unitsUnder4322(consequences)).toEqual(escalated);

      // The same cross-check on the stored year's case, as exported, under both readings of I7.
      const kase = await exportCase(k.ctx, k.office, COUNTY, 2009);
      for (const I7 of ['analogous', 'towns-only']) {
        const r = loadEngine().evaluate(kase, { I7 });
        if (!r.ok) throw new Error('the exported case does not evaluate');
        const mine = (await k.as('office', { url: `${escalationsUrl}?I7=${I7}` })).json();
        const expected = mine.escalated
          .filter((x: { applies: string | null; talk: unknown[] }) => x.applies !== null || x.talk.length > 0)
          .map((x: { unit: { id: string } }) => x.unit.id)
          .sort();
        expect(unitsUnder4322(r.value.consequences), I7).toEqual(expected);
      }
    });

    // The tests below read the notices of the two stories above; each may run alone.
    describe('after both stories', () => {
      beforeAll(async () => {
        if ((await k.as('office', { url: `${notices}/n1` })).statusCode === 404) await villageStory();
        if ((await k.as('office', { url: `${notices}/m1` })).statusCode === 404) await townStory();
        // Two more, with deadlines near and past on 2009-04-28.
        await issue({
          id: 'k1',
          unit: 'v-qiaotou',
          issued_on: '2009-04-10',
          matter: '查环查孕',
          deadline: '2009-05-02',
        });
        await issue({
          id: 'j1',
          unit: 'u-jiaoyu',
          issued_on: '2009-04-01',
          matter: '责任书落实',
          deadline: '2009-04-20',
        });
      });

      it('lists notices near or past their deadline, each town only its own', async () => {
        const all = await k.as('office', { url: `/api/v1/counties/${COUNTY}/deadlines?on=2009-04-28` });
        expect(all.statusCode).toBe(200);
        expect(all.json()).toMatchObject({ on: '2009-04-28', within: 7, overdue: 1, due_soon: 1 });
        const items = all
          .json()
          .items.map((i: Record<string, unknown>) => [
            i.id,
            i.deadline_status,
            i.deadline_status_zh,
            i.days_left,
            i.correction_reported,
          ]);
        // m1 and n1 were verified, so they are no longer listed; n2 is due later than a week.
        expect(items).toEqual([
          ['j1', 'overdue', '逾期', -8, false],
          ['k1', 'due_soon', '即将到期', 4, false],
        ]);
        const wider = (
          await k.as('office', { url: `/api/v1/counties/${COUNTY}/deadlines?on=2009-04-28&within=40` })
        ).json();
        expect(wider.items.map((i: { id: string }) => i.id)).toEqual(['j1', 'k1', 'n2']);
        const dongfeng = (
          await k.as('dongfeng', { url: `/api/v1/counties/${COUNTY}/deadlines?on=2009-04-28&within=40` })
        ).json();
        expect(dongfeng.items.map((i: { id: string }) => i.id)).toEqual(['k1', 'n2']);
        const xishan = (
          await k.as('xishan', { url: `/api/v1/counties/${COUNTY}/deadlines?on=2009-04-28&within=40` })
        ).json();
        expect(xishan.items).toEqual([]);
        const bad = await k.as('office', { url: `/api/v1/counties/${COUNTY}/deadlines?on=2009-02-30` });
        expect(bad.statusCode).toBe(422);
        expect(bad.json().error.problems[0]).toMatchObject({ path: 'on', code: 'date' });
      });

      it('keeps a town to its own notices, and a unit to its own', async () => {
        expect((await k.as('dongfeng', { url: `${notices}/m1/document.docx` })).statusCode).toBe(404);
        const other = await k.as('dongfeng', {
          method: 'POST',
          url: `${notices}/j1/correction`,
          payload: { reported_on: '2009-04-25', note: '代为报告' },
        });
        expect(other.statusCode).toBe(404);
        const theirs = (await k.as('xishan', { url: escalationsUrl })).json();
        expect(theirs.escalated.map((x: { unit: { id: string } }) => x.unit.id)).toEqual(['t-xishan']);
        const unit = await k.as('gongan', {
          method: 'POST',
          url: `${notices}/w2/correction`,
          payload: { reported_on: '2009-07-01', note: '已核查出生统计' },
        });
        expect(unit.statusCode).toBe(200);
        expect(
          (
            await k.as('gongan', {
              method: 'POST',
              url: `${notices}/j1/correction`,
              payload: { reported_on: '2009-04-25', note: 'x' },
            })
          ).statusCode,
        ).toBe(404);
        expect(
          (
            await k.as('auditor', {
              method: 'POST',
              url: `${notices}/w2/correction`,
              payload: { reported_on: '2009-07-01', note: 'x' },
            })
          ).statusCode,
        ).toBe(403);
        expect(
          (
            await k.as('dongfeng', {
              method: 'POST',
              url: `${notices}/n2/verify`,
              payload: { verified_on: '2009-06-01' },
            })
          ).statusCode,
        ).toBe(403);
      });

      it('prints the notice as a Word document with the matter, the clause quoted and the deadline', async () => {
        const r = await k.as('dongfeng', { url: `${notices}/n1/document.docx` });
        expect(r.statusCode).toBe(200);
        expect(r.headers['content-type']).toBe(
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        );
        expect(r.headers['content-disposition']).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''/);
        expect(decodeURIComponent(String(r.headers['content-disposition']).split("''")[1]!)).toBe(
          '警示通知书-清人考〔2009〕1号-东风镇红星村.docx',
        );
        expect(decodeURIComponent(String(r.headers['document-number']))).toBe('清人考〔2009〕1号');
        const text = docxText(r.rawPayload);
        for (const s of [
          '警示通知书',
          '清人考〔2009〕1号',
          '东风镇红星村党支部、村（居）委会：',
          '春季集中服务活动',
          '四（三）2（1）',
          '2009年3月31日前完成整改',
          '清水县人口考核办公室',
          '2009年3月1日',
          '警示通知书回执',
        ])
          expect(text).toContain(s);
        expect(text).toContain('对该镇（场）、村（社区、工区）、县直单位下达一次警示通知书');
        // The one matter, not the three offences of the clause; the consequence of a second notice.
        expect(text).not.toMatch(/你单位[^。]*弄虚作假/);
        expect(text).toContain('四（三）2（2），“连续二次下发警示通知书');
        // The same notice again: the same number, the same bytes.
        const again = await k.as('office', { url: `${notices}/n1/document.docx` });
        expect(Buffer.compare(again.rawPayload, r.rawPayload)).toBe(0);
      });

      it('refuses bad steps with the field named, in Chinese and English, and records the good ones', async () => {
        await issue({
          id: 'q1',
          unit: 'u-jiaoyu',
          issued_on: '2009-07-01',
          deadline: '2009-07-31',
          matter: '专项活动',
        });
        const early = await k.as('office', {
          method: 'POST',
          url: `${notices}/q1/verify`,
          payload: { verified_on: '2009-06-30', note: '现场核实' },
        });
        expect(early.statusCode).toBe(422);
        expect(early.json().error.problems).toEqual([
          expect.objectContaining({
            path: 'verified_on',
            code: 'range',
            zh: expect.stringContaining('下发日期'),
            en: expect.stringContaining('issued'),
          }),
        ]);
        const noNote = await k.as('office', {
          method: 'POST',
          url: `${notices}/q1/verify`,
          payload: { verified_on: '2009-07-10' },
        });
        expect(noNote.json().error.problems).toEqual([
          expect.objectContaining({ path: 'note', code: 'required' }),
        ]);
        const future = await k.as('office', {
          method: 'POST',
          url: `${notices}/q1/verify`,
          payload: { verified_on: '2010-01-10', note: 'x' },
        });
        expect(future.json().error.problems).toEqual([
          expect.objectContaining({ path: 'verified_on', code: 'range' }),
        ]);
        const direct = await k.as('office', {
          method: 'POST',
          url: `${notices}/q1/verify`,
          payload: { verified_on: '2009-07-10', note: '现场核实已整改' },
        });
        expect(direct.json()).toMatchObject({
          corrected_on: '2009-07-10',
          correction_note: '县人口考核办直接验收：现场核实已整改',
        });
        const again = await k.as('office', {
          method: 'POST',
          url: `${notices}/q1/verify`,
          payload: { verified_on: '2009-07-11', note: 'x' },
        });
        expect(again.statusCode).toBe(409);
        const after = await k.as('office', {
          method: 'POST',
          url: `${notices}/q1/correction`,
          payload: { reported_on: '2009-07-11', note: 'x' },
        });
        expect(after.statusCode).toBe(409);
        const shape = await k.as('office', {
          method: 'POST',
          url: `${notices}/j1/correction`,
          payload: { reported_on: 'soon', extra: 1 },
        });
        expect(shape.statusCode).toBe(400);
        expect(
          shape
            .json()
            .error.problems.map((p: { path: string }) => p.path)
            .sort(),
        ).toEqual(['extra', 'note', 'reported_on']);
        const actions = await k.s.db
          .selectFrom('audit_log')
          .select(['action', 'object_id'])
          .where('object_type', '=', 'warning_notices')
          .execute();
        for (const [action, id] of [
          ['warning_notices.correction', 'n1'],
          ['warning_notices.verify', 'n1'],
          ['warning_notices.verify', 'q1'],
        ])
          expect(actions).toContainEqual({ action, object_id: id });
      });
    });
  });
}
