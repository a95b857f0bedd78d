// 发文字号 on SQLite and PostgreSQL: numbered per office and per year from 1 without gaps, never
// twice even when many documents are issued at once, one number per document however often and
// however concurrently it is asked for; the issue in the audit trail; the record never changed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../../compose.ts';
import { SYSTEM } from '../../store/audit.ts';
import { createCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { systemScope } from '../../store/scope.ts';
import { createTestStore, DIALECTS, type TestStore } from '../../store/testing.ts';
import { createUser } from '../../store/users.ts';
import type { OfficialDoc } from './model.ts';
import { setOffice } from './offices.ts';
import { documentNumber, documentRegister, type IssueSpec, issue } from './register.ts';

const actor = { name: 'office1', role: 'office' };

function spec(object: string, dated: string, office: 'office' | 'finance' = 'office'): IssueSpec {
  return {
    county: 'qingshui',
    kind: 'warning_notice',
    object: { type: 'test', id: object },
    office,
    dated,
    build: ({ number, offices }): OfficialDoc => ({
      kind: 'warning_notice',
      fonts: offices[office].fonts,
      number,
      title: `通知${object}`,
      body: [{ kind: 'p', text: object }],
      dated,
    }),
  };
}

/** The numbers issued, by office and year. */
async function numbers(ctx: Ctx, office: string, year: number): Promise<number[]> {
  const rows = await ctx.db
    .selectFrom('issued_documents')
    .select('seq')
    .where('office', '=', office)
    .where('year', '=', year)
    .execute();
  return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
}

for (const dialect of DIALECTS)
  describe(`发文字号 on ${dialect}`, () => {
    let s: TestStore;
    let ctx: Ctx;
    beforeAll(async () => {
      s = await createTestStore(dialect);
      ctx = makeCtx(s.db, () => new Date('2010-01-05T02:00:00Z'));
      await createCounty(ctx, SYSTEM, { id: 'qingshui', name: '清水县' });
      await createUser(ctx, SYSTEM, {
        username: 'office1',
        password: 'register password',
        role: 'office',
        county: 'qingshui',
        display_name: '王志刚',
      });
    });
    afterAll(async () => s?.drop());

    it('numbers 30 documents issued at once 1 to 30, each once, per office and year', async () => {
      const issued = await Promise.all(
        Array.from({ length: 30 }, (_, i) => issue(ctx, actor, spec(`a${i}`, '2010-01-05'))),
      );
      expect(await numbers(ctx, 'office', 2010)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(new Set(issued.map((d) => d.number)).size).toBe(30);
      for (const d of issued) expect(d.number).toMatch(/^清人考〔2010〕([1-9]|[12]\d|30)号$/);
      expect(d(issued, 'a0').doc.number).toBe(d(issued, 'a0').number);
      // Another office, and another year, count from 1.
      const finance = await Promise.all([
        issue(ctx, actor, spec('f1', '2010-02-01', 'finance')),
        issue(ctx, actor, spec('f2', '2010-02-01', 'finance')),
      ]);
      expect(finance.map((x) => x.number).sort()).toEqual(['清财〔2010〕1号', '清财〔2010〕2号']);
      expect((await issue(ctx, actor, spec('y2011', '2011-01-03'))).number).toBe('清人考〔2011〕1号');
      expect(await numbers(ctx, 'office', 2010)).toHaveLength(30);
    });

    it('gives one document one number, however often and however concurrently it is asked for', async () => {
      const same = await Promise.all(
        Array.from({ length: 8 }, () => issue(ctx, actor, spec('once', '2010-03-01'))),
      );
      expect(new Set(same.map((x) => x.number))).toEqual(new Set(['清人考〔2010〕31号']));
      expect(new Set(same.map((x) => x.id)).size).toBe(1);
      const later = await issue(ctx, { name: 'someone-else', role: 'auditor' }, spec('once', '2010-03-01'));
      expect(later).toMatchObject({ id: same[0]!.id, number: '清人考〔2010〕31号', issued_by: 'office1' });
      const audit = await ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'document.issue')
        .where('object_id', '=', same[0]!.id)
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.after!)).toMatchObject({ number: '清人考〔2010〕31号', object_id: 'once' });
    });

    it('uses the office code the office set, continuing its sequence; the register lists it in order', async () => {
      await setOffice(ctx, systemScope('qingshui'), 'qingshui', {
        office: 'office',
        name: '清水县人口和计划生育考核办公室',
        mark: '清水县人口和计划生育考核办公室文件',
        code: '清县人考',
        letterhead: 'preprinted',
        fonts: 'system',
      });
      const next = await issue(ctx, actor, spec('after-setting', '2010-03-02'));
      expect(next.number).toBe(documentNumber('清县人考', 2010, 32));
      expect(next.doc.fonts).toBe('system');
      const register = await documentRegister(ctx, systemScope('qingshui'), 'qingshui', 2010);
      const office = register.filter((r) => r.office === 'office').map((r) => r.number);
      expect(office.at(0)).toBe('清人考〔2010〕1号');
      expect(office.at(-1)).toBe('清县人考〔2010〕32号');
      expect(office).toHaveLength(32);
      // Who issued each, by name.
      expect(register[0]).toMatchObject({ issued_by: 'office1', issued_by_name: '王志刚' });
    });

    it('keeps an issued document as it was: the database refuses to change or remove it', async () => {
      await expect(ctx.db.updateTable('issued_documents').set({ number: 'x' }).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(ctx.db.deleteFrom('issued_documents').execute()).rejects.toThrow(/append-only/);
    });
  });

function d(list: { doc: OfficialDoc; number: string | null }[], body: string) {
  return list.find((x) => x.doc.title === `通知${body}`)!;
}
