// The documents through the API, on SQLite and PostgreSQL: each object's document as Word with
// its 发文字号 in a header; issued once, in the audit trail, in the register without gaps, even
// when many are asked for at once; scoped like the object; the letterhead each office sets.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { confirmDecision } from '../../store/decisions.ts';
import { evaluateYear } from '../../store/evaluations.ts';
import { move } from '../../store/ledger-moves.ts';
import { listObligations } from '../../store/ledger-views.ts';
import { listActions } from '../../store/personnel.ts';
import { DIALECTS } from '../../store/testing.ts';
import { visibleText } from '../../workflows/documents/docx-reading.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const number = (r: { headers: Record<string, unknown> }) =>
  decodeURIComponent(String(r.headers['document-number']));

for (const dialect of DIALECTS)
  describe(`documents API on ${dialect}`, () => {
    let k: Kit;
    let decision = '';
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      k = await workflowKit(dialect);
      k.setClock('2009-12-21T08:00:00Z');
      const ev = await evaluateYear(k.ctx, k.office, COUNTY, 2009);
      decision = (
        await confirmDecision(k.ctx, k.office, COUNTY, 2009, {
          evaluation_id: ev.receipt.id,
          fines_due_on: '2010-03-31',
        })
      ).id;
      k.setClock('2010-02-01T08:00:00Z');
      const list = await listObligations(k.ctx, k.office, COUNTY, 2009);
      const find = (subject: string, clause: string) =>
        list.find((o) => o.subject.id === subject && o.clause === clause)!.id;
      ids.wu = find('p-wu', '4.2.2');
      ids.fines = list
        .filter((o) => o.kind === 'fine')
        .map((o) => o.id)
        .join(',');
      const collected = await move(
        k.ctx,
        k.office,
        ids.wu,
        'collect',
        { amount_fen: 150000, receipt_no: 'R-009', on: '2010-01-10' },
        'api-doc-collect',
      );
      ids.collect = collected.body.entries!.at(-1)!.id;
      ids.assess = collected.body.entries![0]!.id;
      const actions = await listActions(k.ctx, k.office, COUNTY, 2009);
      ids.talk = actions.find((a) => a.type === 'admonishment_talk')!.id;
      ids.xishanAction = actions.find((a) => a.subject.id === 'p-wu')!.id;
    });
    afterAll(async () => k?.close());

    it('prints the decision for the county-wide roles, numbered once, recorded in the audit trail', async () => {
      const r = await k.as('office', { url: `/api/v1/decisions/${decision}/document.docx` });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe(DOCX);
      expect(number(r)).toBe('清人考〔2009〕1号');
      expect(decodeURIComponent(String(r.headers['content-disposition']).split("''")[1]!)).toBe(
        '奖惩决定-清人考〔2009〕1号-2009年度.docx',
      );
      const again = await k.as('auditor', { url: `/api/v1/decisions/${decision}/document.docx` });
      expect(Buffer.compare(again.rawPayload, r.rawPayload)).toBe(0);
      expect((await k.as('finance', { url: `/api/v1/decisions/${decision}/document.docx` })).statusCode).toBe(
        200,
      );
      expect(
        (await k.as('dongfeng', { url: `/api/v1/decisions/${decision}/document.docx` })).statusCode,
      ).toBe(403);
      const audit = (await k.as('auditor', { url: '/api/v1/audit?action=document.issue' })).json();
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]).toMatchObject({
        actor: 'office1',
        after: { kind: 'decision', number: '清人考〔2009〕1号', object_id: decision },
      });
    });

    it('numbers many notices asked for at once without gaps, and lists them in the register', async () => {
      const fines = ids.fines!.split(',').slice(0, 8);
      const answers = await Promise.all(
        fines.map((id) => k.as('office', { url: `/api/v1/obligations/${id}/notice.docx` })),
      );
      for (const a of answers) expect(a.statusCode).toBe(200);
      const got = answers.map((a) => Number(/〔2009〕(\d+)号/.exec(number(a))![1])).sort((a, b) => a - b);
      expect(got).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
      const register = (
        await k.as('office', { url: `/api/v1/counties/${COUNTY}/documents?year=2009` })
      ).json();
      expect(register.items.map((x: { number: string }) => x.number)).toEqual(
        Array.from({ length: 9 }, (_, i) => `清人考〔2009〕${i + 1}号`),
      );
      expect(register.items[1]).toMatchObject({
        kind: 'fine_notice',
        kind_zh: '罚款缴纳通知书',
        issued_by: 'office1',
        issued_by_name: null,
      });
      expect((await k.as('dongfeng', { url: `/api/v1/counties/${COUNTY}/documents` })).statusCode).toBe(403);
    });

    it('gives a town the papers of its own objects only', async () => {
      const notice = await k.as('xishan', { url: `/api/v1/obligations/${ids.wu}/notice.docx` });
      expect(notice.statusCode).toBe(200);
      expect(visibleText(notice.rawPayload)).toContain('请于2010年3月31日前到西山镇缴纳');
      expect((await k.as('dongfeng', { url: `/api/v1/obligations/${ids.wu}/notice.docx` })).statusCode).toBe(
        404,
      );
      const receipt = await k.as('xishan', { url: `/api/v1/ledger-entries/${ids.collect}/document.docx` });
      expect(receipt.statusCode).toBe(200);
      expect(number(receipt)).toBe('R-009');
      const old = await k.as('xishan', { url: `/api/v1/ledger-entries/${ids.collect}/receipt.docx` });
      expect(Buffer.compare(old.rawPayload, receipt.rawPayload)).toBe(0);
      expect(
        (await k.as('office', { url: `/api/v1/ledger-entries/${ids.assess}/document.docx` })).statusCode,
      ).toBe(422);
      const letter = await k.as('xishan', {
        url: `/api/v1/personnel-actions/${ids.xishanAction}/document.docx`,
      });
      expect(letter.statusCode).toBe(200);
      expect(visibleText(letter.rawPayload)).toContain('建议函');
      expect(
        (await k.as('dongfeng', { url: `/api/v1/personnel-actions/${ids.xishanAction}/document.docx` }))
          .statusCode,
      ).toBe(404);
      const talk = await k.as('office', { url: `/api/v1/personnel-actions/${ids.talk}/document.docx` });
      expect(visibleText(talk.rawPayload)).toContain('诫勉谈话通知');
    });

    it('lets each office set its own letterhead, checked and recorded; new documents use it', async () => {
      const base = `/api/v1/counties/${COUNTY}/issuing-offices`;
      const offices = (await k.as('finance', { url: base })).json().items;
      expect(offices.map((o: { id: string; code: string }) => [o.id, o.code])).toEqual([
        ['office', '清人考'],
        ['finance', '清财'],
      ]);
      const body = {
        office: 'finance',
        name: '清水县财政局',
        mark: '清水县财政局文件',
        code: '清财',
        letterhead: 'preprinted',
        fonts: 'system',
      };
      expect(
        (await k.as('finance', { method: 'PUT', url: base, payload: { ...body, office: 'office' } }))
          .statusCode,
      ).toBe(403);
      const bad = await k.as('finance', { method: 'PUT', url: base, payload: { ...body, code: '清财 2' } });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.problems[0]).toMatchObject({
        path: 'code',
        zh: expect.stringContaining('机关代字'),
      });
      const ok = await k.as('finance', { method: 'PUT', url: base, payload: body });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ id: 'finance', letterhead: 'preprinted', configured: true });
      expect(
        (await k.as('auditor', { url: '/api/v1/audit?action=issuing_office.update' })).json().items,
      ).toHaveLength(1);
      expect((await k.as('dongfeng', { method: 'PUT', url: base, payload: body })).statusCode).toBe(403);
    });
  });
