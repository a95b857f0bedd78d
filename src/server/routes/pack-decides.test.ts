// The pack decides: a copy of the shipped pack with the villages' cut-off "前10名" made 前8名 (the
// parameter and its wording) and the default reading of "连续二次" (I13) flipped to any two
// notices, chosen by configuration (ZEREN_POLICIES), makes the rankings and escalation routes and
// the evaluation follow it, on SQLite and PostgreSQL, with no TypeScript changed. The shipped pack,
// evaluating the same stored year, still says otherwise, so each assertion can fail.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx, rowsOf } from '../../../test/support/files.ts';
import { COUNTY, example, type Kit, workflowKit } from '../../../test/support/workflow-kit.ts';
import { DEFAULT_POLICY, loadEngine, POLICIES_DIR } from '../../policy/load.ts';
import { exportCase } from '../../store/cases.ts';
import { DIALECTS } from '../../store/testing.ts';
import { importCase } from '../../store/year-import.ts';

/** Replaces `from` (which must occur exactly `times` times) in a file of the copied pack. */
function edit(file: string, from: RegExp, to: string, times: number): void {
  const text = readFileSync(file, 'utf8');
  expect(text.match(new RegExp(from.source, 'g'))?.length, `${from} in ${file}`).toBe(times);
  writeFileSync(file, text.replace(new RegExp(from.source, 'g'), to));
}

const dir = mkdtempSync(join(tmpdir(), 'zeren-pack-'));
const pack = join(dir, DEFAULT_POLICY);
cpSync(join(POLICIES_DIR, DEFAULT_POLICY), pack, { recursive: true });
edit(
  join(pack, 'parameters.yaml'),
  /(rank_3_2_2:\n(?:.*\n){4}\s+- \{ valid_from: 2008-10-01, value: )10 \}/,
  '$18 }',
  1,
);
edit(join(pack, 'parameters.yaml'), /前10名/, '前8名', 2);
edit(join(pack, 'text.md'), /前10名/, '前8名', 1);
edit(
  join(pack, 'interpretations.yaml'),
  /(I13:\n(?:.*\n){3}\s+default: )no-correction-between/,
  '$1any-two',
  1,
);
// Its words: a mayor is 镇长（场长）, a yellow card 黄牌.
edit(join(pack, 'vocabulary.yaml'), /mayor: 镇长\n/, 'mayor: 镇长（场长）\n', 1);
edit(join(pack, 'vocabulary.yaml'), /yellow_card: 黄牌警告/, 'yellow_card: 黄牌', 1);
const before = process.env.ZEREN_POLICIES;
process.env.ZEREN_POLICIES = dir;

const shipped = loadEngine(join(POLICIES_DIR, DEFAULT_POLICY));
const year = `/api/v1/counties/${COUNTY}/years/2009`;

/** The example with six more passing villages, so that ten villages are ranked. */
function tenVillages() {
  const c = example();
  for (let i = 1; i <= 6; i++) {
    c.units.push({ id: `v-x${i}`, kind: 'village', name: `新${i}村`, town: 't-dongfeng' });
    c.assessments.push({ by: 'county', subject: `v-x${i}`, outcome: 'pass', score: 80 - i });
  }
  return c;
}

interface Line {
  clause: string;
  subject: { kind: string; id: string };
  via?: { unit: string };
}
const unitsUnder = (clause: string, lines: Line[]) =>
  [
    ...new Set(
      lines
        .filter((c) => c.clause === clause)
        .map((c) => (c.subject.kind === 'unit' ? c.subject.id : c.via!.unit)),
    ),
  ].sort();

afterAll(() => {
  if (before === undefined) delete process.env.ZEREN_POLICIES;
  else process.env.ZEREN_POLICIES = before;
  rmSync(dir, { recursive: true, force: true });
});

