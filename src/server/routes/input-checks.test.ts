// The checks a clerk's data needs, through the API on SQLite and PostgreSQL: each refusal names
// the field in Chinese and English and stores nothing. Scores within the range the pack
// declares; a notice's deadline given and not before its issue; a decision's deadline not before
// the decision; a receipt number once per county and FP year; a ledger entry dated between its
// decision and today; and money in one unit, integer fen named `*_fen`, in every request and
// answer (reports included).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, example, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { DIALECTS } from '../../store/testing.ts';

const C = `/api/v1/counties/${COUNTY}`;
const Y = `${C}/years/2009`;

/** Every key of a JSON value, all the way down, with its path. */
function keys(v: unknown, path = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => keys(x, `${path}[${i}]`));
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => [`${path}.${k}`, ...keys(x, `${path}.${k}`)]);
}

for (const dialect of DIALECTS)
  describe(`input checks on ${dialect}`, () => {
    let k: Kit;
    beforeAll(async () => {
      k = await workflowKit(dialect);
    });
    afterAll(async () => k?.close());

    it('keeps scores within the range the pack declares (0–100 for the county, 二(三))', async () => {
      const high = await k.as('office', {
        method: 'POST',
        url: `${C}/assessments`,
        payload: { fp_year: 2010, by: 'county', subject: 'v-hongxing', outcome: 'pass', score: 105 },
      });
      expect(high.statusCode).toBe(422);
      expect(high.json().error.problems).toEqual([
        {
          path: 'score',
          code: 'range',
          zh: '县考核的分数应在 0 至 100 分之间（二（三）），不是 105',
          en: 'a county score is between 0 and 100 (二（三）), not 105',
        },
      ]);
      expect((await k.as('office', { url: `${C}/assessments?fp_year=2010` })).json().total).toBe(0);
      const stored = (
        await k.as('office', { url: `${C}/assessments?fp_year=2009&subject=v-hongxing&by=county` })
      ).json().items[0];
      const low = await k.as('office', {
        method: 'PATCH',
        url: `${C}/assessments/${stored.id}`,
        payload: { score: -5 },
      });
      expect(low.json().error.problems[0]).toMatchObject({ path: 'score', code: 'range' });
      const c = example();
      c.assessments[5].score = 100.5;
      const imported = await k.as('office', { method: 'PUT', url: `${Y}/case`, payload: c });
      expect(imported.statusCode).toBe(422);
      expect(imported.json().error.problems[0]).toMatchObject({
        path: 'assessments[5].score',
        code: 'range',
      });
      expect((await k.as('office', { url: `${C}/assessments/${stored.id}` })).json().score).toBe(97);
    });

    it("requires a warning notice's deadline, not before its issue date", async () => {
      const notice = { id: 'n-check', unit: 'v-hongxing', issued_on: '2009-05-10', matter: '孕情跟踪' };
      const none = await k.as('office', { method: 'POST', url: `${C}/warning-notices`, payload: notice });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.problems[0]).toMatchObject({ path: 'deadline', code: 'required' });
      const early = await k.as('office', {
        method: 'POST',
        url: `${C}/warning-notices`,
        payload: { ...notice, deadline: '2009-05-09' },
      });
      expect(early.statusCode).toBe(422);
      expect(early.json().error.problems[0]).toMatchObject({
        path: 'deadline',
        code: 'range',
        zh: '整改期限不能早于下发日期（2009-05-10）',
      });
      expect((await k.as('office', { url: `${C}/warning-notices/n-check` })).statusCode).toBe(404);
      const ok = await k.as('office', {
        method: 'POST',
        url: `${C}/warning-notices`,
        payload: { ...notice, deadline: '2009-05-10' },
      });
      expect(ok.statusCode).toBe(201);
      const moved = await k.as('office', {
        method: 'PATCH',
        url: `${C}/warning-notices/n-check`,
        payload: { issued_on: '2009-06-01' },
      });
      expect(moved.json().error.problems[0]).toMatchObject({ path: 'deadline', code: 'range' });
    });

    it("refuses a decision's fines_due_on before the day of the decision", async () => {
      k.setClock('2009-12-20T04:00:00Z');
      const ev = (await k.as('office', { method: 'POST', url: `${Y}/evaluations`, payload: {} })).json();
      const r = await k.as('office', {
        method: 'POST',
        url: `${Y}/decisions`,
        payload: { evaluation_id: ev.receipt.id, fines_due_on: '2009-12-19' },
      });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.problems[0]).toMatchObject({
        path: 'fines_due_on',
        code: 'range',
        zh: '罚款缴纳期限不能早于决定日期（2009-12-20）',
      });
      expect((await k.as('office', { url: `${Y}/decisions` })).json().items).toEqual([]);
      const ok = await k.as('office', {
        method: 'POST',
        url: `${Y}/decisions`,
        payload: { evaluation_id: ev.receipt.id, fines_due_on: '2010-03-31' },
      });
      expect(ok.statusCode).toBe(201);
    });

    it('dates a ledger entry between its decision and today, and uses a receipt number once a year', async () => {
      k.setClock('2010-01-20T04:00:00Z');
      const fines = (await k.as('office', { url: `${Y}/obligations?kind=fine` })).json().items;
      const of = (person: string) =>
        fines.find((o: { subject: { id: string } }) => o.subject.id === person).id;
      const collect = (person: string, body: object, key: string) =>
        k.as('xishan', {
          method: 'POST',
          url: `/api/v1/obligations/${of(person)}/collect`,
          payload: { amount_fen: 50000, ...body },
          headers: { 'idempotency-key': key },
        });
      const before = await collect('p-wu', { receipt_no: 'XS-1', on: '2009-12-19' }, 'date-check-1');
      expect(before.json().error.problems[0]).toMatchObject({
        path: 'on',
        code: 'range',
        zh: '不能早于作出决定的日期（2009-12-20）',
      });
      const future = await collect('p-wu', { receipt_no: 'XS-1', on: '2010-01-21' }, 'date-check-2');
      expect(future.json().error.problems[0]).toMatchObject({ path: 'on', code: 'range' });
      const first = await collect('p-wu', { receipt_no: 'XS-1', on: '2010-01-20' }, 'receipt-check-1');
      expect(first.statusCode).toBe(201);
      const again = await collect('p-chen', { receipt_no: 'XS-1' }, 'receipt-check-2');
      expect(again.statusCode).toBe(422);
      expect(again.json().error.problems[0]).toMatchObject({
        path: 'receipt_no',
        code: 'duplicate',
        zh: '收据号 XS-1 在本县 2009 计生年度已经使用',
      });
      const chen = (await k.as('office', { url: `/api/v1/obligations/${of('p-chen')}` })).json();
      expect(chen.balance.collected_fen).toBe(0);
      // A collection entered by mistake and reversed frees its number.
      const reversed = await k.as('office', {
        method: 'POST',
        url: `/api/v1/ledger-entries/${first.json().entries.at(-1).id}/reverse`,
        payload: { reason: '收据开错对象' },
        headers: { 'idempotency-key': 'receipt-check-3' },
      });
      expect(reversed.statusCode).toBe(201);
      expect((await collect('p-chen', { receipt_no: 'XS-1' }, 'receipt-check-4')).statusCode).toBe(201);
    });

    it('takes and gives every amount as integer fen, named *_fen', async () => {
      const fine = (await k.as('office', { url: `${Y}/obligations?kind=fine&person=p-feng` })).json()
        .items[0];
      const url = `/api/v1/obligations/${fine.id}/collect`;
      const yuan = await k.as('xishan', {
        method: 'POST',
        url,
        payload: { amount_yuan: 1500, receipt_no: 'XS-9' },
        headers: { 'idempotency-key': 'fen-check-1' },
      });
      expect(yuan.statusCode).toBe(400);
      expect(
        yuan
          .json()
          .error.problems.map((p: { path: string }) => p.path)
          .sort(),
      ).toEqual(['amount_fen', 'amount_yuan']);
      const half = await k.as('xishan', {
        method: 'POST',
        url,
        payload: { amount_fen: 1500.5, receipt_no: 'XS-9' },
        headers: { 'idempotency-key': 'fen-check-2' },
      });
      expect(half.json().error.problems[0].path).toBe('amount_fen');
      const answers = await Promise.all(
        [
          `${Y}/obligations`,
          `/api/v1/obligations/${fine.id}`,
          `${Y}/balances`,
          `${Y}/reports/rewards-and-sanctions`,
          `${Y}/reports/statement?unit=t-xishan`,
          `${Y}/reports/overdue?on=2010-04-15`,
        ].map(async (u) => (await k.as('office', { url: u })).json()),
      );
      answers.push(
        (
          await k.as('office', {
            method: 'POST',
            url: `${Y}/what-if`,
            payload: { interpretations: { I10: 'two-committees-only' } },
          })
        ).json(),
      );
      // A consequence of a zeren-result/1 document (a what-if's diff) keeps the interchange format's
      // whole-yuan `amount_yuan` (docs/case-format.md); every other amount is fen.
      const all = answers.flatMap((a) => keys(a)).filter((p) => !p.startsWith('.diff.'));
      expect(all.length).toBeGreaterThan(500);
      expect(all.filter((p) => /_yuan$|\.amount$|\.balance\.[a-z]+$/.test(p) && !/_fen$/.test(p))).toEqual(
        [],
      );
      expect(answers[1].balance.assessed_fen).toBe(150000);
      expect(answers[6].after.fines_fen).toBe(answers[6].before.fines_fen - 100000);
    });
  });
