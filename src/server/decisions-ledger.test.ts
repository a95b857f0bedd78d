// Decisions, the fines ledger, reward payments and personnel actions end to end through the API,
// on SQLite and PostgreSQL: a what-if, confirming, a repeated payment, a correction after
// confirmation, a person who moved before paying, a deduction past the deadline, restrictions.

import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeCtx } from '../compose.ts';
import { SYSTEM } from '../store/audit.ts';
import { createCounty } from '../store/cases.ts';
import { createTestStore, DIALECTS, type TestStore } from '../store/testing.ts';
import { createUser } from '../store/users.ts';
import { buildApp } from './app.ts';

const PASSWORD = 'workflow password';
const example = () =>
  parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));

for (const dialect of DIALECTS)
  describe(`decisions and ledger on ${dialect}`, () => {
    let s: TestStore;
    let app: FastifyInstance;
    const clock = { now: new Date('2009-12-20T08:00:00Z') };
    const as: Record<string, string> = {};
    const call = (
      who: string,
      method: string,
      url: string,
      payload?: unknown,
      headers: Record<string, string> = {},
    ) =>
      app.inject({
        method: method as 'GET',
        url,
        payload: payload as object,
        headers: { cookie: as[who]!, ...headers },
      });
    const Y = '/api/v1/counties/qingshui/years/2009';
    let decision = '';
    const login = async (name: string) => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: name, password: PASSWORD },
      });
      as[name] = `zeren_session=${r.cookies.find((c) => c.name === 'zeren_session')!.value}`;
    };
    /** Weeks pass (money is moved on the day it moved, never later): everyone signs in again. */
    const advance = async (iso: string) => {
      clock.now = new Date(iso);
      for (const name of Object.keys(as)) await login(name);
    };
    const fine = async (person: string, clause: string) => {
      const r = await call('office', 'GET', `${Y}/obligations?kind=fine&person=${person}`);
      return r.json().items.find((o: { clause: string }) => o.clause === clause);
    };

    beforeAll(async () => {
      s = await createTestStore(dialect);
      const ctx = makeCtx(s.db, () => clock.now);
      app = await buildApp({ db: s.db, now: () => clock.now });
      await createCounty(ctx, SYSTEM, { id: 'qingshui', name: '清水县' });
      const users = [
        ['office', 'office', null],
        ['finance', 'finance', null],
        ['xishan', 'town', 't-xishan'],
        ['dongfeng', 'town', 't-dongfeng'],
        ['jiaoyu', 'unit', 'u-jiaoyu'],
      ] as const;
      await app.inject({ method: 'PUT', url: `${Y}/case`, payload: example(), headers: { cookie: '' } });
      for (const [name, role] of users.filter(([, r]) => r !== 'town' && r !== 'unit'))
        await createUser(ctx, SYSTEM, { username: name, password: PASSWORD, role, county: 'qingshui' });
      await login('office');
      await login('finance');
      expect((await call('office', 'PUT', `${Y}/case`, example())).statusCode).toBe(200);
      for (const [name, role, unit] of users.filter(([, r]) => r === 'town' || r === 'unit')) {
        await createUser(ctx, SYSTEM, { username: name, password: PASSWORD, role, county: 'qingshui', unit });
        await login(name);
      }
    });
    afterAll(async () => {
      await app.close();
      await s.drop();
    });

    it('shows what another reading would change, and the difference between runs', async () => {
      const w = await call('office', 'POST', `${Y}/what-if`, {
        interpretations: { I10: 'two-committees-only' },
      });
      expect(w.statusCode, w.body).toBe(200);
      expect(w.json().diff.removed.map((c: { subject: { id: string } }) => c.subject.id)).toEqual(['p-shen']);
      expect(w.json().after.fines_fen).toBe(w.json().before.fines_fen - 100000);
      await call('office', 'POST', `${Y}/evaluations`, {});
      clock.now = new Date(clock.now.getTime() + 60_000);
      const second = (
        await call('office', 'POST', `${Y}/evaluations`, { interpretations: { I2: 'sampled-villages-only' } })
      ).json();
      const d = await call('office', 'GET', `/api/v1/evaluations/${second.receipt.id}/diff?against=previous`);
      expect(
        d
          .json()
          .diff.removed.map(
            (c: { subject: { id: string }; clause: string }) => `${c.subject.id} ${c.clause}`,
          ),
      ).toEqual(['p-zhou 3.1.1']);
      expect(
        (await call('office', 'GET', `/api/v1/evaluations/${second.receipt.id}/diff?against=decision`))
          .statusCode,
      ).toBe(404);
    });

    it("confirms an evaluation as the year's decision, once; a second needs supersedes and a reason", async () => {
      const ev = (await call('office', 'POST', `${Y}/evaluations`, {})).json();
      const r = await call('office', 'POST', `${Y}/decisions`, {
        evaluation_id: ev.receipt.id,
        fines_due_on: '2010-03-31',
      });
      expect(r.statusCode).toBe(201);
      decision = r.json().id;
      const again = await call('office', 'POST', `${Y}/decisions`, {
        evaluation_id: ev.receipt.id,
        fines_due_on: '2010-03-31',
      });
      expect(again.statusCode).toBe(409);
      const noReason = await call('office', 'POST', `${Y}/decisions`, {
        evaluation_id: ev.receipt.id,
        fines_due_on: '2010-03-31',
        supersedes: decision,
      });
      expect(noReason.json().error.problems[0]).toMatchObject({ path: 'reason', code: 'required' });
      expect(
        (
          await call('xishan', 'POST', `${Y}/decisions`, {
            evaluation_id: ev.receipt.id,
            fines_due_on: '2010-03-31',
          })
        ).statusCode,
      ).toBe(403);
      const list = await call('finance', 'GET', `${Y}/decisions`);
      expect(list.json().items).toHaveLength(1);
      const got = await call('xishan', 'GET', `/api/v1/decisions/${decision}`);
      expect(
        got
          .json()
          .result.consequences.every(
            (c: { subject: { id: string } }) => !['t-dongfeng', 'p-zhang'].includes(c.subject.id),
          ),
      ).toBe(true);
    });

    it('turns every fine into an amount owed, collected by the unit where the post was held', async () => {
      const wu = await fine('p-wu', '4.2.2');
      expect(wu).toMatchObject({
        collecting_unit: 't-xishan',
        withholding_unit: null,
        due_on: '2010-03-31',
        balance: { assessed_fen: 150000, outstanding_fen: 150000 },
      });
      const chu = await fine('p-chu', '4.2.2'); // stationed at 上岭村: collected by its town
      expect(chu.collecting_unit).toBe('t-xishan');
      const wei = await fine('p-wei', '4.2.2'); // a village cadre: collected by the village's town
      expect(wei.collecting_unit).toBe('t-xishan');
      const he = await fine('p-he', '4.3.1.8'); // named in an incident: his own unit
      expect(he.collecting_unit).toBe('u-gongan');
      const mine = (await call('xishan', 'GET', `${Y}/obligations?kind=fine`)).json().items;
      expect(new Set(mine.map((o: { collecting_unit: string }) => o.collecting_unit))).toEqual(
        new Set(['t-xishan']),
      );
      expect((await call('dongfeng', 'GET', `/api/v1/obligations/${wu.id}`)).statusCode).toBe(404);
    });

    it('collects once per idempotency key: a repeated payment returns the first answer and moves nothing', async () => {
      await advance('2010-01-06T08:00:00Z');
      const wu = await fine('p-wu', '4.2.2');
      const body = { amount_fen: 100000, receipt_no: 'XS-2010-001', on: '2010-01-05' };
      const noKey = await call('xishan', 'POST', `/api/v1/obligations/${wu.id}/collect`, body);
      expect(noKey.json().error.problems[0].path).toBe('Idempotency-Key');
      const first = await call('xishan', 'POST', `/api/v1/obligations/${wu.id}/collect`, body, {
        'idempotency-key': 'collect-wu-0001',
      });
      expect(first.statusCode).toBe(201);
      const repeat = await call('xishan', 'POST', `/api/v1/obligations/${wu.id}/collect`, body, {
        'idempotency-key': 'collect-wu-0001',
      });
      expect(repeat.statusCode).toBe(200);
      expect(repeat.headers['idempotent-replayed']).toBe('true');
      expect(repeat.json()).toEqual(first.json());
      expect((await fine('p-wu', '4.2.2')).balance).toMatchObject({
        collected_fen: 100000,
        outstanding_fen: 50000,
        held_fen: 100000,
      });
      const misuse = await call(
        'xishan',
        'POST',
        `/api/v1/obligations/${wu.id}/collect`,
        { ...body, amount_fen: 50000 },
        { 'idempotency-key': 'collect-wu-0001' },
      );
      expect(misuse.statusCode).toBe(409);
      const tooMuch = await call(
        'xishan',
        'POST',
        `/api/v1/obligations/${wu.id}/collect`,
        { ...body, amount_fen: 60000, receipt_no: 'XS-2010-009' },
        { 'idempotency-key': 'collect-wu-0002' },
      );
      expect(tooMuch.statusCode).toBe(422);
      expect(tooMuch.json().error.problems[0]).toMatchObject({ path: 'amount_fen', code: 'balance' });
      const remit = await call(
        'xishan',
        'POST',
        `/api/v1/obligations/${wu.id}/remit`,
        { amount_fen: 100000 },
        { 'idempotency-key': 'remit-wu-0001' },
      );
      expect(remit.json().balance).toMatchObject({ remitted_fen: 100000, held_fen: 0 });
    });

    it("deducts from the unit's allocation only after the deadline, and only the finance bureau", async () => {
      await advance('2010-04-02T08:00:00Z');
      const feng = await fine('p-feng', '4.2.2');
      const early = await call(
        'finance',
        'POST',
        `/api/v1/obligations/${feng.id}/deduct`,
        { amount_fen: 150000, on: '2010-03-31' },
        { 'idempotency-key': 'deduct-feng-01' },
      );
      expect(early.json().error.problems[0]).toMatchObject({ path: 'on', code: 'not_due' });
      expect(
        (
          await call(
            'xishan',
            'POST',
            `/api/v1/obligations/${feng.id}/deduct`,
            { amount_fen: 150000 },
            { 'idempotency-key': 'deduct-feng-02' },
          )
        ).statusCode,
      ).toBe(403);
      const late = await call(
        'finance',
        'POST',
        `/api/v1/obligations/${feng.id}/deduct`,
        { amount_fen: 150000, on: '2010-04-01' },
        { 'idempotency-key': 'deduct-feng-03' },
      );
      expect(late.statusCode).toBe(201);
      expect(late.json().balance).toMatchObject({ deducted_fen: 150000, outstanding_fen: 0 });
    });

    it('has the new unit withhold the fine of a person who moved before paying', async () => {
      // 郑镇长 left 西山镇 on 2009-05-31 and now heads the education bureau's FP work.
      await call('office', 'POST', '/api/v1/counties/qingshui/posts', {
        person: 'p-zheng',
        unit: 'u-jiaoyu',
        role: 'leader_in_charge',
        from: '2009-06-01',
      });
      const zheng = await fine('p-zheng', '4.2.2');
      expect(zheng).toMatchObject({ collecting_unit: 't-xishan', withholding_unit: 'u-jiaoyu' });
      // The town he left is told which unit withholds the fine now.
      const refused = await call(
        'xishan',
        'POST',
        `/api/v1/obligations/${zheng.id}/collect`,
        { amount_fen: 150000, receipt_no: 'XS-9' },
        { 'idempotency-key': 'zheng-by-xishan' },
      );
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.zh).toContain('县教育局（u-jiaoyu）');
      expect(refused.json().error.en).toContain('县教育局 (u-jiaoyu) now withholds the fine');
      expect(refused.json().error.problems[0]).toMatchObject({ path: 'withholding_unit', code: 'moved' });
      const r = await call(
        'jiaoyu',
        'POST',
        `/api/v1/obligations/${zheng.id}/collect`,
        { amount_fen: 150000, receipt_no: 'JY-2010-01' },
        { 'idempotency-key': 'zheng-by-jiaoyu' },
      );
      expect(r.statusCode).toBe(201);
      expect(r.json().entries.at(-1)).toMatchObject({
        kind: 'collect',
        unit_id: 'u-jiaoyu',
        note: '调入单位 u-jiaoyu 代扣',
      });
    });

    it('follows a correction after confirmation with correcting entries, and refunds what is no longer due', async () => {
      const shen = await fine('p-shen', '4.2.2');
      await call(
        'xishan',
        'POST',
        `/api/v1/obligations/${shen.id}/collect`,
        { amount_fen: 100000, receipt_no: 'XS-2010-002' },
        { 'idempotency-key': 'shen-collect-1' },
      );
      const ev = (
        await call('office', 'POST', `${Y}/evaluations`, { interpretations: { I10: 'two-committees-only' } })
      ).json();
      const corrected = await call('office', 'POST', `${Y}/decisions`, {
        evaluation_id: ev.receipt.id,
        fines_due_on: '2010-06-30',
        supersedes: decision,
        reason: '县政府常务会议决定:计生专干不属村干部',
      });
      expect(corrected.statusCode).toBe(201);
      const after = await call('office', 'GET', `/api/v1/obligations/${shen.id}`);
      expect(after.json().balance).toMatchObject({
        assessed_fen: 0,
        collected_fen: 100000,
        outstanding_fen: 0,
        overpaid_fen: 100000,
      });
      expect(after.json().entries.map((e: { kind: string }) => e.kind)).toEqual([
        'assess',
        'collect',
        'reverse',
      ]);
      const refund = await call(
        'xishan',
        'POST',
        `/api/v1/obligations/${shen.id}/refund`,
        { amount_fen: 100000, note: '已退还本人' },
        { 'idempotency-key': 'shen-refund-1' },
      );
      expect(refund.json().balance).toMatchObject({ overpaid_fen: 0, held_fen: 0 });
      const chain = (await call('office', 'GET', `${Y}/decisions`)).json().items;
      expect(chain.map((d: { superseded_by: string | null }) => d.superseded_by === null)).toEqual([
        false,
        true,
      ]);
      const balances = (await call('office', 'GET', `${Y}/balances`)).json();
      const sum = (o: Record<string, { fines: { assessed_fen: number } }>) =>
        Object.values(o).reduce((t, x) => t + x.fines.assessed_fen, 0);
      expect(sum(balances.units)).toBe(balances.county.fines.assessed_fen);
      expect(sum(balances.people)).toBe(balances.county.fines.assessed_fen);
    });

    it('pays rewards through the finance bureau, once per key', async () => {
      const r = (await call('finance', 'GET', `${Y}/obligations?kind=reward`))
        .json()
        .items.find(
          (o: { subject: { id: string }; clause: string }) =>
            o.subject.id === 'u-jiaoyu' && o.clause === '3.3.1',
        );
      const pay = { amount_fen: 300000, receipt_no: 'CZ-2010-031' };
      expect(
        (
          await call('finance', 'POST', `/api/v1/obligations/${r.id}/pay`, pay, {
            'idempotency-key': 'pay-jiaoyu-331',
          })
        ).statusCode,
      ).toBe(201);
      expect(
        (
          await call('finance', 'POST', `/api/v1/obligations/${r.id}/pay`, pay, {
            'idempotency-key': 'pay-jiaoyu-331',
          })
        ).statusCode,
      ).toBe(200);
      const again = await call(
        'finance',
        'POST',
        `/api/v1/obligations/${r.id}/pay`,
        { ...pay, receipt_no: 'CZ-2010-032' },
        {
          'idempotency-key': 'pay-jiaoyu-331-b',
        },
      );
      expect(again.json().error.problems[0]).toMatchObject({ path: 'amount_fen', code: 'balance' });
      expect((await call('office', 'GET', `/api/v1/obligations/${r.id}`)).json().balance).toMatchObject({
        paid_fen: 300000,
        outstanding_fen: 0,
      });
      expect((await call('jiaoyu', 'GET', `/api/v1/obligations/${r.id}`)).statusCode).toBe(200);
    });

    it('records what the authority decided, and answers whether a person may be transferred or promoted', async () => {
      const actions = (await call('office', 'GET', `${Y}/personnel-actions?person=p-wu`)).json().items;
      const freeze = actions.find((a: { type: string }) => a.type === 'transfer_promotion_freeze');
      expect(freeze).toMatchObject({ from: '2009-12-20', until: '2010-12-19', status: 'pending' });
      const bad = await call('office', 'POST', `/api/v1/personnel-actions/${freeze.id}/records`, {
        outcome: 'adopted',
        authority: '',
        decided_on: '2010-13-01',
      });
      expect(bad.statusCode).toBe(400);
      const rec = await call('office', 'POST', `/api/v1/personnel-actions/${freeze.id}/records`, {
        outcome: 'adopted',
        authority: '中共某县委组织部',
        decided_on: '2010-01-08',
      });
      expect(rec.statusCode).toBe(201);
      const during = (
        await call('office', 'GET', '/api/v1/counties/qingshui/people/p-wu/restrictions?on=2010-06-01')
      ).json();
      expect(during.may_transfer_or_promote).toBe(false);
      expect(during.reasons[0].zh).toContain(
        '依据四（二）2，2009-12-20至2010-12-19一年内不得平级调动、提拔（已采纳执行）',
      );
      expect(
        (
          await call('office', 'GET', '/api/v1/counties/qingshui/people/p-wu/restrictions?on=2010-12-20')
        ).json().may_transfer_or_promote,
      ).toBe(true);
      expect(
        (await call('xishan', 'GET', '/api/v1/counties/qingshui/people/p-wu/restrictions?on=2010-06-01'))
          .statusCode,
      ).toBe(200);
      expect(
        (await call('dongfeng', 'GET', '/api/v1/counties/qingshui/people/p-wu/restrictions?on=2010-06-01'))
          .statusCode,
      ).toBe(404);
      // The correction kept p-wu's recommendations (the appraisal cap and the freeze).
      expect(
        (await call('office', 'GET', `${Y}/personnel-actions?person=p-wu`))
          .json()
          .items.map((a: { type: string }) => a.type)
          .sort(),
      ).toEqual(['appraisal_cap', 'transfer_promotion_freeze']);
    });
  });
