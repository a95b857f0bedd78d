import { describe, expect, it } from 'vitest';
import { loadEngine } from './load.ts';
import { packTests } from './tests-index.ts';
import { byClause, findClause, flow, policyView, valueZh } from './view.ts';

const engine = loadEngine('county-fp-2009');
const tests = packTests('county-fp-2009');

describe('policy view', () => {
  const view = policyView(engine, tests, '2009-06-01');

  it('puts clause 3.1.1 beside the rules citing it, its parameters in force and the tests covering it', () => {
    const c = findClause(view, '3.1.1')!;
    expect(c.label).toBe(engine.pack.clauses.get('3.1.1')!.label);
    expect(c.text).toContain('抽中');
    expect(c.rules.map((r) => r.id)).toEqual(['reward-province-pass-sampled-town']);
    expect(c.rules[0]!.condition).toContain('I3: cumulative');
    expect(c.rules[0]!.gives[0]).toBe('{ to: subject, give: [{ reward: reward_3_1_1_town }] }');
    const town = c.parameters.find((p) => p.name === 'reward_3_1_1_town')!;
    expect(town).toMatchObject({
      value: 1_000_000,
      value_zh: '10,000.00元',
      valid_from: '2008-10-01',
      unit_zh: '元',
    });
    expect(c.interpretations).toEqual(expect.arrayContaining(['I2', 'I3']));
    expect(c.tests.length).toBeGreaterThan(0);
    for (const t of c.tests) expect(t.covers).toContain('3.1.1');
    expect(findClause(view, '三（一）1')?.id).toBe('3.1.1');
  });

  it('lists every clause of text.md in reading order, and every test file’s cases', () => {
    expect(view.clauses).toHaveLength(engine.pack.clauses.size);
    const ids = view.clauses.map((c) => c.id);
    expect([...ids].sort(byClause)).toEqual(ids);
    expect(ids.indexOf('3.1.2')).toBeLessThan(ids.indexOf('3.2'));
    expect(ids.indexOf('4.3.1.2')).toBeLessThan(ids.indexOf('4.3.1.8'));
    expect(view.tests_total).toBe(tests.length);
    expect(new Set(tests.map((t) => t.file)).size).toBeGreaterThan(5);
  });

  it('gives every interpretation its values, the default marked, and the tests that set it', () => {
    expect(view.interpretations.map((i) => i.id)).toEqual(Array.from({ length: 13 }, (_, i) => `I${i + 1}`));
    const i3 = view.interpretations.find((i) => i.id === 'I3')!;
    expect(i3.values.filter((v) => v.is_default).map((v) => v.value)).toEqual(['replace']);
    expect(i3.values.map((v) => v.value)).toEqual(['replace', 'cumulative']);
    expect(view.interpretations.some((i) => i.tests.length > 0)).toBe(true);
  });

  it('takes each parameter as in force on the day asked about', () => {
    const before = policyView(engine, tests, '2008-09-30');
    expect(before.parameters.find((p) => p.name === 'reward_3_1_1_town')).toMatchObject({
      value: null,
      value_zh: null,
      valid_from: null,
    });
    expect(before.fp_year).toBe(2008);
    expect(view.fp_year).toBe(2009);
  });

  it('links a rule that applies another rule to that rule’s clause and amounts', () => {
    const applying = view.clauses.flatMap((c) => c.rules).find((r) => r.gives[0]?.startsWith('apply:'));
    expect(applying?.applies).toBeTruthy();
  });

  it('writes values and rule fragments as people read them', () => {
    expect(valueZh('count', 10)).toBe('前10名');
    expect(valueZh('yuan', 150050)).toBe('1,500.50元');
    expect(valueZh('yuan', 300, false)).toBe('300.00元');
    expect(flow({ to: { town_posts: ['mayor'] }, give: ['award_veto'] })).toBe(
      '{ to: { town_posts: [mayor] }, give: [award_veto] }',
    );
  });
});