for (const dialect of DIALECTS) {
  describe(`a county following an edited copy of the pack, on ${dialect}`, () => {
    let k: Kit;
    beforeAll(async () => {
      k = await workflowKit(dialect);
      await importCase(k.ctx, k.office, COUNTY, 2009, tenVillages());
    });
    afterAll(async () => k?.close());

    it('ranks villages against 前8名, and the evaluation rewards those the ranking qualifies', async () => {
      const r = await k.as('office', { url: `${year}/rankings` });
      expect(r.statusCode).toBe(200);
      const villages = r.json().rankings.find((x: { group: string }) => x.group === 'villages');
      expect(villages).toMatchObject({ clause: '3.2.2', top: 8, ranked: 10 });
      const ninth = villages.items.find((i: { unit: string }) => i.unit === 'v-x6');
      expect(ninth).toMatchObject({ rank: 9, qualifies: false });
      expect(ninth.reasons[0]).toMatchObject({ code: 'rank', zh: '排名第 9 名，不在前 8 名' });
      const qualified = villages.items
        .filter((i: { qualifies: boolean }) => i.qualifies)
        .map((i: { unit: string }) => i.unit)
        .sort();

      const ev = await k.as('office', { method: 'POST', url: `${year}/evaluations`, payload: {} });
      expect(ev.statusCode).toBe(201);
      const { consequences, withheld } = ev.json().result;
      expect(unitsUnder('3.2.2', [...consequences, ...withheld]).filter((u) => u.startsWith('v-'))).toEqual(
        qualified,
      );
      // The shipped pack's 前10名 rewards the ninth village too.
      const kase = await exportCase(k.ctx, k.office, COUNTY, 2009);
      const r10 = shipped.evaluate(kase);
      if (!r10.ok) throw new Error('the stored year does not evaluate under the shipped pack');
      const ten = unitsUnder('3.2.2', [...r10.value.consequences, ...r10.value.withheld]);
      expect(ten).toContain('v-x6');
      expect(qualified).not.toContain('v-x6');
    });

    it("speaks the copy's words: its vocabulary, templates and the case validator", async () => {
      const v = (await k.as('office', { url: `/api/v1/counties/${COUNTY}/vocabulary` })).json();
      expect(v.unit_kinds.town.roles.mayor).toBe('镇长（场长）');
      expect(shipped.vocabulary.unit_kinds.town?.roles.mayor).toBe('镇长');
      const roster = await k.as('office', { url: `${year}/rosters/t-dongfeng/template.xlsx` });
      expect(roster.statusCode).toBe(200);
      const posts = rowsOf(await readXlsx(roster.rawPayload), '镇（场）职务');
      expect(posts.some((r) => r.includes('镇长（场长）'))).toBe(true);
      expect(posts.some((r) => r.includes('镇长'))).toBe(false);
      const scores = await k.as('office', { url: `${year}/scores/template.xlsx` });
      expect(scores.statusCode).toBe(200);
      const villages = rowsOf(await readXlsx(scores.rawPayload), '村（社区、工区）');
      expect(villages.find((r) => r[0] === 'v-xiaying')?.[3]).toBe('黄牌');
      const c = example();
      const i = c.posts.findIndex((p: { role: string }) => p.role === 'mayor');
      c.posts[i].role = 'deputy_mayor';
      const r = await k.as('office', { method: 'PUT', url: `${year}/case`, payload: c });
      expect(r.statusCode).toBe(422);
      const problem = r.json().error.problems.find((p: { path: string }) => p.path === `posts[${i}].role`);
      expect(problem?.zh).toMatch(/^镇（场）没有职务“deputy_mayor”，应为：.*镇长（场长）（mayor）/);
    });

    it('escalates two notices with a correction verified between them, as any two notices now do', async () => {
      const notices = `/api/v1/counties/${COUNTY}/warning-notices`;
      const issue = (id: string, issued_on: string) =>
        k.as('office', {
          method: 'POST',
          url: notices,
          payload: { id, unit: 'v-hongxing', issued_on, matter: '孕情跟踪', deadline: '2009-09-30' },
        });
      expect((await issue('n1', '2009-03-01')).statusCode).toBe(201);
      const reported = await k.as('dongfeng', {
        method: 'POST',
        url: `${notices}/n1/correction`,
        payload: { reported_on: '2009-03-20', note: '已补齐服务对象台账' },
      });
      expect(reported.statusCode).toBe(200);
      const verified = await k.as('office', {
        method: 'POST',
        url: `${notices}/n1/verify`,
        payload: { verified_on: '2009-03-25' },
      });
      expect(verified.statusCode).toBe(200);
      expect((await issue('n2', '2009-05-01')).statusCode).toBe(201);

      const e = (await k.as('office', { url: `${year}/escalations` })).json();
      expect(e.interpretations.I13).toBe('any-two');
      expect(e.escalated.map((x: { unit: { id: string } }) => x.unit.id).sort()).toEqual([
        'u-gongan',
        'v-hongxing',
      ]);
      const ev = await k.as('office', { method: 'POST', url: `${year}/evaluations`, payload: {} });
      expect(ev.statusCode).toBe(201);
      expect(unitsUnder('4.3.2.2', ev.json().result.consequences)).toEqual(['u-gongan', 'v-hongxing']);
      // Under the shipped pack's default the verified correction breaks the row.
      const kase = await exportCase(k.ctx, k.office, COUNTY, 2009);
      const shippedResult = shipped.evaluate(kase);
      if (!shippedResult.ok) throw new Error('the stored year does not evaluate under the shipped pack');
      expect(unitsUnder('4.3.2.2', shippedResult.value.consequences)).toEqual(['u-gongan']);
    });
  });
}
